import { randomUUID } from 'node:crypto';
import type { Identity } from '@maison/auth';
import { stableId } from '@maison/house';
import { admin, anonymous, asArtist, asMember, asTenant, startTestSubgraph } from '@maison/testing';
import { galleryModule } from './module';
import { data, day, type GalleryGraph } from './test-support/fixtures';

/**
 * An exhibition's works and artists one by one (ADMIN), and the rule that a work is in two
 * exhibitions only when their days (both ends included) do not overlap, under concurrency too.
 */
let graph: GalleryGraph;
beforeAll(async () => {
  graph = await startTestSubgraph(galleryModule, { env: { DB_POOL_SIZE: '30' } });
});
afterAll(async () => {
  await graph?.close();
});

const FERNAND = stableId('artist', 'fernand-saint-aubin');
const LEA = stableId('artist', 'lea-thibodeau-marquis');
const PAYLOAD = `exhibition { id artists { id } artworks { id } } userErrors { code message field }`;
const MUTATION = (name: string, list: 'artworkIds' | 'artistIds') =>
  `mutation($e: ID!, $ids: [ID!]!) { ${name}(exhibitionId: $e, ${list}: $ids) { ${PAYLOAD} } }`;
const ADD_WORKS = MUTATION('addArtworksToExhibition', 'artworkIds');
const REMOVE_WORKS = MUTATION('removeArtworksFromExhibition', 'artworkIds');
const ADD_ARTISTS = MUTATION('addArtistsToExhibition', 'artistIds');
const REMOVE_ARTISTS = MUTATION('removeArtistsFromExhibition', 'artistIds');
const UPDATE = `mutation($id: ID!, $input: UpdateExhibitionInput!) { updateExhibition(id: $id, input: $input) { exhibition { id } userErrors { code message field } } }`;
const CREATE = `mutation($input: CreateExhibitionInput!) { createExhibition(input: $input) { exhibition { id } userErrors { code message field } } }`;

const run = (query: string, e: string, ids: string[], who: Identity = admin, lang: 'fr' | 'en' = 'fr') =>
  data(graph, query, { e, ids }, who, lang).then((d) => Object.values(d)[0] as { exhibition: any; userErrors: any[] });
const links = async (e: string) =>
  ((await graph.ds.query('SELECT artwork_id AS id FROM exhibition_artwork WHERE exhibition_id = $1 ORDER BY position', [e])) as { id: string }[]).map(
    (r) => r.id,
  );
const artistLinks = async (e: string) =>
  ((await graph.ds.query('SELECT artist_id AS id FROM exhibition_artist WHERE exhibition_id = $1 ORDER BY position', [e])) as { id: string }[]).map(
    (r) => r.id,
  );

