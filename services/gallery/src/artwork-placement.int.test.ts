import { randomUUID } from 'node:crypto';
import { tenantsModule } from '@maison/tenants';
import { stableId } from '@maison/house';
import { admin, anonymous, asArtist, asMember, asTenant, KITCHEN, startTestSubgraph, TERRACE } from '@maison/testing';
import type { Identity } from '@maison/auth';
import { galleryModule } from './module';
import { data, type GalleryGraph } from './test-support/fixtures';

/**
 * placeArtwork and a work's placement history, against the real tenants subgraph (signed service calls
 * over HTTP, as in production): the space must exist there; the history and displayed_in_space_id agree.
 */
const startTenants = () => startTestSubgraph(tenantsModule, { listen: true });
let gallery: GalleryGraph;
let tenants: Awaited<ReturnType<typeof startTenants>>;
beforeAll(async () => {
  tenants = await startTenants();
  gallery = await startTestSubgraph(galleryModule, { env: { TENANTS_URL: tenants.url!, DB_POOL_SIZE: '30' } });
});
afterAll(async () => {
  await gallery?.close();
  await tenants?.close();
});

const FERNAND = stableId('artist', 'fernand-saint-aubin');
const fernand = asArtist('fernand-saint-aubin');
const PLACEMENT = 'place sharedSpace { id } since until by';
const PLACE = `mutation($input: PlaceArtworkInput!) {
  placeArtwork(input: $input) { artwork { id displayedIn { id } placement { ${PLACEMENT} } } userErrors { code message field } }
}`;
const READ = `query($id: ID!) { artwork(id: $id) { placement { ${PLACEMENT} } placementHistory { ${PLACEMENT} } } }`;
const ON_DISPLAY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on SharedSpace { artworksOnDisplay { id } } } }`;

const place = (input: Record<string, unknown>, who: Identity = admin, lang: 'fr' | 'en' = 'fr') =>
  data(gallery, PLACE, { input }, who, lang).then((d) => d.placeArtwork);
const read = (id: string, who: Identity = admin) => data(gallery, READ, { id }, who).then((d) => d.artwork);
const onDisplay = async (spaceId: string): Promise<string[]> =>
  (await data(gallery, ON_DISPLAY, { r: [{ __typename: 'SharedSpace', id: spaceId }] }))._entities[0].artworksOnDisplay.map((a: { id: string }) => a.id);
const rows = async (id: string) =>
  gallery.ds.query(`SELECT place, space_id AS "spaceId", since, until, placed_by AS "by", note FROM artwork_placement WHERE artwork_id = $1 ORDER BY since`, [
    id,
  ]);
const column = async (id: string) => (await gallery.ds.query('SELECT displayed_in_space_id AS s FROM artwork WHERE id = $1', [id]))[0].s as string | null;

/** A fresh work of Fernand Saint-Aubin, never placed. */
async function work(availability = 'AVAILABLE'): Promise<string> {
  const id = randomUUID();
  await gallery.ds.query(
    `INSERT INTO artwork (id, slug, artist_id, title, year, medium, dimensions, availability)
     VALUES ($1, $2, $3, '{"fr": "Essai"}', 2024, '{"fr": "Tilleul"}', '10 × 10 cm', $4)`,
    [id, `essai-${id.slice(0, 8)}`, FERNAND, availability],
  );
  return id;
}

describe('placeArtwork', () => {
  it('hangs a work in the kitchen: the payload, the column, the open stay and the kitchen’s walls agree', async () => {
    const id = await work();
    expect((await read(id)).placement).toBeNull();
    const payload = await place({ artworkId: id, sharedSpaceId: KITCHEN, note: { fr: 'Près du foyer', en: 'By the hearth' } });
    expect(payload).toEqual({
      artwork: {
        id,
        displayedIn: { id: KITCHEN },
        placement: { place: 'SHARED_SPACE', sharedSpace: { id: KITCHEN }, since: expect.any(String), until: null, by: 'admin@test' },
      },
      userErrors: [],
    });
    expect(await column(id)).toBe(KITCHEN);
    expect(await rows(id)).toEqual([
      { place: 'SHARED_SPACE', spaceId: KITCHEN, since: expect.any(Date), until: null, by: 'admin@test', note: { fr: 'Près du foyer', en: 'By the hearth' } },
    ]);
    expect(await onDisplay(KITCHEN)).toContain(id);
  });

  it('keeps every stay: kitchen, gallery, storage, newest first, each closed when the next opened', async () => {
    const id = await work();
    await place({ artworkId: id, sharedSpaceId: KITCHEN });
    await place({ artworkId: id, inGallery: true });
    const stored = await place({ artworkId: id, inGallery: false });
    expect(stored.userErrors).toEqual([]);
    expect(stored.artwork.displayedIn).toBeNull();
    const { placement, placementHistory } = await read(id);
    expect(placement).toMatchObject({ place: 'STORAGE', sharedSpace: null, until: null });
    expect(placementHistory.map((p: { place: string }) => p.place)).toEqual(['STORAGE', 'GALLERY', 'SHARED_SPACE']);
    expect(placementHistory[1].until).toBe(placementHistory[0].since);
    expect(placementHistory[2].until).toBe(placementHistory[1].since);
    expect(await column(id)).toBeNull();
    expect(await onDisplay(KITCHEN)).not.toContain(id);
  });

  it('placing a work where it already is changes nothing (no new stay)', async () => {
    const id = await work();
    await place({ artworkId: id, sharedSpaceId: TERRACE });
    const again = await place({ artworkId: id, sharedSpaceId: TERRACE });
    expect(again.userErrors).toEqual([]);
    expect(await rows(id)).toHaveLength(1);
  });

  it('the artist of the work may place it; another artist, a member, a tenant may not; anonymous is UNAUTHENTICATED', async () => {
    const id = await work();
    expect((await place({ artworkId: id, inGallery: true }, fernand)).userErrors).toEqual([]);
    expect((await rows(id))[0]).toMatchObject({ place: 'GALLERY', by: 'artist:fernand-saint-aubin' });
    for (const who of [asArtist('lea-thibodeau-marquis'), asMember('marie-tremblay'), asTenant('graphisme')]) {
      const { body } = await gallery.execute(PLACE, { input: { artworkId: id, sharedSpaceId: KITCHEN } }, { identity: who });
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    const { body } = await gallery.execute(PLACE, { input: { artworkId: id, sharedSpaceId: KITCHEN } }, { identity: anonymous });
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(await rows(id)).toHaveLength(1);
    expect(await column(id)).toBeNull();
  });

  it('shows the history and who placed it to ADMIN and the artist only', async () => {
    const id = await work();
    await place({ artworkId: id, sharedSpaceId: KITCHEN });
    for (const who of [admin, fernand]) {
      const seen = await read(id, who);
      expect(seen.placement.by).toBe('admin@test');
      expect(seen.placementHistory).toHaveLength(1);
    }
    for (const who of [anonymous, asArtist('lea-thibodeau-marquis'), asMember('marie-tremblay')]) {
      expect(await read(id, who)).toEqual({
        placement: { place: 'SHARED_SPACE', sharedSpace: { id: KITCHEN }, since: expect.any(String), until: null, by: null },
        placementHistory: null,
      });
    }
  });

  it('refuses a space the tenants subgraph does not know, and malformed or missing ids: NOT_FOUND, nothing saved', async () => {
    const id = await work();
    expect((await place({ artworkId: id, sharedSpaceId: randomUUID() })).userErrors).toEqual([
      { code: 'NOT_FOUND', message: 'Introuvable.', field: ['input', 'sharedSpaceId'] },
    ]);
    expect((await place({ artworkId: id, sharedSpaceId: 'cuisine' })).userErrors).toEqual([
      { code: 'NOT_FOUND', message: 'Introuvable.', field: ['input', 'sharedSpaceId'] },
    ]);
    expect((await place({ artworkId: randomUUID(), inGallery: true }, admin, 'en')).userErrors).toEqual([
      { code: 'NOT_FOUND', message: 'Not found.', field: ['input', 'artworkId'] },
    ]);
    expect((await place({ artworkId: 'x', inGallery: true })).userErrors).toEqual([
      { code: 'NOT_FOUND', message: 'Introuvable.', field: ['input', 'artworkId'] },
    ]);
    expect(await rows(id)).toEqual([]);
  });

  it('asks for exactly one place, in French by default and in English', async () => {
    const id = await work();
    expect((await place({ artworkId: id, sharedSpaceId: KITCHEN, inGallery: true })).userErrors).toEqual([
      { code: 'INVALID_INPUT', message: 'La valeur de « inGallery » est invalide : pas en même temps que sharedSpaceId.', field: ['input', 'inGallery'] },
    ]);
    expect((await place({ artworkId: id }, admin, 'en')).userErrors).toEqual([
      { code: 'INVALID_INPUT', message: 'The value of "inGallery" is invalid: exactly one of them.', field: ['input', 'inGallery'] },
    ]);
    const long = (await place({ artworkId: id, inGallery: true, note: { fr: 'x'.repeat(501) } })).userErrors;
    expect(long).toEqual([
      { code: 'INVALID_INPUT', message: 'La valeur de « note.fr » est invalide : 500 caractères au plus.', field: ['input', 'note', 'fr'] },
    ]);
    expect((await place({ artworkId: id, inGallery: true, note: { fr: 'x'.repeat(500) } })).userErrors).toEqual([]);
    expect(await rows(id)).toHaveLength(1);
  });

  it('an ON_LOAN work cannot be placed anywhere (ARTWORK_ON_LOAN); a SOLD one can, until it leaves', async () => {
    const loaned = await work('ON_LOAN');
    for (const input of [{ sharedSpaceId: KITCHEN }, { inGallery: true }, { inGallery: false }]) {
      expect((await place({ artworkId: loaned, ...input })).userErrors).toEqual([
        { code: 'ARTWORK_ON_LOAN', message: 'Cette œuvre est prêtée hors de la maison : elle ne peut pas y être placée.', field: ['input', 'artworkId'] },
      ]);
    }
    expect((await place({ artworkId: loaned, inGallery: true }, admin, 'en')).userErrors[0].message).toBe(
      'This work is on loan away from the house: it cannot be placed there.',
    );
    expect(await rows(loaned)).toEqual([]);
    const sold = await work('SOLD');
    expect((await place({ artworkId: sold, sharedSpaceId: KITCHEN })).userErrors).toEqual([]);
    expect((await place({ artworkId: sold, inGallery: false })).userErrors).toEqual([]);
  });

  it('a retired work cannot be placed anywhere (ALREADY_RETIRED), in French and in English; nothing saved', async () => {
    const retired = await work();
    await gallery.ds.query('UPDATE artwork SET retired_at = now() WHERE id = $1', [retired]);
    for (const input of [{ sharedSpaceId: KITCHEN }, { inGallery: true }]) {
      expect((await place({ artworkId: retired, ...input })).userErrors).toEqual([
        { code: 'ALREADY_RETIRED', message: 'Cette œuvre est retirée du catalogue.', field: ['input', 'artworkId'] },
      ]);
    }
    expect((await place({ artworkId: retired, inGallery: true }, admin, 'en')).userErrors[0].message).toBe('This work is retired from the catalogue.');
    expect([await rows(retired), await column(retired)]).toEqual([[], null]);
  });

  it('concurrent moves of one work leave one open stay, ranges that never overlap, and the column agreeing', async () => {
    const id = await work();
    const targets = [
      { sharedSpaceId: KITCHEN },
      { inGallery: true },
      { sharedSpaceId: TERRACE },
      { inGallery: false },
      { sharedSpaceId: KITCHEN },
      { inGallery: true },
    ];
    const results = await Promise.all(targets.map((t) => place({ artworkId: id, ...t })));
    expect(results.every((r) => r.userErrors.length === 0)).toBe(true);
    const history = await rows(id);
    expect(history.filter((r: { until: Date | null }) => r.until === null)).toHaveLength(1);
    for (let i = 1; i < history.length; i++) expect(history[i - 1].until.getTime()).toBeLessThanOrEqual(history[i].since.getTime());
    expect(await column(id)).toBe(history[history.length - 1].spaceId);
  });
});

describe('the history kept by the database', () => {
  it('seeded works on display have their open stay; any write of displayed_in_space_id is followed', async () => {
    const seeded = stableId('artwork', 'la-fileuse');
    expect(await rows(seeded)).toEqual([{ place: 'SHARED_SPACE', spaceId: KITCHEN, since: expect.any(Date), until: null, by: null, note: null }]);
    await gallery.ds.query('UPDATE artwork SET displayed_in_space_id = $2 WHERE id = $1', [seeded, TERRACE]);
    await gallery.ds.query('UPDATE artwork SET displayed_in_space_id = NULL WHERE id = $1', [seeded]);
    expect((await rows(seeded)).map((r: { place: string; spaceId: string | null }) => [r.place, r.spaceId])).toEqual([
      ['SHARED_SPACE', KITCHEN],
      ['SHARED_SPACE', TERRACE],
      ['STORAGE', null],
    ]);
  });

  it('refuses two open stays of one work, and a stay in a shared space without its id', async () => {
    const id = await work();
    await place({ artworkId: id, inGallery: true });
    await expect(gallery.ds.query(`INSERT INTO artwork_placement (artwork_id, place) VALUES ($1, 'STORAGE')`, [id])).rejects.toThrow(/artwork_placement/);
    await expect(
      gallery.ds.query(
        `INSERT INTO artwork_placement (artwork_id, place, since, until) VALUES ($1, 'SHARED_SPACE', now() - interval '2 days', now() - interval '1 day')`,
        [id],
      ),
    ).rejects.toThrow(/artwork_placement_space/);
  });
});

describe('when the tenants subgraph does not answer', () => {
  it('a placement in a shared space is SERVICE_UNAVAILABLE and saves nothing; one in the gallery needs no call', async () => {
    const offline = await startTestSubgraph(galleryModule, { env: { TENANTS_URL: 'http://127.0.0.1:9/graphql' } });
    try {
      const id = stableId('artwork', 'le-passeur');
      const before = (await offline.ds.query('SELECT count(*)::int AS n FROM artwork_placement WHERE artwork_id = $1', [id]))[0].n;
      const { body } = await offline.execute(PLACE, { input: { artworkId: id, sharedSpaceId: KITCHEN } }, { identity: admin });
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: 'Le registre des espaces partagés (sous-graphe tenants) ne répond pas : rien n’a été enregistré. Réessayez plus tard.',
          extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', reason: 'LEDGER_UNAVAILABLE' }),
        }),
      ]);
      expect((await offline.ds.query('SELECT count(*)::int AS n FROM artwork_placement WHERE artwork_id = $1', [id]))[0].n).toBe(before);
      const inGallery = await offline.execute(PLACE, { input: { artworkId: id, inGallery: true } }, { identity: admin });
      expect(inGallery.body.data?.placeArtwork.userErrors).toEqual([]);
    } finally {
      await offline.close();
    }
  });
});
