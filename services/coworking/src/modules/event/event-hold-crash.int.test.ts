import { createSubgraph, readSubgraphConfig } from '@maison/kit';
import { tenantsModule } from '@maison/tenants';
import {
  admin,
  callSubgraph,
  freshDatabaseUrl,
  KITCHEN,
  liveHoldReferences,
  SILENT_LOGGER,
  startSubgraphThatDiesAfterHold,
  startTestSubgraph,
  type TestSubgraphOf,
  withClient,
} from '@maison/testing';
import { coworkingModule } from '../../module';
import { futureHour, minutes } from '../../test-fixtures';

/**
 * kill -9 of coworking between a hold and its commit, against the real ledger: the process dies
 * right after the tenants subgraph held the kitchen for an event it never committed. The orphan
 * hold blocks the kitchen until the subgraph restarts and its reconciler runs one round, which
 * releases it; the ADMIN's retry with the same idempotencyKey then creates the event once.
 */
const CREATE = `mutation($input: CreateCoworkingEventInput!) { createCoworkingEvent(input: $input) { event { id } userErrors { code field } } }`;
const MARKER = 'Meurt après la réservation';

let tenants: TestSubgraphOf<typeof tenantsModule>;
beforeAll(async () => {
  tenants = await startTestSubgraph(tenantsModule, { listen: true });
});
afterAll(async () => {
  await tenants?.close();
});

const liveHolds = () => liveHoldReferences(tenants.databaseUrl, 'coworking-event');
const released = (reference: string) =>
  withClient(tenants.databaseUrl, async (c) => (await c.query('SELECT 1 FROM space_hold_release WHERE reference = $1', [reference])).rows.length === 1);

it('leaves no orphan hold after a crash between hold and commit, once the restarted subgraph ran one round', async () => {
  const databaseUrl = freshDatabaseUrl('coworking');
  const dying = await startSubgraphThatDiesAfterHold('coworking', { databaseUrl, tenantsUrl: tenants.url!, marker: MARKER });
  const startsAt = futureHour(12, 18);
  const input = {
    kind: 'WORKSHOP',
    title: { fr: MARKER },
    startsAt,
    endsAt: minutes(startsAt, 120),
    capacity: 12,
    sharedSpaceId: KITCHEN,
    idempotencyKey: 'crash-entre-deux',
  };
  await expect(callSubgraph(dying.url, CREATE, { input }, { identity: admin })).rejects.toThrow();
  expect(await dying.exited).toEqual({ code: null, signal: 'SIGKILL' });

  // The kitchen is held for an event that does not exist.
  const [orphan, ...others] = await liveHolds();
  expect(others).toEqual([]);
  expect(orphan).toMatch(/^coworking-event:[0-9a-f-]{36}-[0-9a-f]{12}$/);
  const restarted = await createSubgraph(
    coworkingModule,
    readSubgraphConfig(coworkingModule, { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, TENANTS_URL: tenants.url!, SEED: 'off' }),
  );
  try {
    expect((await restarted.ds.query('SELECT count(*)::int AS n FROM coworking_event'))[0].n).toBe(0);

    expect(await restarted.services.eventHolds.reconciler.round(SILENT_LOGGER)).toEqual({ checked: 0, fixed: 0, released: [orphan], refused: [] });
    expect(await liveHolds()).toEqual([]);
    expect(await released(orphan!)).toBe(true);

    // The ADMIN retries: one event, held under a new reference, the kitchen no longer blocked.
    const retried = (await restarted.execute(CREATE, { input }, { identity: admin })).body.data!.createCoworkingEvent;
    expect(retried.userErrors).toEqual([]);
    expect((await restarted.execute(CREATE, { input }, { identity: admin })).body.data!.createCoworkingEvent).toEqual(retried);
    const [{ hold_reference: reference }] = await restarted.ds.query('SELECT hold_reference FROM coworking_event WHERE id = $1', [retried.event.id]);
    expect(await liveHolds()).toEqual([reference]);
    expect(reference).not.toBe(orphan);
  } finally {
    await restarted.close();
  }
});
