import type { Identity } from '@maison/auth';
import { admin, startTestSubgraph, withClient } from '@maison/testing';
import { coworkingModule } from '../../module';
import type { CoworkingLoaders, CoworkingServices } from '../../services';
import { activeMember, createMember, giveMembership, memberIdentity } from '../../test-fixtures';

/** The capacity of Espace KO and the card countdown under real concurrency (a pool of 50 connections). */
type Graph = Awaited<ReturnType<typeof startTestSubgraph<CoworkingServices, CoworkingLoaders>>>;
let graph: Graph;
beforeAll(async () => {
  graph = await startTestSubgraph(coworkingModule, { env: { DB_POOL_SIZE: '50' } });
});
afterAll(async () => {
  await graph?.close();
});

const CHECK_IN = `mutation { checkIn { checkIn { id usedCardDay } userErrors { code } } }`;
const checkIn = async (identity: Identity) => {
  const { body } = await graph.execute(CHECK_IN, {}, { identity });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.checkIn as { checkIn: { id: string; usedCardDay: boolean } | null; userErrors: { code: string }[] };
};
const present = () =>
  withClient(graph.databaseUrl, async (c) => (await c.query(`SELECT count(*)::int AS n FROM check_in WHERE checked_out_at IS NULL`)).rows[0].n as number);

describe('check-ins under concurrency', () => {
  it('lets exactly 5 of 40 concurrent check-ins in when 5 seats are left; the 35 others answer SPACE_FULL', async () => {
    await graph.execute(`mutation { setCoworkingCapacity(capacity: 5) { userErrors { code } } }`, {}, { identity: admin });
    const members = await Promise.all(Array.from({ length: 40 }, () => activeMember(graph.ds)));
    const answers = await Promise.all(members.map((m) => checkIn(m.identity)));
    expect(answers.filter((a) => a.checkIn !== null)).toHaveLength(5);
    expect(answers.filter((a) => a.userErrors.map((e) => e.code).join() === 'SPACE_FULL')).toHaveLength(35);
    expect(await present()).toBe(5);
    await graph.execute(`mutation { setCoworkingCapacity(capacity: 24) { userErrors { code } } }`, {}, { identity: admin });
  });

  it('checks one member in once for 10 concurrent attempts, and uses one day of their card', async () => {
    const memberId = await createMember(graph.ds);
    const card = await giveMembership(graph.ds, memberId, 'TEN_DAY_CARD', { startsIn: -3, daysUsed: 2 });
    const answers = await Promise.all(Array.from({ length: 10 }, () => checkIn(memberIdentity(memberId))));
    expect(answers.filter((a) => a.checkIn !== null).map((a) => a.checkIn!.usedCardDay)).toEqual([true]);
    expect(answers.filter((a) => a.userErrors.map((e) => e.code).join() === 'ALREADY_CHECKED_IN')).toHaveLength(9);
    expect(await graph.ds.query('SELECT days_used FROM membership WHERE id = $1', [card])).toEqual([{ days_used: 3 }]);
  });
});
