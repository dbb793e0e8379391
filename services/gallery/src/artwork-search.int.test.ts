import { admin, anonymous, startTestSubgraph } from '@maison/testing';
import { galleryModule } from './module';
import { artistIdentity, createArtist, data, type GalleryGraph } from './test-support/fixtures';

/** artworks(search:): accents and case ignored, over title and medium in both languages and the artist's name. */
let graph: GalleryGraph;
let rose: string;
beforeAll(async () => {
  graph = await startTestSubgraph(galleryModule);
  rose = await createArtist(graph.ds, 'Rosalie Bérubé');
  const create = `mutation($input: CreateArtworkInput!) { createArtwork(input: $input) { artwork { id } userErrors { code } } }`;
  const works = [
    { slug: 'bol-a-the', title: { fr: 'Bol à thé', en: 'Tea bowl' }, medium: { fr: 'Céramique émaillée', en: 'Glazed ceramics' } },
    { slug: 'grande-jarre', title: { fr: 'Grande jarre', en: 'Large jar' }, medium: { fr: 'Grès', en: 'Stoneware' } },
    { slug: 'cent-pour-cent', title: { fr: '100 % lin', en: 'All linen' }, medium: { fr: 'Lin', en: 'Linen' } },
  ];
  for (const w of works) {
    const d = await data(graph, create, { input: { ...w, year: 2025, dimensions: '12 × 12 cm' } }, artistIdentity(rose));
    expect(d.createArtwork.userErrors).toEqual([]);
  }
});
afterAll(async () => {
  await graph?.close();
});

const SEARCH = `query($search: String, $artistId: ID) { artworks(search: $search, artistId: $artistId, first: 50) { totalCount nodes { slug } } }`;
const found = async (search: string, extra: Record<string, unknown> = {}, lang: 'fr' | 'en' = 'fr') =>
  (await data(graph, SEARCH, { search, ...extra }, anonymous, lang)).artworks.nodes.map((n: { slug: string }) => n.slug).sort();

describe('artworks(search:)', () => {
  it('ignores accents and case: "ceramique" finds "Céramique", "GRES" finds "Grès"', async () => {
    expect(await found('ceramique')).toEqual(['bol-a-the']);
    expect(await found('CÉRAMIQUE')).toEqual(['bol-a-the']);
    expect(await found('gres')).toEqual(expect.arrayContaining(['grande-jarre']));
  });

  it('searches the title and the medium in both languages, whatever the language of the answer', async () => {
    expect(await found('tea bowl')).toEqual(['bol-a-the']);
    expect(await found('bol a the', {}, 'en')).toEqual(['bol-a-the']);
    expect(await found('stoneware')).toEqual(expect.arrayContaining(['grande-jarre']));
  });

  it('searches the artist’s name, and combines with the other filters', async () => {
    expect(await found('rosalie berube')).toEqual(['bol-a-the', 'cent-pour-cent', 'grande-jarre']);
    expect(await found('saint-aubin')).toEqual(expect.arrayContaining(['la-fileuse', 'le-passeur']));
    expect(await found('saint-aubin', { artistId: rose })).toEqual([]);
    expect(await found('jarre', { artistId: rose })).toEqual(['grande-jarre']);
  });

  it('takes % and _ literally, and finds nothing when nothing matches', async () => {
    expect(await found('100 %')).toEqual(['cent-pour-cent']);
    expect(await found('1_0')).toEqual([]);
    expect(await found('zzzz introuvable')).toEqual([]);
  });

  it('leaves out retired works and those of non-public artists', async () => {
    const [jar] = await graph.ds.query(`SELECT id FROM artwork WHERE slug = 'grande-jarre'`);
    const retire = `mutation($id: ID!) { retireArtwork(id: $id) { userErrors { code } } }`;
    expect((await data(graph, retire, { id: jar.id }, admin)).retireArtwork.userErrors).toEqual([]);
    expect(await found('grande jarre')).toEqual([]);
    await graph.ds.query('UPDATE artist SET is_public = false WHERE id = $1', [rose]);
    expect(await found('rosalie berube')).toEqual([]);
    const asRose = await data(graph, SEARCH, { search: 'rosalie berube' }, artistIdentity(rose));
    expect(asRose.artworks.nodes.map((n: { slug: string }) => n.slug).sort()).toEqual(['bol-a-the', 'cent-pour-cent']);
    await graph.ds.query('UPDATE artist SET is_public = true WHERE id = $1', [rose]);
  });

  it('takes 2 to 100 characters: BAD_USER_INPUT otherwise, in French and English', async () => {
    for (const [search, lang] of [
      ['a', 'fr'],
      [' b ', 'en'],
      ['x'.repeat(101), 'fr'],
    ] as const) {
      const { body } = await graph.execute(SEARCH, { search }, { identity: anonymous, lang });
      expect(body.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
        [
          'BAD_USER_INPUT',
          lang === 'fr' ? 'Argument invalide. search : 2 à 100 caractères imprimables.' : 'Invalid argument. search: 2 to 100 printable characters.',
        ],
      ]);
    }
  });
});
