import type { Identity } from '@maison/auth';
import { addDays, datesBetween, houseInstant, stableId, todayInHouse } from '@maison/house';
import { admin, anonymous, planNodesOf, seqScansOf, startTestSubgraph } from '@maison/testing';
import { coworkingModule } from './module';
import type { CoworkingLoaders, CoworkingServices } from './services';
import { memberIdentity } from './test-fixtures';

/**
 * Every query path of Espace KO has an index: on a large Espace KO (years of members, memberships,
 * check-ins, events and registrations), the SQL the subgraph really runs for its main operations
 * is EXPLAINed, reads and writes alike, and must not scan a large table.
 */
type Graph = Awaited<ReturnType<typeof startTestSubgraph<CoworkingServices, CoworkingLoaders>>>;
let graph: Graph;

/** The tables that grow with use. membership_plan and coworking_settings are tiny by nature. */
const LARGE_TABLES = ['member', 'membership', 'check_in', 'coworking_event', 'event_registration'];
const seqScans = (operation: string, variables: Record<string, unknown>, identity: Identity) =>
  seqScansOf(graph, operation, variables, identity, LARGE_TABLES, { selectsOnly: false });

const MEMBERS = 40_000;
const EVENTS = 25_000;
const today = todayInHouse();
const kitchen = stableId('shared-space', 'cuisine');
const terrace = stableId('shared-space', 'terrasse');
const loadMember = (n: string) => `md5('load-member-' || ${n})::uuid`;