async function work(artistId = FERNAND): Promise<string> {
  const id = randomUUID();
  await graph.ds.query(
    `INSERT INTO artwork (id, slug, artist_id, title, year, medium, dimensions) VALUES ($1, $2, $3, '{"fr": "Essai"}', 2024, '{"fr": "Tilleul"}', '10 × 10 cm')`,
    [id, `essai-${id.slice(0, 8)}`, artistId],
  );
  return id;
}
/** An exhibition from day `from` to day `to` (from today), with nothing in it. */
async function exhibition(from: number, to: number, title = `Exposition ${randomUUID().slice(0, 6)}`): Promise<string> {
  const id = randomUUID();
  await graph.ds.query(`INSERT INTO exhibition (id, slug, title, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5)`, [
    id,
    `expo-${id.slice(0, 8)}`,
    { fr: title, en: `${title} (en)` },
    day(from),
    day(to),
  ]);
  return id;
}
const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('addArtworksToExhibition and removeArtworksFromExhibition', () => {
  it('appends works in order; adding one already there changes nothing; removing takes them out', async () => {
    const e = await exhibition(300, 310);
    const [a, b, c] = [await work(), await work(), await work()];
    expect(ids((await run(ADD_WORKS, e, [a, b])).exhibition.artworks)).toEqual([a, b]);
    const again = await run(ADD_WORKS, e, [c, a.toUpperCase(), c]);
    expect(again.userErrors).toEqual([]);
    expect(ids(again.exhibition.artworks)).toEqual([a, b, c]);
    const removed = await run(REMOVE_WORKS, e, [b, randomUUID()]);
    expect(removed.userErrors).toEqual([{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['artworkIds', '1'] }]);
    expect(await links(e)).toEqual([a, b, c]);
    expect(ids((await run(REMOVE_WORKS, e, [b, b])).exhibition.artworks)).toEqual([a, c]);
    // Removing a work the exhibition does not show is a no-op.
    expect((await run(REMOVE_WORKS, e, [b])).userErrors).toEqual([]);
    expect(await links(e)).toEqual([a, c]);
  });

  it('refuses unknown and malformed ids (NOT_FOUND at their position) and an unknown exhibition, saving nothing', async () => {
    const e = await exhibition(320, 330);
    const a = await work();
    expect((await run(ADD_WORKS, e, [a, randomUUID()], admin, 'en')).userErrors).toEqual([
      { code: 'NOT_FOUND', message: 'Not found.', field: ['artworkIds', '1'] },
    ]);
    expect((await run(ADD_WORKS, e, ['x', a])).userErrors).toEqual([{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['artworkIds', '0'] }]);
    expect((await run(ADD_WORKS, randomUUID(), [a])).userErrors).toEqual([{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['exhibitionId'] }]);
    expect((await run(ADD_WORKS, 'nope', [a])).userErrors).toEqual([{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['exhibitionId'] }]);
    expect(await links(e)).toEqual([]);
  });

  it('never adds a retired work (ALREADY_RETIRED at its position, fr and en), saving nothing', async () => {
    const e = await exhibition(360, 370);
    const [kept, retired] = [await work(), await work()];
    await graph.ds.query('UPDATE artwork SET retired_at = now() WHERE id = $1', [retired]);
    expect((await run(ADD_WORKS, e, [kept, retired])).userErrors).toEqual([
      { code: 'ALREADY_RETIRED', message: 'Cette œuvre est retirée du catalogue.', field: ['artworkIds', '1'] },
    ]);
    expect((await run(ADD_WORKS, e, [retired], admin, 'en')).userErrors).toEqual([
      { code: 'ALREADY_RETIRED', message: 'This work is retired from the catalogue.', field: ['artworkIds', '0'] },
    ]);
    expect(await links(e)).toEqual([]);
  });

  it('takes at most 100 works at once, and an exhibition shows at most 100', async () => {
    const e = await exhibition(340, 350);
    const many = await Promise.all(Array.from({ length: 100 }, () => work()));
    expect((await run(ADD_WORKS, e, [...many, await work()])).userErrors).toEqual([
      { code: 'INVALID_INPUT', message: 'La valeur de « artworkIds » est invalide : 100 au plus.', field: ['artworkIds'] },
    ]);
    expect((await run(ADD_WORKS, e, many)).userErrors).toEqual([]);
    expect((await run(ADD_WORKS, e, [await work()])).userErrors).toEqual([
      { code: 'INVALID_INPUT', message: 'La valeur de « artworkIds » est invalide : 100 au plus.', field: ['artworkIds'] },
    ]);
    expect(await links(e)).toHaveLength(100);
  });
});

