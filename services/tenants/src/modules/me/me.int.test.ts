import { stableId } from '@maison/house';
import { admin, anonymous, asArtist, asMember, asTenant, useTestSubgraph, withRoles } from '@maison/testing';
import { tenantsModule } from '../../module';

/** Query.me in the tenants subgraph, which owns Me: the caller's identity, language and tenant. */
const graph = useTestSubgraph(tenantsModule);

const ME = '{ me { id signedIn roles language tenant { slug name } } }';
const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Me { id signedIn roles tenant { slug } } } }';

describe('Query.me (tenants)', () => {
  it('anonymous: a caller with no roles and nobody to act as, in the language asked for', async () => {
    expect((await graph.execute(ME)).body).toEqual({
      data: { me: { id: 'anonymous', signedIn: false, roles: [], language: 'fr', tenant: null } },
    });
    expect((await graph.execute(ME, {}, { identity: anonymous, lang: 'en' })).body.data!.me.language).toBe('en');
  });

  it('a tenant: its roles and the tenant it acts for, named in the language of the answer', async () => {
    const { body } = await graph.execute(ME, {}, { identity: asTenant('acupuncture'), lang: 'en' });
    expect(body).toEqual({
      data: { me: { id: 'tenant:acupuncture', signedIn: true, roles: ['TENANT'], language: 'en', tenant: { slug: 'acupuncture', name: expect.any(String) } } },
    });
  });

  it.each([
    ['ADMIN', admin, 'admin@test', ['ADMIN']],
    ['a member', asMember('rosalie-tremblay'), 'member:rosalie-tremblay', ['MEMBER']],
    ['an artist', asArtist('fernand-saint-aubin'), 'artist:fernand-saint-aubin', ['ARTIST']],
  ])('%s: signed in, with no tenant', async (_, identity, id, roles) => {
    expect((await graph.execute(ME, {}, { identity })).body).toEqual({ data: { me: { id, signedIn: true, roles, language: 'fr', tenant: null } } });
  });

  it('a token naming a tenant that does not exist: tenant null, no error', async () => {
    const ghost = withRoles('tenant:ghost', ['TENANT'], { tenantId: stableId('tenant', 'nobody-here') });
    expect((await graph.execute(ME, {}, { identity: ghost })).body).toEqual({
      data: { me: { id: 'tenant:ghost', signedIn: true, roles: ['TENANT'], language: 'fr', tenant: null } },
    });
  });

  it('resolves a reference to Me only for the caller of the request, from the signed identity', async () => {
    const caller = asTenant('graphisme');
    const { body } = await graph.execute(
      ENTITIES,
      { r: [{ __typename: 'Me', id: 'tenant:graphisme', roles: ['ADMIN'], tenantId: stableId('tenant', 'acupuncture') }] },
      { identity: caller },
    );
    // The representation's extra fields are ignored: roles and tenant come from the identity.
    expect(body).toEqual({ data: { _entities: [{ id: 'tenant:graphisme', signedIn: true, roles: ['TENANT'], tenant: { slug: 'graphisme' } }] } });
  });

  it("answers null for a reference naming anyone else: another tenant's key, or a tenant's key sent anonymously", async () => {
    const someoneElse = [{ __typename: 'Me', id: 'tenant:acupuncture' }];
    expect((await graph.execute(ENTITIES, { r: someoneElse }, { identity: asTenant('graphisme') })).body).toEqual({ data: { _entities: [null] } });
    expect((await graph.execute(ENTITIES, { r: someoneElse }, { identity: anonymous })).body).toEqual({ data: { _entities: [null] } });
    expect((await graph.execute(ENTITIES, { r: [{ __typename: 'Me', id: 'anonymous' }] }, { identity: asTenant('graphisme') })).body).toEqual({
      data: { _entities: [null] },
    });
  });
});
