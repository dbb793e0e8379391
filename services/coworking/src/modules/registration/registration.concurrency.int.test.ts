import type { Identity } from '@maison/auth';
import { startTestSubgraph, withClient } from '@maison/testing';
import { coworkingModule } from '../../module';
import type { CoworkingLoaders, CoworkingServices } from '../../services';
import { createRoomEvent, someTenant } from '../../test-fixtures';

/**
 * Registrations under real concurrency: a pool of 50 connections, so that the attempts truly race
 * inside PostgreSQL, where the lock of the event row decides.
 */
type Graph = Awaited<ReturnType<typeof startTestSubgraph<CoworkingServices, CoworkingLoaders>>>;
let graph: Graph;
beforeAll(async () => {
  graph = await startTestSubgraph(coworkingModule, { env: { DB_POOL_SIZE: '50' } });
});
afterAll(async () => {
  await graph?.close();
});

interface Answer {
  registration: { id: string; status: 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED'; position: number | null } | null;
  userErrors: { code: string }[];
}

const REGISTER = `mutation($e: ID!) { registerForEvent(eventId: $e) { registration { id status position } userErrors { code } } }`;
const CANCEL = `mutation($e: ID!) { cancelEventRegistration(eventId: $e) { registration { id status } userErrors { code } } }`;

async function run(query: string, identity: Identity, eventId: string, field: string): Promise<Answer> {
  const { body } = await graph.execute(query, { e: eventId }, { identity });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data![field];
}
const register = (identity: Identity, eventId: string) => run(REGISTER, identity, eventId, 'registerForEvent');
const cancel = (identity: Identity, eventId: string) => run(CANCEL, identity, eventId, 'cancelEventRegistration');

/** The line as PostgreSQL holds it, in arrival order. */
const lineOf = (eventId: string) =>
  withClient(
    graph.databaseUrl,
    async (c) =>
      (await c.query(`SELECT id, status, registrant FROM event_registration WHERE event_id = $1 ORDER BY seq`, [eventId])).rows as {
        id: string;
        status: string;
        registrant: string;
      }[],
  );

describe('registrations under concurrency', () => {
  it('seats exactly 20 of 100 concurrent registrations for 20 seats and lines up the other 80 in arrival order', async () => {
    const eventId = await createRoomEvent(graph.ds, { capacity: 20 });
    const callers = Array.from({ length: 100 }, () => someTenant());
    const answers = await Promise.all(callers.map((c) => register(c, eventId)));

    expect(answers.filter((a) => a.userErrors.length > 0)).toEqual([]);
    expect(answers.filter((a) => a.registration!.status === 'CONFIRMED')).toHaveLength(20);
    const waitlisted = answers.filter((a) => a.registration!.status === 'WAITLISTED');
    expect(waitlisted.map((a) => a.registration!.position).sort((x, y) => x! - y!)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));

    // In arrival order (the order PostgreSQL decided them in): the first 20 seated, then the line 1..80.
    const line = await lineOf(eventId);
    expect(line.map((r) => r.status)).toEqual([...Array(20).fill('CONFIRMED'), ...Array(80).fill('WAITLISTED')]);
    const positionOf = new Map(answers.map((a) => [a.registration!.id, a.registration!.position]));
    expect(line.slice(20).map((r) => positionOf.get(r.id))).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));

    const { body } = await graph.execute(`query($e: ID!) { coworkingEvent(id: $e) { capacity seatsLeft } }`, { e: eventId });
    expect(body.data).toEqual({ coworkingEvent: { capacity: 20, seatsLeft: 0 } });
  });

  it('gives the seats of 10 concurrent cancellations to the first 10 people waiting, never seating more than 20', async () => {
    const eventId = await createRoomEvent(graph.ds, { capacity: 20 });
    const callers = Array.from({ length: 40 }, () => someTenant());
    for (const c of callers) await register(c, eventId);
    const before = await lineOf(eventId);
    const leaving = callers.slice(0, 10);
    const answers = await Promise.all(leaving.map((c) => cancel(c, eventId)));
    expect(answers.map((a) => [a.registration?.status, a.userErrors])).toEqual(Array(10).fill(['CANCELLED', []]));

    const after = await lineOf(eventId);
    const statusOf = new Map(after.map((r) => [r.registrant, r.status]));
    // In arrival order: the 10 who left, the 10 still seated and the first 10 waiting (now seated), the last 10 still waiting.
    const expected = (i: number) => (i < 10 ? 'CANCELLED' : i < 30 ? 'CONFIRMED' : 'WAITLISTED');
    expect(before.map((r) => statusOf.get(r.registrant))).toEqual(before.map((_, i) => expected(i)));
  });

  it('lets 10 concurrent registrations of one caller make one registration: the others answer ALREADY_REGISTERED', async () => {
    const eventId = await createRoomEvent(graph.ds, { capacity: 5 });
    const caller = someTenant();
    const answers = await Promise.all(Array.from({ length: 10 }, () => register(caller, eventId)));
    expect(answers.filter((a) => a.registration?.status === 'CONFIRMED')).toHaveLength(1);
    expect(answers.filter((a) => a.userErrors.map((e) => e.code).join() === 'ALREADY_REGISTERED')).toHaveLength(9);
    expect(await lineOf(eventId)).toHaveLength(1);
  });
});
