import { stableId } from '@maison/house';
import { bootAndStop, freshDatabaseUrl, snapshotDatabase, withClient } from '@maison/testing';
import { tenantsModule } from './module';
import { DEMO_TENANT_SLUGS, REFERENCE_TENANT_SLUGS } from './seed-slugs';

/** Reference data reaches every database, production included; demo data only when SEED asks. */
const rows = (url: string, sql: string, params: unknown[] = []) => withClient(url, async (client) => (await client.query(sql, params)).rows);
const tenantSlugs = async (url: string) => (await rows(url, 'SELECT slug FROM tenant ORDER BY slug')).map((r) => r.slug);

describe('the reference data of the tenants subgraph', () => {
  it('boots an empty database in production with exactly the reference rows; a second boot changes nothing', async () => {
    const url = freshDatabaseUrl('tenants_reference');
    expect(await bootAndStop(tenantsModule, url)).toBe('none');

    expect(await tenantSlugs(url)).toEqual(['espace-ko', 'le-vivoir']);
    expect(REFERENCE_TENANT_SLUGS).toEqual(['espace-ko', 'le-vivoir']);
    expect(await rows(url, 'SELECT t.slug, o.floor, o.building FROM office o JOIN tenant t ON t.id = o.tenant_id ORDER BY t.slug, o.floor')).toEqual([
      { slug: 'espace-ko', floor: 0, building: 'MAIN_HOUSE' },
      { slug: 'le-vivoir', floor: 0, building: 'ANNEX' },
      { slug: 'le-vivoir', floor: 1, building: 'MAIN_HOUSE' },
    ]);
    expect(await rows(url, 'SELECT id, locality FROM house')).toEqual([{ id: stableId('house', 'la-maison'), locality: 'Saint-Jean-Port-Joli' }]);
    expect(
      await rows(
        url,
        `SELECT slug, capacity, buffer_minutes, min_duration_minutes, max_duration_minutes, horizon_days, min_notice_minutes,
                weekly_quota_minutes, cancellation_cutoff_minutes, slot_step_minutes, season_starts, season_ends
         FROM shared_space ORDER BY slug`,
      ),
    ).toEqual([
      {
        slug: 'cuisine',
        capacity: 12,
        buffer_minutes: 30,
        min_duration_minutes: 30,
        max_duration_minutes: 240,
        horizon_days: 60,
        min_notice_minutes: 60,
        weekly_quota_minutes: 600,
        cancellation_cutoff_minutes: 120,
        slot_step_minutes: 30,
        season_starts: null,
        season_ends: null,
      },
      {
        slug: 'terrasse',
        capacity: 30,
        buffer_minutes: 15,
        min_duration_minutes: 60,
        max_duration_minutes: 480,
        horizon_days: 120,
        min_notice_minutes: 120,
        weekly_quota_minutes: 720,
        cancellation_cutoff_minutes: 1440,
        slot_step_minutes: 30,
        season_starts: '05-01',
        season_ends: '10-31',
      },
    ]);
    expect(
      await rows(url, 'SELECT (SELECT count(*) FROM space_booking)::int AS bookings, (SELECT count(*) FROM space_booking_history)::int AS history'),
    ).toEqual([{ bookings: 0, history: 0 }]);

    const first = await snapshotDatabase(url);
    await bootAndStop(tenantsModule, url);
    expect(await snapshotDatabase(url)).toEqual(first);
  });

  it('never overwrites what an operator changed, nor brings back what an operator removed', async () => {
    const url = freshDatabaseUrl('tenants_reference');
    await bootAndStop(tenantsModule, url);
    await rows(url, `UPDATE shared_space SET weekly_quota_minutes = 480, capacity = 10 WHERE slug = 'cuisine'`);
    await rows(url, `UPDATE tenant SET contact_email = 'accueil@espaceko.example' WHERE slug = 'espace-ko'`);
    await rows(url, 'DELETE FROM office WHERE id = $1', [stableId('office', 'le-vivoir/ateliers')]);
    const changed = await snapshotDatabase(url);

    await bootAndStop(tenantsModule, url);
    expect(await snapshotDatabase(url)).toEqual(changed);
    expect(await rows(url, `SELECT weekly_quota_minutes, capacity FROM shared_space WHERE slug = 'cuisine'`)).toEqual([
      { weekly_quota_minutes: 480, capacity: 10 },
    ]);

    // The demo data comes on top in development, and leaves the operator's changes alone too.
    await bootAndStop(tenantsModule, url, { NODE_ENV: 'development' });
    expect(await tenantSlugs(url)).toEqual([...REFERENCE_TENANT_SLUGS, ...DEMO_TENANT_SLUGS].sort());
    expect(await rows(url, `SELECT weekly_quota_minutes FROM shared_space WHERE slug = 'cuisine'`)).toEqual([{ weekly_quota_minutes: 480 }]);
    expect(await rows(url, `SELECT contact_email FROM tenant WHERE slug = 'espace-ko'`)).toEqual([{ contact_email: 'accueil@espaceko.example' }]);
    expect(await rows(url, 'SELECT 1 FROM office WHERE id = $1', [stableId('office', 'le-vivoir/ateliers')])).toEqual([]);
  });

  it('does not load the demo data again into a database the single seed of before filled (seed_runs base)', async () => {
    const url = freshDatabaseUrl('tenants_reference');
    await bootAndStop(tenantsModule, url, { SEED: 'none' });
    await rows(url, 'CREATE TABLE seed_runs (name text PRIMARY KEY, ran_at timestamptz NOT NULL DEFAULT now())');
    await rows(url, `INSERT INTO seed_runs (name) VALUES ('base')`);
    await bootAndStop(tenantsModule, url, { SEED: 'demo' });
    expect(await tenantSlugs(url)).toEqual(['espace-ko', 'le-vivoir']);
    expect(await rows(url, 'SELECT count(*)::int AS n FROM space_booking')).toEqual([{ n: 0 }]);
  });

  it('accepts the old names of SEED: auto loads the demo data, off does not', async () => {
    const off = freshDatabaseUrl('tenants_reference');
    await bootAndStop(tenantsModule, off, { SEED: 'off' });
    expect(await tenantSlugs(off)).toEqual(['espace-ko', 'le-vivoir']);
    const auto = freshDatabaseUrl('tenants_reference');
    await bootAndStop(tenantsModule, auto, { SEED: 'auto' });
    expect(await tenantSlugs(auto)).toHaveLength(6);
    expect(await rows(auto, `SELECT name FROM seed_runs ORDER BY name`)).toEqual([{ name: 'demo' }]);
  });
});
