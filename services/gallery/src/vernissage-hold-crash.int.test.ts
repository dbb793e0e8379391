import { createSubgraph, readSubgraphConfig } from '@maison/kit';
import { tenantsModule } from '@maison/tenants';
import {
  admin,
  callSubgraph,
  daysAheadIn,
  freshDatabaseUrl,
  liveHoldReferences,
  SILENT_LOGGER,
  startSubgraphThatDiesAfterHold,
  startTestSubgraph,
  TERRACE,
  type TestSubgraphOf,
} from '@maison/testing';
import { galleryModule } from './module';
import { at as atFromToday, day as dayFromToday } from './test-support/fixtures';
/** Days counted from a day of the terrace's season (May to October), whatever the day the tests run: its holds keep the season. */
const SEASON = daysAheadIn(['05', '06', '07']);
const day = (n: number) => dayFromToday(SEASON + n);
const at = (n: number, time: string) => atFromToday(SEASON + n, time);

/**
 * kill -9 of the gallery between a hold and its commit, against the real ledger: the process dies
 * right after the tenants subgraph held the terrace for a vernissage it never committed. The orphan
 * hold blocks the terrace until the gallery restarts and its reconciler runs one round, which
 * releases it; the ADMIN's retry with the same idempotencyKey then creates the exhibition once.
 */
const CREATE = `mutation($input: CreateExhibitionInput!) { createExhibition(input: $input) { exhibition { id } userErrors { code field } } }`;
const MARKER = 'Meurt après la réservation';

let tenants: TestSubgraphOf<typeof tenantsModule>;
beforeAll(async () => {
  tenants = await startTestSubgraph(tenantsModule, { listen: true });
});
afterAll(async () => {
  await tenants?.close();
});

const liveHolds = () => liveHoldReferences(tenants.databaseUrl, 'vernissage');

it('leaves no orphan hold after a crash between hold and commit, once the restarted gallery ran one round', async () => {
  const databaseUrl = freshDatabaseUrl('gallery');
  const dying = await startSubgraphThatDiesAfterHold('gallery', { databaseUrl, tenantsUrl: tenants.url!, marker: MARKER });
  const input = {
    title: { fr: MARKER },
    startsOn: day(40),
    endsOn: day(60),
    vernissage: { startsAt: at(40, '17:00'), endsAt: at(40, '20:00'), sharedSpaceId: TERRACE },
    idempotencyKey: 'crash-entre-deux',
  };
  await expect(callSubgraph(dying.url, CREATE, { input }, { identity: admin })).rejects.toThrow();
  expect(await dying.exited).toEqual({ code: null, signal: 'SIGKILL' });

  // The terrace is held for a vernissage that does not exist.
  const [orphan, ...others] = await liveHolds();
  expect(others).toEqual([]);
  expect(orphan).toMatch(/^vernissage:[0-9a-f-]{36}-[0-9a-f]{12}$/);
  const restarted = await createSubgraph(
    galleryModule,
    readSubgraphConfig(galleryModule, { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, TENANTS_URL: tenants.url!, SEED: 'off' }),
  );
  try {
    expect((await restarted.ds.query('SELECT count(*)::int AS n FROM exhibition'))[0].n).toBe(0);

    expect(await restarted.services.vernissageHolds.reconciler.round(SILENT_LOGGER)).toEqual({ checked: 0, fixed: 0, released: [orphan], refused: [] });
    expect(await liveHolds()).toEqual([]);

    // The ADMIN retries: one exhibition, held under a new reference, the terrace no longer blocked.
    const retried = (await restarted.execute(CREATE, { input }, { identity: admin })).body.data!.createExhibition;
    expect(retried.userErrors).toEqual([]);
    expect((await restarted.execute(CREATE, { input }, { identity: admin })).body.data!.createExhibition).toEqual(retried);
    const [{ hold_reference: reference }] = await restarted.ds.query('SELECT hold_reference FROM exhibition WHERE id = $1', [retried.exhibition.id]);
    expect(await liveHolds()).toEqual([reference]);
    expect(reference).not.toBe(orphan);
  } finally {
    await restarted.close();
  }
});
