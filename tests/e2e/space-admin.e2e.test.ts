import { addDays, stableId, todayInHouse } from '@maison/house';
import type { Identity } from '@maison/auth';
import { admin, anonymous, asTenant, startGraph, type RunningGraph } from '@maison/testing';

/**
 * ADMIN manages the kitchen's rules through the gateway: a lower weekly quota holds at once for
 * the next booking, the anonymous read the response cache keeps shows the new value, and the
 * change is in the kitchen's rulesHistory.
 */
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph({ env: { DATABASE_PREFIX: 't_space_admin_' } });
  await graph.settle();
}, 180_000);
afterAll(async () => {
  await graph?.stop();
});

const KITCHEN = stableId('shared-space', 'cuisine');
const QUOTA = `query KitchenQuota { sharedSpace(slug: "cuisine") { weeklyQuotaMinutes } }`;
const RULES = `mutation($id: ID!, $rules: SpaceRulesInput!) { updateSpaceRules(spaceId: $id, rules: $rules) { space { weeklyQuotaMinutes } conflicts { id } userErrors { code } } }`;
const FREE = `query($date: LocalDate!) { sharedSpace(slug: "cuisine") { availability(date: $date, durationMinutes: 60) { startsAt endsAt } } }`;
const BOOK = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code message } } }`;
const HISTORY = `{ sharedSpace(slug: "cuisine") { rulesHistory { actor before { weeklyQuotaMinutes } after { weeklyQuotaMinutes } } } }`;
const tenant = asTenant('graphisme');

async function slotsOf(date: string, identity: Identity): Promise<{ startsAt: string; endsAt: string }[]> {
  const { body } = await graph.query(FREE, { date }, { identity });
  expect(body.errors).toBeUndefined();
  return body.data!.sharedSpace.availability;
}

async function freeSlot(date: string, identity: Identity = tenant): Promise<{ startsAt: string; endsAt: string }> {
  const slots = await slotsOf(date, identity);
  expect(slots.length).toBeGreaterThan(0);
  return slots[0]!;
}

describe('ADMIN changes the kitchen’s rules through the gateway', () => {
  it('a lower weekly quota shows at once in the cached public read, holds for the next bookings, and is in rulesHistory', async () => {
    const first = await graph.query(QUOTA);
    expect(first.body).toEqual({ data: { sharedSpace: { weeklyQuotaMinutes: 600 } } });
    const cached = await graph.query(QUOTA);
    expect(cached.headers.get('x-cache')).toBe('HIT');

    const changed = await graph.query(RULES, { id: KITCHEN, rules: { weeklyQuotaMinutes: 90 } }, { identity: admin });
    expect(changed.body).toEqual({ data: { updateSpaceRules: { space: { weeklyQuotaMinutes: 90 }, conflicts: [], userErrors: [] } } });
    const after = await graph.query(QUOTA);
    expect(after.headers.get('x-cache')).not.toBe('HIT');
    expect(after.body).toEqual({ data: { sharedSpace: { weeklyQuotaMinutes: 90 } } });

    // Far enough ahead that the seeded bookings leave the tenant's week empty; within the 60-day horizon.
    const date = addDays(todayInHouse(), 45);
    const within = await graph.query(BOOK, { input: { spaceId: KITCHEN, ...(await freeSlot(date)), title: 'Atelier de pâtisserie' } }, { identity: tenant });
    expect(within.body.data!.bookSharedSpace.userErrors).toEqual([]);
    // With 30 minutes of its quota left, the tenant is offered no hour that week; a slot anonymous callers see free is refused to it.
    expect(await slotsOf(date, tenant)).toEqual([]);
    const beyond = await graph.query(
      BOOK,
      { input: { spaceId: KITCHEN, ...(await freeSlot(date, anonymous)), title: 'Deuxième atelier' } },
      { identity: tenant },
    );
    expect(beyond.body.data!.bookSharedSpace).toEqual({
      booking: null,
      userErrors: [{ code: 'QUOTA_EXCEEDED', message: 'Votre quota hebdomadaire pour cet espace est atteint.' }],
    });

    const history = await graph.query(HISTORY, {}, { identity: admin });
    expect(history.body.data!.sharedSpace.rulesHistory[0]).toEqual({
      actor: admin.sub,
      before: { weeklyQuotaMinutes: 600 },
      after: { weeklyQuotaMinutes: 90 },
    });
    const hidden = await graph.query(HISTORY, {}, { identity: tenant });
    expect(hidden.body.data!.sharedSpace.rulesHistory).toBeNull();
  });
});
