import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildASTSchema, getNamedType, getNullableType, isCompositeType, isListType, isObjectType, parse } from 'graphql';
import { costDirectiveNames, readCostDirectives } from './cost-directives';

const SUPERGRAPH = readFileSync(path.resolve(__dirname, '..', '..', 'supergraph.graphql'), 'utf8');
const link = (args: string) => `schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(${args}) { query: Query }`;

describe('the names of the cost directives', () => {
  it('are the bare ones without a link to the cost spec', () => {
    expect(costDirectiveNames(parse('type Query { a: Int }'))).toEqual({ cost: 'cost', listSize: 'listSize' });
  });

  it('follow the link: @cost by the spec name, @listSize imported, renamed or prefixed', () => {
    const names = (args: string) => costDirectiveNames(parse(`${link(args)} type Query { a: Int }`));
    expect(names('url: "https://specs.apollo.dev/cost/v0.1", import: ["@listSize"]')).toEqual({ cost: 'cost', listSize: 'listSize' });
    expect(names('url: "https://specs.apollo.dev/cost/v0.1"')).toEqual({ cost: 'cost', listSize: 'cost__listSize' });
    expect(names('url: "https://specs.apollo.dev/cost/v0.1", as: "price"')).toEqual({ cost: 'price', listSize: 'price__listSize' });
    expect(names('url: "https://specs.apollo.dev/cost/v0.1", import: [{ name: "@listSize", as: "@size" }, { name: "@cost", as: "@weight" }]')).toEqual({
      cost: 'weight',
      listSize: 'size',
    });
  });

  it('reads a renamed directive and ignores one of the same bare name that is not the spec’s', () => {
    const sdl = `${link('url: "https://specs.apollo.dev/cost/v0.1", import: [{ name: "@listSize", as: "@size" }]')}
      type Query { a: [Int] @size(assumedSize: 3) b: [Int] @listSize(assumedSize: 9) }`;
    const directives = readCostDirectives(sdl);
    expect(directives.field('Query', 'a')?.listSize?.assumedSize).toBe(3);
    expect(directives.field('Query', 'b')).toBeUndefined();
  });
});

describe('the cost directives of the committed supergraph', () => {
  const directives = readCostDirectives(SUPERGRAPH);
  const schema = buildASTSchema(parse(SUPERGRAPH), { assumeValidSDL: true });

  it('are found where the subgraphs declare them', () => {
    expect(directives.field('Query', 'calendar')).toEqual({
      listSize: { assumedSize: 92, slicingArguments: [], sizedFields: [], requireOneSlicingArgument: true },
      argumentWeights: new Map(),
    });
    expect(directives.field('Query', 'members')?.listSize).toEqual({
      assumedSize: 20,
      slicingArguments: ['first'],
      sizedFields: ['edges', 'nodes'],
      requireOneSlicingArgument: false,
    });
    expect(directives.field('SharedSpace', 'availability')).toMatchObject({ weight: 2, listSize: { assumedSize: 30 } });
    expect(directives.field('CoworkingEvent', 'sharedSpace')?.weight).toBe(2);
    expect(directives.field('CoworkingEvent', 'title')).toBeUndefined();
  });

  it('size every list of objects: @listSize on it, or a sized field of its parent', () => {
    const sized = new Set<string>();
    const lists: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const listSize = directives.field(type.name, field.name)?.listSize;
        for (const name of listSize?.sizedFields ?? []) sized.add(`${getNamedType(field.type).name}.${name}`);
        if (isListType(getNullableType(field.type)) && isCompositeType(getNamedType(field.type))) lists.push(`${type.name}.${field.name}`);
      }
    }
    expect(lists.length).toBeGreaterThan(50);
    const unsized = lists.filter((l) => !sized.has(l) && !directives.field(...(l.split('.') as [string, string]))?.listSize);
    expect(unsized).toEqual([]);
  });
});
