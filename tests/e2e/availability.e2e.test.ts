import { addDays, stableId, todayInHouse } from '@maison/house';
import { admin, anonymous, asTenant, startGraph, type RunningGraph } from '@maison/testing';
import type { Identity } from '@maison/auth';

/**
 * Through the gateway, availability shows what the caller can book (issue 12, promise 5): a
 * tenant books the kitchen from what it is offered until its weekly quota is used, then is offered
 * nothing more that week, while an anonymous caller still sees the free slots; nothing past the
 * horizon.
 */
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.stop();
});

const kitchen = stableId('shared-space', 'cuisine');
const tenant = asTenant('graphisme');
const AVAILABILITY = `query($date: LocalDate!, $d: Int!) { sharedSpace(slug: "cuisine") { weeklyQuotaMinutes horizonDays availability(date: $date, durationMinutes: $d) { startsAt endsAt } } }`;
const BOOK = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code } } }`;

async function slots(identity: Identity, date: string, durationMinutes: number): Promise<{ startsAt: string; endsAt: string }[]> {
  const { body } = await graph.query(AVAILABILITY, { date, d: durationMinutes }, { identity });
  expect(body.errors).toBeUndefined();
  return body.data!.sharedSpace.availability;
}

async function book(identity: Identity, slot: { startsAt: string; endsAt: string }): Promise<string[]> {
  const { body } = await graph.query(BOOK, { input: { spaceId: kitchen, ...slot, title: 'Dîner d’équipe' } }, { identity });
  expect(body.errors).toBeUndefined();
  return body.data!.bookSharedSpace.userErrors.map((e: { code: string }) => e.code);
}

/** The seven days of the week (Monday first) that starts at least two weeks from today. */
function aWeekAhead(): string[] {
  let monday = addDays(todayInHouse(), 14);
  while (new Date(`${monday}T12:00:00Z`).getUTCDay() !== 1) monday = addDays(monday, 1);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

describe('availability through the gateway shows what the caller can book', () => {
  it('offers a tenant slots until its weekly quota is used, then none that week; anonymous callers still see them', async () => {
    const week = aWeekAhead();
    const { body } = await graph.query(AVAILABILITY, { date: week[1], d: 60 }, { identity: tenant });
    expect(body.data!.sharedSpace.weeklyQuotaMinutes).toBe(600);
    expect(body.data!.sharedSpace.availability.length).toBeGreaterThan(0);

    // Book only what availability offers, longest stays first: each offer is accepted, until nothing is offered.
    let booked = 0;
    for (const duration of [240, 120, 60, 30]) {
      for (const date of week) {
        for (let offer = await slots(tenant, date, duration); offer.length > 0; offer = await slots(tenant, date, duration)) {
          expect(await book(tenant, offer[0]!)).toEqual([]);
          booked += duration;
        }
      }
    }
    // The tenant booked nothing else that week, so it booked its whole quota.
    expect(booked).toBe(600);

    for (const date of week) expect(await slots(tenant, date, 30)).toEqual([]);
    const free = await slots(anonymous, week[2]!, 60);
    expect(free.length).toBeGreaterThan(0);
    // What anonymous callers see is free, and refused to this tenant for its quota alone.
    expect(await book(tenant, free[0]!)).toEqual(['QUOTA_EXCEEDED']);
    // The next week, the tenant is offered slots again.
    expect((await slots(tenant, addDays(week[6]!, 2), 60)).length).toBeGreaterThan(0);
  });

  it('offers nothing past the horizon to a tenant, nor to an anonymous caller; ADMIN may still book there', async () => {
    const { body } = await graph.query(AVAILABILITY, { date: addDays(todayInHouse(), 2), d: 60 }, { identity: anonymous });
    const horizonDays: number = body.data!.sharedSpace.horizonDays;
    expect(body.data!.sharedSpace.availability.length).toBeGreaterThan(0);
    const beyond = addDays(todayInHouse(), horizonDays + 1);
    expect(await slots(asTenant('acupuncture'), beyond, 60)).toEqual([]);
    expect(await slots(anonymous, beyond, 60)).toEqual([]);
    const forAdmin = await slots(admin, beyond, 60);
    expect(forAdmin.length).toBeGreaterThan(0);
    expect(await book(asTenant('acupuncture'), forAdmin[0]!)).toContain('TOO_FAR_AHEAD');
  });
});
