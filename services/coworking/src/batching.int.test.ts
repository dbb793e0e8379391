import { addDays, datesBetween, houseInstant, stableId, todayInHouse, toHouseIso } from '@maison/house';
import { admin, useTestSubgraph } from '@maison/testing';
import { coworkingModule } from './module';

const graph = useTestSubgraph(coworkingModule);

const event = (slug: string) => stableId('coworking-event', slug);
const kitchen = stableId('shared-space', 'cuisine');
const terrace = stableId('shared-space', 'terrasse');
const today = todayInHouse();
const day = (offset: number) => addDays(today, offset);

const EVENT_SLUGS = [
  'cinq-a-sept-bienvenue',
  'conference-travail-nomade',
  'atelier-facturation',
  'cinq-a-sept-mensuel',
  'dejeuner-reseautage',
  'atelier-photo-produit',
  'conference-traduction-ia',
  'cafe-bilan',
];
const PUBLIC_SLUGS = ['rosalie-tremblay', 'eloi-bouchard', 'maelle-gagnon', 'baptiste-ouellet', 'noemie-lavoie', 'felix-pelletier'];

const calendarQuery = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CalendarDay { date coworkingEvents { id } } } }`;
const days = (dates: string[]) => dates.map((date) => ({ __typename: 'CalendarDay', date }));
const ids = (events: { id: string }[] | null) => events?.map((e) => e.id) ?? null;

describe('batched lookups', () => {
  it('resolves many members, events, spaces and days with one statement per entity type that needs SQL', async () => {
    const representations = [
      ...PUBLIC_SLUGS.map((slug) => ({ __typename: 'Member', id: stableId('member', slug) })),
      ...EVENT_SLUGS.map((slug) => ({ __typename: 'CoworkingEvent', id: event(slug) })),
      { __typename: 'SharedSpace', id: kitchen },
      { __typename: 'SharedSpace', id: terrace },
      ...days([day(0), day(1), day(2)]),
    ];
    const { body, statements } = await graph.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Member { displayName } ... on CoworkingEvent { id } ... on SharedSpace { id } ... on CalendarDay { date } } }`,
      { r: representations },
      { identity: admin },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toEqual([
      { displayName: 'Rosalie Tremblay-Fictive' },
      { displayName: 'Éloi Bouchard-Inventé' },
      { displayName: 'Maëlle Gagnon-Chimère' },
      { displayName: 'Baptiste Ouellet-Songe' },
      { displayName: 'Noémie Lavoie-Fantaisie' },
      { displayName: 'Félix Pelletier-Mirage' },
      ...EVENT_SLUGS.map((slug) => ({ id: event(slug) })),
      { id: kitchen },
      { id: terrace },
      { date: day(0) },
      { date: day(1) },
      { date: day(2) },
    ]);
    // Member and CoworkingEvent: one statement each; SharedSpace and CalendarDay need none.
    expect(statements).toBe(2);
  });

  it('answers null for malformed references without reaching SQL', async () => {
    const { body, statements } = await graph.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id } ... on CoworkingEvent { id } ... on CalendarDay { date } } }`,
      {
        r: [
          { __typename: 'Member', id: 'not-a-uuid' },
          { __typename: 'CoworkingEvent', id: '42' },
          { __typename: 'CalendarDay', date: '2026-02-30' },
        ],
      },
    );
    expect(body).toEqual({ data: { _entities: [null, null, null] } });
    expect(statements).toBe(0);
  });

  it('puts each event on its local days of the calendar', async () => {
    const { body } = await graph.execute(calendarQuery, { r: days([day(5), day(6), day(7)]) });
    expect(body).toEqual({
      data: {
        _entities: [
          { date: day(5), coworkingEvents: [{ id: event('conference-travail-nomade') }] },
          { date: day(6), coworkingEvents: [] },
          { date: day(7), coworkingEvents: [{ id: event('atelier-facturation') }] },
        ],
      },
    });
  });

  it('costs the same single statement for 3 calendar days as for 60', async () => {
    const three = await graph.execute(calendarQuery, { r: days(datesBetween(day(0), day(2))) });
    const sixty = await graph.execute(calendarQuery, { r: days(datesBetween(day(-10), day(49))) });
    expect(three.body.errors).toBeUndefined();
    expect(sixty.body.errors).toBeUndefined();
    expect(sixty.body.data!._entities).toHaveLength(60);
    expect(sixty.body.data!._entities.flatMap((d: { coworkingEvents: { id: string }[] }) => ids(d.coworkingEvents))).toEqual(EVENT_SLUGS.map(event));
    expect(three.statements).toBe(1);
    expect(sixty.statements).toBe(1);
  });

  it('lists the events of two shared spaces with one statement', async () => {
    const query = `query($r: [_Any!]!, $from: DateTime) { _entities(representations: $r) {
      ... on SharedSpace { id coworkingEvents(from: $from) { id sharedSpace { id } } } } }`;
    const r = [
      { __typename: 'SharedSpace', id: kitchen },
      { __typename: 'SharedSpace', id: terrace },
    ];
    const all = await graph.execute(query, { r });
    expect(all.body.errors).toBeUndefined();
    expect(all.body.data!._entities).toEqual([
      {
        id: kitchen,
        coworkingEvents: ['cinq-a-sept-bienvenue', 'cinq-a-sept-mensuel', 'dejeuner-reseautage'].map((s) => ({ id: event(s), sharedSpace: { id: kitchen } })),
      },
      { id: terrace, coworkingEvents: [] },
    ]);
    expect(all.statements).toBe(1);

    const upcoming = await graph.execute(query, { r, from: toHouseIso(houseInstant(today, '00:00')) });
    expect(upcoming.body.data!._entities.map((s: { coworkingEvents: { id: string }[] }) => ids(s.coworkingEvents))).toEqual([
      [event('cinq-a-sept-mensuel'), event('dejeuner-reseautage')],
      [],
    ]);
    expect(upcoming.statements).toBe(1);
  });

  it('refuses a shared-space window that ends before it starts, on that field only', async () => {
    const { body } = await graph.execute(
      `{ _entities(representations: [{ __typename: "SharedSpace", id: "${kitchen}" }]) {
        ... on SharedSpace { id coworkingEvents(from: "2026-12-02T00:00:00Z", to: "2026-12-01T00:00:00Z") { id } } } }`,
    );
    expect(body.data).toEqual({ _entities: [{ id: kitchen, coworkingEvents: null }] });
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});
