import type { Identity } from '@maison/auth';
import { stableId, toHouseIso } from '@maison/house';
import { admin, anonymous, asArtist, asMember, asTenant, startTestSubgraph } from '@maison/testing';
import { galleryModule } from './module';
import { at, data, day, type GalleryGraph } from './test-support/fixtures';
import { TERRACE } from '@maison/testing';

/** Exhibitions written by ADMIN through GraphQL, without a ledger (TENANTS_URL unset): rules and their codes. */
let graph: GalleryGraph;
beforeAll(async () => {
  graph = await startTestSubgraph(galleryModule);
});
afterAll(async () => {
  await graph?.close();
});

const artist = (slug: string) => stableId('artist', slug);
const artwork = (slug: string) => stableId('artwork', slug);

const FIELDS = `fragment E on Exhibition {
  id slug title description startsOn endsOn coverImageUrl status
  artists { slug } artworks { slug }
  vernissage { startsAt endsAt venueName sharedSpace { id } }
}`;
const CREATE = `mutation($input: CreateExhibitionInput!) { createExhibition(input: $input) { exhibition { ...E } userErrors { code message field } } } ${FIELDS}`;
const UPDATE = `mutation($id: ID!, $input: UpdateExhibitionInput!) {
  updateExhibition(id: $id, input: $input) { exhibition { ...E } userErrors { code message field } }
} ${FIELDS}`;
const CANCEL = `mutation($id: ID!) { cancelExhibition(id: $id) { cancelledExhibitionId userErrors { code message field } } }`;

const valid = (over: Record<string, unknown> = {}) => ({
  title: { fr: 'Grès du large', en: 'Offshore stoneware' },
  description: { fr: 'Deux céramistes face au fleuve.', en: 'Two ceramicists facing the river.' },
  startsOn: day(30),
  endsOn: day(60),
  coverImageUrl: 'https://images.levivoir.example/expositions/gres-du-large.jpg',
  artistIds: [artist('noemie-pelletier-vezina'), artist('ines-belzile-rioux')],
  // No works by default: a work is in one exhibition at a time on given days (migration 005), and these all run on the same days.
  artworkIds: [],
  vernissage: { startsAt: at(30, '17:00'), endsAt: at(30, '20:00') },
  ...over,
});

const count = async () => (await graph.ds.query('SELECT count(*)::int AS n FROM exhibition'))[0].n as number;
const create = (input: Record<string, unknown>, identity: Identity = admin, lang: 'fr' | 'en' = 'fr') =>
  data(graph, CREATE, { input }, identity, lang).then((d) => d.createExhibition);
const update = (id: string, input: Record<string, unknown>) => data(graph, UPDATE, { id, input }, admin).then((d) => d.updateExhibition);

/** The codes and fields of a refused create; checks that nothing was saved. */
async function refusal(input: Record<string, unknown>) {
  const before = await count();
  const payload = await create(input);
  expect(payload.exhibition).toBeNull();
  expect(await count()).toBe(before);
  return payload.userErrors.map((e: { code: string; field: string[] }) => ({ code: e.code, field: e.field }));
}
const accepted = async (input: Record<string, unknown>) => {
  const payload = await create(input);
  expect(payload.userErrors).toEqual([]);
  return payload.exhibition;
};

