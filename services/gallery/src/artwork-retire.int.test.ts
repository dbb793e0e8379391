import type { Identity } from '@maison/auth';
import { randomUUID } from 'node:crypto';
import { stableId } from '@maison/house';
import { admin, anonymous, asArtist, asMember, asTenant, KITCHEN, startTestSubgraph } from '@maison/testing';
import { galleryModule } from './module';
import { artistIdentity, createArtist, data, day, type GalleryGraph } from './test-support/fixtures';
import { artworkRecords } from './test-support/artwork-records';

/** retireArtwork, and concurrent changes of one work: who may, exhibitions, the catalogue a retired work leaves. */
let graph: GalleryGraph;
let artistId: string;
let artist: Identity;
beforeAll(async () => {
  graph = await startTestSubgraph(galleryModule);
  artistId = await createArtist(graph.ds, 'Rose Bouchard');
  artist = artistIdentity(artistId);
});
afterAll(async () => {
  await graph?.close();
});

const { RETIRE, update, retire, codes, stored, newWork } = artworkRecords(() => ({
  graph,
  artist,
}));

describe('concurrent changes of one work', () => {
  it('never puts a work back on sale once a concurrent sale has committed: each update runs before the sale or answers ALREADY_SOLD', async () => {
    const ids = await Promise.all(Array.from({ length: 10 }, () => newWork({ priceCents: 50000 })));
    const sell = 'mutation($id: ID!) { markArtworkSold(id: $id, priceCents: 1234) { userErrors { code } } }';
    const answers = await Promise.all(
      ids.flatMap((id) => [
        data(graph, sell, { id }, admin).then((d) => d.markArtworkSold.userErrors.map((e: { code: string }) => e.code)),
        update(id, { availability: 'AVAILABLE', priceCents: 99999 }).then((a) => a.userErrors.map((e: { code: string }) => e.code)),
      ]),
    );
    // Every sale went through; every update either came first (and the sale followed) or found the work sold.
    for (let i = 0; i < ids.length; i += 1) {
      expect(answers[2 * i]).toEqual([]);
      expect([[], ['ALREADY_SOLD']]).toContainEqual(answers[2 * i + 1]);
      expect(await stored(ids[i]!)).toEqual({ availability: 'SOLD', priceCents: 1234, retired: false, spaceId: null });
    }
  });

  it('retires a work once under concurrent retirements: one retires it, the others answer ALREADY_RETIRED', async () => {
    const id = await newWork();
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => retire(id, i % 2 === 0 ? admin : artist)));
    expect(answers.filter((a) => a.artwork !== null)).toHaveLength(1);
    expect(answers.filter((a) => a.userErrors[0]?.code === 'ALREADY_RETIRED')).toHaveLength(7);
  });
});

