import { randomUUID } from 'node:crypto';
import type { Identity } from '@maison/auth';
import { admin, anonymous, asMember, asTenant, startTestSubgraph } from '@maison/testing';
import { coworkingModule } from '../../module';
import type { CoworkingLoaders, CoworkingServices } from '../../services';
import { activeMember, createRoomEvent, futureHour, memberIdentity } from '../../test-fixtures';

/** deactivateMember and reactivateMember: what a deactivated member keeps, loses, and who still sees them. */
type Graph = Awaited<ReturnType<typeof startTestSubgraph<CoworkingServices, CoworkingLoaders>>>;
let graph: Graph;
beforeAll(async () => {
  graph = await startTestSubgraph(coworkingModule, { env: { DB_POOL_SIZE: '20' } });
});
afterAll(async () => {
  await graph?.close();
});

const DEACTIVATE = `mutation($id: ID!) { deactivateMember(id: $id) { member { id deactivatedAt } userErrors { code message field } } }`;
const REACTIVATE = `mutation($id: ID!) { reactivateMember(id: $id) { member { id deactivatedAt } userErrors { code message field } } }`;
const CHECK_IN = `mutation($m: ID) { checkIn(memberId: $m) { checkIn { id } userErrors { code message field } } }`;
const REGISTER = `mutation($e: ID!) { registerForEvent(eventId: $e) { registration { id status } userErrors { code message field } } }`;

const run = async (query: string, variables: Record<string, unknown>, identity: Identity = admin, lang: 'fr' | 'en' = 'fr') =>
  (await graph.execute(query, variables, { identity, lang })).body;
const deactivate = async (id: string, identity: Identity = admin, lang: 'fr' | 'en' = 'fr') =>
  (await run(DEACTIVATE, { id }, identity, lang)).data!.deactivateMember;
const statusOf = async (registrationId: string) => (await graph.ds.query('SELECT status FROM event_registration WHERE id = $1', [registrationId]))[0].status;
const register = async (identity: Identity, eventId: string) => (await run(REGISTER, { e: eventId }, identity)).data!.registerForEvent;