describe('a work in two exhibitions', () => {
  it('only when their days do not overlap, both ends included; the refusal names the other exhibition (fr, en)', async () => {
    const first = await exhibition(400, 410, 'Marées de septembre');
    const a = await work();
    await run(ADD_WORKS, first, [a]);
    const sameLastDay = await exhibition(410, 420);
    expect((await run(ADD_WORKS, sameLastDay, [a])).userErrors).toEqual([
      {
        code: 'ARTWORK_IN_OTHER_EXHIBITION',
        message: 'Cette œuvre est déjà dans l’exposition « Marées de septembre », dont les dates chevauchent celles-ci.',
        field: ['artworkIds', '0'],
      },
    ]);
    expect((await run(ADD_WORKS, sameLastDay, [a], admin, 'en')).userErrors[0].message).toBe(
      'This work is already in the exhibition "Marées de septembre (en)", whose dates overlap these ones.',
    );
    expect(await links(sameLastDay)).toEqual([]);
    const nextDay = await exhibition(411, 420);
    expect((await run(ADD_WORKS, nextDay, [a])).userErrors).toEqual([]);
  });

  it('updateExhibition obeys it: a new list of works, or new dates that make two exhibitions of one work overlap', async () => {
    const first = await exhibition(500, 510, 'Premier accrochage');
    const later = await exhibition(520, 530, 'Second accrochage');
    const a = await work();
    await run(ADD_WORKS, first, [a]);
    await run(ADD_WORKS, later, [a]);
    const other = await exhibition(505, 515);
    const replaced = await data(graph, UPDATE, { id: other, input: { artworkIds: [await work(), a] } }, admin).then((d) => d.updateExhibition);
    expect(replaced.userErrors).toEqual([
      { code: 'ARTWORK_IN_OTHER_EXHIBITION', message: expect.stringContaining('« Premier accrochage »'), field: ['input', 'artworkIds', '1'] },
    ]);
    expect(await links(other)).toEqual([]);
    const moved = await data(graph, UPDATE, { id: later, input: { startsOn: day(508) } }, admin).then((d) => d.updateExhibition);
    expect(moved.userErrors).toEqual([
      { code: 'ARTWORK_IN_OTHER_EXHIBITION', message: expect.stringContaining('« Premier accrochage »'), field: ['input', 'startsOn'] },
    ]);
    expect((await graph.ds.query('SELECT starts_on::text AS s FROM exhibition WHERE id = $1', [later]))[0].s).toBe(day(520));
    expect((await data(graph, UPDATE, { id: later, input: { startsOn: day(511) } }, admin)).updateExhibition.userErrors).toEqual([]);
    const created = await data(graph, CREATE, { input: { title: { fr: 'Doublon' }, startsOn: day(509), endsOn: day(512), artworkIds: [a] } }, admin);
    expect(created.createExhibition).toEqual({
      exhibition: null,
      userErrors: [expect.objectContaining({ code: 'ARTWORK_IN_OTHER_EXHIBITION', field: ['input', 'artworkIds', '0'] })],
    });
  });

  it('updateExhibition may move the days and drop, in the same change, the work that would overlap', async () => {
    const held = await exhibition(540, 550, 'Tenue');
    const moving = await exhibition(560, 570);
    const [a, b] = [await work(), await work()];
    await run(ADD_WORKS, held, [a]);
    await run(ADD_WORKS, moving, [a, b]);
    const changed = await data(graph, UPDATE, { id: moving, input: { startsOn: day(545), artworkIds: [b] } }, admin).then((d) => d.updateExhibition);
    expect(changed.userErrors).toEqual([]);
    expect(await links(moving)).toEqual([b]);
    expect((await graph.ds.query('SELECT days::text AS d FROM exhibition_artwork WHERE exhibition_id = $1', [moving]))[0].d).toBe(`[${day(545)},${day(571)})`);
  });

  it('is kept by the database itself: a direct link or a direct date change that overlaps fails', async () => {
    const first = await exhibition(600, 610);
    const second = await exhibition(620, 630);
    const a = await work();
    await run(ADD_WORKS, first, [a]);
    await run(ADD_WORKS, second, [a]);
    const third = await exhibition(605, 606);
    await expect(graph.ds.query('INSERT INTO exhibition_artwork (exhibition_id, artwork_id) VALUES ($1, $2)', [third, a])).rejects.toThrow(
      /exhibition_artwork_no_overlap/,
    );
    await expect(graph.ds.query('UPDATE exhibition SET ends_on = $2 WHERE id = $1', [first, day(620)])).rejects.toThrow(/exhibition_artwork_no_overlap/);
    // A link's days follow its exhibition's, whatever a writer puts there.
    await graph.ds.query(`UPDATE exhibition_artwork SET days = '[2000-01-01,2000-01-02)' WHERE exhibition_id = $1`, [first]);
    expect((await graph.ds.query('SELECT days::text AS d FROM exhibition_artwork WHERE exhibition_id = $1', [first]))[0].d).toBe(`[${day(600)},${day(611)})`);
  });

  it('two adds of one work to overlapping exhibitions at the same moment: exactly one wins', async () => {
    for (let round = 0; round < 5; round++) {
      const [x, y] = [await exhibition(700 + round * 20, 710 + round * 20, 'Gauche'), await exhibition(705 + round * 20, 715 + round * 20, 'Droite')];
      const a = await work();
      const outcomes = await Promise.all([run(ADD_WORKS, x, [a]), run(ADD_WORKS, y, [a])]);
      const won = outcomes.filter((o) => o.userErrors.length === 0);
      expect(won).toHaveLength(1);
      const lost = outcomes.find((o) => o.userErrors.length > 0)!;
      expect(lost.userErrors).toEqual([
        { code: 'ARTWORK_IN_OTHER_EXHIBITION', message: expect.stringMatching(/« (Gauche|Droite) »/), field: ['artworkIds', '0'] },
      ]);
      expect((await graph.ds.query('SELECT count(*)::int AS n FROM exhibition_artwork WHERE artwork_id = $1', [a]))[0].n).toBe(1);
    }
  });
});

