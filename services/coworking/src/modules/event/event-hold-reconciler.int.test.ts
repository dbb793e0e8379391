import { randomUUID } from 'node:crypto';
import { addDays, houseInstant, stableId, todayInHouse } from '@maison/house';
import type { Logger } from '@maison/http';
import { lockOwner } from '@maison/space-holds';
import { holdReconcileRounds } from '@maison/telemetry';
import { daysAheadIn, KITCHEN, startLedgerStub, startTestSubgraph, TERRACE, type LedgerStub } from '@maison/testing';
import { coworkingModule } from '../../module';
import type { CoworkingLoaders, CoworkingServices } from '../../services';
import { futureHour, minutes } from '../../test-fixtures';

/**
 * The reconciler of events' holds (HoldReconciler of @maison/space-holds), against the ledger stub
 * of @maison/testing: every future live event in a shared space gets its hold, and every live hold
 * no event wants (an orphan) is released, in one round.
 */
type Graph = Awaited<ReturnType<typeof startTestSubgraph<CoworkingServices, CoworkingLoaders>>>;
let graph: Graph;
let tenants: LedgerStub;
beforeAll(async () => {
  tenants = await startLedgerStub();
  graph = await startTestSubgraph(coworkingModule, { env: { TENANTS_URL: tenants.url, HOLD_RECONCILE_SECONDS: '1' } });
});
beforeEach(() => tenants.reset());
afterAll(async () => {
  await graph?.close();
  await tenants?.close();
});

const logger = (): Logger & { lines: { level: string; message: string; fields?: Record<string, unknown> }[] } => {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push({ level, message, fields });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
};
const round = (log: Logger = logger()) => graph.services.eventHolds.reconciler.round(log);
const legacy = (slug: string) => `coworking-event:${stableId('coworking-event', slug)}`;
const today = todayInHouse();
/** The seeded future events in the kitchen, held under their legacy references (rows written before references were stored). */
const seededHolds = () => [
  {
    reference: legacy('cinq-a-sept-mensuel'),
    spaceId: KITCHEN,
    startsAt: houseInstant(addDays(today, 8), '17:00'),
    endsAt: houseInstant(addDays(today, 8), '19:00'),
    title: '5 à 7 de l’Espace KO',
  },
  // A test below gives this one a new reference (its legacy one released): the legacy name, or one after it.
  {
    reference: expect.stringMatching(`^${legacy('dejeuner-reseautage')}`),
    spaceId: KITCHEN,
    startsAt: expect.any(Date),
    endsAt: expect.any(Date),
    title: expect.any(String),
  },
];
const live = () => [...tenants.holds.values()].map(({ reference, spaceId, startsAt, endsAt, title }) => ({ reference, spaceId, startsAt, endsAt, title }));
/** A live hold planted in the ledger (the stub keeps the space's rules too: it must be accepted). */
const hold = (reference: string, spaceId: string, startsAt: Date, title = 'Orpheline') =>
  expect(tenants.state.hold({ reference, spaceId, startsAt: startsAt.toISOString(), endsAt: minutes(startsAt, 60).toISOString(), title }).errors).toEqual([]);
/** A day of the terrace's season (May to October), at least `from` days ahead, at `hour`. */
const summerHour = (from: number, hour: number) => futureHour(daysAheadIn(['05', '06', '07'], from), hour);
/** An event written straight in SQL: in a room unless a space is given; `holdReference` names its stored reference from its id. */
async function eventRow(o: { spaceId?: string; cancelled?: boolean; holdReference?: (id: string) => string; startsAt?: Date } = {}): Promise<string> {
  const id = randomUUID();
  const startsAt = o.startsAt ?? futureHour(30, 10);
  await graph.ds.query(
    `INSERT INTO coworking_event (id, kind, title, starts_at, ends_at, space_id, room, capacity, members_only, cancelled_at, hold_reference)
     VALUES ($1, 'TALK', $2, $3, $4, $5, $6, 10, false, $7, $8)`,
    [
      id,
      { fr: 'Causerie' },
      startsAt,
      minutes(startsAt, 60),
      o.spaceId ?? null,
      o.spaceId ? null : { fr: 'Salle' },
      o.cancelled ? new Date() : null,
      o.holdReference?.(id) ?? null,
    ],
  );
  return id;
}