describe('retireArtwork', () => {
  const LISTS = `query($artistId: ID!, $r: [_Any!]!) {
    artworks(artistId: $artistId, first: 100) { nodes { id } }
    artist(id: $artistId) { artworks { id } }
    _entities(representations: $r) { ... on SharedSpace { artworksOnDisplay { id } } } }`;
  const listed = async (id: string, identity: Identity) => {
    const d = await data(graph, LISTS, { artistId, r: [{ __typename: 'SharedSpace', id: KITCHEN }] }, identity);
    const has = (nodes: { id: string }[]) => nodes.some((n) => n.id === id);
    return [has(d.artworks.nodes), has(d.artist.artworks), has(d._entities[0].artworksOnDisplay)];
  };
  const READ = `query($id: ID!) { artwork(id: $id) { id retiredAt } }`;

  it('takes a work out of every list and off the walls, keeps its row, and lets only ADMIN and its artist read it by id', async () => {
    const id = await newWork({ priceCents: 30000 });
    await graph.ds.query('UPDATE artwork SET displayed_in_space_id = $2 WHERE id = $1', [id, KITCHEN]);
    expect(await listed(id, anonymous)).toEqual([true, true, true]);
    const retired = await retire(id);
    expect(retired.userErrors).toEqual([]);
    expect(retired.artwork).toMatchObject({ id, retiredAt: expect.any(String), displayedIn: null });
    expect(await stored(id)).toEqual({ availability: 'AVAILABLE', priceCents: 30000, retired: true, spaceId: null });
    for (const identity of [anonymous, admin, artist]) expect(await listed(id, identity)).toEqual([false, false, false]);
    expect((await data(graph, READ, { id }, admin)).artwork).toEqual({ id, retiredAt: retired.artwork.retiredAt });
    expect((await data(graph, READ, { id }, artist)).artwork).toEqual({ id, retiredAt: retired.artwork.retiredAt });
    for (const identity of [anonymous, asArtist('fernand-saint-aubin'), asMember('camille')])
      expect(await data(graph, READ, { id }, identity)).toEqual({ artwork: null });
    // Retired once: neither retired again nor changed.
    expect((await retire(id, admin)).userErrors).toEqual([{ code: 'ALREADY_RETIRED', message: 'Cette œuvre est retirée du catalogue.', field: ['id'] }]);
    expect((await update(id, { priceCents: 1 }, artist, 'en')).userErrors).toEqual([
      { code: 'ALREADY_RETIRED', message: 'This work is retired from the catalogue.', field: ['id'] },
    ]);
  });

  it('answers IN_EXHIBITION, naming it, while a current or upcoming exhibition shows the work; a past one does not keep it', async () => {
    const id = await newWork();
    const show = async (slug: string, startsIn: number, endsIn: number) => {
      const exhibitionId = randomUUID();
      await graph.ds.query(`INSERT INTO exhibition (id, slug, title, starts_on, ends_on) VALUES ($1, $2, '{"fr": "Expo"}', $3, $4)`, [
        exhibitionId,
        slug,
        day(startsIn),
        day(endsIn),
      ]);
      await graph.ds.query('INSERT INTO exhibition_artwork (exhibition_id, artwork_id) VALUES ($1, $2)', [exhibitionId, id]);
      return exhibitionId;
    };
    // Past, and not overlapping the current one: a work is in one exhibition a day at most.
    const past = await show('expo-passee', -60, -4);
    const upcoming = await show('expo-a-venir', 10, 40);
    expect(await retire(id)).toEqual({
      artwork: null,
      userErrors: [
        { code: 'IN_EXHIBITION', message: 'Cette œuvre fait partie de l’exposition « expo-a-venir » : retirez-la d’abord de l’exposition.', field: ['id'] },
      ],
    });
    const current = await show('expo-en-cours', -3, 0);
    expect((await retire(id, admin, 'en')).userErrors).toEqual([
      { code: 'IN_EXHIBITION', message: 'This work is part of the exhibition "expo-en-cours": take it out of the exhibition first.', field: ['id'] },
    ]);
    expect(await stored(id)).toMatchObject({ retired: false });
    await graph.ds.query('DELETE FROM exhibition_artwork WHERE exhibition_id = ANY($1)', [[upcoming, current]]);
    expect((await retire(id)).userErrors).toEqual([]);
    // The past exhibition keeps it in its history.
    expect(await graph.ds.query('SELECT 1 FROM exhibition_artwork WHERE exhibition_id = $1 AND artwork_id = $2', [past, id])).toHaveLength(1);
  });

  it('sells no retired work (NOT_AVAILABLE)', async () => {
    const id = await newWork({ priceCents: 20000 });
    expect((await retire(id)).userErrors).toEqual([]);
    const sold = await data(graph, 'mutation($id: ID!) { markArtworkSold(id: $id) { artwork { id } userErrors { code } } }', { id }, admin);
    expect(sold.markArtworkSold).toEqual({ artwork: null, userErrors: [{ code: 'NOT_AVAILABLE' }] });
    expect(await stored(id)).toMatchObject({ availability: 'AVAILABLE', retired: true });
  });

  it('is FORBIDDEN to another artist, members and tenants, UNAUTHENTICATED anonymously; NOT_FOUND for an unknown id', async () => {
    const id = await newWork();
    expect(codes((await graph.execute(RETIRE, { id }, { identity: anonymous })).body)).toEqual(['UNAUTHENTICATED']);
    for (const identity of [asArtist('fernand-saint-aubin'), asMember('camille'), asTenant('graphisme')]) {
      expect({ who: identity.sub, codes: codes((await graph.execute(RETIRE, { id }, { identity })).body) }).toEqual({
        who: identity.sub,
        codes: ['FORBIDDEN'],
      });
    }
    expect((await retire(stableId('artwork', 'aucune'))).userErrors).toEqual([{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['id'] }]);
    expect(await stored(id)).toMatchObject({ retired: false });
    expect((await retire(id, admin)).artwork.retiredAt).toEqual(expect.any(String));
  });
});
