import { randomUUID } from 'node:crypto';
import { stableId } from '@maison/house';
import type { Identity } from '@maison/auth';
import { admin, anonymous, asArtist, asMember, asTenant, KITCHEN, startTestSubgraph, withRoles } from '@maison/testing';
import { galleryModule } from './module';
import { artistIdentity, data, type GalleryGraph } from './test-support/fixtures';

/** createArtist and updateArtist, and what a non-public artist hides (artists, artist, their works). */
let graph: GalleryGraph;
beforeAll(async () => {
  graph = await startTestSubgraph(galleryModule);
});
afterAll(async () => {
  await graph?.close();
});

const ARTIST = 'artist { id slug name website bio disciplines isPublic }';
const CREATE = `mutation($input: CreateArtistInput!) { createArtist(input: $input) { ${ARTIST} userErrors { code message field } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateArtistInput!) { updateArtist(id: $id, input: $input) { ${ARTIST} userErrors { code message field } } }`;
const create = (input: Record<string, unknown>, lang: 'fr' | 'en' = 'fr') => data(graph, CREATE, { input }, admin, lang).then((d) => d.createArtist);
const stored = async (id: string) => (await graph.ds.query('SELECT slug, name, website, is_public AS "isPublic" FROM artist WHERE id = $1', [id]))[0];
const artistCount = async () => (await graph.ds.query('SELECT count(*)::int AS n FROM artist'))[0].n as number;
const codes = (body: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => body.errors?.map((e) => e.extensions?.code);

describe('createArtist', () => {
  it('adds an artist, public by default, with a slug derived from the name when left out', async () => {
    const made = await create({
      name: '  Éloïse Côté-Bérubé ',
      disciplines: [{ fr: 'Céramique', en: 'Ceramics' }],
      bio: { fr: 'Vit à Kamouraska.\nTravaille le grès.' },
      website: 'http://eloise.example',
    });
    expect(made.userErrors).toEqual([]);
    expect(made.artist).toEqual({
      id: expect.any(String),
      slug: 'eloise-cote-berube',
      name: 'Éloïse Côté-Bérubé',
      website: 'http://eloise.example',
      bio: 'Vit à Kamouraska.\nTravaille le grès.',
      disciplines: ['Céramique'],
      isPublic: true,
    });
    expect(await stored(made.artist.id)).toEqual({ slug: 'eloise-cote-berube', name: 'Éloïse Côté-Bérubé', website: 'http://eloise.example', isPublic: true });
    // The same name again: the next free slug.
    expect((await create({ name: 'Éloïse Côté Bérubé' })).artist.slug).toBe('eloise-cote-berube-2');
  });

  it('gives concurrent artists of one name distinct slugs, and one asked-for slug to one of them only', async () => {
    const derived = await Promise.all(Array.from({ length: 12 }, () => create({ name: 'Gabriel Roy' })));
    expect(derived.map((d) => d.userErrors)).toEqual(Array.from({ length: 12 }, () => []));
    expect(new Set(derived.map((d) => d.artist.slug))).toEqual(new Set(['gabriel-roy', ...Array.from({ length: 11 }, (_, i) => `gabriel-roy-${i + 2}`)]));
    const asked = await Promise.all(Array.from({ length: 8 }, () => create({ slug: 'le-meme-nom', name: 'Même nom' })));
    expect(asked.filter((a) => a.artist !== null)).toHaveLength(1);
    expect(asked.filter((a) => a.userErrors[0]?.code === 'SLUG_TAKEN')).toHaveLength(7);
  });

  it('answers SLUG_TAKEN for a slug another artist has, in French and in English, and saves nothing', async () => {
    const before = await artistCount();
    expect(await create({ slug: 'fernand-saint-aubin', name: 'Un autre Fernand' })).toEqual({
      artist: null,
      userErrors: [{ code: 'SLUG_TAKEN', message: 'Ce nom court est déjà pris.', field: ['input', 'slug'] }],
    });
    expect((await create({ slug: 'fernand-saint-aubin', name: 'Un autre Fernand' }, 'en')).userErrors).toEqual([
      { code: 'SLUG_TAKEN', message: 'This short name is already taken.', field: ['input', 'slug'] },
    ]);
    expect(await artistCount()).toBe(before);
  });

  it('reports every bad value on its field, and saves nothing', async () => {
    const before = await artistCount();
    const answer = await create({
      slug: 'Pas-Un-Slug',
      name: 'a\u0007b',
      disciplines: [{ fr: '' }, ...Array.from({ length: 10 }, () => ({ fr: 'Peinture' }))],
      bio: { fr: 'x'.repeat(5001) },
      website: 'ftp://files.example',
    });
    expect(answer.artist).toBeNull();
    expect(answer.userErrors.map((e: { field: string[] }) => e.field.join('.'))).toEqual([
      'input.slug',
      'input.name',
      'input.disciplines',
      'input.disciplines.0.fr',
      'input.bio.fr',
      'input.website',
    ]);
    expect(answer.userErrors[5].message).toBe('La valeur de « website » est invalide : URL http:// ou https://, 2000 caractères au plus.');
    const en = await create({ name: ' ', website: 'javascript:alert(1)' }, 'en');
    expect(en.userErrors).toEqual([
      { code: 'INVALID_INPUT', message: 'The value of "name" is invalid: 1 to 120 characters.', field: ['input', 'name'] },
      {
        code: 'INVALID_INPUT',
        message: 'The value of "website" is invalid: an http:// or https:// URL, at most 2000 characters.',
        field: ['input', 'website'],
      },
    ]);
    expect((await create({ name: 'n'.repeat(121) })).userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_INPUT']);
    expect((await create({ name: 'n'.repeat(120) })).userErrors).toEqual([]);
    expect(await artistCount()).toBe(before + 1);
  });

  it('is for ADMIN only: UNAUTHENTICATED when anonymous, FORBIDDEN for an artist, a member or a tenant', async () => {
    const before = await artistCount();
    expect(codes((await graph.execute(CREATE, { input: { name: 'Personne' } }, { identity: anonymous })).body)).toEqual(['UNAUTHENTICATED']);
    for (const identity of [asArtist('fernand-saint-aubin'), asMember('camille'), asTenant('graphisme')]) {
      const { body } = await graph.execute(CREATE, { input: { name: 'Personne' } }, { identity });
      expect({ identity: identity.sub, codes: codes(body) }).toEqual({ identity: identity.sub, codes: ['FORBIDDEN'] });
    }
    expect(await artistCount()).toBe(before);
  });
});

describe('updateArtist', () => {
  it('lets ADMIN and the artist themself change the record; a field left out is unchanged, null clears bio and website', async () => {
    const { artist } = await create({ name: 'Jeanne Lavoie', website: 'https://jeanne.example', bio: { fr: 'Peintre.' } });
    const byAdmin = await data(graph, UPDATE, { id: artist.id, input: { name: 'Jeanne Lavoie-Roy', website: null } }, admin);
    expect(byAdmin.updateArtist.artist).toMatchObject({ name: 'Jeanne Lavoie-Roy', website: null, bio: 'Peintre.', slug: 'jeanne-lavoie' });
    const self = await data(
      graph,
      UPDATE,
      { id: artist.id.toUpperCase(), input: { bio: null, disciplines: [{ fr: 'Gravure', en: 'Printmaking' }] } },
      artistIdentity(artist.id),
      'en',
    );
    expect(self.updateArtist).toEqual({ artist: { ...byAdmin.updateArtist.artist, bio: null, disciplines: ['Printmaking'] }, userErrors: [] });
  });

  it('answers NOT_FOUND for an unknown or malformed id, and INVALID_INPUT for a bad value, changing nothing', async () => {
    for (const id of [stableId('artist', 'personne'), 'pas-un-id']) {
      expect((await data(graph, UPDATE, { id, input: { name: 'X' } }, admin)).updateArtist.userErrors).toEqual([
        { code: 'NOT_FOUND', message: 'Introuvable.', field: ['id'] },
      ]);
    }
    const { artist } = await create({ name: 'Marc Gagnon' });
    const answer = (await data(graph, UPDATE, { id: artist.id, input: { name: '', website: 'https://' } }, admin)).updateArtist;
    expect(answer.userErrors.map((e: { field: string[] }) => e.field)).toEqual([
      ['input', 'name'],
      ['input', 'website'],
    ]);
    expect(await stored(artist.id)).toMatchObject({ name: 'Marc Gagnon', website: null });
  });

  it('is FORBIDDEN to another artist, a member and a tenant, UNAUTHENTICATED anonymously; UNKNOWN_HOLDER for a token naming nobody', async () => {
    const { artist } = await create({ name: 'Lucie Pelletier' });
    const change = { id: artist.id, input: { name: 'Volé' } };
    expect(codes((await graph.execute(UPDATE, change, { identity: anonymous })).body)).toEqual(['UNAUTHENTICATED']);
    for (const identity of [
      asArtist('fernand-saint-aubin'),
      asMember('camille'),
      asTenant('graphisme'),
      withRoles('member:x', ['MEMBER'], { artistId: artist.id }),
    ]) {
      expect({ who: identity.sub, codes: codes((await graph.execute(UPDATE, change, { identity })).body) }).toEqual({
        who: identity.sub,
        codes: ['FORBIDDEN'],
      });
    }
    expect(
      (await data(graph, UPDATE, change, artistIdentity(stableId('artist', 'fantome')))).updateArtist.userErrors.map((e: { code: string }) => e.code),
    ).toEqual(['UNKNOWN_HOLDER']);
    const ghost = stableId('artist', 'fantome');
    expect((await data(graph, UPDATE, { id: ghost, input: { name: 'Fantôme' } }, artistIdentity(ghost))).updateArtist.userErrors).toEqual([
      { code: 'UNKNOWN_HOLDER', message: 'Le locataire, le membre ou l’artiste nommé par votre jeton n’existe pas ou est archivé.', field: null },
    ]);
    expect(await stored(artist.id)).toMatchObject({ name: 'Lucie Pelletier' });
  });

  it('applies concurrent changes one after the other (the row is locked)', async () => {
    const { artist } = await create({ name: 'Paul Dionne', website: 'https://paul.example' });
    const results = await Promise.all([
      data(graph, UPDATE, { id: artist.id, input: { name: 'Paul Dionne-Ouellet' } }, admin),
      data(graph, UPDATE, { id: artist.id, input: { website: null } }, artistIdentity(artist.id)),
    ]);
    expect(results.map((r) => r.updateArtist.userErrors)).toEqual([[], []]);
    expect(await stored(artist.id)).toMatchObject({ name: 'Paul Dionne-Ouellet', website: null });
  });
});

const FERNAND_ID = stableId('artist', 'fernand-saint-aubin');

describe('a non-public artist', () => {
  const READ = `query($id: ID, $slug: String) { artist(id: $id, slug: $slug) { slug isPublic artworks { slug } } }`;
  const LIST = `{ artists(first: 100) { nodes { slug } } }`;

  it('is hidden, with their works (on the walls too), from anonymous callers and other artists; seen by ADMIN and themself', async () => {
    const { artist } = await create({ slug: 'artiste-discrete', name: 'Artiste discrète', isPublic: false });
    const work = await data(
      graph,
      `mutation($input: CreateArtworkInput!) { createArtwork(input: $input) { artwork { id slug } userErrors { code } } }`,
      { input: { title: { fr: 'Étude secrète' }, year: 2024, medium: { fr: 'Fusain' }, dimensions: '20 × 30 cm' } },
      artistIdentity(artist.id),
    );
    expect(work.createArtwork.userErrors).toEqual([]);
    const workId = work.createArtwork.artwork.id;
    await graph.ds.query('UPDATE artwork SET displayed_in_space_id = $2 WHERE id = $1', [workId, KITCHEN]);
    const ARTWORK = `query($id: ID!) { artwork(id: $id) { slug } }`;
    const WORKS = `{ artworks(first: 100) { nodes { slug } } }`;
    const WALL = `query($r: [_Any!]!) { _entities(representations: $r) { ... on SharedSpace { artworksOnDisplay { slug } } ... on Artist { slug } } }`;
    const wall = async (identity: Identity) => {
      const d = await data(
        graph,
        WALL,
        {
          r: [
            { __typename: 'SharedSpace', id: KITCHEN },
            { __typename: 'Artist', id: artist.id },
          ],
        },
        identity,
      );
      return [d._entities[0].artworksOnDisplay.some((w: { slug: string }) => w.slug === 'etude-secrete'), d._entities[1]?.slug ?? null];
    };
    expect(await wall(anonymous)).toEqual([false, null]);
    expect(await wall(asArtist('fernand-saint-aubin'))).toEqual([false, null]);
    expect(await wall(admin)).toEqual([true, 'artiste-discrete']);
    expect(await wall(artistIdentity(artist.id))).toEqual([true, 'artiste-discrete']);
    for (const identity of [anonymous, asArtist('fernand-saint-aubin'), asMember('camille')]) {
      const seen = async (q: string, v: Record<string, unknown> = {}) => data(graph, q, v, identity);
      expect(await seen(READ, { id: artist.id })).toEqual({ artist: null });
      expect(await seen(READ, { slug: 'artiste-discrete' })).toEqual({ artist: null });
      expect((await seen(LIST)).artists.nodes.map((n: { slug: string }) => n.slug)).not.toContain('artiste-discrete');
      expect(await seen(ARTWORK, { id: workId })).toEqual({ artwork: null });
      expect((await seen(WORKS)).artworks.nodes.map((n: { slug: string }) => n.slug)).not.toContain('etude-secrete');
    }
    for (const identity of [admin, artistIdentity(artist.id)]) {
      expect(await data(graph, READ, { slug: 'artiste-discrete' }, identity)).toEqual({
        artist: { slug: 'artiste-discrete', isPublic: false, artworks: [{ slug: 'etude-secrete' }] },
      });
      expect((await data(graph, LIST, {}, identity)).artists.nodes.map((n: { slug: string }) => n.slug)).toContain('artiste-discrete');
      expect(await data(graph, ARTWORK, { id: workId }, identity)).toEqual({ artwork: { slug: 'etude-secrete' } });
      expect((await data(graph, WORKS, {}, identity)).artworks.nodes.map((n: { slug: string }) => n.slug)).toContain('etude-secrete');
    }
    // In an exhibition's credits too: left out for others, listed for ADMIN and themself.
    const show = randomUUID();
    await graph.ds.query(
      `INSERT INTO exhibition (id, slug, title, starts_on, ends_on) VALUES ($1, 'expo-discrete', '{"fr": "Expo"}', '2031-01-01', '2031-01-31')`,
      [show],
    );
    await graph.ds.query('INSERT INTO exhibition_artist (exhibition_id, artist_id, position) VALUES ($1, $2, 0), ($1, $3, 1)', [show, artist.id, FERNAND_ID]);
    const CREDITS = `query($id: ID!) { exhibition(id: $id) { artists { slug } } }`;
    const credits = async (identity: Identity) => (await data(graph, CREDITS, { id: show }, identity)).exhibition.artists.map((a: { slug: string }) => a.slug);
    expect(await credits(anonymous)).toEqual(['fernand-saint-aubin']);
    expect(await credits(asArtist('fernand-saint-aubin'))).toEqual(['fernand-saint-aubin']);
    expect(await credits(admin)).toEqual(['artiste-discrete', 'fernand-saint-aubin']);
    expect(await credits(artistIdentity(artist.id))).toEqual(['artiste-discrete', 'fernand-saint-aubin']);
    // Made public again, everyone sees them.
    await data(graph, UPDATE, { id: artist.id, input: { isPublic: true } }, artistIdentity(artist.id));
    expect(await data(graph, READ, { slug: 'artiste-discrete' }, anonymous)).toEqual({
      artist: { slug: 'artiste-discrete', isPublic: true, artworks: [{ slug: 'etude-secrete' }] },
    });
  });
});
