import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { staticMaxAge, withCacheHints } from './cache-hints';

const schema = buildSchema(`
  scalar _Any
  type A { x: Int, b: B, c: C }
  type B { y: Int }
  type C { z: Int }
  union U = A | B
  union _Entity = A | B | C
  type Query { a: A, b: B, c: C, u: U, n: Int, _entities(representations: [_Any!]!): [_Entity]! }
  type Mutation { touch: A }
`);
const hints = { A: 60, B: 300 };

const maxAge = (source: string, variables?: Record<string, unknown>) => {
  const document = parse(source);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  return staticMaxAge(schema, document, operation, variables, hints);
};

describe('cache policy computed from the operation', () => {
  it('takes the shortest hint of the object types an answer can hold', () => {
    expect(maxAge('{ b { y } }')).toBe(300);
    expect(maxAge('{ a { x } }')).toBe(60);
    expect(maxAge('{ b { y } a { b { y } } }')).toBe(60);
    expect(maxAge('{ u { ... on B { y } } }')).toBe(60); // a union may hold any of its members
  });

  it('does not cache a type without a hint, a root scalar, nothing but __typename, or a mutation', () => {
    expect(maxAge('{ a { c { z } } }')).toBe(0);
    expect(maxAge('{ c { z } }')).toBe(0);
    expect(maxAge('{ n }')).toBe(0);
    expect(maxAge('{ __typename }')).toBe(0);
    expect(maxAge('mutation { touch { x } }')).toBe(0);
  });

  it('reads the types of _entities from the representations', () => {
    const op = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on B { y } ... on A { x } } }';
    expect(maxAge(op, { r: [{ __typename: 'B' }] })).toBe(300);
    expect(maxAge(op, { r: [{ __typename: 'B' }, { __typename: 'A' }] })).toBe(60);
    expect(maxAge(op, { r: [{ __typename: 'C' }] })).toBe(0);
    expect(maxAge(op, { r: [] })).toBe(0);
    expect(maxAge(op, {})).toBe(0);
    expect(maxAge('{ _entities(representations: [{ __typename: "B" }]) { ... on B { y } } }')).toBe(0);
  });

  it('remembers the operation, not the variables', () => {
    const document = parse('query($r: [_Any!]!) { _entities(representations: $r) { ... on B { y } } }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    expect(staticMaxAge(schema, document, operation, { r: [{ __typename: 'B' }] }, hints)).toBe(300);
    expect(staticMaxAge(schema, document, operation, { r: [{ __typename: 'C' }] }, hints)).toBe(0);
    expect(staticMaxAge(schema, document, operation, { r: [{ __typename: 'B' }] }, hints)).toBe(300);
  });

  it('prints the hints in the SDL as @cacheControl', () => {
    expect(withCacheHints('type A { x: Int }\ntype B { y: Int }', { A: 60 })).toBe('type A @cacheControl(maxAge: 60) {\n  x: Int\n}\n\ntype B {\n  y: Int\n}');
  });
});
