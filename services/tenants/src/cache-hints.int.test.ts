import { ANONYMOUS, signRequest, type Identity } from '@maison/auth';
import { DEV_SIGNING_SECRET } from '@maison/config';
import { addDays, todayInHouse } from '@maison/house';
import { admin, asTenant, startTestSubgraph, type TestSubgraph } from '@maison/testing';
import { tenantsModule } from './module';
import { createSpace, futureHour, minutes } from './test-fixtures';

/**
 * The Cache-Control header the tenants subgraph sends on its real HTTP handler (what the gateway
 * reads to decide whether an answer may be shared): the shortest hint of the objects in the answer,
 * public for anonymous callers, private for signed-in ones, no-store for mutations and errors.
 */
let graph: TestSubgraph<unknown, unknown>;
let spaceId: string;
const day = addDays(todayInHouse(), 3);
const startsAt = futureHour(3, 10);
const TITLE = 'Dîner ouvert du jeudi';

beforeAll(async () => {
  graph = (await startTestSubgraph(tenantsModule, { listen: true })) as TestSubgraph<unknown, unknown>;
  spaceId = await createSpace(graph.ds);
}, 120_000);
afterAll(async () => {
  await graph?.close();
});

async function post(query: string, variables: Record<string, unknown> = {}, identity: Identity = ANONYMOUS) {
  const body = JSON.stringify({ query, variables });
  const response = await fetch(graph.url!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signRequest(DEV_SIGNING_SECRET, identity, 'fr', body) },
    body,
  });
  return {
    status: response.status,
    cacheControl: response.headers.get('cache-control'),
    body: (await response.json()) as { data?: Record<string, any> | null; errors?: { extensions?: { code?: string } }[] },
  };
}

const CALENDAR = `query($from: LocalDate!, $to: LocalDate!) { calendar(from: $from, to: $to) { date spaceBookings { title startsAt space { slug } } } }`;
const BOOK = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id title visibility } userErrors { code } } }`;

describe('Cache-Control of the tenants subgraph', () => {
  it('anonymous house: max-age=3600, public', async () => {
    const answer = await post('{ house { timeZone } }');
    expect(answer.body).toEqual({ data: { house: { timeZone: 'America/Toronto' } } });
    expect(answer.cacheControl).toBe('max-age=3600, public');
  });

  it('takes the shortest hint of the objects in the answer', async () => {
    const answer = await post('{ house { timeZone } sharedSpaces { slug } }');
    expect(answer.body.errors).toBeUndefined();
    expect(answer.cacheControl).toBe('max-age=300, public');
  });

  it('a mutation: no-store', async () => {
    const answer = await post(
      BOOK,
      { input: { spaceId, startsAt, endsAt: minutes(startsAt, 60), title: TITLE, visibility: 'PUBLIC' } },
      asTenant('acupuncture'),
    );
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.bookSharedSpace).toEqual({ booking: { id: expect.any(String), title: TITLE, visibility: 'PUBLIC' }, userErrors: [] });
    expect(answer.cacheControl).toBe('no-store');
  });

  it('an anonymous calendar with bookings: max-age=60, public', async () => {
    const answer = await post(CALENDAR, { from: day, to: day });
    expect(answer.body.errors).toBeUndefined();
    const bookings = answer.body.data!.calendar[0].spaceBookings as { title: string }[];
    expect(bookings.map((b) => b.title)).toContain(TITLE);
    expect(answer.cacheControl).toBe('max-age=60, public');
  });

  it('the same calendar signed in: private, for a tenant as for an admin', async () => {
    const tenant = await post(CALENDAR, { from: day, to: day }, asTenant('acupuncture'));
    expect(tenant.body.errors).toBeUndefined();
    expect((tenant.body.data!.calendar[0].spaceBookings as { title: string }[]).map((b) => b.title)).toContain(TITLE);
    expect(tenant.cacheControl).toBe('max-age=60, private');
    expect((await post('{ house { timeZone } }', {}, admin)).cacheControl).toBe('max-age=3600, private');
  });

  it('an answer with errors: no-store', async () => {
    // 200 days: over the calendar's 92-day limit, a BAD_USER_INPUT error from the resolver.
    const tooLong = await post(CALENDAR, { from: day, to: addDays(day, 200) });
    expect(tooLong.status).toBe(200);
    expect(tooLong.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooLong.cacheControl).toBe('no-store');
    // A query that needs a caller, asked anonymously: an error next to cacheable data.
    const partial = await post('query($from: DateTime!, $to: DateTime!) { house { timeZone } myBookings(from: $from, to: $to) { id } }', {
      from: startsAt.toISOString(),
      to: minutes(startsAt, 60).toISOString(),
    });
    expect(partial.body.errors?.length).toBeGreaterThan(0);
    expect(partial.cacheControl).toBe('no-store');
  });
});
