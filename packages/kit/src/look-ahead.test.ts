import { buildSchema, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLObjectType, type OperationDefinitionNode } from 'graphql';
import { asksSubfield, subfieldArguments } from './look-ahead';

/** The info of the first field of the operation (`artists` below). */
function infoOf(document: string) {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fragments = Object.fromEntries(
    parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe('asksSubfield', () => {
  it('finds a subfield asked directly, in an inline fragment or in a named one', () => {
    expect(asksSubfield(infoOf('{ artists { name artworks { title } } }'), 'artworks')).toBe(true);
    expect(asksSubfield(infoOf('{ artists { ... on Artist { artworks { title } } } }'), 'artworks')).toBe(true);
    expect(asksSubfield(infoOf('{ artists { ...A } } fragment A on Artist { ...B } fragment B on Artist { artworks { title } }'), 'artworks')).toBe(true);
  });

  it('does not find a subfield asked deeper, or not at all', () => {
    expect(asksSubfield(infoOf('{ artists { name } }'), 'artworks')).toBe(false);
    expect(asksSubfield(infoOf('{ artists { friend { artworks { title } } } }'), 'artworks')).toBe(false);
    expect(asksSubfield(infoOf('{ artists { ...A } } fragment A on Artist { ...A name }'), 'artworks')).toBe(false);
  });

  it('follows a path of subfields, each level directly or in fragments', () => {
    const info = infoOf('{ exhibition { title ...F } } fragment F on Exhibition { artists { ... on Artist { artworks { title } } } }');
    expect(asksSubfield(info, 'artists', 'artworks')).toBe(true);
    expect(asksSubfield(info, 'artists')).toBe(true);
    expect(asksSubfield(info, 'artworks')).toBe(false);
    expect(asksSubfield(infoOf('{ exhibition { artists { name } artworks { title } } }'), 'artists', 'artworks')).toBe(false);
  });
});

describe('subfieldArguments', () => {
  const schema = buildSchema(`type Query { space: Space } type Space { name: String availability(date: String!, minutes: Int = 60): [String] }`);
  const withTypes = (document: string, variableValues: Record<string, unknown> = {}) => ({
    ...infoOf(document),
    returnType: schema.getType('Space') as GraphQLObjectType,
    variableValues,
  });

  it('gives the coerced arguments of every occurrence, aliases and fragments included, defaults applied', () => {
    const info = withTypes(
      '{ space { a: availability(date: "x") b: availability(date: $d, minutes: 30) ...F } } fragment F on Space { availability(date: "z") }',
      {
        d: 'y',
      },
    );
    expect(subfieldArguments(info, 'availability')).toEqual([
      { date: 'x', minutes: 60 },
      { date: 'y', minutes: 30 },
      { date: 'z', minutes: 60 },
    ]);
  });

  it('gives nothing for a subfield not asked, or not of the type', () => {
    expect(subfieldArguments(withTypes('{ space { name } }'), 'availability')).toEqual([]);
    expect(subfieldArguments(withTypes('{ space { name } }'), 'nothing')).toEqual([]);
  });
});
