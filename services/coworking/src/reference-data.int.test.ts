import { bootAndStop, freshDatabaseUrl, snapshotDatabase, withClient } from '@maison/testing';
import { coworkingModule } from './module';

/** Espace KO's plans and prices reach every database, production included; members and events only with SEED=demo. */
const rows = (url: string, sql: string) => withClient(url, async (client) => (await client.query(sql)).rows);
const people = (url: string) =>
  rows(
    url,
    `SELECT (SELECT count(*) FROM member)::int AS members, (SELECT count(*) FROM membership)::int AS memberships,
            (SELECT count(*) FROM coworking_event)::int AS events, (SELECT count(*) FROM check_in)::int AS checkIns`,
  );

describe('the reference data of the coworking subgraph', () => {
  it('boots an empty database in production with the plans and their prices only; a second boot changes nothing', async () => {
    const url = freshDatabaseUrl('coworking_reference');
    expect(await bootAndStop(coworkingModule, url)).toBe('none');
    expect(await rows(url, 'SELECT code, price_cents, currency, days_included FROM membership_plan ORDER BY price_cents')).toEqual([
      { code: 'DAY_PASS', price_cents: 2500, currency: 'CAD', days_included: null },
      { code: 'PART_TIME_MONTHLY', price_cents: 15000, currency: 'CAD', days_included: null },
      { code: 'TEN_DAY_CARD', price_cents: 20000, currency: 'CAD', days_included: 10 },
      { code: 'FULL_TIME_MONTHLY', price_cents: 27500, currency: 'CAD', days_included: null },
    ]);
    expect(await rows(url, 'SELECT capacity FROM coworking_settings')).toEqual([{ capacity: 24 }]);
    expect(await people(url)).toEqual([{ members: 0, memberships: 0, events: 0, checkins: 0 }]);

    const first = await snapshotDatabase(url);
    await bootAndStop(coworkingModule, url);
    expect(await snapshotDatabase(url)).toEqual(first);
  });

  it('keeps a price an operator changed, through production and development boots', async () => {
    const url = freshDatabaseUrl('coworking_reference');
    await bootAndStop(coworkingModule, url);
    await rows(url, `UPDATE membership_plan SET price_cents = 3000 WHERE code = 'DAY_PASS'`);
    const changed = await snapshotDatabase(url);
    await bootAndStop(coworkingModule, url);
    expect(await snapshotDatabase(url)).toEqual(changed);

    await bootAndStop(coworkingModule, url, { NODE_ENV: 'development' });
    expect(await people(url)).toEqual([{ members: 12, memberships: 12, events: 8, checkins: 0 }]);
    expect(await rows(url, `SELECT price_cents FROM membership_plan WHERE code = 'DAY_PASS'`)).toEqual([{ price_cents: 3000 }]);
  });
});
