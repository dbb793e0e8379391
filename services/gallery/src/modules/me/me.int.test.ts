import { admin, anonymous, asArtist, asMember, useTestSubgraph } from '@maison/testing';
import { galleryModule } from '../../module';

/** Me.artist, which the gallery adds to the caller: only ever the request's own artist. */
const graph = useTestSubgraph(galleryModule);

const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Me { id artist { slug disciplines } } } }';
const me = (id: string) => ({ r: [{ __typename: 'Me', id }] });

describe('Me.artist (gallery)', () => {
  it('is the artist the token names, in the language of the answer', async () => {
    const { body } = await graph.execute(ENTITIES, me('artist:fernand-saint-aubin'), { identity: asArtist('fernand-saint-aubin'), lang: 'en' });
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toEqual([{ id: 'artist:fernand-saint-aubin', artist: { slug: 'fernand-saint-aubin', disciplines: expect.any(Array) } }]);
    const fr = await graph.execute(ENTITIES, me('artist:fernand-saint-aubin'), { identity: asArtist('fernand-saint-aubin') });
    expect(fr.body.data!._entities[0].artist.disciplines).not.toEqual(body.data!._entities[0].artist.disciplines);
  });

  it.each([
    ['anonymous', anonymous, 'anonymous'],
    ['ADMIN', admin, 'admin@test'],
    ['a member', asMember('rosalie-tremblay'), 'member:rosalie-tremblay'],
  ])('is null for %s, whose token names no artist', async (_, identity, id) => {
    expect((await graph.execute(ENTITIES, me(id), { identity })).body).toEqual({ data: { _entities: [{ id, artist: null }] } });
  });

  it("never answers for a key that is not the caller's", async () => {
    const key = me('artist:fernand-saint-aubin');
    expect((await graph.execute(ENTITIES, key, { identity: asArtist('albertine-ouellet-drapeau') })).body).toEqual({ data: { _entities: [null] } });
    expect((await graph.execute(ENTITIES, key, { identity: anonymous })).body).toEqual({ data: { _entities: [null] } });
  });
});
