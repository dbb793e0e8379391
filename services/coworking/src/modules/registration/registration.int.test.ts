import { randomUUID } from 'node:crypto';
import type { Identity } from '@maison/auth';
import { admin, anonymous, asTenant, startTestSubgraph } from '@maison/testing';
import { coworkingModule } from '../../module';
import type { CoworkingLoaders, CoworkingServices } from '../../services';
import { activeMember, createMember, createRoomEvent, giveMembership, memberIdentity, minutes, someTenant } from '../../test-fixtures';

/** Registrations, the waitlist and its order through GraphQL, on real PostgreSQL. */
type Graph = Awaited<ReturnType<typeof startTestSubgraph<CoworkingServices, CoworkingLoaders>>>;
let graph: Graph;
beforeAll(async () => {
  graph = await startTestSubgraph(coworkingModule);
});
afterAll(async () => {
  await graph?.close();
});

const REGISTER = `mutation($e: ID!) { registerForEvent(eventId: $e) { registration { status position event { id } } userErrors { code message field } } }`;
const CANCEL = `mutation($e: ID!) { cancelEventRegistration(eventId: $e) { registration { status position cancelledAt } userErrors { code field } } }`;
const SEATS = `query($e: ID!) { coworkingEvent(id: $e) { seatsLeft myRegistration { status position } } }`;

const register = async (identity: Identity, eventId: string, lang: 'fr' | 'en' = 'fr') => {
  const { body } = await graph.execute(REGISTER, { e: eventId }, { identity, lang });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.registerForEvent;
};
const registered = async (identity: Identity, eventId: string) => (await register(identity, eventId)).registration;
const codes = async (identity: Identity, eventId: string) => (await register(identity, eventId)).userErrors.map((e: { code: string }) => e.code);
const cancel = async (identity: Identity, eventId: string) => (await graph.execute(CANCEL, { e: eventId }, { identity })).body.data!.cancelEventRegistration;
const seats = async (identity: Identity, eventId: string) => (await graph.execute(SEATS, { e: eventId }, { identity })).body.data!.coworkingEvent;

describe('registerForEvent', () => {
  it('answers CONFIRMED while seats remain, then WAITLISTED with a place in line; seatsLeft and myRegistration follow', async () => {
    const eventId = await createRoomEvent(graph.ds, { capacity: 2 });
    const [a, b, c, d] = [someTenant(), someTenant(), someTenant(), someTenant()];
    expect(await seats(a, eventId)).toEqual({ seatsLeft: 2, myRegistration: null });
    expect(await register(a, eventId)).toEqual({ registration: { status: 'CONFIRMED', position: null, event: { id: eventId } }, userErrors: [] });
    expect(await seats(a, eventId)).toEqual({ seatsLeft: 1, myRegistration: { status: 'CONFIRMED', position: null } });
    expect(await registered(b, eventId)).toEqual({ status: 'CONFIRMED', position: null, event: { id: eventId } });
    expect(await registered(c, eventId)).toEqual({ status: 'WAITLISTED', position: 1, event: { id: eventId } });
    expect(await registered(d, eventId)).toEqual({ status: 'WAITLISTED', position: 2, event: { id: eventId } });
    expect(await seats(c, eventId)).toEqual({ seatsLeft: 0, myRegistration: { status: 'WAITLISTED', position: 1 } });
    expect(await seats(someTenant(), eventId)).toEqual({ seatsLeft: 0, myRegistration: null });
    expect(await seats(anonymous, eventId)).toEqual({ seatsLeft: 0, myRegistration: null });
  });

  it('refuses a second registration of the same caller (ALREADY_REGISTERED), whether confirmed or waitlisted', async () => {
    const eventId = await createRoomEvent(graph.ds, { capacity: 1 });
    const [a, b] = [someTenant(), someTenant()];
    await register(a, eventId);
    await register(b, eventId);
    expect((await register(a, eventId, 'en')).userErrors).toEqual([
      { code: 'ALREADY_REGISTERED', message: 'You are already registered for this event.', field: ['eventId'] },
    ]);
    expect(await codes(b, eventId)).toEqual(['ALREADY_REGISTERED']);
    const [{ n }] = await graph.ds.query(`SELECT count(*)::int AS n FROM event_registration WHERE event_id = $1`, [eventId]);
    expect(n).toBe(2);
  });

  it('refuses non-members on a members-only event (MEMBERS_ONLY) and accepts members with a membership active today', async () => {
    const eventId = await createRoomEvent(graph.ds, { membersOnly: true });
    const noPlan = memberIdentity(await createMember(graph.ds));
    const expired = await createMember(graph.ds);
    await giveMembership(graph.ds, expired, 'DAY_PASS', { startsIn: -1 });
    const upcoming = await createMember(graph.ds);
    await giveMembership(graph.ds, upcoming, 'DAY_PASS', { startsIn: 1 });
    expect((await register(asTenant('graphisme'), eventId)).userErrors).toEqual([
      { code: 'MEMBERS_ONLY', message: 'Cet événement est réservé aux membres actifs de l’Espace KO.', field: ['eventId'] },
    ]);
    for (const identity of [noPlan, memberIdentity(expired), memberIdentity(upcoming), admin]) expect(await codes(identity, eventId)).toEqual(['MEMBERS_ONLY']);
    expect(await registered((await activeMember(graph.ds, 'DAY_PASS')).identity, eventId)).toMatchObject({ status: 'CONFIRMED' });
    // The same callers may register to an event open to all.
    expect(await codes(noPlan, await createRoomEvent(graph.ds))).toEqual([]);
  });

  it('refuses a cancelled event (EVENT_CANCELLED), one that has begun (IN_THE_PAST) and an unknown one (NOT_FOUND)', async () => {
    const caller = someTenant();
    expect(await codes(caller, await createRoomEvent(graph.ds, { cancelled: true }))).toEqual(['EVENT_CANCELLED']);
    expect(await codes(caller, await createRoomEvent(graph.ds, { startsAt: minutes(new Date(), -1) }))).toEqual(['IN_THE_PAST']);
    expect(await codes(caller, await createRoomEvent(graph.ds, { startsAt: minutes(new Date(), 1) }))).toEqual([]);
    expect(await codes(caller, randomUUID())).toEqual(['NOT_FOUND']);
    expect(await codes(caller, 'not-an-id')).toEqual(['NOT_FOUND']);
  });

  it('asks anonymous callers to sign in (UNAUTHENTICATED)', async () => {
    const eventId = await createRoomEvent(graph.ds);
    for (const query of [REGISTER, CANCEL]) {
      const { body } = await graph.execute(query, { e: eventId });
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    }
  });
});