describe('deactivateMember (ADMIN)', () => {
  it('deactivates once: ALREADY_DEACTIVATED after, in French and English; NOT_FOUND for an unknown id', async () => {
    const { id } = await activeMember(graph.ds);
    const first = await deactivate(id);
    expect(first).toEqual({ member: { id, deactivatedAt: expect.any(String) }, userErrors: [] });
    expect(Date.now() - Date.parse(first.member.deactivatedAt)).toBeLessThan(60_000);
    expect(await deactivate(id)).toEqual({
      member: null,
      userErrors: [{ code: 'ALREADY_DEACTIVATED', message: 'Ce membre est déjà désactivé.', field: ['id'] }],
    });
    expect((await deactivate(id, admin, 'en')).userErrors).toEqual([
      { code: 'ALREADY_DEACTIVATED', message: 'This member is already deactivated.', field: ['id'] },
    ]);
    for (const unknown of [randomUUID(), 'nimporte-quoi']) {
      expect(await deactivate(unknown)).toEqual({ member: null, userErrors: [{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['id'] }] });
    }
  });

  it.each([
    ['the member themself', (id: string) => memberIdentity(id), 'FORBIDDEN'],
    ['another MEMBER', () => asMember('rosalie-tremblay'), 'FORBIDDEN'],
    ['a TENANT', () => asTenant('acupuncture'), 'FORBIDDEN'],
    ['anonymous', () => anonymous, 'UNAUTHENTICATED'],
  ])('is refused to %s', async (_, identityOf, code) => {
    const { id } = await activeMember(graph.ds);
    for (const mutation of [DEACTIVATE, REACTIVATE]) {
      const body = await run(mutation, { id }, identityOf(id));
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    }
    expect((await graph.ds.query('SELECT deactivated_at FROM member WHERE id = $1', [id]))[0].deactivated_at).toBeNull();
  });

  it('keeps the history, checks the member out, cancels their upcoming registrations and seats the first in line', async () => {
    const { id, identity } = await activeMember(graph.ds);
    expect((await run(CHECK_IN, {}, identity)).data!.checkIn.userErrors).toEqual([]);
    const full = await createRoomEvent(graph.ds, { capacity: 1 });
    const other = await createRoomEvent(graph.ds, { capacity: 5, startsAt: futureHour(5, 18) });
    const mine = (await register(identity, full)).registration;
    const waiting = await activeMember(graph.ds);
    const inLine = (await register(waiting.identity, full)).registration;
    expect([mine.status, inLine.status]).toEqual(['CONFIRMED', 'WAITLISTED']);
    const mineToo = (await register(identity, other)).registration;
    // A past event the member went to: its registration is history and stays.
    const past = await createRoomEvent(graph.ds, { startsAt: new Date(Date.now() - 7 * 86_400_000) });
    const pastRegistration = randomUUID();
    await graph.ds.query(
      `INSERT INTO event_registration (id, event_id, registrant, member_id, status, confirmed_at) VALUES ($1, $2, $3, $4, 'CONFIRMED', now())`,
      [pastRegistration, past, identity.sub, id],
    );

    expect((await deactivate(id)).userErrors).toEqual([]);

    expect(await statusOf(mine.id)).toBe('CANCELLED');
    expect(await statusOf(mineToo.id)).toBe('CANCELLED');
    expect(await statusOf(inLine.id)).toBe('CONFIRMED');
    expect(await statusOf(pastRegistration)).toBe('CONFIRMED');
    const visits = await graph.ds.query('SELECT checked_out_at FROM check_in WHERE member_id = $1', [id]);
    expect(visits).toEqual([{ checked_out_at: expect.any(Date) }]);
    expect((await graph.ds.query('SELECT count(*)::int AS n FROM membership WHERE member_id = $1', [id]))[0].n).toBe(1);
  });

  it('refuses a deactivated member’s check-in, registration, plan purchase and profile change: MEMBER_DEACTIVATED; ADMIN may still correct them', async () => {
    const { id, identity } = await activeMember(graph.ds);
    await deactivate(id);
    const FR = 'Ce membre est désactivé.';
    expect((await run(CHECK_IN, {}, identity)).data!.checkIn).toEqual({
      checkIn: null,
      userErrors: [{ code: 'MEMBER_DEACTIVATED', message: FR, field: ['memberId'] }],
    });
    expect((await run(CHECK_IN, { m: id }, admin, 'en')).data!.checkIn.userErrors).toEqual([
      { code: 'MEMBER_DEACTIVATED', message: 'This member is deactivated.', field: ['memberId'] },
    ]);
    const event = await createRoomEvent(graph.ds);
    expect(await register(identity, event)).toEqual({ registration: null, userErrors: [{ code: 'MEMBER_DEACTIVATED', message: FR, field: null }] });
    // Neither they nor ADMIN buy them a plan: not a day pass, not a monthly plan.
    const JOIN = `mutation($input: JoinPlanInput!) { joinPlan(input: $input) { membership { id } userErrors { code message field } } }`;
    const memberships = async () => (await graph.ds.query('SELECT count(*)::int AS n FROM membership WHERE member_id = $1', [id]))[0].n;
    const before = await memberships();
    expect((await run(JOIN, { input: { planCode: 'DAY_PASS' } }, identity)).data!.joinPlan).toEqual({
      membership: null,
      userErrors: [{ code: 'MEMBER_DEACTIVATED', message: FR, field: ['input', 'memberId'] }],
    });
    expect((await run(JOIN, { input: { planCode: 'FULL_TIME_MONTHLY', memberId: id } }, admin, 'en')).data!.joinPlan.userErrors).toEqual([
      { code: 'MEMBER_DEACTIVATED', message: 'This member is deactivated.', field: ['input', 'memberId'] },
    ]);
    expect(await memberships()).toBe(before);
    const profile = await run(`mutation { updateMyProfile(input: { displayName: "Encore là" }) { member { id } userErrors { code } } }`, {}, identity);
    expect(profile.data!.updateMyProfile).toEqual({ member: null, userErrors: [{ code: 'MEMBER_DEACTIVATED' }] });
    const fixed = await run(`mutation($id: ID!) { updateMember(id: $id, input: { displayName: "Corrigé" }) { member { displayName } userErrors { code } } }`, {
      id,
    });
    expect(fixed.data!.updateMember).toEqual({ member: { displayName: 'Corrigé' }, userErrors: [] });
    expect((await graph.ds.query('SELECT count(*)::int AS n FROM check_in WHERE member_id = $1', [id]))[0].n).toBe(0);
    expect((await graph.ds.query('SELECT count(*)::int AS n FROM event_registration WHERE member_id = $1', [id]))[0].n).toBe(0);
  });

  it('leaves the member with no membership in force, as the tenants ledger asks it (a signed _entities call as ADMIN)', async () => {
    const { id } = await activeMember(graph.ds);
    const ASK = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { currentMembership { status } memberships { status } } } }`;
    const service: Identity = { sub: 'service:tenants', roles: ['ADMIN'] };
    const before = await run(ASK, { r: [{ __typename: 'Member', id }] }, service);
    expect(before.data!._entities).toEqual([{ currentMembership: { status: 'ACTIVE' }, memberships: [{ status: 'ACTIVE' }] }]);
    await deactivate(id);
    const after = await run(ASK, { r: [{ __typename: 'Member', id }] }, service);
    // The membership itself is untouched (history); none is in force for a deactivated member.
    expect(after.data!._entities).toEqual([{ currentMembership: null, memberships: [{ status: 'ACTIVE' }] }]);
  });

  it('shows deactivatedAt to the member and ADMIN only, and lists the member to ADMIN only', async () => {
    const { id, identity } = await activeMember(graph.ds);
    await graph.ds.query(`UPDATE member SET is_public = true, display_name = 'Zéphirine Désactivée' WHERE id = $1`, [id]);
    await deactivate(id);
    const READ = `query($id: ID!) { member(id: $id) { deactivatedAt } }`;
    for (const reader of [admin, identity]) expect((await run(READ, { id }, reader)).data!.member.deactivatedAt).toEqual(expect.any(String));
    for (const reader of [asMember('rosalie-tremblay'), anonymous]) expect((await run(READ, { id }, reader)).data!.member).toEqual({ deactivatedAt: null });

    const LIST = `{ members(first: 100, search: "zephirine") { nodes { id } } }`;
    expect((await run(LIST, {}, admin)).data!.members.nodes).toEqual([{ id }]);
    for (const reader of [identity, asMember('rosalie-tremblay'), asTenant('acupuncture'), anonymous]) {
      expect((await run(LIST, {}, reader)).data!.members.nodes).toEqual([]);
    }
    // Present by a row written before the deactivation took effect elsewhere: still left out of the names for non-ADMIN.
    const membership = (await graph.ds.query('SELECT id FROM membership WHERE member_id = $1', [id]))[0].id;
    await graph.ds.query(`INSERT INTO check_in (id, member_id, membership_id, local_date) VALUES ($1, $2, $3, $4)`, [
      randomUUID(),
      id,
      membership,
      (await graph.ds.query(`SELECT (now() AT TIME ZONE 'America/Toronto')::date::text AS d`))[0].d,
    ]);
    const OCCUPANCY = `{ coworkingOccupancy { members { id } } }`;
    expect((await run(OCCUPANCY, {}, admin)).data!.coworkingOccupancy.members).toContainEqual({ id });
    expect((await run(OCCUPANCY, {}, asMember('rosalie-tremblay'))).data!.coworkingOccupancy.members).not.toContainEqual({ id });
    expect((await run(OCCUPANCY, {}, identity)).data!.coworkingOccupancy.members).not.toContainEqual({ id });
    await graph.ds.query('UPDATE check_in SET checked_out_at = now() WHERE member_id = $1', [id]);
  });

  it('racing registrations: every registration the member holds at the end is cancelled, and none deadlocks', async () => {
    const { id, identity } = await activeMember(graph.ds);
    const events = await Promise.all([1, 2, 3, 4, 5, 6].map((d) => createRoomEvent(graph.ds, { capacity: 2, startsAt: futureHour(d + 2, 10) })));
    const answers = await Promise.all([
      ...events.map((e) => graph.execute(REGISTER, { e }, { identity })),
      graph.execute(DEACTIVATE, { id }, { identity: admin }),
    ]);
    for (const { body } of answers) expect(body.errors).toBeUndefined();
    const live = await graph.ds.query(`SELECT count(*)::int AS n FROM event_registration WHERE member_id = $1 AND status <> 'CANCELLED'`, [id]);
    expect(live[0].n).toBe(0);
    const codes = answers.slice(0, events.length).flatMap(({ body }) => body.data!.registerForEvent.userErrors.map((e: { code: string }) => e.code));
    expect(codes.every((c) => c === 'MEMBER_DEACTIVATED')).toBe(true);
  });
});

describe('reactivateMember (ADMIN)', () => {
  it('lets the member in again; NOT_DEACTIVATED for an active member; cancelled registrations stay cancelled', async () => {
    const { id, identity } = await activeMember(graph.ds);
    expect((await run(REACTIVATE, { id }, admin, 'en')).data!.reactivateMember).toEqual({
      member: null,
      userErrors: [{ code: 'NOT_DEACTIVATED', message: 'This member is active: there is nothing to reactivate.', field: ['id'] }],
    });
    const event = await createRoomEvent(graph.ds);
    const registration = (await register(identity, event)).registration;
    await deactivate(id);
    expect((await run(REACTIVATE, { id })).data!.reactivateMember).toEqual({ member: { id, deactivatedAt: null }, userErrors: [] });
    expect(await statusOf(registration.id)).toBe('CANCELLED');
    expect((await run(CHECK_IN, {}, identity)).data!.checkIn.userErrors).toEqual([]);
    expect((await run(REACTIVATE, { id: randomUUID() })).data!.reactivateMember.userErrors.map((e: { code: string }) => e.code)).toEqual(['NOT_FOUND']);
  });

  it('gives a membership in force back, as it was', async () => {
    const { id } = await activeMember(graph.ds, 'TEN_DAY_CARD');
    await deactivate(id);
    await run(REACTIVATE, { id });
    const { data } = await run(`query($id: ID!) { member(id: $id) { currentMembership { plan { code } daysLeft } } }`, { id });
    expect(data!.member.currentMembership).toEqual({ plan: { code: 'TEN_DAY_CARD' }, daysLeft: 10 });
  });
});