beforeAll(async () => {
  graph = await startTestSubgraph(coworkingModule);
  const q = (sql: string, params: unknown[] = []) => graph.ds.query(sql, params);
  // 40,000 members (one in seven not public), who joined over ten years.
  await q(
    `INSERT INTO member (id, display_name, profession, short_bio, is_public, joined_on)
     SELECT md5('load-member-' || g)::uuid,
            (ARRAY['Émilie', 'Éloi', 'Zoé', 'Antoine', 'Béatrice', 'Olivier', 'Chloé', 'Mathis', 'Léa', 'Gabriel'])[1 + g % 10] || ' ' ||
            (ARRAY['Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Ouellet'])[1 + (g / 10) % 10] || ' ' || g,
            jsonb_build_object('fr', (ARRAY['Développeuse web', 'Traducteur', 'Photographe', 'Comptable', 'Illustratrice'])[1 + g % 5]),
            CASE WHEN g % 3 = 0 THEN jsonb_build_object('fr', 'Travaille à distance depuis Saint-Jean-Port-Joli.') END,
            g % 7 <> 0, date '2016-01-01' + g % 3800
     FROM generate_series(1, ${MEMBERS}) g`,
  );
  // Three past monthly memberships each over six years (120,000), and a current one for every other member.
  await q(
    `INSERT INTO membership (id, member_id, plan_id, starts_on, ends_on)
     SELECT md5('load-membership-' || g || '-' || k)::uuid, ${loadMember('g')}, p.id, s, (s + interval '1 month - 1 day')::date
     FROM generate_series(1, ${MEMBERS}) g, generate_series(0, 2) k,
          LATERAL (SELECT (date '2019-01-01' + ((g + k * 23) % 70) * interval '1 month')::date AS s) x,
          membership_plan p
     WHERE p.code = CASE WHEN k = 1 THEN 'PART_TIME_MONTHLY'::membership_plan_code ELSE 'FULL_TIME_MONTHLY'::membership_plan_code END`,
  );
  await q(
    `INSERT INTO membership (id, member_id, plan_id, starts_on, ends_on)
     SELECT md5('load-membership-' || g || '-now')::uuid, ${loadMember('g')}, p.id, $1::date - 10, $1::date + 20
     FROM generate_series(2, ${MEMBERS}, 2) g, membership_plan p WHERE p.code = 'FULL_TIME_MONTHLY'`,
    [today],
  );
  // 300,000 visits over three years, all checked out; ten members are here today.
  await q(
    `INSERT INTO check_in (id, member_id, membership_id, local_date, used_card_day, checked_in_at, checked_out_at)
     SELECT gen_random_uuid(), ${loadMember('m')}, md5('load-membership-' || m || '-' || i % 3)::uuid, d, false,
            (d + time '09:00') AT TIME ZONE 'America/Toronto', (d + time '17:00') AT TIME ZONE 'America/Toronto'
     FROM generate_series(1, 300000) i,
          LATERAL (SELECT 1 + i % ${MEMBERS} AS m, $1::date - 1 - i % 1100 AS d) x`,
    [today],
  );
  await q(
    `INSERT INTO check_in (id, member_id, membership_id, local_date, checked_in_at)
     SELECT gen_random_uuid(), ${loadMember('g')}, md5('load-membership-' || g || '-now')::uuid, $1::date, now() - g * interval '1 minute'
     FROM generate_series(2, 20, 2) g`,
    [today],
  );
  // 25,000 events every four hours over eleven years, up to six months ahead: one in six in a shared space, one in forty cancelled.
  await q(
    `INSERT INTO coworking_event (id, kind, title, description, starts_at, ends_at, space_id, room, capacity, members_only, cancelled_at)
     SELECT md5('load-event-' || g)::uuid,
            (ARRAY['TALK', 'WORKSHOP', 'SOCIAL', 'OTHER']::coworking_event_kind[])[1 + g % 4],
            jsonb_build_object('fr', 'Rencontre n° ' || g, 'en', 'Meetup #' || g), NULL,
            t, t + interval '90 minutes',
            CASE WHEN g % 6 = 0 THEN (ARRAY[$1, $2]::uuid[])[1 + g % 2] END,
            CASE WHEN g % 6 <> 0 THEN jsonb_build_object('fr', 'Grande salle', 'en', 'Main room') END,
            10 + g % 30, g % 5 = 0, CASE WHEN g % 40 = 0 THEN t - interval '3 days' END
     FROM generate_series(1, ${EVENTS}) g,
          LATERAL (SELECT ($3::date + 180 + time '20:00') AT TIME ZONE 'America/Toronto' - g * interval '4 hours' AS t) x`,
    [kitchen, terrace, today],
  );
  // Thirteen registrations per event (325,000): seats first, then the waitlist; the ninth one gave up.
  await q(
    `INSERT INTO event_registration (id, event_id, registrant, member_id, status, created_at, confirmed_at, cancelled_at)
     SELECT gen_random_uuid(), md5('load-event-' || e)::uuid, 'member:' || ${loadMember('m')}, ${loadMember('m')}, st,
            now(), CASE WHEN st = 'CONFIRMED' THEN now() END, CASE WHEN st = 'CANCELLED' THEN now() END
     FROM generate_series(1, ${EVENTS}) e, generate_series(1, 13) k,
          LATERAL (SELECT 1 + (e * 7 + k * 13) % ${MEMBERS} AS m,
                          CASE WHEN k = 9 THEN 'CANCELLED'::event_registration_status
                               WHEN k - k / 9 <= 10 + e % 30 THEN 'CONFIRMED'::event_registration_status
                               ELSE 'WAITLISTED'::event_registration_status END AS st) x
     ORDER BY e, k`,
  );
  // Forty members deactivated by ADMIN: the directory leaves them out for everyone but ADMIN.
  await q(`UPDATE member SET deactivated_at = now() - interval '1 day' WHERE id IN (SELECT ${loadMember('g')} FROM generate_series(997, ${MEMBERS}, 997) g)`);
  await q('ANALYZE');
}, 180_000);
afterAll(async () => {
  await graph?.close();
});

/** A member with a membership in force today, not checked in (an odd number has no current membership). */
const activeMember = (n: number) => graph.ds.query(`SELECT ${loadMember('$1::int')} AS id`, [n]).then(([r]) => memberIdentity(r.id as string));

/** A future event of 11 seats, all taken, with one person waiting. */
async function fullFutureEvent(): Promise<string> {
  const [row] = await graph.ds.query(
    `SELECT e.id FROM coworking_event e
     WHERE e.starts_at > now() + interval '7 days' AND e.capacity = 11 AND e.cancelled_at IS NULL
     ORDER BY e.starts_at LIMIT 1`,
  );
  return row.id;
}

