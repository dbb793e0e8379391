import { readFileSync } from 'node:fs';
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema, type IntrospectionQuery } from 'graphql';
import { stableId } from '@maison/house';
import { admin, asArtist, asMember, asTenant, startGraph, withRoles, type RunningGraph } from '@maison/testing';
import { CLIENT_SCHEMA_PATH } from '../../scripts/src/services';

/** Query.me through the whole graph (tenants, coworking and gallery each answer their part) for each kind of caller. */
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.stop();
});

const ME = `{
  me {
    id
    signedIn
    roles
    language
    tenant { slug name }
    member { displayName }
    artist { name disciplines }
  }
}`;
const nobody = { tenant: null, member: null, artist: null };

describe('Query.me through the gateway', () => {
  it('anonymous: not signed in, no roles, nobody to act as; never served from the response cache', async () => {
    const first = await graph.query(ME);
    expect(first.body).toEqual({ data: { me: { id: 'anonymous', signedIn: false, roles: [], language: 'fr', ...nobody } } });
    const again = await graph.query(ME, {}, { headers: { 'accept-language': 'en' } });
    expect(again.body).toEqual({ data: { me: { id: 'anonymous', signedIn: false, roles: [], language: 'en', ...nobody } } });
    expect((await graph.query(ME)).headers.get('x-cache')).not.toBe('HIT');
  });

  it('ADMIN: the role, and nobody to act as', async () => {
    const { body } = await graph.query(ME, {}, { identity: admin });
    expect(body).toEqual({ data: { me: { id: 'admin@test', signedIn: true, roles: ['ADMIN'], language: 'fr', ...nobody } } });
  });

  it('TENANT: the tenant, from the tenants subgraph', async () => {
    const { body } = await graph.query(ME, {}, { identity: asTenant('acupuncture') });
    expect(body).toEqual({
      data: {
        me: {
          id: 'tenant:acupuncture',
          signedIn: true,
          roles: ['TENANT'],
          language: 'fr',
          ...nobody,
          tenant: { slug: 'acupuncture', name: 'Acupuncture Port-Joli' },
        },
      },
    });
  });

  it('MEMBER: the member, from coworking, even one whom others cannot see', async () => {
    const { body } = await graph.query(ME, {}, { identity: asMember('rosalie-tremblay') });
    expect(body).toEqual({
      data: {
        me: {
          id: 'member:rosalie-tremblay',
          signedIn: true,
          roles: ['MEMBER'],
          language: 'fr',
          ...nobody,
          member: { displayName: 'Rosalie Tremblay-Fictive' },
        },
      },
    });
    const hidden = await graph.query('{ me { member { displayName } } }', {}, { identity: asMember('leonie-gauthier') });
    expect(hidden.body).toEqual({ data: { me: { member: { displayName: 'Léonie Gauthier-Rêverie' } } } });
  });

  it('ARTIST: the artist, from the gallery, in the language asked for', async () => {
    const { body } = await graph.query(ME, {}, { identity: asArtist('fernand-saint-aubin'), headers: { 'accept-language': 'en' } });
    expect(body).toEqual({
      data: {
        me: {
          id: 'artist:fernand-saint-aubin',
          signedIn: true,
          roles: ['ARTIST'],
          language: 'en',
          ...nobody,
          artist: { name: 'Fernand Saint-Aubin', disciplines: ['Wood carving'] },
        },
      },
    });
  });

  it('several roles: everyone the token names, each from its subgraph', async () => {
    const both = withRoles('dev:tenant+member', ['TENANT', 'MEMBER'], {
      tenantId: stableId('tenant', 'graphisme'),
      memberId: stableId('member', 'eloi-bouchard'),
    });
    const { body } = await graph.query(ME, {}, { identity: both });
    expect(body).toEqual({
      data: {
        me: {
          id: 'dev:tenant+member',
          signedIn: true,
          roles: ['TENANT', 'MEMBER'],
          language: 'fr',
          tenant: { slug: 'graphisme', name: expect.any(String) },
          member: { displayName: 'Éloi Bouchard-Inventé' },
          artist: null,
        },
      },
    });
  });

  it('a bad token: UNAUTHENTICATED, not an anonymous Me', async () => {
    const { status, body } = await graph.query(ME, {}, { token: 'not-a-token' });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data ?? null).toBeNull();
  });
});

describe('schema/client.graphql', () => {
  it('is the schema the gateway serves (introspection, descriptions included)', async () => {
    const { body } = await graph.query(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true }));
    expect(body.errors).toBeUndefined();
    const served = printSchema(lexicographicSortSchema(buildClientSchema(body.data as unknown as IntrospectionQuery)));
    const committed = printSchema(lexicographicSortSchema(buildSchema(readFileSync(CLIENT_SCHEMA_PATH, 'utf8'))));
    expect(served).toBe(committed);
    expect(served).toContain('me: Me!');
  });
});
