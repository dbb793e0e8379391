import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { dropDatabase, withDatabase } from '@maison/kit';
import { testServerUrl, withClient } from '@maison/testing';

/** `npm run seed` (scripts/dist/seed.js, built by `npm test`) against databases of the test server. */
const ROOT = path.resolve(__dirname, '..');
const SUBGRAPHS = ['tenants', 'coworking', 'gallery'];
const prefixes: string[] = [];

function seedScript(prefix: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts/dist/seed.js'), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH!, DATABASE_URL: testServerUrl(), DATABASE_PREFIX: prefix, ...env },
  });
}
const newPrefix = () => {
  const prefix = `t_seed_${randomBytes(4).toString('hex')}_`;
  prefixes.push(prefix);
  return prefix;
};
const query = (prefix: string, subgraph: string, sql: string) =>
  withClient(withDatabase(testServerUrl(), `${prefix}${subgraph}`), async (client) => (await client.query(sql)).rows);
const counts = async (prefix: string) => ({
  ...(await query(prefix, 'tenants', `SELECT (SELECT count(*) FROM tenant)::int AS tenants, (SELECT count(*) FROM space_booking)::int AS bookings`))[0],
  ...(await query(prefix, 'coworking', `SELECT (SELECT count(*) FROM member)::int AS members, (SELECT count(*) FROM membership_plan)::int AS plans`))[0],
  ...(await query(prefix, 'gallery', `SELECT (SELECT count(*) FROM artist)::int AS artists, (SELECT count(*) FROM studio)::int AS studios`))[0],
});
const kitchenQuota = async (prefix: string) =>
  (await query(prefix, 'tenants', `SELECT weekly_quota_minutes AS q FROM shared_space WHERE slug = 'cuisine'`))[0].q;

afterAll(async () => {
  for (const prefix of prefixes) for (const name of SUBGRAPHS) await dropDatabase(withDatabase(testServerUrl(), `${prefix}${name}`));
});

const ALL = { tenants: 6, bookings: 5, members: 12, plans: 4, artists: 12, studios: 3 };

describe('npm run seed', () => {
  it('loads reference and demo data in development, idempotently', async () => {
    const prefix = newPrefix();
    expect(seedScript(prefix, []).status).toBe(0);
    expect(await counts(prefix)).toEqual(ALL);
    expect(seedScript(prefix, []).status).toBe(0);
    expect(await counts(prefix)).toEqual(ALL);
  });

  it('loads only the reference data in production', async () => {
    const prefix = newPrefix();
    expect(seedScript(prefix, [], { NODE_ENV: 'production' }).status).toBe(0);
    expect(await counts(prefix)).toEqual({ tenants: 2, bookings: 0, members: 0, plans: 4, artists: 0, studios: 3 });
  });

  it('--reset-demo brings the databases back to reference and fresh demo data, and is refused in production', async () => {
    const prefix = newPrefix();
    expect(seedScript(prefix, []).status).toBe(0);
    await query(prefix, 'tenants', `UPDATE shared_space SET weekly_quota_minutes = 300 WHERE slug = 'cuisine'`);
    await query(prefix, 'tenants', `DELETE FROM space_booking_history`);
    await query(prefix, 'tenants', `DELETE FROM space_booking`);
    await query(prefix, 'coworking', `DELETE FROM membership`);
    await query(prefix, 'coworking', `DELETE FROM member`);
    await query(prefix, 'gallery', `UPDATE artist SET name = 'Renommée' WHERE slug = 'fernand-saint-aubin'`);

    const refused = seedScript(prefix, ['--reset-demo'], { NODE_ENV: 'production' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--reset-demo drops the databases: it is refused when NODE_ENV=production');
    expect(await kitchenQuota(prefix)).toBe(300);
    expect((await counts(prefix)).members).toBe(0);

    const reset = seedScript(prefix, ['--reset-demo']);
    expect(reset.status).toBe(0);
    expect(await counts(prefix)).toEqual(ALL);
    expect(await kitchenQuota(prefix)).toBe(600);
    expect(await query(prefix, 'gallery', `SELECT name FROM artist WHERE slug = 'fernand-saint-aubin'`)).toEqual([{ name: 'Fernand Saint-Aubin' }]);
  });

  it('refuses an unknown option or subgraph, changing nothing', async () => {
    const prefix = newPrefix();
    const unknown = seedScript(prefix, ['--reset']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--reset'");
    const only = seedScript(prefix, ['--only', 'cuisine']);
    expect(only.status).toBe(2);
    expect(only.stderr).toContain('--only must be one of tenants, coworking, gallery');
    const created = await withClient(
      testServerUrl(),
      async (client) => (await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`])).rows,
    );
    expect(created).toEqual([]);
  });
});
