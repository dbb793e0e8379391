import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { operationCost } from './cost';
import { costKey } from './cost-memo';
import { readCostDirectives } from './cost-directives';
import { fragmentLookup } from './fragments';

const SDL = `
  directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR
  directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
  scalar LocalDate
  scalar Dossier @cost(weight: 4)
  type Query {
    calendar(from: LocalDate!, to: LocalDate!): [CalendarDay!]! @listSize(assumedSize: 92)
    days(from: LocalDate!, to: LocalDate!): [CalendarDay!]!
    exhibitions(first: Int, after: String): ExhibitionConnection!
      @listSize(assumedSize: 20, slicingArguments: ["first"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)
    tenants: [Tenant!]!
    spaces: [Space!]! @listSize(assumedSize: 3)
    page(first: Int = 5, last: Int): [Tenant!]! @listSize(slicingArguments: ["first", "last"], requireOneSlicingArgument: false)
    search(term: String @cost(weight: 5)): [Tenant!]! @listSize(assumedSize: 2)
    house: House!
  }
  type Mutation { book(input: BookInput!, tags: [String!]): Booking }
  input BookInput { title: String! note: String @cost(weight: 3) guests: [Guest!] }
  input Guest { name: String! }
  type House { id: ID! name: String! report: Report dossier: Dossier }
  type Report @cost(weight: 7) { total: Int }
  type Space { name: String! slots: [Slot!]! @listSize(assumedSize: 30) @cost(weight: 2) }
  type Slot { startsAt: String! }
  type Booking { id: ID! }
  type CalendarDay { date: LocalDate! spaceBookings: [Booking!] @listSize(assumedSize: 6) events: [Booking!] @listSize(assumedSize: 4) }
  type ExhibitionConnection { totalCount: Int! edges: [ExhibitionEdge!]! nodes: [Exhibition!]! pageInfo: PageInfo! }
  type ExhibitionEdge { cursor: String! node: Exhibition! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Exhibition { title: String! artworks(first: Int): [Artwork!]! @listSize(slicingArguments: ["first"], requireOneSlicingArgument: false) artists: [Tenant!]! @listSize(assumedSize: 8) }
  type Artwork { title: String! }
  type Tenant { name: String! }
`;
const schema = buildSchema(SDL);
const directives = readCostDirectives(SDL);

const costOf = (query: string, variables: Record<string, unknown> = {}, listSize = 10) => {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return operationCost(schema, directives, operation, fragmentLookup(document), variables, { listSize });
};

