import { randomUUID } from 'node:crypto';
import type { Identity } from '@maison/auth';
import { admin, startTestSubgraph, withRoles } from '@maison/testing';
import { MembershipPlanCode } from './modules/membership/membership-plan.entity';
import { coworkingModule } from './module';
import type { CoworkingLoaders, CoworkingServices } from './services';
import { activeMember, createRoomEvent, memberIdentity } from './test-fixtures';

/**
 * A token (or ADMIN's memberId) naming a member who does not exist: every action taken as that member
 * answers UNKNOWN_HOLDER and writes nothing; what it would read as "mine" is null. Real members still act.
 */
type Graph = Awaited<ReturnType<typeof startTestSubgraph<CoworkingServices, CoworkingLoaders>>>;
let graph: Graph;
beforeAll(async () => {
  graph = await startTestSubgraph(coworkingModule, { seed: true });
});
afterAll(async () => {
  await graph?.close();
});

const UNKNOWN_FR = 'Le locataire, le membre ou l’artiste nommé par votre jeton n’existe pas ou est archivé.';
const UNKNOWN_EN = 'The tenant, member or artist named by your token does not exist or is archived.';

const CHECK_IN = `mutation($m: ID) { checkIn(memberId: $m) { checkIn { id member { id } } userErrors { code message field } } }`;
const CHECK_OUT = `mutation($m: ID) { checkOut(memberId: $m) { checkIn { id } userErrors { code message field } } }`;
const JOIN = `mutation($input: JoinPlanInput!) { joinPlan(input: $input) { membership { id member { id } } userErrors { code message field } } }`;
const REGISTER = `mutation($e: ID!) { registerForEvent(eventId: $e) { registration { status } userErrors { code message field } } }`;
const CANCEL = `mutation($e: ID!) { cancelEventRegistration(eventId: $e) { registration { status } userErrors { code message field } } }`;
const MINE = `query($e: ID!) { coworkingEvent(id: $e) { myRegistration { status } } coworkingOccupancy { members { id } } }`;

/** The payload of a mutation; a GraphQL error fails the test with the errors shown. */
const run = async (query: string, variables: Record<string, unknown>, identity: Identity, lang: 'fr' | 'en' = 'fr') => {
  const { body } = await graph.execute(query, variables, { identity, lang });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return Object.values(body.data!)[0] as { userErrors: unknown[] } & Record<string, unknown>;
};
const nobody = () => memberIdentity(randomUUID());
const rows = async (table: string, memberId: string) =>
  (await graph.ds.query(`SELECT count(*)::int AS n FROM ${table} WHERE member_id = $1`, [memberId]))[0].n as number;

describe('a token naming a member who does not exist', () => {
  it('checks in nobody (UNKNOWN_HOLDER, in French by default and in English), and checks out nobody', async () => {
    const ghost = nobody();
    expect(await run(CHECK_IN, {}, ghost)).toEqual({ checkIn: null, userErrors: [{ code: 'UNKNOWN_HOLDER', message: UNKNOWN_FR, field: null }] });
    expect(await run(CHECK_IN, {}, ghost, 'en')).toEqual({ checkIn: null, userErrors: [{ code: 'UNKNOWN_HOLDER', message: UNKNOWN_EN, field: null }] });
    expect(await run(CHECK_OUT, {}, ghost, 'en')).toEqual({ checkIn: null, userErrors: [{ code: 'UNKNOWN_HOLDER', message: UNKNOWN_EN, field: null }] });
    expect(await rows('check_in', ghost.memberId!)).toBe(0);
  });

  it('answers UNKNOWN_HOLDER to the same token with other roles too, and to ADMIN whose own token names nobody', async () => {
    const memberId = randomUUID();
    const adminGhost = withRoles('admin:ghost', ['ADMIN'], { memberId });
    expect((await run(CHECK_IN, {}, adminGhost)).userErrors).toEqual([{ code: 'UNKNOWN_HOLDER', message: UNKNOWN_FR, field: null }]);
    const both = withRoles('both:ghost', ['MEMBER', 'TENANT'], { memberId });
    expect((await run(JOIN, { input: { planCode: 'DAY_PASS' } }, both)).userErrors).toEqual([{ code: 'UNKNOWN_HOLDER', message: UNKNOWN_FR, field: null }]);
  });

  it('buys no day pass (UNKNOWN_HOLDER rather than NOT_FOUND)', async () => {
    const ghost = nobody();
    expect(await run(JOIN, { input: { planCode: 'DAY_PASS' } }, ghost, 'en')).toEqual({
      membership: null,
      userErrors: [{ code: 'UNKNOWN_HOLDER', message: UNKNOWN_EN, field: null }],
    });
    expect(await rows('membership', ghost.memberId!)).toBe(0);
  });

  it('registers for no event and cancels nothing, members-only or not', async () => {
    const ghost = nobody();
    for (const eventId of [await createRoomEvent(graph.ds), await createRoomEvent(graph.ds, { membersOnly: true })]) {
      expect(await run(REGISTER, { e: eventId }, ghost)).toEqual({
        registration: null,
        userErrors: [{ code: 'UNKNOWN_HOLDER', message: UNKNOWN_FR, field: null }],
      });
      expect(await run(CANCEL, { e: eventId }, ghost, 'en')).toEqual({
        registration: null,
        userErrors: [{ code: 'UNKNOWN_HOLDER', message: UNKNOWN_EN, field: null }],
      });
    }
    const [{ n }] = await graph.ds.query('SELECT count(*)::int AS n FROM event_registration WHERE registrant = $1', [ghost.sub]);
    expect(n).toBe(0);
  });

  it('reads nothing as its own: no registration, nobody present (null, no error), while a real member reads both', async () => {
    const real = await activeMember(graph.ds);
    const eventId = await createRoomEvent(graph.ds);
    expect((await run(REGISTER, { e: eventId }, real.identity)).userErrors).toEqual([]);
    expect((await run(CHECK_IN, {}, real.identity)).userErrors).toEqual([]);
    const mine = await graph.execute(MINE, { e: eventId }, { identity: real.identity });
    expect(mine.body.errors).toBeUndefined();
    expect(mine.body.data!.coworkingEvent.myRegistration).toEqual({ status: 'CONFIRMED' });
    expect(mine.body.data!.coworkingOccupancy.members).toContainEqual({ id: real.id });

    // The same sub, its member gone from the token's point of view: a registration it holds is not read.
    const ghost = { ...real.identity, memberId: randomUUID() };
    expect((await graph.execute(MINE, { e: eventId }, { identity: ghost })).body).toEqual({
      data: { coworkingEvent: { myRegistration: null }, coworkingOccupancy: { members: null } },
    });
    expect((await run(CHECK_OUT, {}, real.identity)).userErrors).toEqual([]);
  });
});

