import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { addDays, houseInstant, stableId, todayInHouse } from '@maison/house';
import { withDatabase } from '@maison/kit';
import { legacyHoldReference } from '@maison/space-holds';
import { admin, daysAheadIn, startGraph, testServerUrl, withClient, type RunningGraph } from '@maison/testing';

/**
 * The tenants subgraph frozen for 12 s (SIGSTOP, then SIGCONT) while ADMIN creates 20 events in the
 * kitchen and 10 exhibitions whose vernissage is on the terrace, through the gateway. Whatever each
 * caller was answered, after one round of the reconcilers no live hold lacks its event or its
 * vernissage (and none of those lacks its hold), and the ADMIN's retries with the same
 * idempotencyKey create each one exactly once.
 */
const PREFIX = `t_freeze_${randomBytes(4).toString('hex')}_`;
const ROUND_SECONDS = 5;
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph({
    env: {
      DATABASE_PREFIX: PREFIX,
      HOLD_RECONCILE_SECONDS: String(ROUND_SECONDS),
      RESPONSE_CACHE: 'off',
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_MUTATIONS_PER_MINUTE: '0',
    },
  });
  await graph.settle();
});
afterAll(async () => {
  await graph?.stop();
});

const db = (subgraph: string) => withDatabase(testServerUrl(), `${PREFIX}${subgraph}`);
const rows = <T>(subgraph: string, sql: string) => withClient(db(subgraph), async (c) => (await c.query(sql)).rows as T[]);
const day = (n: number) => addDays(todayInHouse(), n);
const KITCHEN = stableId('shared-space', 'cuisine');
const TERRACE = stableId('shared-space', 'terrasse');

const CREATE_EVENT = `mutation($input: CreateCoworkingEventInput!) { createCoworkingEvent(input: $input) { event { id } userErrors { code } } }`;
const CREATE_EXHIBITION = `mutation($input: CreateExhibitionInput!) { createExhibition(input: $input) { exhibition { id } userErrors { code } } }`;
const events = Array.from({ length: 20 }, (_, i) => ({
  kind: 'WORKSHOP',
  title: { fr: `Atelier du gel n° ${i}` },
  startsAt: houseInstant(day(50 + i), '18:00'),
  endsAt: houseInstant(day(50 + i), '19:30'),
  capacity: 12,
  sharedSpaceId: KITCHEN,
  idempotencyKey: `gel-atelier-${i}`,
}));
/** A day of the terrace's season (May to October), 50 days ahead or later: its vernissages keep the season. */
const SUMMER = daysAheadIn(['05', '06', '07'], 50);
const exhibitions = Array.from({ length: 10 }, (_, i) => ({
  title: { fr: `Exposition du gel n° ${i}` },
  startsOn: day(SUMMER + i),
  endsOn: day(SUMMER + 30),
  vernissage: { startsAt: houseInstant(day(SUMMER + i), '17:00'), endsAt: houseInstant(day(SUMMER + i), '20:00'), sharedSpaceId: TERRACE },
  idempotencyKey: `gel-vernissage-${i}`,
}));
const createAll = () =>
  Promise.all([
    ...events.map((input) => graph.query(CREATE_EVENT, { input }, { identity: admin })),
    ...exhibitions.map((input) => graph.query(CREATE_EXHIBITION, { input }, { identity: admin })),
  ]);

interface Owner {
  id: string;
  hold_reference: string | null;
  needs: boolean;
}
/** Live holds (ending after now) that no event or vernissage wants, and owners that need a hold the ledger does not have. */
async function outOfStep(): Promise<{ orphans: string[]; unheld: string[] }> {
  const live = (
    await rows<{ reference: string }>(
      'tenants',
      `SELECT hold_reference AS reference FROM space_booking WHERE hold_reference IS NOT NULL AND status = 'CONFIRMED' AND ends_at > now()`,
    )
  ).map((r) => r.reference);
  const owners = {
    'coworking-event': await rows<Owner>(
      'coworking',
      `SELECT id, hold_reference, (space_id IS NOT NULL AND cancelled_at IS NULL AND ends_at > now()) AS needs FROM coworking_event`,
    ),
    vernissage: await rows<Owner>(
      'gallery',
      `SELECT id, hold_reference, (vernissage_space_id IS NOT NULL AND vernissage_ends_at > now()) AS needs FROM exhibition`,
    ),
  };
  const wanted = new Set(
    Object.entries(owners).flatMap(([kind, list]) => list.filter((o) => o.needs).map((o) => o.hold_reference ?? legacyHoldReference(kind, o.id))),
  );
  const orphans = live.filter((r) => /^(coworking-event|vernissage):/.test(r) && !wanted.has(r));
  const unheld = [...wanted].filter((r) => !live.includes(r));
  return { orphans, unheld };
}

