import { startTestSubgraph, type TestSubgraphOf, withClient } from '@maison/testing';
import { tenantsModule } from '../../module';
import { allWeek, createSpace } from '../../test-fixtures';
import { RULE_COLUMNS } from './space-admin.service';

/**
 * The trigger of migration 009 bumps a space's rules_version when any rule changes, and only then: a
 * booking's fast path books while the version is the one its checks ran on (BookingService.book).
 * A rule column the trigger does not list would let a booking be stored under rules it was not checked
 * against; a new key of RULE_COLUMNS without a value here does not compile.
 */
type Graph = TestSubgraphOf<typeof tenantsModule>;
let graph: Graph;
beforeAll(async () => {
  graph = await startTestSubgraph(tenantsModule, { seed: false });
});
afterAll(async () => {
  await graph?.close();
});

/** A value of each rule other than the test space's (createSpace's defaults, in a season: both ends are set or neither). */
const CHANGED: Record<keyof typeof RULE_COLUMNS, unknown> = {
  capacity: 21,
  openingHoursRows: JSON.stringify(allWeek('08:00', '20:00')),
  seasonStarts: '03-01',
  seasonEnds: '10-31',
  bufferMinutes: 15,
  minDurationMinutes: 30,
  maxDurationMinutes: 600,
  horizonDays: 365,
  minNoticeMinutes: 60,
  weeklyQuotaMinutes: 600,
  cancellationCutoffMinutes: 60,
  eligibleRoles: ['TENANT'],
  slotStepMinutes: 15,
};

const versionOf = (spaceId: string) =>
  withClient(graph.databaseUrl, async (c) => (await c.query('SELECT rules_version FROM shared_space WHERE id = $1', [spaceId])).rows[0].rules_version);

describe("a space's rules_version", () => {
  it('starts at 0', async () => {
    expect(await versionOf(await createSpace(graph.ds))).toBe('0');
  });

  it.each(Object.keys(RULE_COLUMNS) as (keyof typeof RULE_COLUMNS)[])('moves when %s changes, and not when it is set to itself', async (key) => {
    const spaceId = await createSpace(graph.ds, { season: ['04-01', '09-30'] });
    const column = RULE_COLUMNS[key];
    await graph.ds.query(`UPDATE shared_space SET ${column} = $2 WHERE id = $1`, [spaceId, CHANGED[key]]);
    expect(await versionOf(spaceId)).toBe('1');
    await graph.ds.query(`UPDATE shared_space SET ${column} = ${column} WHERE id = $1`, [spaceId]);
    expect(await versionOf(spaceId)).toBe('1');
  });

  it('does not move with what is not a rule, and cannot be set by hand', async () => {
    const spaceId = await createSpace(graph.ds);
    await graph.ds.query(`UPDATE shared_space SET name = '{"fr": "Autre nom", "en": "Other name"}', slug = slug || '-x' WHERE id = $1`, [spaceId]);
    await graph.ds.query('UPDATE shared_space SET rules_version = 41 WHERE id = $1', [spaceId]);
    expect(await versionOf(spaceId)).toBe('0');
  });
});
