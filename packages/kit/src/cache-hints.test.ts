import { buildSubgraphSchema } from '@apollo/subgraph';
import { Kind, parse, print, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode, type OperationDefinitionNode } from 'graphql';
import gql from 'graphql-tag';
import { CACHE_CONTROL_SDL, staticMaxAge, withCacheHints } from './cache-hints';
import { FEDERATION_LINK } from './schema';

const SDL = `${FEDERATION_LINK}

${CACHE_CONTROL_SDL}

type Query {
  house: House!
  spaces: [Space!]!
  note: Note
}

type House {
  timeZone: String!
}

type Space @key(fields: "id") {
  id: ID!
  name: String!
}

type Note {
  text: String
}

enum Kind {
  A
  B
}

type Mutation {
  touch: House
}
`;

type ObjectNode = ObjectTypeDefinitionNode | ObjectTypeExtensionNode;

/** name → printed directives, for each object type of an SDL. */
function directivesOf(sdl: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const d of parse(sdl).definitions) {
    if (d.kind !== Kind.OBJECT_TYPE_DEFINITION && d.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const node = d as ObjectNode;
    out[node.name.value] = (node.directives ?? []).map((x) => print(x));
  }
  return out;
}

describe('withCacheHints', () => {
  it('adds @cacheControl(maxAge) to the hinted object types only, keeping their other directives', () => {
    const out = withCacheHints(SDL, { House: 3600, Space: 300, Note: 0 });
    expect(directivesOf(out)).toEqual({
      Query: [],
      House: ['@cacheControl(maxAge: 3600)'],
      Space: ['@key(fields: "id")', '@cacheControl(maxAge: 300)'],
      Note: ['@cacheControl(maxAge: 0)'],
      Mutation: [],
    });
    // The rest of the document is untouched.
    expect(out).toContain('enum Kind');
    expect(out).toContain('directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean)');
    expect(out).toContain('extend schema @link(url: "https://specs.apollo.dev/federation/v2.9"');
  });

  it('leaves the SDL as it was (printed) with no hints', () => {
    expect(directivesOf(withCacheHints(SDL, {}))).toEqual({ Query: [], House: [], Space: ['@key(fields: "id")'], Note: [], Mutation: [] });
  });

  it('hints object type extensions too', () => {
    const out = withCacheHints('extend type Space @key(fields: "id") { id: ID! }\ntype Query { a: Int }', { Space: 60 });
    expect(directivesOf(out)).toEqual({ Space: ['@key(fields: "id")', '@cacheControl(maxAge: 60)'], Query: [] });
  });

  it('throws on a hint for a type that does not exist, or is not an object type', () => {
    expect(() => withCacheHints(SDL, { House: 60, Nowhere: 60 })).toThrow('cache hints for unknown types: Nowhere');
    expect(() => withCacheHints(SDL, { Kind: 60 })).toThrow('cache hints for unknown types: Kind');
    expect(() => withCacheHints(SDL, { house: 60 })).toThrow(/unknown types: house/);
  });

  it('throws on a negative or non-integer max-age', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0.5]) {
      expect(() => withCacheHints(SDL, { House: bad })).toThrow('cache hint of House must be a whole number of seconds');
    }
    expect(() => withCacheHints(SDL, { House: '60' as unknown as number })).toThrow('cache hint of House must be a whole number of seconds');
  });
});

describe('a hinted SDL in a subgraph schema', () => {
  it('builds, and each hinted type carries its @cacheControl for Apollo', () => {
    const schema = buildSubgraphSchema({ typeDefs: gql(withCacheHints(SDL, { House: 3600, Space: 300 })) });
    const maxAgeOf = (name: string) =>
      (schema.getType(name)?.astNode?.directives ?? [])
        .filter((d) => d.name.value === 'cacheControl')
        .map((d) => d.arguments?.find((a) => a.name.value === 'maxAge')?.value)
        .map((v) => (v?.kind === Kind.INT ? Number(v.value) : v?.kind));
    expect(maxAgeOf('House')).toEqual([3600]);
    expect(maxAgeOf('Space')).toEqual([300]);
    expect(maxAgeOf('Note')).toEqual([]);
    expect(schema.getDirective('cacheControl')).toBeDefined();
  });
});

describe('staticMaxAge (the subgraph answer policy, from the operation and the hints)', () => {
  const hints = { House: 3600, Space: 300 };
  const schema = buildSubgraphSchema({ typeDefs: gql(withCacheHints(SDL, hints)) });
  const maxAge = (query: string, variables?: Record<string, unknown>) => {
    const document = parse(query);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    return staticMaxAge(schema, document, operation, variables, hints);
  };

  it('is the shortest hint of the object types in the answer', () => {
    expect(maxAge('{ house { timeZone } }')).toBe(3600);
    expect(maxAge('{ house { timeZone } spaces { name } }')).toBe(300);
    expect(maxAge('query { ...F } fragment F on Query { spaces { id } }')).toBe(300);
  });

  it('is 0 for a type without a hint, a mutation, or nothing but __typename', () => {
    expect(maxAge('{ house { timeZone } note { text } }')).toBe(0);
    expect(maxAge('mutation { touch { timeZone } }')).toBe(0);
    expect(maxAge('{ __typename }')).toBe(0);
  });

  it('for _entities, takes the hints of the representations given in a variable', () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Space { name } } }';
    expect(maxAge(query, { r: [{ __typename: 'Space', id: '1' }] })).toBe(300);
    expect(
      maxAge(query, {
        r: [
          { __typename: 'Space', id: '1' },
          { __typename: 'Note', id: '2' },
        ],
      }),
    ).toBe(0);
    expect(maxAge(query, { r: [] })).toBe(0);
    expect(maxAge('{ _entities(representations: [{ __typename: "Space", id: "1" }]) { ... on Space { name } } }')).toBe(0);
  });
});