describe('a round of the events’ hold reconciler', () => {
  it('holds every future live event in a shared space (the seeded ones, under their legacy references), then finds nothing to do', async () => {
    expect(await round()).toEqual({ checked: 2, fixed: 2, released: [], refused: [] });
    expect(live()).toEqual(seededHolds());
    tenants.calls.length = 0;
    expect(await round()).toEqual({ checked: 2, fixed: 0, released: [], refused: [] });
    expect(tenants.calls.map((c) => [c.operation, c.identity.sub, c.lang, c.requestId])).toEqual([
      ['liveSpaceHolds', 'service:coworking', 'fr', expect.stringMatching(/^reconcile-coworking-event-[0-9a-f-]{36}$/)],
    ]);
  });

  it('moves a hold the ledger keeps at another time, takes a new reference for a released one, and reports the events it cannot hold', async () => {
    const [monthly] = seededHolds();
    hold(monthly!.reference, KITCHEN, minutes(monthly!.startsAt, -120), '5 à 7 de l’Espace KO');
    tenants.state.released.add(legacy('dejeuner-reseautage'));
    const log = logger();
    expect(await round(log)).toEqual({ checked: 2, fixed: 2, released: [], refused: [] });
    expect(live()).toEqual([
      seededHolds()[0],
      { ...seededHolds()[1], reference: expect.stringMatching(new RegExp(`^${legacy('dejeuner-reseautage')}-[0-9a-f]{12}$`)) },
    ]);
    const stored = (await graph.ds.query(`SELECT hold_reference FROM coworking_event WHERE id = $1`, [stableId('coworking-event', 'dejeuner-reseautage')]))[0];
    expect(stored.hold_reference).toBe(live()[1]!.reference);

    tenants.reset();
    tenants.state.bookings.push({ spaceId: KITCHEN, startsAt: monthly!.startsAt, endsAt: monthly!.endsAt });
    expect(await round(log)).toMatchObject({
      fixed: 1,
      refused: [{ ownerId: stableId('coworking-event', 'cinq-a-sept-mensuel'), codes: ['SLOT_UNAVAILABLE'] }],
    });
    expect(log.lines.filter((l) => l.level === 'error')).toEqual([
      {
        level: 'error',
        message: 'hold refused by the ledger: settle by hand',
        fields: { kind: 'coworking-event', ownerId: stableId('coworking-event', 'cinq-a-sept-mensuel'), codes: ['SLOT_UNAVAILABLE'] },
      },
    ]);
  });

  it('rounds run at boot and then every interval; a round the ledger fails is tried again sooner, with backoff, until one settles; each is counted in /metrics', async () => {
    const counted = async () => {
      const values = (await holdReconcileRounds.get()).values.filter((v) => v.labels.kind === 'coworking-event');
      return Object.fromEntries(['ok', 'failed'].map((outcome) => [outcome, values.find((v) => v.labels.outcome === outcome)?.value ?? 0]));
    };
    const before = await counted();
    tenants.failNext(2);
    const log = logger();
    const rounds = graph.services.eventHolds.reconciler.start(log, 60_000, { firstRetryMs: 50 });
    try {
      await rounds.firstRound;
      await waitFor(() => log.lines.some((l) => l.message === 'shared-space holds reconciled'), 2000);
      expect(log.lines.map((l) => [l.level, l.message, l.fields?.inMs ?? l.fields?.fixed])).toEqual([
        ['warn', 'shared-space holds not reconciled; the next round will try again', 50],
        ['warn', 'shared-space holds not reconciled; the next round will try again', 100],
        ['info', 'shared-space holds reconciled', 2],
      ]);
      expect(live()).toEqual(seededHolds());
      // maison_hold_reconcile_rounds_total{kind="coworking-event", outcome}: two failed, then one ok.
      expect(await counted()).toEqual({ ok: before.ok! + 1, failed: before.failed! + 2 });
    } finally {
      rounds.stop();
    }
  });

  it('releases the orphans: a hold whose event does not exist, is cancelled, is in a room or holds under another reference; nothing else', async () => {
    await round();
    const startsAt = summerHour(40, 9);
    const missing = `coworking-event:${randomUUID()}-0a1b2c3d4e5f`;
    const cancelled = await eventRow({ spaceId: TERRACE, cancelled: true, startsAt: minutes(startsAt, 24 * 60) });
    const inRoom = await eventRow();
    const elsewhere = await eventRow({ spaceId: TERRACE, holdReference: (id) => `coworking-event:${id}-2`, startsAt: minutes(startsAt, 24 * 60) });
    const orphans = [missing, `coworking-event:${cancelled}-1`, `coworking-event:${inRoom}`, `coworking-event:${elsewhere}-1`, 'coworking-event:nobody'];
    orphans.forEach((r, i) => hold(r, TERRACE, minutes(startsAt, 120 * i)));
    const kept = [`vernissage:${randomUUID()}`, `coworking-event:${randomUUID()}-past`];
    hold(kept[0]!, KITCHEN, startsAt);
    // A hold that ended yesterday: no round looks at it.
    hold(kept[1]!, KITCHEN, futureHour(-1, 10), 'Passée');

    const summary = await round();
    expect([...summary.released].sort()).toEqual([...orphans].sort());
    expect(summary.fixed).toBe(1); // the event held elsewhere gets its own hold
    expect(orphans.filter((r) => tenants.holds.has(r))).toEqual([]);
    expect(kept.filter((r) => tenants.holds.has(r))).toEqual(kept);
    expect(tenants.holds.has(`coworking-event:${elsewhere}-2`)).toBe(true);
    expect(await round()).toMatchObject({ fixed: 0, released: [] });
  });

  it('never releases the hold of a write in progress: it waits for the event’s lock, then finds the event', async () => {
    const id = randomUUID();
    const reference = `coworking-event:${id}-inprogress`;
    const startsAt = futureHour(45, 10);
    const runner = graph.ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    let done = false;
    try {
      await lockOwner(runner.manager, 'coworking-event', id);
      hold(reference, KITCHEN, startsAt, 'En cours');
      const racing = round().then((s) => ((done = true), s));
      await new Promise((r) => setTimeout(r, 300));
      expect(done).toBe(false);
      await runner.query(
        `INSERT INTO coworking_event (id, kind, title, starts_at, ends_at, space_id, capacity, members_only, hold_reference) VALUES ($1, 'TALK', $2, $3, $4, $5, 10, false, $6)`,
        [id, { fr: 'En cours' }, startsAt, minutes(startsAt, 60), KITCHEN, reference],
      );
      await runner.commitTransaction();
      expect((await racing).released).toEqual([]);
      expect(tenants.holds.has(reference)).toBe(true);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });
});

describe('a round beside a concurrent update', () => {
  it('waits for the update’s locks, then leaves the hold where the update moved it', async () => {
    const startsAt = summerHour(33, 10);
    const id = await eventRow({ spaceId: TERRACE, holdReference: (i) => `coworking-event:${i}-before`, startsAt });
    const reference = `coworking-event:${id}-before`;
    const later = minutes(startsAt, 120);
    hold(reference, TERRACE, startsAt, 'Causerie');
    expect((await round()).refused).toEqual([]);
    // An update in progress: the event and its hold moved two hours later, not committed yet.
    const runner = graph.ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await lockOwner(runner.manager, 'coworking-event', id);
      await runner.query('SELECT 1 FROM coworking_event WHERE id = $1 FOR UPDATE', [id]);
      await runner.query('UPDATE coworking_event SET starts_at = $2, ends_at = $3 WHERE id = $1', [id, later, minutes(later, 60)]);
      tenants.state.move({ reference, spaceId: TERRACE, startsAt: later.toISOString(), endsAt: minutes(later, 60).toISOString(), title: 'Causerie' });
      let done = false;
      const racing = round().then((s) => ((done = true), s));
      await new Promise((r) => setTimeout(r, 300));
      expect(done).toBe(false);
      await runner.commitTransaction();
      expect(await racing).toMatchObject({ fixed: 0, released: [] });
      expect(tenants.holds.get(reference)).toMatchObject({ startsAt: later, endsAt: minutes(later, 60) });
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });
});

describe('the module', () => {
  it('starts the rounds from its onReady hook: every event needing a hold gets it', async () => {
    const [{ n }] = await graph.ds.query(
      `SELECT count(*)::int AS n FROM coworking_event WHERE space_id IS NOT NULL AND cancelled_at IS NULL AND ends_at > now()`,
    );
    expect(n).toBeGreaterThan(2);
    expect(coworkingModule.onReady!(graph.services as never, logger())).toBeUndefined();
    await waitFor(() => tenants.holds.size === n);
    expect(live()).toEqual(expect.arrayContaining(seededHolds()));
  });
});

async function waitFor(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