describe('cancelEventRegistration and the waitlist', () => {
  it('gives a seat given up to the first person waiting, in arrival order, and never on a waitlisted cancellation', async () => {
    const eventId = await createRoomEvent(graph.ds, { capacity: 2 });
    const people = Array.from({ length: 5 }, () => someTenant());
    for (const p of people) await register(p, eventId);
    const [a, b, c, d, e] = people as [Identity, Identity, Identity, Identity, Identity];
    const line = async () => Promise.all(people.map(async (p) => (await seats(p, eventId)).myRegistration));

    const given = await cancel(b, eventId);
    expect(given.userErrors).toEqual([]);
    expect(given.registration).toMatchObject({ status: 'CANCELLED', position: null });
    expect(await line()).toEqual([
      { status: 'CONFIRMED', position: null },
      null,
      { status: 'CONFIRMED', position: null },
      { status: 'WAITLISTED', position: 1 },
      { status: 'WAITLISTED', position: 2 },
    ]);

    expect((await cancel(d, eventId)).userErrors).toEqual([]);
    expect(await line()).toEqual([
      { status: 'CONFIRMED', position: null },
      null,
      { status: 'CONFIRMED', position: null },
      null,
      { status: 'WAITLISTED', position: 1 },
    ]);

    expect((await cancel(a, eventId)).userErrors).toEqual([]);
    expect(await line()).toEqual([null, null, { status: 'CONFIRMED', position: null }, null, { status: 'CONFIRMED', position: null }]);
    expect((await seats(e, eventId)).seatsLeft).toBe(0);

    // Registering again after cancelling puts you at the end of the line.
    expect(await registered(a, eventId)).toMatchObject({ status: 'WAITLISTED', position: 1 });
    expect(await registered(b, eventId)).toMatchObject({ status: 'WAITLISTED', position: 2 });
    await cancel(c, eventId);
    expect(await line()).toEqual([
      { status: 'CONFIRMED', position: null },
      { status: 'WAITLISTED', position: 1 },
      null,
      null,
      { status: 'CONFIRMED', position: null },
    ]);
  });

  it('answers NOT_FOUND without a registration, EVENT_CANCELLED on a cancelled event, TOO_LATE once the event has begun', async () => {
    const caller = someTenant();
    const open = await createRoomEvent(graph.ds);
    expect(await cancel(caller, open)).toEqual({ registration: null, userErrors: [{ code: 'NOT_FOUND', field: ['eventId'] }] });
    await register(caller, open);
    expect((await cancel(caller, open)).userErrors).toEqual([]);
    expect(await cancel(caller, open)).toEqual({ registration: null, userErrors: [{ code: 'NOT_FOUND', field: ['eventId'] }] });

    const begun = await createRoomEvent(graph.ds, { startsAt: minutes(new Date(), 1) });
    await register(caller, begun);
    await graph.ds.query(`UPDATE coworking_event SET starts_at = now() - interval '1 minute' WHERE id = $1`, [begun]);
    expect(await cancel(caller, begun)).toEqual({ registration: null, userErrors: [{ code: 'TOO_LATE', field: ['eventId'] }] });

    const cancelled = await createRoomEvent(graph.ds);
    await register(caller, cancelled);
    await graph.ds.query(`UPDATE coworking_event SET cancelled_at = now() WHERE id = $1`, [cancelled]);
    expect(await cancel(caller, cancelled)).toEqual({ registration: null, userErrors: [{ code: 'EVENT_CANCELLED', field: ['eventId'] }] });
  });
});

describe('seatsLeft and myRegistration of many events', () => {
  it('cost one statement each for a whole page of events', async () => {
    const caller = someTenant();
    for (let i = 0; i < 3; i += 1) await register(caller, await createRoomEvent(graph.ds, { capacity: 5 }));
    const { body, statements } = await graph.execute(
      `{ coworkingEvents(first: 100) { nodes { id seatsLeft myRegistration { status } } } }`,
      {},
      { identity: caller },
    );
    expect(body.errors).toBeUndefined();
    const nodes = body.data!.coworkingEvents.nodes as { seatsLeft: number; myRegistration: { status: string } | null }[];
    expect(nodes.filter((n) => n.myRegistration).map((n) => [n.seatsLeft, n.myRegistration])).toEqual([
      [4, { status: 'CONFIRMED' }],
      [4, { status: 'CONFIRMED' }],
      [4, { status: 'CONFIRMED' }],
    ]);
    expect(nodes.length).toBeGreaterThan(3);
    // The page, the seats of its events, the caller's registrations.
    expect(statements).toBe(3);
  });
});
