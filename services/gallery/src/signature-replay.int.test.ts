import { randomBytes } from 'node:crypto';
import { signRequest } from '@maison/auth';
import { DEV_SIGNING_SECRET } from '@maison/config';
import { signatureRefusals } from '@maison/telemetry';
import { admin, startTestSubgraph, testRedisPrefix, testRedisUrl, type TestSubgraph } from '@maison/testing';
import { galleryModule } from './module';

/**
 * A signed subgraph request is single-use (issue 14, promise 4): the same bytes sent again, within
 * the signature's 60 s, are refused with the signature refusal and change nothing. Through the real
 * signing code (signRequest, what the gateway and the service clients use) and the real HTTP handler.
 */
type Gallery = TestSubgraph<unknown, unknown>;
const CREATE = 'mutation($input: CreateArtistInput!) { createArtist(input: $input) { artist { id } userErrors { code } } }';

/** One signed createArtist: its exact body and headers, to send as many times as asked. */
function signedCreate(name: string, lang: 'fr' | 'en' = 'fr') {
  const body = JSON.stringify({ query: CREATE, variables: { input: { name } } });
  return { body, headers: { 'content-type': 'application/json', ...signRequest(DEV_SIGNING_SECRET, admin, lang, body) } };
}
async function send(gallery: Gallery, request: { body: string; headers: Record<string, string> }) {
  const response = await fetch(gallery.url!, { method: 'POST', headers: request.headers, body: request.body });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
}
const artistsNamed = async (gallery: Gallery, name: string) =>
  (await gallery.ds.query('SELECT count(*)::int AS n FROM artist WHERE name = $1', [name]))[0].n as number;
/** maison_signature_refusals_total{service="gallery", reason} as this process counts it. */
const refusals = async (reason: string) =>
  (await signatureRefusals.get()).values.find((v) => v.labels.service === 'gallery' && v.labels.reason === reason)?.value ?? 0;
const replayRefusal = (message: string) => ({ status: 401, body: { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] } });

describe('a signed request replayed to the same subgraph (nonces in memory)', () => {
  let gallery: Gallery;
  beforeAll(async () => {
    gallery = (await startTestSubgraph(galleryModule, { seed: false, listen: true })) as Gallery;
  }, 120_000);
  afterAll(async () => {
    await gallery?.close();
  });

  it('runs once: the byte-for-byte replay is refused, twice, and only one artist exists', async () => {
    const name = `Rejouée ${randomBytes(4).toString('hex')}`;
    const request = signedCreate(name);
    const first = await send(gallery, request);
    expect(first.status).toBe(200);
    expect(first.body.data.createArtist.userErrors).toEqual([]);
    const rejectedBefore = gallery.stats.rejected;
    const [replayedBefore, badBefore] = [await refusals('REPLAYED'), await refusals('BAD')];
    expect(await send(gallery, request)).toEqual(replayRefusal('Les requêtes doivent passer par la passerelle (signature déjà utilisée (rejeu)).'));
    expect(await send(gallery, request)).toEqual(replayRefusal('Les requêtes doivent passer par la passerelle (signature déjà utilisée (rejeu)).'));
    expect(gallery.stats.rejected - rejectedBefore).toBe(2);
    // Counted by reason: two replays, no bad signature.
    expect((await refusals('REPLAYED')) - replayedBefore).toBe(2);
    expect((await refusals('BAD')) - badBefore).toBe(0);
    expect(await artistsNamed(gallery, name)).toBe(1);
  });

  it('says so in the signed language', async () => {
    const name = `Replayed ${randomBytes(4).toString('hex')}`;
    const request = signedCreate(name, 'en');
    expect((await send(gallery, request)).status).toBe(200);
    expect(await send(gallery, request)).toEqual(replayRefusal('Requests must come through the gateway (signature already used (replay)).'));
    expect(await artistsNamed(gallery, name)).toBe(1);
  });

  it('a request signed again (a fresh nonce) is a new request', async () => {
    const name = `Deux fois ${randomBytes(4).toString('hex')}`;
    expect((await send(gallery, signedCreate(name))).status).toBe(200);
    expect((await send(gallery, signedCreate(name))).status).toBe(200);
    expect(await artistsNamed(gallery, name)).toBe(2);
  });
});

const REDIS_URL = testRedisUrl('signature-replay.int.test.ts', 'a replay refused by another replica sharing the Redis');
if (REDIS_URL) {
  describe('a signed request replayed to another replica on the same Redis (REDIS_URL)', () => {
    const replicas: Gallery[] = [];
    beforeAll(async () => {
      const env = { REDIS_URL, REDIS_KEY_PREFIX: testRedisPrefix('replay') };
      for (let i = 0; i < 2; i++) replicas.push((await startTestSubgraph(galleryModule, { seed: false, listen: true, env })) as Gallery);
    }, 120_000);
    afterAll(async () => {
      await Promise.all(replicas.map((r) => r.close()));
    });

    it('runs on the first replica; the second refuses the same bytes; one artist across both', async () => {
      const [a, b] = replicas as [Gallery, Gallery];
      const name = `Répliquée ${randomBytes(4).toString('hex')}`;
      const request = signedCreate(name);
      expect((await send(a, request)).status).toBe(200);
      expect(await send(b, request)).toEqual(replayRefusal('Les requêtes doivent passer par la passerelle (signature déjà utilisée (rejeu)).'));
      expect(await send(a, request)).toEqual(replayRefusal('Les requêtes doivent passer par la passerelle (signature déjà utilisée (rejeu)).'));
      expect((await artistsNamed(a, name)) + (await artistsNamed(b, name))).toBe(1);
    });
  });
}
