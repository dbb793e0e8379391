import { stableId } from '@maison/house';
import { admin, anonymous, asArtist, startTestSubgraph } from '@maison/testing';
import { galleryModule } from './module';
import { createArtist, createStudio, data, day, type GalleryGraph } from './test-support/fixtures';

/** Long-term assignments of artists to studios: a studio never runs more assignments on a day than its capacity. */
let graph: GalleryGraph;
beforeAll(async () => {
  graph = await startTestSubgraph(galleryModule, { env: { DB_POOL_SIZE: '30' } });
});
afterAll(async () => {
  await graph?.close();
});

const ASSIGN = `mutation($input: AssignStudioInput!) {
  assignStudio(input: $input) { assignment { id startsOn endsOn studio { slug } artist { slug } } userErrors { code message field } }
}`;
const END = `mutation($id: ID!, $endsOn: LocalDate) {
  endStudioAssignment(id: $id, endsOn: $endsOn) { assignment { id startsOn endsOn } userErrors { code message field } }
}`;
const assign = (studioId: string, artistId: string, startsIn: number, endsIn: number | null) =>
  data(graph, ASSIGN, { input: { studioId, artistId, startsOn: day(startsIn), endsOn: endsIn === null ? null : day(endsIn) } }, admin).then(
    (d) => d.assignStudio,
  );
const codesOf = async (...args: Parameters<typeof assign>) =>
  (await assign(...args)).userErrors.map((e: { code: string; field: string[] }) => ({ code: e.code, field: e.field }));