describe('the cost model', () => {
  it('counts 1 per object, 0 per scalar, enum, id or __typename', () => {
    expect(costOf('{ house { name } }')).toBe(1);
    expect(costOf('{ house { id name __typename } __typename }')).toBe(1);
    expect(costOf('{ house { report { total } } }')).toBe(1 + 7);
  });

  it('weighs a field, or the type it returns, by @cost', () => {
    expect(costOf('{ house { dossier } }')).toBe(1 + 4);
    // each of the 30 slots weighs 2 instead of 1
    expect(costOf('{ spaces { slots { startsAt } } }')).toBe(3 * (1 + 30 * 2));
  });

  it('starts a mutation at 10, and counts input objects 1 each plus the @cost of their fields', () => {
    expect(costOf('mutation { book(input: { title: "x" }) { id } }')).toBe(10 + 1 + 1);
    expect(costOf('mutation { book(input: { title: "x", note: "y" }) { id } }')).toBe(10 + (1 + 3) + 1);
    expect(costOf('mutation($i: BookInput!) { book(input: $i) { id } }', { i: { title: 'x', guests: [{ name: 'a' }, { name: 'b' }] } })).toBe(10 + (1 + 2) + 1);
    expect(costOf('mutation { book(input: { title: "x" }, tags: ["a", "b"]) { id } }')).toBe(10 + 1 + 0 + 1);
  });

  it('adds the @cost of an argument when it is given', () => {
    expect(costOf('{ search(term: "kitchen") { name } }')).toBe(5 + 2 * 1);
    expect(costOf('{ search { name } }')).toBe(2 * 1);
    expect(costOf('{ search(term: null) { name } }')).toBe(2 * 1);
  });

  it('multiplies a list by its assumedSize, or by the fallback when the schema does not size it', () => {
    expect(costOf('{ spaces { name } }')).toBe(3);
    expect(costOf('{ tenants { name } }')).toBe(10);
    expect(costOf('{ tenants { name } }', {}, 4)).toBe(4);
    expect(costOf('{ tenants { __typename } }', {}, 4)).toBe(4);
  });

  it('sizes the edges and nodes of a connection by its first, from a literal or a variable, assumedSize when left out', () => {
    const query = 'query($n: Int) { exhibitions(first: $n) { totalCount edges { cursor node { title } } pageInfo { hasNextPage } } }';
    // connection 1 + edges n × (edge 1 + node 1) + pageInfo 1
    expect(costOf(query, { n: 5 })).toBe(1 + 5 * 2 + 1);
    expect(costOf(query, { n: 100 })).toBe(1 + 100 * 2 + 1);
    expect(costOf(query)).toBe(1 + 20 * 2 + 1);
    expect(costOf(query, { n: -3 })).toBe(1 + 0 + 1);
    expect(costOf('{ exhibitions(first: 3) { nodes { title } edges { node { title } } } }')).toBe(1 + 3 + 3 * 2);
  });

  it('sizes only the sized fields of a connection: lists below them have their own size', () => {
    // artworks: its own `first`, else the fallback (no assumedSize); artists: its assumedSize
    expect(costOf('{ exhibitions(first: 3) { nodes { artworks(first: 4) { title } artists { name } } } }')).toBe(1 + 3 * (1 + 4 + 8));
    expect(costOf('{ exhibitions(first: 3) { nodes { artworks { title } } } }')).toBe(1 + 3 * (1 + 10));
  });

  it('takes the largest slicing argument given, defaults included', () => {
    expect(costOf('{ page { name } }')).toBe(5);
    expect(costOf('{ page(first: 2) { name } }')).toBe(2);
    expect(costOf('{ page(last: 8) { name } }')).toBe(8);
    expect(costOf('{ page(first: 9, last: 8) { name } }')).toBe(9);
  });

  it('multiplies a list with LocalDate from/to by its days, at most its assumedSize, from literals or variables', () => {
    const query = 'query($from: LocalDate!, $to: LocalDate!) { calendar(from: $from, to: $to) { date spaceBookings { id } events { id } } }';
    const perDay = 1 + 6 + 4;
    expect(costOf(query, { from: '2026-01-01', to: '2026-01-14' })).toBe(14 * perDay);
    expect(costOf(query, { from: '2026-02-01', to: '2026-03-01' })).toBe(29 * perDay);
    expect(costOf(query, { from: '2026-01-01', to: '2026-04-02' })).toBe(92 * perDay);
    expect(costOf(query, { from: '2026-01-01', to: '2026-04-03' })).toBe(92 * perDay);
    expect(costOf(query, { from: 'not a date', to: '2026-01-01' })).toBe(92 * perDay);
    expect(costOf('{ calendar(from: "2026-01-01", to: "2026-01-01") { date } }')).toBe(1);
    // without @listSize, the days alone
    expect(costOf('{ days(from: "2026-01-01", to: "2026-07-19") { date } }')).toBe(200);
  });

  it('expands fragments where they are spread, keeps a connection’s size through them, and does not hang on cycles', () => {
    expect(costOf('{ spaces { ...S ...S } } fragment S on Space { slots { startsAt } }')).toBe(3 * (1 + 2 * 30 * 2));
    expect(costOf('{ exhibitions(first: 2) { ...C } } fragment C on ExhibitionConnection { nodes { title } }')).toBe(1 + 2);
    expect(costOf('{ exhibitions(first: 2) { ... on ExhibitionConnection { nodes { title } } } }')).toBe(1 + 2);
    const levels = Array.from({ length: 60 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ');
    expect(costOf(`{ ...F0 } ${levels} fragment F60 on Query { house { name } }`)).toBe(Number.MAX_SAFE_INTEGER);
    expect(costOf('{ house { ...A } } fragment A on House { report { total } ...A }')).toBe(1 + 7);
  });

  it('leaves out what @skip or @include leave out, from literals or variables', () => {
    expect(costOf('{ house { name } spaces @skip(if: true) { name } }')).toBe(1);
    expect(costOf('{ house { name } spaces @include(if: false) { name } }')).toBe(1);
    expect(costOf('query($s: Boolean!) { house { name } spaces @skip(if: $s) { name } }', { s: true })).toBe(1);
    expect(costOf('query($s: Boolean!) { house { name } spaces @skip(if: $s) { name } }', { s: false })).toBe(1 + 3);
    expect(costOf('{ house { ... @include(if: false) { report { total } } } }')).toBe(1);
  });

  it('counts nothing for introspection', () => {
    expect(costOf('{ __schema { types { name fields { name } } } house { name } }')).toBe(1);
  });
});

describe('the cost key of the variables (cost-memo.ts)', () => {
  /** A small seeded generator: the same cases on every run. */
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  const text = () => pick(['', 'a', 'Cuisine', '2026-13-45T00:00', 'x'.repeat(1 + Math.floor(next() * 30)), String(next())]);
  const date = () => pick([`2026-${pick(['01', '02', '11'])}-${pick(['01', '15', '28'])}`, text()]);
  const maybe = <T>(value: () => T) => pick([undefined, null, value()]);
  const variables = () => ({
    from: date(),
    to: date(),
    first: maybe(() => Math.floor(next() * 60)),
    last: maybe(() => Math.floor(next() * 60)),
    skip: maybe(() => next() < 0.5),
    term: maybe(text),
    input: { title: text(), note: maybe(text), guests: maybe(() => Array.from({ length: Math.floor(next() * 4) }, () => ({ name: text() }))) },
    tags: maybe(() => Array.from({ length: Math.floor(next() * 4) }, text)),
  });
  /** The same variables with every string that is not a YYYY-MM-DD date written anew. */
  const rewritten = (value: unknown): unknown => {
    if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : `${text()}·`;
    if (Array.isArray(value)) return value.map(rewritten);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewritten(v)]));
    return value;
  };
  const operations = [
    'query($from: LocalDate!, $to: LocalDate!, $skip: Boolean) { calendar(from: $from, to: $to) { date events @skip(if: $skip) { id } } }',
    'query($first: Int, $last: Int, $term: String) { page(first: $first, last: $last) { name } search(term: $term) { name } }',
    'query($first: Int) { exhibitions(first: $first) { nodes { title artworks(first: $first) { title } } } }',
    'mutation($input: BookInput!, $tags: [String!], $skip: Boolean) { book(input: $input, tags: $tags) @include(if: $skip) { id } }',
  ].map((text) => parse(text));

  it('is the same only for variables the estimate cannot tell apart: 2,000 generated pairs', () => {
    let sameKey = 0;
    for (let i = 0; i < 500; i++) {
      const a = variables();
      const b = rewritten(a) as Record<string, unknown>;
      expect(costKey(b)).toBe(costKey(a));
      for (const document of operations) {
        const operation = document.definitions[0] as OperationDefinitionNode;
        const cost = (v: Record<string, unknown>) => operationCost(schema, directives, operation, fragmentLookup(document), v, { listSize: 10 });
        expect(cost(b)).toBe(cost(a));
        sameKey += 1;
      }
    }
    expect(sameKey).toBe(2000);
  });

  it('keeps what the estimate reads: numbers, booleans, null, dates, shapes; one placeholder for other strings', () => {
    expect(costKey({ a: 'Cuisine', b: '2026-12-01', c: 3, d: true, e: null, f: ['x', 'y'], g: { h: 'z' } })).toBe(
      '{"a":"…","b":"2026-12-01","c":3,"d":true,"e":null,"f":["…","…"],"g":{"h":"…",},}',
    );
    expect(costKey({ f: ['x'] })).not.toBe(costKey({ f: ['x', 'y'] }));
    expect(costKey({ n: 1 })).not.toBe(costKey({ n: 2 }));
    expect(costKey({ a: 'x' })).not.toBe(costKey({ a: null }));
  });
});
