import { randomUUID } from 'node:crypto';
import type { Identity } from '@maison/auth';
import { addDays, todayInHouse } from '@maison/house';
import { admin, anonymous, asTenant, startTestSubgraph, withRoles } from '@maison/testing';
import { callerIdOf } from '@maison/kit';
import { coworkingModule } from '../../module';
import type { CoworkingLoaders, CoworkingServices } from '../../services';
import { activeMember, createRoomEvent, futureHour, giveMembership } from '../../test-fixtures';

/** Me.myCoworking: a member's own page, only ever the member of the token. */
type Graph = Awaited<ReturnType<typeof startTestSubgraph<CoworkingServices, CoworkingLoaders>>>;
let graph: Graph;
beforeAll(async () => {
  graph = await startTestSubgraph(coworkingModule);
});
afterAll(async () => {
  await graph?.close();
});

const MINE = `query($r: [_Any!]!, $first: Int) { _entities(representations: $r) { ... on Me { myCoworking {
  member { id } currentMembership { plan { code } } memberships { plan { code } } cardDaysLeft
  checkIns(first: $first) { id date checkedOutAt } upcomingRegistrations { id status position event { id } } } } } }`;
const mine = async (identity: Identity, first?: number, lang: 'fr' | 'en' = 'fr') =>
  (await graph.execute(MINE, { r: [{ __typename: 'Me', id: callerIdOf(identity) }], first: first ?? null }, { identity, lang })).body;
const today = todayInHouse();

describe('Me.myCoworking', () => {
  it('is the member’s memberships, card, visits and upcoming registrations', async () => {
    const { id, identity } = await activeMember(graph.ds, 'TEN_DAY_CARD');
    await graph.ds.query('UPDATE membership SET days_used = 3 WHERE member_id = $1', [id]);
    const older = await giveMembership(graph.ds, id, 'DAY_PASS', { startsIn: -40 });
    const membership = (await graph.ds.query(`SELECT id FROM membership WHERE member_id = $1 AND id <> $2`, [id, older]))[0].id;
    for (const [k, days] of [-3, -2, -1].entries()) {
      await graph.ds.query(
        `INSERT INTO check_in (id, member_id, membership_id, local_date, checked_in_at, checked_out_at) VALUES ($1, $2, $3, $4, now() - $5::interval, now() - $5::interval + interval '1 hour')`,
        [randomUUID(), id, membership, addDays(today, days), `${3 - k} days`],
      );
    }
    const later = await createRoomEvent(graph.ds, { startsAt: futureHour(9, 18) });
    const sooner = await createRoomEvent(graph.ds, { capacity: 1, startsAt: futureHour(4, 18) });
    const cancelled = await createRoomEvent(graph.ds, { startsAt: futureHour(6, 18) });
    const REGISTER = `mutation($e: ID!) { registerForEvent(eventId: $e) { userErrors { code } } }`;
    await graph.execute(REGISTER, { e: sooner }, { identity: (await activeMember(graph.ds)).identity });
    for (const e of [later, sooner, cancelled]) await graph.execute(REGISTER, { e }, { identity });
    await graph.ds.query('UPDATE coworking_event SET cancelled_at = now() WHERE id = $1', [cancelled]);

    const body = await mine(identity, 2);
    expect(body.errors).toBeUndefined();
    const page = (body.data!._entities as any[])[0].myCoworking;
    expect(page).toMatchObject({
      member: { id },
      currentMembership: { plan: { code: 'TEN_DAY_CARD' } },
      memberships: [{ plan: { code: 'TEN_DAY_CARD' } }, { plan: { code: 'DAY_PASS' } }],
      cardDaysLeft: 7,
    });
    expect(page.checkIns.map((c: { date: string }) => c.date)).toEqual([addDays(today, -1), addDays(today, -2)]);
    expect(page.upcomingRegistrations).toEqual([
      { id: expect.any(String), status: 'WAITLISTED', position: 1, event: { id: sooner } },
      { id: expect.any(String), status: 'CONFIRMED', position: null, event: { id: later } },
    ]);
    expect((await mine(identity)).data!._entities[0].myCoworking.checkIns).toHaveLength(3);
  });

  it('has no card days without a card, and no membership in force once deactivated (the page stays)', async () => {
    const { id, identity } = await activeMember(graph.ds);
    expect((await mine(identity)).data!._entities[0].myCoworking).toMatchObject({
      cardDaysLeft: null,
      currentMembership: { plan: { code: 'FULL_TIME_MONTHLY' } },
    });
    await graph.execute(`mutation($id: ID!) { deactivateMember(id: $id) { userErrors { code } } }`, { id }, { identity: admin });
    expect((await mine(identity)).data!._entities[0].myCoworking).toMatchObject({
      member: { id },
      currentMembership: null,
      cardDaysLeft: null,
      memberships: [{ plan: { code: 'FULL_TIME_MONTHLY' } }],
    });
  });

  it.each([
    ['ADMIN', admin],
    ['a TENANT', asTenant('acupuncture')],
    ['anonymous', anonymous],
    ['a token naming nobody', withRoles('member:fantome', ['MEMBER'], { memberId: randomUUID() })],
  ])('is null for %s', async (_, identity) => {
    expect((await mine(identity)).data!._entities).toEqual([{ myCoworking: null }]);
  });

  it.each([0, 101, -1])('refuses checkIns(first: %i): BAD_USER_INPUT, in French and English', async (first) => {
    const { identity } = await activeMember(graph.ds);
    expect((await mine(identity, first)).errors!.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['BAD_USER_INPUT', 'Argument invalide. first : 1..100.'],
    ]);
    expect((await mine(identity, first, 'en')).errors!.map((e) => e.message)).toEqual(['Invalid argument. first: 1..100.']);
  });
});
