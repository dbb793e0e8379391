import { DEV_JWT_SECRET, DEV_SIGNING_SECRET } from '@maison/config';
import { addDays, todayInHouse } from '@maison/house';
import { admin, startGraph, type RunningGraph } from '@maison/testing';

/**
 * A production graph on empty databases, SEED unset: the client sees the house as it really is
 * (the reference data) and none of the demo data.
 */
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph({ env: { NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET, GATEWAY_SIGNING_SECRET: DEV_SIGNING_SECRET } });
});
afterAll(async () => {
  await graph?.stop();
});

const HOUSE = `query($from: DateTime!, $to: DateTime!) {
  house { name }
  tenants { slug offices { floor } }
  sharedSpaces { slug weeklyQuotaMinutes bufferMinutes minDurationMinutes maxDurationMinutes bookings(from: $from, to: $to) { id } }
  membershipPlans { code price { amountCents currency } }
  members(first: 50) { totalCount }
  coworkingEvents(first: 50) { totalCount }
  studios { slug capacity }
  artists(first: 50) { totalCount }
  artworks(first: 50) { totalCount }
  exhibitions(first: 50) { totalCount }
}`;

describe('a production graph on empty databases', () => {
  it('shows the reference data (house, cuisine and terrasse with their rules, espace-ko, le-vivoir, plans, studios) and no demo data', async () => {
    const today = todayInHouse();
    const { status, body } = await graph.query(
      HOUSE,
      { from: `${addDays(today, -30)}T00:00:00-05:00`, to: `${addDays(today, 30)}T00:00:00-05:00` },
      { identity: admin },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      house: { name: 'La Maison' },
      tenants: [
        { slug: 'espace-ko', offices: [{ floor: 0 }] },
        { slug: 'le-vivoir', offices: expect.arrayContaining([{ floor: 0 }, { floor: 1 }]) },
      ],
      sharedSpaces: [
        { slug: 'cuisine', weeklyQuotaMinutes: 600, bufferMinutes: 30, minDurationMinutes: 30, maxDurationMinutes: 240, bookings: [] },
        { slug: 'terrasse', weeklyQuotaMinutes: 720, bufferMinutes: 15, minDurationMinutes: 60, maxDurationMinutes: 480, bookings: [] },
      ],
      membershipPlans: expect.arrayContaining([
        { code: 'DAY_PASS', price: { amountCents: 2500, currency: 'CAD' } },
        { code: 'TEN_DAY_CARD', price: { amountCents: 20000, currency: 'CAD' } },
        { code: 'PART_TIME_MONTHLY', price: { amountCents: 15000, currency: 'CAD' } },
        { code: 'FULL_TIME_MONTHLY', price: { amountCents: 27500, currency: 'CAD' } },
      ]),
      members: { totalCount: 0 },
      coworkingEvents: { totalCount: 0 },
      studios: expect.arrayContaining([
        { slug: 'atelier-du-fleuve', capacity: 4 },
        { slug: 'atelier-du-bois', capacity: 3 },
        { slug: 'atelier-de-la-terre', capacity: 2 },
      ]),
      artists: { totalCount: 0 },
      artworks: { totalCount: 0 },
      exhibitions: { totalCount: 0 },
    });
    expect(body.data!.membershipPlans).toHaveLength(4);
    expect(body.data!.studios).toHaveLength(3);
  });
});