describe('createExhibition', () => {
  it('creates an exhibition with its artists, artworks, cover and vernissage in the gallery, in both languages', async () => {
    const payload = await create(valid({ artworkIds: [artwork('nids'), artwork('bols-des-marees')] }));
    expect(payload).toEqual({
      exhibition: {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        slug: 'gres-du-large',
        title: 'Grès du large',
        description: 'Deux céramistes face au fleuve.',
        startsOn: day(30),
        endsOn: day(60),
        coverImageUrl: 'https://images.levivoir.example/expositions/gres-du-large.jpg',
        status: 'UPCOMING',
        artists: [{ slug: 'noemie-pelletier-vezina' }, { slug: 'ines-belzile-rioux' }],
        artworks: [{ slug: 'nids' }, { slug: 'bols-des-marees' }],
        vernissage: { startsAt: toHouseIso(at(30, '17:00')), endsAt: toHouseIso(at(30, '20:00')), venueName: 'Galerie Le Vivoir', sharedSpace: null },
      },
      userErrors: [],
    });
    const en = await data(
      graph,
      `query($id: ID!) { exhibition(id: $id) { title description vernissage { venueName } } }`,
      { id: payload.exhibition.id },
      anonymous,
      'en',
    );
    expect(en).toEqual({
      exhibition: { title: 'Offshore stoneware', description: 'Two ceramicists facing the river.', vernissage: { venueName: 'Le Vivoir gallery' } },
    });
  });

  it('needs only a French title and the dates; derives the slug from the French title and numbers a repeated one', async () => {
    const bare = { title: { fr: 'Été indien à L’Islet' }, startsOn: day(200), endsOn: day(210) };
    const first = await accepted(bare);
    const second = await accepted(bare);
    expect(first).toEqual({
      id: expect.any(String),
      slug: 'ete-indien-a-l-islet',
      title: 'Été indien à L’Islet',
      description: null,
      startsOn: day(200),
      endsOn: day(210),
      coverImageUrl: null,
      status: 'UPCOMING',
      artists: [],
      artworks: [],
      vernissage: null,
    });
    expect(second.slug).toBe('ete-indien-a-l-islet-2');
    const en = await data(graph, `query($id: ID!) { exhibition(id: $id) { title } }`, { id: first.id }, anonymous, 'en');
    expect(en).toEqual({ exhibition: { title: 'Été indien à L’Islet' } });
  });

  it('is for ADMIN only: UNAUTHENTICATED when anonymous, FORBIDDEN for every other role, for create, update and cancel', async () => {
    const { id } = await accepted(valid({ title: { fr: 'Réservée à l’administration' } }));
    const before = await count();
    const attempts = [
      [CREATE, { input: valid() }],
      [UPDATE, { id, input: { title: { fr: 'Changée' } } }],
      [CANCEL, { id }],
    ] as const;
    for (const [query, variables] of attempts) {
      const anon = await graph.execute(query, variables, { identity: anonymous });
      expect(anon.body).toEqual({ data: null, errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })] });
      for (const identity of [asTenant('graphisme'), asMember('camille'), asArtist('fernand-saint-aubin')]) {
        const { body } = await graph.execute(query, variables, { identity });
        expect(body).toEqual({
          data: null,
          errors: [expect.objectContaining({ message: 'Action non permise.', extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })],
        });
      }
    }
    expect(await count()).toBe(before);
    expect(await data(graph, `query($id: ID!) { exhibition(id: $id) { title } }`, { id })).toEqual({ exhibition: { title: 'Réservée à l’administration' } });
  });

  it('requires a French title of 1 to 200 characters and keeps English optional, with a message in the caller’s language', async () => {
    expect(await refusal(valid({ title: { fr: '   ', en: 'Only English' } }))).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'title', 'fr'] }]);
    expect(await refusal(valid({ title: { fr: 'é'.repeat(201) } }))).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'title', 'fr'] }]);
    expect(await refusal(valid({ title: { fr: 'Titre', en: 'e'.repeat(201) } }))).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'title', 'en'] }]);
    expect(await refusal(valid({ title: { fr: 'Deux\u0007lignes' } }))).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'title', 'fr'] }]);
    expect((await accepted(valid({ title: { fr: 'é'.repeat(200), en: 'e'.repeat(200) } }))).title).toBe('é'.repeat(200));
    expect((await accepted(valid({ title: { fr: 'F', en: '' } }))).title).toBe('F');

    const fr = await create(valid({ title: { fr: ' ' } }));
    const en = await create(valid({ title: { fr: ' ' } }), admin, 'en');
    expect(fr.userErrors).toEqual([
      { code: 'INVALID_INPUT', message: 'La valeur de « title.fr » est invalide : le français est requis.', field: ['input', 'title', 'fr'] },
    ]);
    expect(en.userErrors).toEqual([
      { code: 'INVALID_INPUT', message: 'The value of "title.fr" is invalid: French is required.', field: ['input', 'title', 'fr'] },
    ]);
  });

  it('keeps a description to 5000 characters, French required when there is one', async () => {
    expect(await refusal(valid({ description: { fr: 'd'.repeat(5001) } }))).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'description', 'fr'] }]);
    expect(await refusal(valid({ description: { fr: '', en: 'English only' } }))).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'description', 'fr'] }]);
    expect((await accepted(valid({ description: { fr: `Ligne 1\n${'d'.repeat(4990)}` } }))).description).toHaveLength(4998);
  });

  it('refuses an exhibition that ends before it starts (INVALID_RANGE) and accepts a single day', async () => {
    expect(await refusal(valid({ startsOn: day(30), endsOn: day(29) }))).toEqual([{ code: 'INVALID_RANGE', field: ['input', 'endsOn'] }]);
    expect(await accepted(valid({ startsOn: day(30), endsOn: day(30) }))).toMatchObject({ startsOn: day(30), endsOn: day(30) });
  });

  it('accepts only an https cover image', async () => {
    for (const url of ['http://images.levivoir.example/a.jpg', 'javascript:alert(1)', 'une image', `https://x.example/${'a'.repeat(2000)}`]) {
      expect(await refusal(valid({ coverImageUrl: url }))).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'coverImageUrl'] }]);
    }
    expect((await accepted(valid({ coverImageUrl: ' https://images.levivoir.example/a.jpg ' }))).coverImageUrl).toBe('https://images.levivoir.example/a.jpg');
  });

  it('answers NOT_FOUND at the position of an unknown or malformed artist or artwork', async () => {
    const unknown = stableId('artist', 'personne');
    expect(await refusal(valid({ artistIds: [artist('fernand-saint-aubin'), unknown] }))).toEqual([{ code: 'NOT_FOUND', field: ['input', 'artistIds', '1'] }]);
    expect(await refusal(valid({ artistIds: ['pas-un-id'] }))).toEqual([{ code: 'NOT_FOUND', field: ['input', 'artistIds', '0'] }]);
    expect(await refusal(valid({ artworkIds: [artwork('nids'), artwork('bouees'), stableId('artwork', 'rien')] }))).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'artworkIds', '2'] },
    ]);
    // Repeats are shown once, in the order first given.
    const repeated = await accepted(
      valid({ artistIds: [artist('fernand-saint-aubin'), artist('fernand-saint-aubin').toUpperCase(), artist('gaspard-letourneau-roy')] }),
    );
    expect(repeated.artists).toEqual([{ slug: 'fernand-saint-aubin' }, { slug: 'gaspard-letourneau-roy' }]);
  });

  it('keeps a vernissage an evening: INVALID_RANGE when it ends before it starts, TOO_LONG after 12 hours', async () => {
    const vernissage = (startsAt: Date, endsAt: Date) => valid({ vernissage: { startsAt, endsAt } });
    expect(await refusal(vernissage(at(30, '17:00'), at(30, '17:00')))).toEqual([{ code: 'INVALID_RANGE', field: ['input', 'vernissage', 'endsAt'] }]);
    expect(await refusal(vernissage(at(30, '10:00'), at(30, '22:01')))).toEqual([{ code: 'TOO_LONG', field: ['input', 'vernissage', 'endsAt'] }]);
    expect((await create(vernissage(at(30, '10:00'), at(30, '22:01')))).userErrors[0].message).toBe('La durée maximale est de 720 minutes.');
    expect((await accepted(vernissage(at(30, '10:00'), at(30, '22:00')))).vernissage.endsAt).toBe(toHouseIso(at(30, '22:00')));
  });

  it('holds the vernissage from 14 days before the first day to the last day on view', async () => {
    const on = (n: number) => valid({ startsOn: day(30), endsOn: day(40), vernissage: { startsAt: at(n, '17:00'), endsAt: at(n, '19:00') } });
    expect(await refusal(on(15))).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'vernissage', 'startsAt'] }]);
    expect(await refusal(on(41))).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'vernissage', 'startsAt'] }]);
    expect((await accepted(on(16))).vernissage.startsAt).toBe(toHouseIso(at(16, '17:00')));
    expect((await accepted(on(40))).vernissage.startsAt).toBe(toHouseIso(at(40, '17:00')));
  });

  it('refuses a malformed or taken slug, and accepts a free one', async () => {
    expect(await refusal(valid({ slug: 'Pas Un Slug' }))).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'slug'] }]);
    expect(await refusal(valid({ slug: `a${'-b'.repeat(40)}` }))).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'slug'] }]);
    expect(await refusal(valid({ slug: 'marees-hautes' }))).toEqual([{ code: 'SLUG_TAKEN', field: ['input', 'slug'] }]);
    expect((await accepted(valid({ slug: 'gres-2027' }))).slug).toBe('gres-2027');
  });

  it('refuses a vernissage in a shared space when no ledger is configured, saving nothing, and keeps the gallery open', async () => {
    const before = await count();
    const { body } = await graph.execute(
      CREATE,
      { input: valid({ vernissage: { startsAt: at(30, '17:00'), endsAt: at(30, '19:00'), sharedSpaceId: TERRACE } }) },
      { identity: admin },
    );
    expect(body).toEqual({
      data: null,
      errors: [
        expect.objectContaining({
          message: 'Le registre des espaces partagés (sous-graphe tenants) n’est pas configuré (TENANTS_URL) : rien n’a été enregistré.',
          extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', reason: 'LEDGER_NOT_CONFIGURED' }),
        }),
      ],
    });
    expect(await count()).toBe(before);
    expect(await refusal(valid({ vernissage: { startsAt: at(30, '17:00'), endsAt: at(30, '19:00'), sharedSpaceId: 'terrasse' } }))).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'vernissage', 'sharedSpaceId'] },
    ]);
  });
});

