import { addDays, houseInstant, stableId, startOfLocalDay } from '@maison/house';
import { useTestSubgraph } from '@maison/testing';
import { coworkingModule } from '../../module';

const graph = useTestSubgraph(coworkingModule);

/** Far from the demo's events, around the spring change of 2031 (Sunday 9 March: a day of 23 hours). */
const events = [
  { slug: 'veille', starts: ['2031-03-07', '22:00'], ends: ['2031-03-08', '00:00'] }, // ends at midnight: not on the 8th
  { slug: 'nuit', starts: ['2031-03-08', '23:30'], ends: ['2031-03-09', '04:00'] }, // across midnight and the change
  { slug: 'matin', starts: ['2031-03-09', '03:00'], ends: ['2031-03-09', '05:00'] },
  { slug: 'meme-heure', starts: ['2031-03-09', '03:00'], ends: ['2031-03-09', '04:00'] },
  { slug: 'semaine', starts: ['2031-03-10', '09:00'], ends: ['2031-03-14', '17:00'] }, // five days
  { slug: 'annule', starts: ['2031-03-11', '10:00'], ends: ['2031-03-11', '11:00'], cancelled: true },
];

beforeAll(async () => {
  for (const [i, e] of events.entries()) {
    await graph.ds.query(
      `INSERT INTO coworking_event (id, kind, title, starts_at, ends_at, room, capacity, cancelled_at) VALUES ($1, 'TALK', $2, $3, $4, $5, 10, $6)`,
      [
        stableId('coworking-event', `calendrier-${e.slug}`),
        { fr: e.slug },
        houseInstant(e.starts[0]!, e.starts[1]!),
        houseInstant(e.ends[0]!, e.ends[1]!),
        { fr: `Salle ${i}` },
        e.cancelled ? new Date() : null,
      ],
    );
  }
});

const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CalendarDay { date coworkingEvents { title startsAt } } } }`;

/** Each day taken alone: the events not cancelled whose [start, end) overlaps it, read in order by plain SQL. */
async function expected(dates: string[]) {
  const rows: { title: { fr: string }; starts_at: Date; ends_at: Date }[] = await graph.ds.query(
    `SELECT title, starts_at, ends_at FROM coworking_event WHERE cancelled_at IS NULL ORDER BY starts_at, id`,
  );
  return dates.map((date) => {
    const [dayStart, dayEnd] = [startOfLocalDay(date), startOfLocalDay(addDays(date, 1))];
    return rows.filter((r) => r.starts_at < dayEnd && r.ends_at > dayStart).map((r) => r.title.fr);
  });
}

describe("coworking's days of the house calendar", () => {
  it.each([
    ['consecutive days', ['2031-03-07', '2031-03-08', '2031-03-09', '2031-03-10', '2031-03-11', '2031-03-12', '2031-03-13', '2031-03-14', '2031-03-15']],
    ['days out of order, with gaps', ['2031-03-14', '2031-03-08', '2031-03-11', '2031-03-07', '2031-03-09']],
    ['one day', ['2031-03-09']],
  ])('puts each event on the local days its [start, end) overlaps, in order, in one statement: %s', async (_, dates) => {
    const { body, statements } = await graph.execute(query, { r: dates.map((date) => ({ __typename: 'CalendarDay', date })) });
    expect(body.errors).toBeUndefined();
    const days = body.data!._entities as { date: string; coworkingEvents: { title: string }[] }[];
    expect(days.map((d) => d.date)).toEqual(dates);
    expect(days.map((d) => d.coworkingEvents.map((e) => e.title))).toEqual(await expected(dates));
    expect(statements).toBe(1);
  });

  it('spreads an event over its days and leaves a cancelled one out', async () => {
    const { body } = await graph.execute(query, {
      r: ['2031-03-08', '2031-03-09', '2031-03-11'].map((date) => ({ __typename: 'CalendarDay', date })),
    });
    expect((body.data!._entities as { coworkingEvents: { title: string }[] }[]).map((d) => d.coworkingEvents.map((e) => e.title))).toEqual([
      ['nuit'],
      ['nuit', expect.stringMatching(/^(matin|meme-heure)$/), expect.stringMatching(/^(matin|meme-heure)$/)],
      ['semaine'],
    ]);
  });
});