describe('assignStudio', () => {
  it('assigns an artist to a studio and lists the assignment on the studio', async () => {
    const clay = stableId('studio', 'atelier-de-la-terre');
    const payload = await assign(clay, stableId('artist', 'noemie-pelletier-vezina'), 0, 90);
    expect(payload).toEqual({
      assignment: {
        id: expect.any(String),
        startsOn: day(0),
        endsOn: day(90),
        studio: { slug: 'atelier-de-la-terre' },
        artist: { slug: 'noemie-pelletier-vezina' },
      },
      userErrors: [],
    });
    const studio = await data(graph, `{ studio(slug: "atelier-de-la-terre") { slug assignments { id startsOn endsOn artist { name } } } }`, {}, anonymous);
    expect(studio).toEqual({
      studio: {
        slug: 'atelier-de-la-terre',
        assignments: [{ id: payload.assignment.id, startsOn: day(0), endsOn: day(90), artist: { name: 'Noémie Pelletier-Vézina' } }],
      },
    });
  });

  it('counts the assignments running on each day against the capacity, on both sides of each boundary', async () => {
    const studio = await createStudio(graph.ds, 2);
    const [a, b, c, d, e] = await Promise.all([1, 2, 3, 4, 5].map((i) => createArtist(graph.ds, `Artiste ${i}`)));
    expect(await codesOf(studio, a!, 1, 10)).toEqual([]);
    expect(await codesOf(studio, b!, 5, 20)).toEqual([]);
    // Days 8–9 and day 10 already run two assignments; day 11 runs one.
    expect(await codesOf(studio, c!, 8, 9)).toEqual([{ code: 'OVER_CAPACITY', field: ['input', 'studioId'] }]);
    expect(await codesOf(studio, c!, 10, 12)).toEqual([{ code: 'OVER_CAPACITY', field: ['input', 'studioId'] }]);
    expect(await codesOf(studio, c!, 11, 30)).toEqual([]);
    // Open-ended assignments run on every day after their start.
    expect(await codesOf(studio, d!, 21, null)).toEqual([]);
    expect(await codesOf(studio, e!, 30, null)).toEqual([{ code: 'OVER_CAPACITY', field: ['input', 'studioId'] }]);
    expect(await codesOf(studio, e!, 31, null)).toEqual([]);
    expect((await assign(studio, e!, 15, 15)).userErrors).toEqual([
      { code: 'OVER_CAPACITY', message: 'Cet espace accueille au plus 2 personnes.', field: ['input', 'studioId'] },
    ]);
  });

  it('refuses a second assignment of an artist to a studio on overlapping days (ALREADY_ASSIGNED); the next day is fine', async () => {
    const studio = await createStudio(graph.ds, 5);
    const artist = await createArtist(graph.ds);
    expect(await codesOf(studio, artist, 1, 10)).toEqual([]);
    expect(await codesOf(studio, artist, 10, 12)).toEqual([{ code: 'ALREADY_ASSIGNED', field: ['input', 'artistId'] }]);
    expect(await codesOf(studio, artist, 11, 12)).toEqual([]);
    expect(await codesOf(await createStudio(graph.ds, 5), artist, 1, 10)).toEqual([]);
  });

  it('refuses an assignment that ends before it starts (INVALID_RANGE) and accepts a single day', async () => {
    const studio = await createStudio(graph.ds, 2);
    const artist = await createArtist(graph.ds);
    expect(await codesOf(studio, artist, 5, 4)).toEqual([{ code: 'INVALID_RANGE', field: ['input', 'endsOn'] }]);
    expect(await codesOf(studio, artist, 5, 5)).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown or malformed studio, UNKNOWN_HOLDER for such an artist', async () => {
    const studio = await createStudio(graph.ds, 2);
    const artist = await createArtist(graph.ds);
    expect(await codesOf(stableId('studio', 'grenier'), artist, 1, 2)).toEqual([{ code: 'NOT_FOUND', field: ['input', 'studioId'] }]);
    expect(await codesOf(studio, stableId('artist', 'personne'), 1, 2)).toEqual([{ code: 'UNKNOWN_HOLDER', field: ['input', 'artistId'] }]);
    expect(await codesOf('atelier', 'artiste', 1, 2)).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'studioId'] },
      { code: 'UNKNOWN_HOLDER', field: ['input', 'artistId'] },
    ]);
  });

  it('never exceeds the capacity under 12 concurrent assignments: exactly 3 of them in a studio for 3', async () => {
    const studio = await createStudio(graph.ds, 3);
    const artists = await Promise.all(Array.from({ length: 12 }, (_, i) => createArtist(graph.ds, `Concurrent ${i}`)));
    const results = await Promise.all(artists.map((artist) => assign(studio, artist, 1, 60)));
    expect(results.filter((r) => r.assignment).length).toBe(3);
    expect(results.filter((r) => r.userErrors.map((e: { code: string }) => e.code).join() === 'OVER_CAPACITY').length).toBe(9);
    expect((await graph.ds.query('SELECT count(*)::int AS n FROM studio_assignment WHERE studio_id = $1', [studio]))[0].n).toBe(3);
  });

  it('is for ADMIN only: UNAUTHENTICATED when anonymous, FORBIDDEN for an artist', async () => {
    const variables = { input: { studioId: stableId('studio', 'atelier-du-bois'), artistId: stableId('artist', 'fernand-saint-aubin'), startsOn: day(1) } };
    expect((await graph.execute(ASSIGN, variables, { identity: anonymous })).body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect((await graph.execute(ASSIGN, variables, { identity: asArtist('fernand-saint-aubin') })).body.errors?.map((e) => e.extensions?.code)).toEqual([
      'FORBIDDEN',
    ]);
    const end = await graph.execute(END, { id: stableId('assignment', 'x') }, { identity: asArtist('fernand-saint-aubin') });
    expect(end.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

describe('endStudioAssignment', () => {
  const end = (id: string, endsOn?: string) => data(graph, END, { id, endsOn }, admin).then((d) => d.endStudioAssignment);

  it('ends an assignment between its first and its current last day, freeing its place after', async () => {
    const studio = await createStudio(graph.ds, 1);
    const [a, b] = await Promise.all([createArtist(graph.ds), createArtist(graph.ds)]);
    const { assignment } = await assign(studio, a, 1, 30);
    expect(await codesOf(studio, b, 20, 40)).toEqual([{ code: 'OVER_CAPACITY', field: ['input', 'studioId'] }]);
    expect((await end(assignment.id, day(0))).userErrors).toEqual([
      { code: 'INVALID_RANGE', message: 'La fin doit être postérieure au début.', field: ['endsOn'] },
    ]);
    expect((await end(assignment.id, day(31))).userErrors).toEqual([
      { code: 'INVALID_RANGE', message: 'La fin doit être postérieure au début.', field: ['endsOn'] },
    ]);
    expect(await end(assignment.id, day(19))).toEqual({ assignment: { id: assignment.id, startsOn: day(1), endsOn: day(19) }, userErrors: [] });
    expect(await codesOf(studio, b, 20, 40)).toEqual([]);
    expect((await end(assignment.id, day(1))).assignment).toEqual({ id: assignment.id, startsOn: day(1), endsOn: day(1) });
  });

  it('ends an open-ended assignment today by default; past assignments are listed only when asked', async () => {
    const studio = await createStudio(graph.ds, 2);
    const artist = await createArtist(graph.ds);
    const { assignment } = await assign(studio, artist, -10, null);
    expect(await end(assignment.id)).toEqual({ assignment: { id: assignment.id, startsOn: day(-10), endsOn: day(0) }, userErrors: [] });
    await graph.ds.query('UPDATE studio_assignment SET ends_on = $2 WHERE id = $1', [assignment.id, day(-1)]);
    const listed = await data(graph, `query($id: ID!) { studio(id: $id) { current: assignments { id } all: assignments(includePast: true) { id } } }`, {
      id: studio,
    });
    expect(listed).toEqual({ studio: { current: [], all: [{ id: assignment.id }] } });
  });

  it('answers NOT_FOUND for an unknown or malformed assignment', async () => {
    for (const id of [stableId('assignment', 'aucune'), 'pas-un-id']) {
      expect(await end(id)).toEqual({ assignment: null, userErrors: [{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['id'] }] });
    }
  });
});
