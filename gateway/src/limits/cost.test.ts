import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { operationCost } from './cost';
import { fragmentLookup } from './fragments';

const schema = buildSchema(`
  scalar LocalDate
  type Query {
    calendar(from: LocalDate!, to: LocalDate!): [CalendarDay!]!
    exhibitions(first: Int, after: String): ExhibitionConnection!
    tenants: [Tenant!]!
    house: House!
  }
  type Mutation { book(title: String!): Booking }
  type House { name: String! }
  type Booking { id: ID! }
  type CalendarDay { date: LocalDate! spaceBookings: [Booking!]! coworkingEvents: [Booking!] }
  type ExhibitionConnection { totalCount: Int! edges: [ExhibitionEdge!]! nodes: [Exhibition!]! pageInfo: PageInfo! }
  type ExhibitionEdge { cursor: String! node: Exhibition! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Exhibition { title: String! artworks(first: Int): [Artwork!]! artists: [Tenant!]! }
  type Artwork { title: String! }
  type Tenant { name: String! }
`);

const costOf = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return operationCost(schema, operation, fragmentLookup(document), variables, { listSize: 10 });
};

describe('the cost model', () => {
  it('counts 1 per field, __typename included', () => {
    expect(costOf('{ house { name } }')).toBe(2);
    expect(costOf('{ house { name __typename } __typename }')).toBe(4);
    expect(costOf('mutation { book(title: "x") { id } }')).toBe(2);
  });

  it('multiplies a list without first by the default list size', () => {
    expect(costOf('{ tenants { name } }')).toBe(1 + 10 * 1);
  });

  it('multiplies the edges and nodes of a connection by its first, from a literal or a variable, 20 when left out', () => {
    const query = 'query($n: Int) { exhibitions(first: $n) { totalCount edges { node { title } } pageInfo { hasNextPage } } }';
    // exhibitions 1 + totalCount 1 + edges (1 + n × (node 1 + title 1)) + pageInfo 2
    expect(costOf(query, { n: 5 })).toBe(1 + 1 + (1 + 5 * 2) + 2);
    expect(costOf(query, { n: 100 })).toBe(1 + 1 + (1 + 100 * 2) + 2);
    expect(costOf(query)).toBe(1 + 1 + (1 + 20 * 2) + 2);
    expect(costOf('{ exhibitions(first: 3) { nodes { title artworks(first: 4) { title } artists { name } } } }')).toBe(
      1 + (1 + 3 * (1 + (1 + 4 * 1) + (1 + 10 * 1))),
    );
  });

  it('multiplies the calendar by its days, from literals or variables', () => {
    const query = 'query($from: LocalDate!, $to: LocalDate!) { calendar(from: $from, to: $to) { date spaceBookings { id } } }';
    const perDay = 1 + (1 + 10 * 1);
    expect(costOf(query, { from: '2026-01-01', to: '2026-01-14' })).toBe(1 + 14 * perDay);
    expect(costOf(query, { from: '2026-02-01', to: '2026-03-01' })).toBe(1 + 29 * perDay);
    expect(costOf('{ calendar(from: "2026-01-01", to: "2026-01-01") { date } }')).toBe(2);
    expect(costOf(query, { from: 'not a date', to: '2026-01-01' })).toBe(1 + 10 * perDay);
  });

  it('expands fragments, as often as they are spread, and does not hang on cycles', () => {
    expect(costOf('{ tenants { ...T ...T } } fragment T on Tenant { name }')).toBe(1 + 10 * 2);
    expect(costOf('{ exhibitions(first: 2) { ...C } } fragment C on ExhibitionConnection { nodes { title } }')).toBe(1 + (1 + 2 * 1));
    const levels = Array.from({ length: 60 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ');
    expect(costOf(`{ ...F0 } ${levels} fragment F60 on Query { __typename }`)).toBe(Number.MAX_SAFE_INTEGER);
    expect(costOf('{ house { ...A } } fragment A on House { name ...A }')).toBe(2);
  });
});