const keyed = async () => ({
  events: await rows<{ idempotency_key: string; n: number }>(
    'coworking',
    `SELECT idempotency_key, count(*)::int AS n FROM coworking_event WHERE idempotency_key LIKE 'gel-%' GROUP BY 1`,
  ),
  exhibitions: await rows<{ idempotency_key: string; n: number }>(
    'gallery',
    `SELECT idempotency_key, count(*)::int AS n FROM exhibition WHERE idempotency_key LIKE 'gel-%' GROUP BY 1`,
  ),
});

async function inStepWithin(ms: number): Promise<{ orphans: string[]; unheld: string[] }> {
  const deadline = Date.now() + ms;
  let state = await outOfStep();
  while ((state.orphans.length > 0 || state.unheld.length > 0) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    state = await outOfStep();
  }
  return state;
}

function tenantsPid(): number {
  const line = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(graph.launcher.pid)], { encoding: 'utf8' })
    .split('\n')
    .find((l) => l.includes('services/tenants/dist/main.js'))!;
  return Number(line.trim().split(/\s+/)[0]);
}

it('leaves no hold without its event or vernissage after one reconcile round, and retries create each one once', async () => {
  // The boot rounds have held the seeded events and vernissages.
  expect(await inStepWithin(2 * ROUND_SECONDS * 1000)).toEqual({ orphans: [], unheld: [] });
  const pid = tenantsPid();
  process.kill(pid, 'SIGSTOP');
  const frozenAt = Date.now();
  let answers: Awaited<ReturnType<typeof createAll>>;
  try {
    const pending = createAll();
    await new Promise((r) => setTimeout(r, 12_000 - (Date.now() - frozenAt)));
    process.kill(pid, 'SIGCONT');
    answers = await pending;
  } finally {
    process.kill(pid, 'SIGCONT');
  }
  const thawedAt = Date.now();
  const codes = answers.map(
    (a) => (a.body.errors?.[0]?.extensions?.code as string | undefined) ?? (a.body.data && Object.values(a.body.data)[0]?.userErrors?.[0]?.code) ?? 'CREATED',
  );
  const tally = Object.fromEntries([...new Set(codes)].map((c) => [c, codes.filter((x) => x === c).length]));
  // Nothing half done was answered as done: every answer is a creation or an outage.
  expect(codes.filter((c) => !['CREATED', 'SUBGRAPH_UNAVAILABLE', 'SERVICE_UNAVAILABLE'].includes(c))).toEqual([]);
  const saved = await keyed();

  // Watch the ledger for two rounds after the thaw (a whole round starts and ends in that time).
  let worst = 0;
  let lastOutOfStepMs = 0;
  let state = await outOfStep();
  while (Date.now() - thawedAt < 2 * ROUND_SECONDS * 1000 + 5000) {
    const count = state.orphans.length + state.unheld.length;
    worst = Math.max(worst, count);
    if (count > 0) lastOutOfStepMs = Date.now() - thawedAt;
    await new Promise((r) => setTimeout(r, 250));
    state = await outOfStep();
  }
  process.stderr.write(
    `space-holds freeze: answers ${JSON.stringify(tally)}; saved ${saved.events.length} events, ${saved.exhibitions.length} exhibitions; ` +
      `at most ${worst} holds out of step after SIGCONT, the last seen ${lastOutOfStepMs} ms after it\n`,
  );
  expect(state).toEqual({ orphans: [], unheld: [] });

  // The ADMIN retries everything with the same keys: each exists once, with its hold; a second retry changes nothing.
  const retried = await createAll();
  expect(retried.map((a) => a.body.errors ?? Object.values(a.body.data!)[0].userErrors)).toEqual(retried.map(() => []));
  const ids = retried.map((a) => Object.values(a.body.data!)[0].event?.id ?? Object.values(a.body.data!)[0].exhibition?.id);
  const again = await createAll();
  expect(again.map((a) => Object.values(a.body.data!)[0].event?.id ?? Object.values(a.body.data!)[0].exhibition?.id)).toEqual(ids);
  const once = await keyed();
  expect([once.events.length, once.exhibitions.length]).toEqual([20, 10]);
  expect([...once.events, ...once.exhibitions].filter((k) => k.n !== 1)).toEqual([]);
  await graph.settle();
  expect(await outOfStep()).toEqual({ orphans: [], unheld: [] });
});