describe('query plans on a large Espace KO', () => {
  it('reads the public members directory, page after page, by index', async () => {
    const op = `query($after: String) { members(first: 20, after: $after) {
      edges { cursor node { id displayName profession } } pageInfo { endCursor hasNextPage } } }`;
    expect(await seqScans(op, {}, anonymous)).toEqual([]);
    const first = await graph.execute(op, {}, { identity: anonymous });
    expect(first.body.data!.members.edges).toHaveLength(20);
    const after = first.body.data!.members.pageInfo.endCursor;
    expect(await seqScans(op, { after }, anonymous)).toEqual([]);
    expect(await seqScans(op, { after }, await activeMember(1_000))).toEqual([]);
    expect(await seqScans(op, { after }, admin)).toEqual([]);
  });

  it('searches the members by name and trade, accents and case aside, through the trigram index, for every caller', async () => {
    const op = `query($s: String, $after: String) { members(search: $s, first: 20, after: $after) { nodes { id displayName profession } pageInfo { endCursor } } }`;
    const callers = [anonymous, await activeMember(1_000), admin];
    // 'Éloi Lavoie 3371' is one member; 'Éloi' is a tenth of them, 'Photographe' a fifth; 'zo' (the shortest search) has no trigram of its own.
    for (const search of ['eloi lavoie 3371', 'ÉLOI', 'photographe', 'ouellet 39', 'zo']) {
      for (const identity of callers) expect(await seqScans(op, { s: search }, identity)).toEqual([]);
    }
    const { body } = await graph.execute(op, { s: 'eloi lavoie 3371' }, { identity: anonymous });
    expect(body.data!.members.nodes).toEqual([{ id: expect.any(String), displayName: 'Éloi Lavoie 3371', profession: 'Traducteur' }]);
    const page = await graph.execute(op, { s: 'photographe' }, { identity: anonymous });
    expect(page.body.data!.members.nodes).toHaveLength(20);
    expect(await seqScans(op, { s: 'photographe', after: page.body.data!.members.pageInfo.endCursor }, anonymous)).toEqual([]);
  });

  it('deactivates a member and reads their own page (Me.myCoworking) through indexes', async () => {
    const me = await activeMember(4_000);
    const mine = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Me { myCoworking {
      member { id } currentMembership { id } memberships { id } cardDaysLeft checkIns(first: 20) { id } upcomingRegistrations { id status } } } } }`;
    expect(await seqScans(mine, { r: [{ __typename: 'Me', id: me.sub }] }, me)).toEqual([]);
    const deactivate = `mutation($id: ID!) { deactivateMember(id: $id) { member { deactivatedAt } userErrors { code } } }`;
    expect(await seqScans(deactivate, { id: me.memberId }, admin)).toEqual([]);
  });

  it('reads one member, their memberships and their current membership by index', async () => {
    const me = await activeMember(2_024);
    const op = `query($id: ID!) { member(id: $id) { displayName memberships { startsOn status plan { code } } currentMembership { id endsOn } } }`;
    expect(await seqScans(op, { id: me.memberId }, me)).toEqual([]);
    const { body } = await graph.execute(op, { id: me.memberId }, { identity: me });
    expect(body.data!.member.memberships).toHaveLength(4);
    expect(body.data!.member.currentMembership).not.toBeNull();
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { displayName } } }`;
    const r = [2, 3, 5, 8, 13, 21].map((n) => ({ __typename: 'Member', id: stableId('member', `absent-${n}`) }));
    expect(await seqScans(entities, { r: [...r, { __typename: 'Member', id: me.memberId }] }, anonymous)).toEqual([]);
  });

  it('reads the events of a month, with their seats and your registration, page after page, by index', async () => {
    const op = `query($from: DateTime, $to: DateTime, $after: String) {
      coworkingEvents(from: $from, to: $to, first: 20, after: $after) {
        totalCount nodes { id title seatsLeft myRegistration { status position } } pageInfo { endCursor } } }`;
    const window = { from: houseInstant('2021-05-01', '00:00'), to: houseInstant('2021-06-01', '00:00') };
    const me = await activeMember(4_242);
    expect(await seqScans(op, window, me)).toEqual([]);
    const first = await graph.execute(op, window, { identity: me });
    expect(first.body.data!.coworkingEvents.nodes).toHaveLength(20);
    expect(await seqScans(op, { ...window, after: first.body.data!.coworkingEvents.pageInfo.endCursor }, me)).toEqual([]);
    // The upcoming events: no upper bound.
    expect(await seqScans(op, { from: new Date() }, anonymous)).toEqual([]);
  });

  it("reads the house calendar's coworking days by index, in the past and around today", async () => {
    const op = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CalendarDay { date coworkingEvents { id title room } } } }`;
    const days = (from: string, to: string) => datesBetween(from, to).map((date) => ({ __typename: 'CalendarDay', date }));
    expect(await seqScans(op, { r: days('2021-05-10', '2021-05-16') }, anonymous)).toEqual([]);
    expect(await seqScans(op, { r: days(addDays(today, -3), addDays(today, 27)) }, anonymous)).toEqual([]);
  });

  it('reads the events of the shared spaces (SharedSpace.coworkingEvents) by index', async () => {
    const op = `query($r: [_Any!]!, $from: DateTime, $to: DateTime) { _entities(representations: $r) {
      ... on SharedSpace { id coworkingEvents(from: $from, to: $to) { id startsAt } } } }`;
    const r = [kitchen, terrace].map((id) => ({ __typename: 'SharedSpace', id }));
    expect(await seqScans(op, { r, from: houseInstant('2021-05-01', '00:00'), to: houseInstant('2021-08-01', '00:00') }, anonymous)).toEqual([]);
    expect(await seqScans(op, { r, from: new Date(), to: houseInstant(addDays(today, 60), '00:00') }, anonymous)).toEqual([]);
  });

  it("reads an event's seats and waitlist, and your place in line, by index", async () => {
    const eventId = await fullFutureEvent();
    const [waiting] = await graph.ds.query(`SELECT registrant, member_id FROM event_registration WHERE event_id = $1 AND status = 'WAITLISTED'`, [eventId]);
    const identity: Identity = { sub: waiting.registrant, roles: ['MEMBER'], memberId: waiting.member_id };
    const op = `query($id: ID!) { coworkingEvent(id: $id) { capacity seatsLeft myRegistration { status position event { id } } } }`;
    expect(await seqScans(op, { id: eventId }, identity)).toEqual([]);
    const { body } = await graph.execute(op, { id: eventId }, { identity });
    expect(body.data!.coworkingEvent).toEqual({ capacity: 11, seatsLeft: 0, myRegistration: { status: 'WAITLISTED', position: 1, event: { id: eventId } } });
  });

  it('registers to an event and gives a seat up through indexes (line, count, waitlist promotion)', async () => {
    const eventId = await fullFutureEvent();
    const register = `mutation($e: ID!) { registerForEvent(eventId: $e) { registration { status position } userErrors { code } } }`;
    const newcomer = await activeMember(30_000);
    expect(await seqScans(register, { e: eventId }, newcomer)).toEqual([]);
    const [seated] = await graph.ds.query(
      `SELECT registrant, member_id FROM event_registration WHERE event_id = $1 AND status = 'CONFIRMED' ORDER BY seq LIMIT 1`,
      [eventId],
    );
    const cancel = `mutation($e: ID!) { cancelEventRegistration(eventId: $e) { registration { status } userErrors { code } } }`;
    expect(await seqScans(cancel, { e: eventId }, { sub: seated.registrant, roles: ['MEMBER'], memberId: seated.member_id })).toEqual([]);
    const [{ n }] = await graph.ds.query(
      `SELECT count(*)::int AS n FROM event_registration WHERE event_id = $1 AND registrant = $2 AND status = 'WAITLISTED'`,
      [eventId, newcomer.sub],
    );
    expect(n).toBe(1);
  });

  it('checks in and out, and reads who is here, through indexes', async () => {
    const me = await activeMember(12_346);
    const checkIn = `mutation { checkIn { checkIn { date member { id } membership { status } } userErrors { code } } }`;
    expect(await seqScans(checkIn, {}, me)).toEqual([]);
    const occupancy = `{ coworkingOccupancy { present capacity members { id displayName } } }`;
    expect(await seqScans(occupancy, {}, me)).toEqual([]);
    const { body } = await graph.execute(occupancy, {}, { identity: me });
    expect(body.data!.coworkingOccupancy.present).toBe(11);
    const checkOut = `mutation { checkOut { checkIn { checkedOutAt } userErrors { code } } }`;
    expect(await seqScans(checkOut, {}, me)).toEqual([]);
  });

  it('buys a day pass through indexes (the member, their overlapping memberships)', async () => {
    const me = await activeMember(7);
    const op = `mutation($input: JoinPlanInput!) { joinPlan(input: $input) { membership { id status } userErrors { code } } }`;
    expect(await seqScans(op, { input: { planCode: 'DAY_PASS', startsOn: addDays(today, 2) } }, me)).toEqual([]);
  });
});

describe('the plan check itself', () => {
  /** The plan of sql with coworking_event_ends_idx (003_indexes.sql) dropped for the time of one transaction. */
  async function withoutEndsIndex(sql: string, parameters: unknown[]) {
    const runner = graph.ds.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query('DROP INDEX coworking_event_ends_idx');
      return await planNodesOf(runner, sql, parameters);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }
  const seqScanned = (plan: { 'Node Type': string; 'Relation Name'?: string }[]) =>
    plan.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']);

  it('needs coworking_event_ends_idx: without it, a calendar month and the count of upcoming events read every event', async () => {
    const calendar = `SELECT * FROM coworking_event e WHERE e.starts_at < $1 AND e.ends_at > $2 AND e.cancelled_at IS NULL ORDER BY e.starts_at, e.id`;
    const month = [houseInstant(addDays(today, 28), '00:00'), houseInstant(addDays(today, -3), '00:00')];
    expect(seqScanned(await withoutEndsIndex(calendar, month))).toContain('coworking_event');
    expect(seqScanned(await planNodesOf(graph.ds, calendar, month))).toEqual([]);
    const upcoming = `SELECT count(*) FROM coworking_event e WHERE e.cancelled_at IS NULL AND e.ends_at > $1`;
    expect(seqScanned(await withoutEndsIndex(upcoming, [new Date()]))).toContain('coworking_event');
    expect(seqScanned(await planNodesOf(graph.ds, upcoming, [new Date()]))).toEqual([]);
  });

  it('needs member_search_trgm_idx: without it, a search reads every member', async () => {
    const search = `SELECT m.id FROM member m WHERE member_search_text(m.display_name, m.profession) LIKE lower(f_unaccent($1))`;
    const runner = graph.ds.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query('DROP INDEX member_search_trgm_idx');
      expect(seqScanned(await planNodesOf(runner, search, ['%eloi lavoie 3371%']))).toContain('member');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(seqScanned(await planNodesOf(graph.ds, search, ['%eloi lavoie 3371%']))).toEqual([]);
    expect((await graph.ds.query(search, ['%ÉLOI LAVOIE 3371%'])).length).toBe(1);
  });

  it('does see a sequential scan when the index a query needs is missing', async () => {
    const runner = graph.ds.createQueryRunner();
    await runner.startTransaction();
    try {
      for (const index of ['check_in_open_day_idx', 'check_in_one_open_idx', 'check_in_member_day_idx']) await runner.query(`DROP INDEX ${index}`);
      const plan = await planNodesOf(runner, `SELECT count(*)::int FROM check_in WHERE local_date = $1 AND checked_out_at IS NULL`, [today]);
      expect(plan.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name'])).toContain('check_in');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
