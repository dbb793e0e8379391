import { ApolloServer } from '@apollo/server';
import { GraphQLError, parse, type OperationDefinitionNode } from 'graphql';
import { VerbatimData } from '../apollo/verbatim-answer';
import { fieldsThatChanged } from './mutation-outcome';
import { ResponseCache, type ResponseCacheContext } from './response-cache';
import { MemoryStore } from './store';

/**
 * What a mutation empties, decided on the answer the gateway sends: a small schema with the
 * graph's own mutation names (so MUTATION_SIDE_EFFECTS applies) and resolvers told how to end.
 */
const typeDefs = `
  type Query { bookings: [SpaceBooking] }
  type SpaceBooking { id: ID }
  type TimeSlot { startsAt: String }
  type Artwork { id: ID }
  type Exhibition { id: ID }
  type UserError { code: String! }
  type BookSharedSpacePayload { booking: SpaceBooking, userErrors: [UserError!]! }
  type MarkArtworkSoldPayload { artwork: Artwork, userErrors: [UserError!]! }
  type Mutation {
    bookSharedSpace(outcome: String!): BookSharedSpacePayload!
    markArtworkSold(outcome: String!): MarkArtworkSoldPayload!
    somethingNew: Boolean
  }
`;

function ending(outcome: string, entity: string) {
  switch (outcome) {
    case 'ok':
      return { [entity]: { id: '1' }, userErrors: [] };
    case 'refused':
      return { [entity]: null, userErrors: [{ code: 'SLOT_UNAVAILABLE' }] };
    case 'internal':
      throw new Error('boom');
    default:
      throw new GraphQLError(outcome, { extensions: { code: outcome } });
  }
}
const resolvers = {
  Query: { bookings: () => [] },
  Mutation: {
    bookSharedSpace: (_: unknown, { outcome }: { outcome: string }) => ending(outcome, 'booking'),
    markArtworkSold: (_: unknown, { outcome }: { outcome: string }) => ending(outcome, 'artwork'),
    somethingNew: () => true,
  },
};

let store: MemoryStore;
let cache: ResponseCache;
let server: ApolloServer<ResponseCacheContext>;
/** Tags captured before each mutation: which of them it made stale. */
let before: Record<string, Record<string, number>>;

beforeEach(async () => {
  store = new MemoryStore(10);
  cache = new ResponseCache(store);
  server = new ApolloServer<ResponseCacheContext>({ typeDefs, resolvers, plugins: [cache.plugin<ResponseCacheContext>()] });
  await server.start();
});
afterEach(async () => {
  await server.stop();
});

/** Runs a mutation as a signed-in caller; returns the types it made stale. */
async function staleAfter(query: string): Promise<string[]> {
  const types = ['SpaceBooking', 'TimeSlot', 'Artwork', 'Exhibition'];
  before = Object.fromEntries(types.map((t) => [t, store.tagsOf([t])]));
  await server.executeOperation({ query }, { contextValue: { identity: { sub: 'tenant:graphisme' } } });
  return types.filter((t) => !store.isCurrent(before[t]));
}

describe('a mutation that changed something', () => {
  it('empties the types of its payload and its side effects, and nothing else, before its answer is returned', async () => {
    expect(await staleAfter('mutation { bookSharedSpace(outcome: "ok") { booking { id } userErrors { code } } }')).toEqual(['SpaceBooking', 'TimeSlot']);
    expect(store.generation()).toBe(0);
    expect(cache.stats).toEqual(expect.objectContaining({ invalidations: 1, flushes: 0 }));
    expect(await staleAfter('mutation { markArtworkSold(outcome: "ok") { artwork { id } } }')).toEqual(['Artwork']);
    expect(cache.stats.invalidations).toBe(2);
  });

  it('counts as a change when the answer cannot tell: userErrors not asked for, or another field aliased as userErrors', async () => {
    expect(await staleAfter('mutation { bookSharedSpace(outcome: "ok") { booking { id } } }')).toEqual(['SpaceBooking', 'TimeSlot']);
    expect(await staleAfter('mutation { bookSharedSpace(outcome: "ok") { userErrors: booking { id } } }')).toEqual(['SpaceBooking', 'TimeSlot']);
  });

  it('empties everything for a mutation missing from the map of side effects', async () => {
    expect(await staleAfter('mutation { somethingNew }')).toEqual([]);
    expect(store.generation()).toBe(1);
    expect(cache.stats).toEqual(expect.objectContaining({ invalidations: 1, flushes: 1 }));
  });

  it('counts SUBGRAPH_UNAVAILABLE as a change: the gateway did not hear whether the subgraph made it', async () => {
    expect(await staleAfter('mutation { bookSharedSpace(outcome: "SUBGRAPH_UNAVAILABLE") { userErrors { code } } }')).toEqual(['SpaceBooking', 'TimeSlot']);
  });
});