describe('addArtistsToExhibition and removeArtistsFromExhibition', () => {
  it('adds an artist once; refuses to remove an artist whose works remain (ARTIST_WORKS_SHOWN), then removes them', async () => {
    const e = await exhibition(800, 810);
    const a = await work(FERNAND);
    expect(ids((await run(ADD_ARTISTS, e, [FERNAND, LEA, FERNAND])).exhibition.artists)).toEqual([FERNAND, LEA]);
    expect((await run(ADD_ARTISTS, e, [LEA])).userErrors).toEqual([]);
    expect(await artistLinks(e)).toEqual([FERNAND, LEA]);
    await run(ADD_WORKS, e, [a]);
    expect((await run(REMOVE_ARTISTS, e, [LEA, FERNAND])).userErrors).toEqual([
      { code: 'ARTIST_WORKS_SHOWN', message: 'Des œuvres de cet artiste sont encore dans l’exposition : retirez-les d’abord.', field: ['artistIds', '1'] },
    ]);
    expect((await run(REMOVE_ARTISTS, e, [FERNAND], admin, 'en')).userErrors[0].message).toBe(
      'Works by this artist are still in the exhibition: remove them first.',
    );
    expect(await artistLinks(e)).toEqual([FERNAND, LEA]);
    await run(REMOVE_WORKS, e, [a]);
    expect(ids((await run(REMOVE_ARTISTS, e, [FERNAND])).exhibition.artists)).toEqual([LEA]);
    expect((await run(ADD_ARTISTS, e, [randomUUID()])).userErrors).toEqual([{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['artistIds', '0'] }]);
  });
});

describe('who may change an exhibition’s contents', () => {
  it('ADMIN only: UNAUTHENTICATED when anonymous, FORBIDDEN for an artist, a member, a tenant; nothing changes', async () => {
    const e = await exhibition(900, 910);
    const a = await work();
    await run(ADD_WORKS, e, [a]);
    await run(ADD_ARTISTS, e, [FERNAND]);
    const cases: [string, string[]][] = [
      [ADD_WORKS, [await work()]],
      [REMOVE_WORKS, [a]],
      [ADD_ARTISTS, [LEA]],
      [REMOVE_ARTISTS, [FERNAND]],
    ];
    for (const [query, list] of cases) {
      const anon = await graph.execute(query, { e, ids: list }, { identity: anonymous });
      expect(anon.body.errors?.map((x) => x.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      for (const who of [asArtist('fernand-saint-aubin'), asMember('marie'), asTenant('graphisme')]) {
        const { body } = await graph.execute(query, { e, ids: list }, { identity: who });
        expect(body.errors?.map((x) => x.extensions?.code)).toEqual(['FORBIDDEN']);
      }
    }
    expect(await links(e)).toEqual([a]);
    expect(await artistLinks(e)).toEqual([FERNAND]);
  });
});