describe('updateExhibition and cancelExhibition', () => {
  it('changes only the fields given; null clears, a list replaces the previous one', async () => {
    const created = await accepted(valid({ title: { fr: 'Avant', en: 'Before' } }));
    const renamed = await update(created.id, { title: { fr: 'Après' } });
    expect(renamed).toEqual({ exhibition: { ...created, title: 'Après' }, userErrors: [] });
    const cleared = await update(created.id, { description: null, coverImageUrl: null, vernissage: null, artistIds: [], artworkIds: [artwork('bouees')] });
    expect(cleared).toEqual({
      exhibition: { ...created, title: 'Après', description: null, coverImageUrl: null, vernissage: null, artists: [], artworks: [{ slug: 'bouees' }] },
      userErrors: [],
    });
    const moved = await update(created.id, {
      slug: 'apres',
      startsOn: day(20),
      endsOn: day(25),
      vernissage: { startsAt: at(10, '18:00'), endsAt: at(10, '21:00') },
    });
    expect(moved.exhibition).toEqual({
      ...cleared.exhibition,
      slug: 'apres',
      startsOn: day(20),
      endsOn: day(25),
      vernissage: { startsAt: toHouseIso(at(10, '18:00')), endsAt: toHouseIso(at(10, '21:00')), venueName: 'Galerie Le Vivoir', sharedSpace: null },
    });
  });

  it('checks an update against the stored exhibition, and saves nothing of a refused one', async () => {
    const created = await accepted(valid({ startsOn: day(30), endsOn: day(40), vernissage: { startsAt: at(30, '17:00'), endsAt: at(30, '19:00') } }));
    // The stored vernissage would fall more than 14 days before the new first day.
    expect(await update(created.id, { startsOn: day(45), endsOn: day(50) })).toEqual({
      exhibition: null,
      userErrors: [expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'vernissage', 'startsAt'] })],
    });
    expect(await update(created.id, { endsOn: day(29) })).toEqual({
      exhibition: null,
      userErrors: [expect.objectContaining({ code: 'INVALID_RANGE', field: ['input', 'endsOn'] })],
    });
    expect(await update(created.id, { title: { fr: 'Nouveau' }, artistIds: [stableId('artist', 'personne')] })).toEqual({
      exhibition: null,
      userErrors: [expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'artistIds', '0'] })],
    });
    expect(await update(created.id, { slug: 'marees-hautes' })).toEqual({
      exhibition: null,
      userErrors: [expect.objectContaining({ code: 'SLUG_TAKEN', field: ['input', 'slug'] })],
    });
    expect((await data(graph, `query($id: ID!) { exhibition(id: $id) { ...E } } ${FIELDS}`, { id: created.id })).exhibition).toEqual(created);
    expect((await update(created.id, { startsOn: day(44), endsOn: day(50) })).userErrors).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown or malformed exhibition, on update and on cancel', async () => {
    for (const id of [stableId('exhibition', 'aucune'), 'pas-un-id']) {
      expect(await update(id, { title: { fr: 'X' } })).toEqual({
        exhibition: null,
        userErrors: [{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['id'] }],
      });
      expect((await data(graph, CANCEL, { id }, admin)).cancelExhibition).toEqual({
        cancelledExhibitionId: null,
        userErrors: [{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['id'] }],
      });
    }
  });

  it('cancels an exhibition: gone with its links, and a second cancel answers NOT_FOUND', async () => {
    const created = await accepted(valid({ title: { fr: 'Annulée' } }));
    expect((await data(graph, CANCEL, { id: created.id }, admin)).cancelExhibition).toEqual({ cancelledExhibitionId: created.id, userErrors: [] });
    expect(await data(graph, `query($id: ID!) { exhibition(id: $id) { id } }`, { id: created.id })).toEqual({ exhibition: null });
    const links = await graph.ds.query(
      `SELECT (SELECT count(*) FROM exhibition_artist WHERE exhibition_id = $1)::int + (SELECT count(*) FROM exhibition_artwork WHERE exhibition_id = $1)::int AS n`,
      [created.id],
    );
    expect(links).toEqual([{ n: 0 }]);
    expect((await data(graph, CANCEL, { id: created.id }, admin)).cancelExhibition.userErrors.map((e: { code: string }) => e.code)).toEqual(['NOT_FOUND']);
  });
});
