import { buildSchema, Kind, parse, specifiedRules, validate, type OperationDefinitionNode, type ValidationRule } from 'graphql';
import { aliasCount, aliasLimitRule } from './aliases';
import { depthLimitRule, selectionDepth } from './depth';
import { fragmentLookup } from './fragments';

const schema = buildSchema(`
  type Query { house: House, node: Node }
  type House { name: String, spaces: [Space] }
  type Space { name: String, house: House }
  type Node { child: Node, name: String }
`);

const operationOf = (query: string) => parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
const depthOf = (query: string) => selectionDepth(operationOf(query).selectionSet, fragmentLookup(parse(query)));
const aliasesOf = (query: string) => aliasCount(operationOf(query).selectionSet, fragmentLookup(parse(query)));
const errorsOf = (query: string, rule: ValidationRule) =>
  validate(schema, parse(query), [...specifiedRules, rule]).map((e) => ({ message: e.message, extensions: e.extensions }));

/** `{ node { child { … { name } } } }`: n fields on the longest path (n ≥ 2). */
const nested = (n: number) => `{ node {${' child {'.repeat(n - 2)} name${' }'.repeat(n - 1)} }`;
/** `{ a0: __typename a1: __typename … }`: n aliases. */
const typenames = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;

describe('query depth', () => {
  it('counts the fields on the longest path', () => {
    expect(depthOf('{ house { name } }')).toBe(2);
    expect(depthOf('{ house { name spaces { house { name } } } }')).toBe(4);
    expect(depthOf(nested(10))).toBe(10);
  });

  it('counts through named and inline fragments, and leaves introspection out', () => {
    expect(depthOf('{ house { ...H } } fragment H on House { spaces { ... on Space { house { name } } } }')).toBe(4);
    expect(depthOf('{ __schema { types { fields { type { ofType { ofType { name } } } } } } house { name } }')).toBe(2);
  });

  it('does not hang on recursive fragments, which graphql refuses', () => {
    const query = '{ node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { ...A } }';
    expect(depthOf(query)).toBe(3);
    expect(errorsOf(query, depthLimitRule(10)).map((e) => e.message)).toEqual(['Cannot spread fragment "A" within itself via "B".']);
  });

  it('accepts depth 10 and refuses depth 11, naming the limit and the depth', () => {
    expect(errorsOf(nested(10), depthLimitRule(10))).toEqual([]);
    expect(errorsOf(nested(11), depthLimitRule(10))).toEqual([
      {
        message: 'La profondeur de la requête (11) dépasse la limite de 10.',
        extensions: { code: 'DEPTH_LIMIT_EXCEEDED', limit: 10, actual: 11, http: { status: 400 } },
      },
    ]);
  });

  it('counts a depth hidden in a fragment', () => {
    const query = `{ ...Q } fragment Q on Query ${nested(11).slice(1).replace(/^ /, '{ ')}`;
    expect(depthOf(query)).toBe(11);
  });
});

describe('aliases', () => {
  it('counts aliases of __typename, in fragments as often as they are spread', () => {
    expect(aliasesOf(typenames(3))).toBe(3);
    expect(aliasesOf('{ a: house { b: name } ...F ...F } fragment F on Query { c: __typename d: __typename }')).toBe(6);
    expect(aliasesOf('{ house { ...S ...S ...S } } fragment S on House { x: name y: name spaces { z: name } }')).toBe(9);
  });

  it('multiplies through nested fragments without expanding them, and survives cycles', () => {
    const levels = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ');
    expect(aliasesOf(`{ ...F0 } ${levels} fragment F40 on Query { a: __typename }`)).toBe(2 ** 40);
    expect(aliasesOf('{ node { ...A } } fragment A on Node { x: child { ...A } }')).toBe(1);
  });

  it('accepts 30 aliases and refuses 31', () => {
    expect(errorsOf(typenames(30), aliasLimitRule(30))).toEqual([]);
    expect(errorsOf(typenames(31), aliasLimitRule(30))).toEqual([
      {
        message: 'La requête utilise 31 alias ; la limite est de 30.',
        extensions: { code: 'ALIAS_LIMIT_EXCEEDED', limit: 30, actual: 31, http: { status: 400 } },
      },
    ]);
  });
});