describe('a mutation that changed nothing empties nothing', () => {
  it('every field answered with userErrors, however they are aliased or spread', async () => {
    expect(await staleAfter('mutation { bookSharedSpace(outcome: "refused") { booking { id } userErrors { code } } }')).toEqual([]);
    expect(await staleAfter('mutation { bookSharedSpace(outcome: "refused") { problems: userErrors { code } } }')).toEqual([]);
    const spread = `mutation { ...M } fragment M on Mutation { bookSharedSpace(outcome: "refused") { ...P } } fragment P on BookSharedSpacePayload { userErrors { code } }`;
    expect(await staleAfter(spread)).toEqual([]);
    expect(cache.stats.invalidations).toBe(0);
  });

  it('a field refused with a GraphQL error of its own (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, an internal error)', async () => {
    for (const outcome of ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'internal']) {
      expect(await staleAfter(`mutation { bookSharedSpace(outcome: "${outcome}") { userErrors { code } } }`)).toEqual([]);
    }
    expect(cache.stats.invalidations).toBe(0);
  });

  it('a skipped field, or __typename alone', async () => {
    expect(await staleAfter('mutation { bookSharedSpace(outcome: "ok") @skip(if: true) { userErrors { code } } __typename }')).toEqual([]);
    expect(await staleAfter('mutation { __typename }')).toEqual([]);
    expect(cache.stats.invalidations).toBe(0);
  });
});

describe('partial success', () => {
  it('empties what the field that succeeded changed, not what the refused one would have', async () => {
    const query = (sold: string, booked: string) => `mutation {
      sold: markArtworkSold(outcome: "${sold}") { userErrors { code } }
      booked: bookSharedSpace(outcome: "${booked}") { userErrors { code } }
    }`;
    expect(await staleAfter(query('ok', 'refused'))).toEqual(['Artwork']);
    expect(await staleAfter(query('refused', 'ok'))).toEqual(['SpaceBooking', 'TimeSlot']);
    // The refused field's error nulls the whole answer (its payload is non-null): the sale still counts.
    expect(await staleAfter(query('ok', 'UNAUTHENTICATED'))).toEqual(['Artwork']);
    expect(await staleAfter(query('refused', 'refused'))).toEqual([]);
  });
});

describe('an answer sent as its subgraph wrote it (apollo/verbatim-answer.ts)', () => {
  const document = parse('mutation { bookSharedSpace(outcome: "x") { booking { id } userErrors { code } } }');
  const operation = document.definitions[0] as OperationDefinitionNode;

  it('is read as the same data: a booking made changes it, a refused one does not', () => {
    const made = new VerbatimData('{"bookSharedSpace":{"booking":{"id":"1"},"userErrors":[]}}');
    const refused = new VerbatimData('{"bookSharedSpace":{"booking":null,"userErrors":[{"code":"SLOT_UNAVAILABLE"}]}}');
    expect(fieldsThatChanged(document, operation, { data: made as never })).toEqual(['bookSharedSpace']);
    expect(fieldsThatChanged(document, operation, { data: refused as never })).toEqual([]);
  });
});
