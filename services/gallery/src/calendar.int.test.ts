import { datesBetween, houseInstant, stableId } from '@maison/house';
import { startTestSubgraph } from '@maison/testing';
import { galleryModule } from './module';
import type { GalleryLoaders, GalleryServices } from './services';

type Graph = Awaited<ReturnType<typeof startTestSubgraph<GalleryServices, GalleryLoaders>>>;
let graph: Graph;

const kitchen = stableId('shared-space', 'cuisine');
const terrace = stableId('shared-space', 'terrasse');

/** Fixed dates, so the calendar does not depend on today. */
const fixtures = [
  // Opens with a vernissage in the gallery itself.
  { slug: 'printemps', startsOn: '2027-06-01', endsOn: '2027-06-10', vernissage: ['2027-06-01', '18:00', '2027-06-01', '21:00'], space: null },
  // Its vernissage on the terrace is the evening before the first day.
  { slug: 'ete', startsOn: '2027-06-05', endsOn: '2027-07-10', vernissage: ['2027-06-04', '17:00', '2027-06-04', '19:00'], space: terrace },
  // A late vernissage in the kitchen: 23:30 local is already the next day in UTC.
  { slug: 'automne', startsOn: '2027-07-25', endsOn: '2027-07-30', vernissage: ['2027-07-24', '23:30', '2027-07-25', '01:00'], space: kitchen },
];

