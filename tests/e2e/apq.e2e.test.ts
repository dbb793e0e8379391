import { createHash, randomBytes } from 'node:crypto';
import { asTenant, startGraph, tokenFor, type RunningGraph } from '@maison/testing';

/**
 * Automatic persisted queries through the gateway: a client sends the SHA-256 of a query; the
 * first time the gateway does not know it and says so, the client sends both once, and from then
 * on the hash alone is enough. Anonymous answers to a hash are served by the response cache too.
 */
const RUN = randomBytes(4).toString('hex');
const QUERY = `query Apq_${RUN} { sharedSpace(slug: "cuisine") { name capacity } }`;
const HASH = createHash('sha256').update(QUERY).digest('hex');
const persisted = (hash = HASH) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph({ env: { DATABASE_PREFIX: `t_apq_${RUN}_` } });
}, 180_000);
afterAll(async () => {
  await graph?.stop();
});

async function post(body: unknown, signedIn = false): Promise<{ status: number; cache: string | null; body: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signedIn) headers.authorization = `Bearer ${tokenFor(asTenant('acupuncture'))}`;
  const response = await fetch(graph.gatewayUrl, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, cache: response.headers.get('x-cache'), body: await response.json() };
}

const KITCHEN = { sharedSpace: { name: 'Cuisine partagée', capacity: expect.any(Number) } };

it('asks for an unknown hash, then answers the hash alone once the query was sent with it', async () => {
  const unknown = await post({ extensions: persisted() }, true);
  expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  expect(unknown.body.data).toBeUndefined();

  const registered = await post({ query: QUERY, extensions: persisted() }, true);
  expect(registered.body).toEqual({ data: KITCHEN });

  const byHash = await post({ extensions: persisted() }, true);
  expect(byHash).toEqual({ status: 200, cache: null, body: { data: KITCHEN } });
});

it('refuses a query sent with a hash that is not its own', async () => {
  const wrong = await post({ query: QUERY, extensions: persisted('0'.repeat(64)) }, true);
  expect(wrong.status).toBe(400);
  expect(wrong.body.errors[0].message).toMatch(/sha/i);
  expect(wrong.body.data).toBeUndefined();
});

it('answers a hash that is not its query as BAD_REQUEST (400), in French and in English, caches nothing under it, and the right hash still works', async () => {
  const query = `query ApqMismatch_${RUN} { sharedSpace(slug: "cuisine") { name capacity } }`;
  const other = createHash('sha256').update(`${query} # something else`).digest('hex');
  const fr = await post({ query, extensions: persisted(other) });
  expect({ status: fr.status, body: fr.body }).toEqual({
    status: 400,
    body: { errors: [{ message: 'le sha fourni ne correspond pas à la requête', extensions: { code: 'BAD_REQUEST' } }] },
  });
  // Asked again, it is refused again: the refusal was not stored as an answer.
  const again = await post({ query, extensions: persisted(other) });
  expect([again.status, again.cache, again.body]).toEqual([400, 'MISS', fr.body]);
  const response = await fetch(graph.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    body: JSON.stringify({ query, extensions: persisted(other) }),
  });
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({ errors: [{ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } }] });
  // Nothing was kept under the wrong hash: asked alone, it is unknown.
  const alone = await post({ extensions: persisted(other) });
  expect(alone.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');

  const right = createHash('sha256').update(query).digest('hex');
  expect((await post({ query, extensions: persisted(right) })).body).toEqual({ data: KITCHEN });
  expect((await post({ extensions: persisted(right) })).body).toEqual({ data: KITCHEN });
});

it('serves anonymous answers to a hash from the response cache', async () => {
  await post({ query: QUERY, extensions: persisted() });
  const first = await post({ extensions: persisted() });
  const second = await post({ extensions: persisted() });
  expect([first.cache, second.cache]).toEqual(['MISS', 'HIT']);
  expect(second.body).toEqual(first.body);
  expect(second.body).toEqual({ data: KITCHEN });
});