describe('ADMIN acting for a memberId that names nobody', () => {
  it('answers UNKNOWN_HOLDER on the memberId argument, for check-in, check-out and joinPlan', async () => {
    const memberId = randomUUID();
    expect(await run(CHECK_IN, { m: memberId }, admin)).toEqual({
      checkIn: null,
      userErrors: [{ code: 'UNKNOWN_HOLDER', message: UNKNOWN_FR, field: ['memberId'] }],
    });
    expect((await run(CHECK_OUT, { m: 'pas-un-id' }, admin, 'en')).userErrors).toEqual([{ code: 'UNKNOWN_HOLDER', message: UNKNOWN_EN, field: ['memberId'] }]);
    expect((await run(JOIN, { input: { memberId, planCode: 'TEN_DAY_CARD' } }, admin, 'en')).userErrors).toEqual([
      { code: 'UNKNOWN_HOLDER', message: UNKNOWN_EN, field: ['input', 'memberId'] },
    ]);
    expect(await rows('membership', memberId)).toBe(0);
  });

  it('still acts for a member who exists', async () => {
    const { id } = await activeMember(graph.ds);
    expect(await run(CHECK_IN, { m: id }, admin)).toEqual({ checkIn: { id: expect.any(String), member: { id } }, userErrors: [] });
    expect((await run(CHECK_OUT, { m: id }, admin)).userErrors).toEqual([]);
    expect((await run(JOIN, { input: { memberId: id, planCode: 'TEN_DAY_CARD' } }, admin)).membership).toEqual({ id: expect.any(String), member: { id } });
  });
});

describe('a member gone between the lookup and the transaction', () => {
  it('is refused by the services themselves with the same UNKNOWN_HOLDER, and nothing is written', async () => {
    // The services alone, as if the resolver's lookup had found a member deleted just after.
    const memberId = randomUUID();
    expect(await graph.services.presence.checkIn(memberId)).toEqual({ value: null, errors: [{ code: 'UNKNOWN_HOLDER', field: ['memberId'] }] });
    expect(await graph.services.memberships.join(admin, { memberId, planCode: MembershipPlanCode.DAY_PASS })).toEqual({
      value: null,
      errors: [{ code: 'UNKNOWN_HOLDER', field: ['input', 'memberId'] }],
    });
    expect(await rows('check_in', memberId)).toBe(0);
    expect(await rows('membership', memberId)).toBe(0);
  });
});

describe('the lookup of the member acted for', () => {
  it('costs one statement for a whole page of events, however many ask myRegistration', async () => {
    const ghost = nobody();
    const { body, statements } = await graph.execute(`{ coworkingEvents(first: 100) { nodes { id myRegistration { status } } } }`, {}, { identity: ghost });
    expect(body.errors).toBeUndefined();
    const nodes = body.data!.coworkingEvents.nodes as { myRegistration: unknown }[];
    expect(nodes.length).toBeGreaterThan(1);
    expect(nodes.every((n) => n.myRegistration === null)).toBe(true);
    // The page, and the one member lookup: no registration is read for a member who does not exist.
    expect(statements).toBe(2);
  });
});
