import { randomUUID } from 'node:crypto';
import type { Identity } from '@maison/auth';
import { startTestSubgraph, withClient } from '@maison/testing';
import { galleryModule } from './module';
import { artistIdentity, at, createArtist, createStudio, minutes, type GalleryGraph } from './test-support/fixtures';

/**
 * Studio time under real concurrency: a pool of 50 connections so that the attempts truly race
 * inside PostgreSQL, where the EXCLUDE constraint decides.
 */
let graph: GalleryGraph;
let artists: Identity[];
beforeAll(async () => {
  graph = await startTestSubgraph(galleryModule, { seed: false, env: { DB_POOL_SIZE: '50' } });
  artists = (await Promise.all(Array.from({ length: 20 }, (_, i) => createArtist(graph.ds, `Artiste ${i}`)))).map(artistIdentity);
});
afterAll(async () => {
  await graph?.close();
});

const BOOK = `mutation($input: BookStudioInput!) { bookStudio(input: $input) { booking { id startsAt endsAt } userErrors { code message field } } }`;
interface BookResult {
  booking: { id: string; startsAt: string; endsAt: string } | null;
  userErrors: { code: string; message: string; field: string[] | null }[];
}
async function book(i: number, studioId: string, startsAt: Date, durationMinutes: number): Promise<BookResult> {
  const input = { studioId, startsAt, endsAt: minutes(startsAt, durationMinutes), title: `Essai ${i}` };
  const { body } = await graph.execute(BOOK, { input }, { identity: artists[i % artists.length]! });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.bookStudio;
}
const tally = (results: BookResult[]) => ({
  won: results.filter((r) => r.booking).length,
  codes: [...new Set(results.flatMap((r) => r.userErrors.map((e) => e.code)))],
  lost: results.filter((r) => r.userErrors.length === 1 && r.userErrors[0]!.code === 'SLOT_UNAVAILABLE').length,
});
const liveRows = (studioId: string) =>
  withClient(
    graph.databaseUrl,
    async (c) => (await c.query(`SELECT count(*)::int AS n FROM studio_booking WHERE studio_id = $1 AND status = 'CONFIRMED'`, [studioId])).rows[0].n,
  );
const overlappingPairs = () =>
  withClient(
    graph.databaseUrl,
    async (c) =>
      (
        await c.query(`SELECT count(*)::int AS n FROM studio_booking a JOIN studio_booking b
        ON a.studio_id = b.studio_id AND a.id < b.id AND a.status = 'CONFIRMED' AND b.status = 'CONFIRMED'
       AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')`)
      ).rows[0].n,
  );

describe('studio time under concurrency', () => {
  it('lets exactly 1 of 100 concurrent identical bookings win; 99 answer SLOT_UNAVAILABLE; one row', async () => {
    const studio = await createStudio(graph.ds, 4);
    const startsAt = at(3, '10:00');
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => book(i, studio, startsAt, 60)));
    expect(tally(results)).toEqual({ won: 1, codes: ['SLOT_UNAVAILABLE'], lost: 99 });
    expect(await liveRows(studio)).toBe(1);
    expect(results.find((r) => !r.booking)!.userErrors).toEqual([
      { code: 'SLOT_UNAVAILABLE', message: 'Ce créneau est déjà pris.', field: ['input', 'startsAt'] },
    ]);
  });

  it('never lets 100 concurrent random 30-minute bookings of one morning overlap', async () => {
    const studio = await createStudio(graph.ds, 4);
    const morning = at(4, '08:00');
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => book(i, studio, minutes(morning, 5 * Math.floor(Math.random() * 48)), 30)));
    const { won, codes } = tally(results);
    expect(won).toBeGreaterThan(0);
    expect(codes.filter((c) => c !== 'SLOT_UNAVAILABLE')).toEqual([]);
    expect(await overlappingPairs()).toBe(0);
    expect(await liveRows(studio)).toBe(won);
  });

  it('gives exactly one winner to each of 10 studios under 10 concurrent attempts each', async () => {
    const studios = await Promise.all(Array.from({ length: 10 }, () => createStudio(graph.ds, 2)));
    const startsAt = at(5, '14:00');
    const results = await Promise.all(
      studios.flatMap((studio) => Array.from({ length: 10 }, (_, i) => book(i, studio, startsAt, 45).then((r) => ({ studio, r })))),
    );
    for (const studio of studios)
      expect(tally(results.filter((x) => x.studio === studio).map((x) => x.r))).toEqual({ won: 1, codes: ['SLOT_UNAVAILABLE'], lost: 9 });
    expect(await overlappingPairs()).toBe(0);
  });

  it('is the database’s rule: an overlapping confirmed row written straight in SQL is refused, a cancelled one is not', async () => {
    const studio = await createStudio(graph.ds, 1);
    const insert = (status: string, from: string, to: string) =>
      withClient(graph.databaseUrl, (c) =>
        c.query(
          `INSERT INTO studio_booking (id, studio_id, booked_by, title, starts_at, ends_at, status, cancelled_at)
           VALUES ($1, $2, 'sql', 'x', $3, $4, $5::studio_booking_status, CASE WHEN $5::text = 'CANCELLED' THEN now() END)`,
          [randomUUID(), studio, from, to, status],
        ),
      );
    await insert('CONFIRMED', '2030-01-07T10:00:00Z', '2030-01-07T11:00:00Z');
    await expect(insert('CONFIRMED', '2030-01-07T10:59:00Z', '2030-01-07T11:30:00Z')).rejects.toMatchObject({
      code: '23P01',
      constraint: 'studio_booking_no_overlap',
    });
    await insert('CANCELLED', '2030-01-07T10:30:00Z', '2030-01-07T11:30:00Z');
    await insert('CONFIRMED', '2030-01-07T11:00:00Z', '2030-01-07T12:00:00Z');
  });
});
