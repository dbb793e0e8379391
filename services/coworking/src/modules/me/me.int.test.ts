import { admin, anonymous, asMember, asTenant, useTestSubgraph } from '@maison/testing';
import { coworkingModule } from '../../module';

/** Me.member, which coworking adds to the caller: only ever the request's own member. */
const graph = useTestSubgraph(coworkingModule);

const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Me { id member { displayName isPublic } } } }';
const me = (id: string) => ({ r: [{ __typename: 'Me', id }] });

describe('Me.member (coworking)', () => {
  it('is the member the token names', async () => {
    const { body } = await graph.execute(ENTITIES, me('member:rosalie-tremblay'), { identity: asMember('rosalie-tremblay') });
    expect(body).toEqual({ data: { _entities: [{ id: 'member:rosalie-tremblay', member: { displayName: 'Rosalie Tremblay-Fictive', isPublic: true } }] } });
  });

  it('is there for a member whom others cannot see', async () => {
    const { body } = await graph.execute(ENTITIES, me('member:leonie-gauthier'), { identity: asMember('leonie-gauthier') });
    expect(body).toEqual({ data: { _entities: [{ id: 'member:leonie-gauthier', member: { displayName: 'Léonie Gauthier-Rêverie', isPublic: false } }] } });
    const stranger = await graph.execute('{ members(first: 100) { nodes { displayName } } }', {}, { identity: asMember('rosalie-tremblay') });
    expect(stranger.body.data!.members.nodes.map((m: { displayName: string }) => m.displayName)).not.toContain('Léonie Gauthier-Rêverie');
  });

  it.each([
    ['anonymous', anonymous, 'anonymous'],
    ['ADMIN', admin, 'admin@test'],
    ['a tenant', asTenant('acupuncture'), 'tenant:acupuncture'],
  ])('is null for %s, whose token names no member', async (_, identity, id) => {
    expect((await graph.execute(ENTITIES, me(id), { identity })).body).toEqual({ data: { _entities: [{ id, member: null }] } });
  });

  it("never answers for a key that is not the caller's: another member's, or a member's sent anonymously", async () => {
    const key = me('member:leonie-gauthier');
    expect((await graph.execute(ENTITIES, key, { identity: asMember('rosalie-tremblay') })).body).toEqual({ data: { _entities: [null] } });
    expect((await graph.execute(ENTITIES, key, { identity: anonymous })).body).toEqual({ data: { _entities: [null] } });
  });
});
