import type { Identity } from '@maison/auth';
import { admin, anonymous, asTenant, Fuzz, startTestSubgraph, type TestSubgraphOf, unexpectedErrors } from '@maison/testing';
import { tenantsModule } from '../../module';
import { createSpace, futureHour, minutes, someTenant } from '../../test-fixtures';
import { snapshotOf, type RulesSnapshot } from './space-rules.snapshot';
import { applyRulesInput } from './space-rules.validation';

/**
 * 600 generated calls of the space mutations, racing bookings of the same spaces. No answer may be
 * an internal error; afterwards every space keeps the API's rules, its history is one unbroken
 * chain (each change's before is the previous change's after, the last after is the row), and no
 * booking was cancelled.
 */
type Graph = TestSubgraphOf<typeof tenantsModule>;
let graph: Graph;
const RUNS = 600;
const BATCH = 20;

beforeAll(async () => {
  graph = await startTestSubgraph(tenantsModule, { env: { DB_POOL_SIZE: '30' } });
}, 60_000);
afterAll(async () => {
  await graph?.close();
});

const UPDATE_RULES = `mutation($id: ID!, $rules: SpaceRulesInput!) { updateSpaceRules(spaceId: $id, rules: $rules) { space { id } conflicts { id status } userErrors { code field } } }`;
const UPDATE_SPACE = `mutation($id: ID!, $input: UpdateSharedSpaceInput!) { updateSharedSpace(id: $id, input: $input) { space { id } conflicts { id } userErrors { code field } } }`;
const CREATE = `mutation($input: CreateSharedSpaceInput!) { createSharedSpace(input: $input) { space { id } userErrors { code field } } }`;
const BOOK = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code } } }`;

function rulesInput(f: Fuzz): Record<string, unknown> {
  const time = () => f.pick(['00:00', '07:00', '08:30', '12:00', '20:00', '23:59', '24:00', '24:01', '7:00', '', '12:60', "'; --"]);
  const md = () => f.pick(['01-01', '02-29', '02-30', '05-01', '10-31', '11-15', '03-31', '12-31', '13-01', '00-10', '4-1', '']);
  const rules: Record<string, unknown> = {};
  if (f.chance(0.3))
    rules.openingHours = Array.from({ length: f.pick([0, 1, 7, 14, 15]) }, () => ({ weekday: f.pick([0, 1, 3, 7, 8]), opens: time(), closes: time() }));
  if (f.chance(0.2)) rules.season = f.maybe(() => ({ starts: md(), ends: md() }));
  if (f.chance(0.15)) rules.allYear = f.pick([true, false, null]);
  for (const [name, around] of [
    ['minDurationMinutes', 30],
    ['maxDurationMinutes', 240],
    ['bufferMinutes', 30],
    ['horizonDays', 60],
    ['minNoticeMinutes', 60],
    ['weeklyQuotaMinutes', 600],
    ['cancellationCutoffMinutes', 120],
    ['slotStepMinutes', 30],
  ] as const) {
    if (f.chance(0.25)) rules[name] = f.maybe(() => f.number(() => f.int(around - 40, around * 6)));
  }
  if (f.chance(0.15)) rules.noWeeklyQuota = f.pick([true, false, null]);
  if (f.chance(0.15)) rules.eligibleRoles = f.pick([[], ['TENANT'], ['MEMBER', 'ARTIST'], ['ADMIN'], ['tenant', 'TENANT'], [f.string()]]);
  return rules;
}

describe('fuzzing the space mutations', () => {
  it('never answers an internal error, keeps every space within the rules and its history one chain, cancels nothing', async () => {
    const f = new Fuzz(20261201);
    const spaces = await Promise.all(
      [1, 2, 3].map(() =>
        createSpace(graph.ds, {
          openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '07:00', closes: '22:00' })),
          minDurationMinutes: 30,
          maxDurationMinutes: 240,
        }),
      ),
    );
    const identities: Identity[] = [admin, admin, admin, admin, anonymous, asTenant('graphisme')];
    const [{ n: cancelledBefore }] = await graph.ds.query(`SELECT count(*)::int AS n FROM space_booking WHERE status = 'CANCELLED'`);
    const problems: string[] = [];
    for (let done = 0; done < RUNS; done += BATCH) {
      await Promise.all(
        Array.from({ length: BATCH }, async () => {
          const id = f.id(spaces);
          const call = f.pick([
            () => [UPDATE_RULES, { id, rules: rulesInput(f) }],
            () => [UPDATE_RULES, { id, rules: rulesInput(f) }],
            () => [
              UPDATE_SPACE,
              {
                id,
                input: { capacity: f.maybe(() => f.number(() => f.int(1, 40))), name: f.maybe(() => ({ fr: f.string(), en: f.maybe(() => f.string()) })) },
              },
            ],
            () => [
              CREATE,
              {
                input: {
                  slug: f.pick(['atelier', 'cuisine', 'Salle', 'a'.repeat(61), `s-${f.int(1, 50)}`, '']),
                  name: { fr: f.string() },
                  capacity: f.number(() => 8),
                  rules: rulesInput(f),
                },
              },
            ],
            () => {
              const startsAt = minutes(futureHour(f.int(1, 30), f.int(6, 21)), f.pick([0, 15, 30]));
              return [
                BOOK,
                {
                  input: {
                    spaceId: f.pick(spaces),
                    startsAt,
                    endsAt: minutes(startsAt, f.pick([30, 60, 90, 180, 300])),
                    title: 'Essai',
                    attendees: f.maybe(() => f.int(1, 30)),
                  },
                },
              ];
            },
          ] as (() => [string, Record<string, unknown>])[])();
          const [query, variables] = call;
          const identity = query === BOOK ? await someTenant(graph.ds) : f.pick(identities);
          const { body } = await graph.execute(query, variables, { identity });
          problems.push(...unexpectedErrors(body).map((p) => `${JSON.stringify(variables).slice(0, 300)} → ${p}`));
        }),
      );
    }
    expect(problems).toEqual([]);

    for (const id of spaces) {
      const [row] = await graph.ds.query('SELECT * FROM shared_space WHERE id = $1', [id]);
      const rules = {
        capacity: row.capacity,
        openingHoursRows: row.opening_hours,
        seasonStarts: row.season_starts,
        seasonEnds: row.season_ends,
        bufferMinutes: row.buffer_minutes,
        minDurationMinutes: row.min_duration_minutes,
        maxDurationMinutes: row.max_duration_minutes,
        horizonDays: row.horizon_days,
        minNoticeMinutes: row.min_notice_minutes,
        weeklyQuotaMinutes: row.weekly_quota_minutes,
        cancellationCutoffMinutes: row.cancellation_cutoff_minutes,
        eligibleRoles: row.eligible_roles,
        slotStepMinutes: row.slot_step_minutes,
      };
      // The stored rules, given back as an input, pass the API's validation.
      const asInput = {
        openingHours: rules.openingHoursRows,
        ...(rules.seasonStarts ? { season: { starts: rules.seasonStarts, ends: rules.seasonEnds } } : {}),
        ...Object.fromEntries(Object.entries(rules).filter(([k, v]) => typeof v === 'number' && k !== 'capacity')),
        eligibleRoles: rules.eligibleRoles,
      };
      expect(applyRulesInput(rules, asInput, ['rules']).violations).toEqual([]);
      const history: { before: RulesSnapshot; after: RulesSnapshot }[] = await graph.ds.query(
        'SELECT before, after FROM shared_space_rules_history WHERE space_id = $1 ORDER BY id',
        [id],
      );
      expect(history.length).toBeGreaterThan(0);
      history.slice(1).forEach((h, i) => expect(h.before).toEqual(history[i]!.after));
      expect(history.at(-1)!.after).toEqual(snapshotOf(rules));
    }
    const [{ n: cancelledAfter }] = await graph.ds.query(`SELECT count(*)::int AS n FROM space_booking WHERE status = 'CANCELLED'`);
    expect(cancelledAfter).toBe(cancelledBefore);
    const [{ n: overlapping }] = await graph.ds.query(
      `SELECT count(*)::int AS n FROM space_booking a JOIN space_booking b ON a.space_id = b.space_id AND a.id < b.id
       WHERE a.status = 'CONFIRMED' AND b.status = 'CONFIRMED' AND tstzrange(a.starts_at, a.occupied_until) && tstzrange(b.starts_at, b.occupied_until)`,
    );
    expect(overlapping).toBe(0);
  });
});