beforeAll(async () => {
  graph = await startTestSubgraph(galleryModule, { seed: false });
  for (const f of fixtures) {
    const [startDate, startTime, endDate, endTime] = f.vernissage;
    await graph.ds.query(
      `INSERT INTO exhibition (id, slug, title, starts_on, ends_on, vernissage_starts_at, vernissage_ends_at, vernissage_venue, vernissage_space_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        stableId('exhibition', f.slug),
        f.slug,
        { fr: f.slug },
        f.startsOn,
        f.endsOn,
        houseInstant(startDate!, startTime!),
        houseInstant(endDate!, endTime!),
        { fr: f.space === null ? 'Galerie Le Vivoir' : 'Ailleurs' },
        f.space,
      ],
    );
  }
});
afterAll(async () => {
  await graph?.close();
});

const calendarQuery = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on CalendarDay { date exhibitionsOnView { slug } vernissages { slug vernissage { startsAt } } } } }`;
const days = (from: string, to: string) => datesBetween(from, to).map((date) => ({ __typename: 'CalendarDay', date }));
const slugs = (...s: string[]) => s.map((slug) => ({ slug }));

describe('the gallery in the house calendar', () => {
  it('puts each exhibition on the days it is on view and each vernissage on its local day', async () => {
    const { body } = await graph.execute(calendarQuery, { r: days('2027-06-03', '2027-06-05') });
    expect(body).toEqual({
      data: {
        _entities: [
          { date: '2027-06-03', exhibitionsOnView: slugs('printemps'), vernissages: [] },
          { date: '2027-06-04', exhibitionsOnView: slugs('printemps'), vernissages: [{ slug: 'ete', vernissage: { startsAt: '2027-06-04T17:00:00-04:00' } }] },
          { date: '2027-06-05', exhibitionsOnView: slugs('printemps', 'ete'), vernissages: [] },
        ],
      },
    });
    const late = await graph.execute(calendarQuery, { r: days('2027-07-24', '2027-07-25') });
    expect(late.body).toEqual({
      data: {
        _entities: [
          { date: '2027-07-24', exhibitionsOnView: [], vernissages: [{ slug: 'automne', vernissage: { startsAt: '2027-07-24T23:30:00-04:00' } }] },
          { date: '2027-07-25', exhibitionsOnView: slugs('automne'), vernissages: [] },
        ],
      },
    });
  });

  it('costs one SQL statement for both fields whether 3 or 60 days are asked for', async () => {
    const three = await graph.execute(calendarQuery, { r: days('2027-06-01', '2027-06-03') });
    const sixty = await graph.execute(calendarQuery, { r: days('2027-06-01', '2027-07-30') });
    expect(three.body.errors).toBeUndefined();
    expect(sixty.body.errors).toBeUndefined();
    expect(sixty.body.data!._entities).toHaveLength(60);
    const onView = sixty.body.data!._entities.filter((d: { exhibitionsOnView: unknown[] }) => d.exhibitionsOnView.length > 0).length;
    // printemps 06-01..06-10, ete 06-05..07-10, automne 07-25..07-30: days with something on view.
    expect(onView).toBe(40 + 6);
    expect(three.statements).toBe(1);
    expect(sixty.statements).toBe(1);
  });

  it('answers each field alone as it does with the other, in one statement', async () => {
    const r = days('2027-05-31', '2027-07-30');
    const both = await graph.execute(calendarQuery, { r });
    const onView = await graph.execute(`query($r: [_Any!]!) { _entities(representations: $r) { ... on CalendarDay { date exhibitionsOnView { slug } } } }`, {
      r,
    });
    const vernissages = await graph.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on CalendarDay { date vernissages { slug vernissage { startsAt } } } } }`,
      { r },
    );
    type Day = { date: string; exhibitionsOnView: unknown; vernissages: unknown };
    const entities = both.body.data!._entities as Day[];
    expect(onView.body).toEqual({ data: { _entities: entities.map(({ date, exhibitionsOnView }) => ({ date, exhibitionsOnView })) } });
    expect(vernissages.body).toEqual({ data: { _entities: entities.map(({ date, vernissages }) => ({ date, vernissages })) } });
    expect([onView.statements, vernissages.statements]).toEqual([1, 1]);
  });

  it('orders the exhibitions of a day by first day then id, its vernissages by start then id', async () => {
    // Two more on the same days as printemps, opening the same evening at the same time.
    const twins = ['jumelle-a', 'jumelle-b'];
    for (const slug of twins) {
      await graph.ds.query(
        `INSERT INTO exhibition (id, slug, title, starts_on, ends_on, vernissage_starts_at, vernissage_ends_at, vernissage_venue)
         VALUES ($1, $2, $3, '2027-06-01', '2027-06-10', $4, $5, '{"fr": "Galerie Le Vivoir"}')`,
        [stableId('exhibition', slug), slug, { fr: slug }, houseInstant('2027-06-01', '18:00'), houseInstant('2027-06-01', '20:00')],
      );
    }
    try {
      const expected = await graph.ds.query(`SELECT slug FROM exhibition WHERE starts_on = '2027-06-01' ORDER BY id`);
      const { body } = await graph.execute(calendarQuery, { r: days('2027-06-01', '2027-06-01') });
      const [day] = body.data!._entities as { exhibitionsOnView: { slug: string }[]; vernissages: { slug: string }[] }[];
      expect(day!.exhibitionsOnView.map((e) => e.slug)).toEqual(expected.map((e: { slug: string }) => e.slug));
      expect(day!.vernissages.map((e) => e.slug)).toEqual(expected.map((e: { slug: string }) => e.slug));
    } finally {
      await graph.ds.query(`DELETE FROM exhibition WHERE slug = ANY($1)`, [twins]);
    }
  });

  it('costs the same statements for a month view of 42 days as for a week (issue 15)', async () => {
    const week = await graph.execute(calendarQuery, { r: days('2027-06-01', '2027-06-07') });
    // A month grid of six weeks, Monday 2027-05-31 to Sunday 2027-07-11.
    const month = await graph.execute(calendarQuery, { r: days('2027-05-31', '2027-07-11') });
    expect(week.body.errors).toBeUndefined();
    expect(month.body.errors).toBeUndefined();
    expect(week.body.data!._entities).toHaveLength(7);
    expect(month.body.data!._entities).toHaveLength(42);
    // printemps 06-01..06-10 and ete 06-05..07-10: the month has days with something on view, and more of them.
    const onView = (b: typeof month.body) => b.data!._entities.filter((d: { exhibitionsOnView: unknown[] }) => d.exhibitionsOnView.length > 0).length;
    expect(onView(week.body)).toBe(7);
    expect(onView(month.body)).toBe(40);
    expect(month.statements).toBe(week.statements);
    expect(week.statements).toBe(1);
  });

  it('lists the vernissages held in each shared space, within [from, to) when given', async () => {
    const { body, statements } = await graph.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on SharedSpace {
        id
        vernissages { slug }
        june: vernissages(from: "2027-06-01T00:00:00-04:00", to: "2027-07-01T00:00:00-04:00") { slug }
      } } }`,
      {
        r: [
          { __typename: 'SharedSpace', id: terrace },
          { __typename: 'SharedSpace', id: kitchen },
        ],
      },
    );
    expect(body).toEqual({
      data: {
        _entities: [
          { id: terrace, vernissages: slugs('ete'), june: slugs('ete') },
          { id: kitchen, vernissages: slugs('automne'), june: [] },
        ],
      },
    });
    // One statement per distinct range, whatever the number of spaces.
    expect(statements).toBe(2);

    const backwards = await graph.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on SharedSpace {
        vernissages(from: "2027-07-01T00:00:00-04:00", to: "2027-06-01T00:00:00-04:00") { slug } } } }`,
      { r: [{ __typename: 'SharedSpace', id: terrace }] },
    );
    expect(backwards.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('names the venue of a vernissage and links the shared space it is held in', async () => {
    const { body } = await graph.execute(`{
      gallery: exhibition(slug: "printemps") { vernissage { startsAt endsAt venueName sharedSpace { id } } }
      kitchen: exhibition(slug: "automne") { vernissage { startsAt endsAt venueName sharedSpace { id } } }
    }`);
    expect(body).toEqual({
      data: {
        gallery: {
          vernissage: { startsAt: '2027-06-01T18:00:00-04:00', endsAt: '2027-06-01T21:00:00-04:00', venueName: 'Galerie Le Vivoir', sharedSpace: null },
        },
        kitchen: {
          vernissage: { startsAt: '2027-07-24T23:30:00-04:00', endsAt: '2027-07-25T01:00:00-04:00', venueName: 'Ailleurs', sharedSpace: { id: kitchen } },
        },
      },
    });
  });
});
