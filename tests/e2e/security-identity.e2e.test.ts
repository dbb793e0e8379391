import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { addDays, todayInHouse } from '@maison/house';
import { asTenant, DEV_AUDIENCE, DEV_ISSUER, startGraph, tokenFor, type RunningGraph } from '@maison/testing';

/**
 * Production identity: the gateway (started by the real launcher with JWKS_URL) verifies RS256
 * tokens against a local identity provider's key set, generated here with node:crypto.
 */
const rsaKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwkOf = (publicKey: KeyObject, kid: string) => ({ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' });
const current = rsaKey();
const next = rsaKey();
const attacker = rsaKey();
const acupuncture = asTenant('acupuncture');
const claims = { sub: acupuncture.sub, roles: [...acupuncture.roles], tenantId: acupuncture.tenantId };
const rs256 = (key: KeyObject, kid: string) =>
  jwt.sign(claims, key, { algorithm: 'RS256', keyid: kid, issuer: DEV_ISSUER, audience: DEV_AUDIENCE, expiresIn: 600 });

let keys: object[] = [jwkOf(current.publicKey, 'key-2026-01')];
let fetches = 0;
let idp: Server;
let graph: RunningGraph;
beforeAll(async () => {
  idp = createServer((_req, res) => {
    fetches += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(idp.address() as AddressInfo).port}/.well-known/jwks.json`;
  graph = await startGraph({ env: { JWKS_URL: jwksUrl, JWKS_REFETCH_COOLDOWN_MS: '1000' } });
});
afterAll(async () => {
  await graph?.stop();
  await new Promise<void>((resolve) => idp?.close(() => resolve()));
});

const today = todayInHouse();
const OWN_BOOKINGS = `{ calendar(from: "${today}", to: "${addDays(today, 13)}") { spaceBookings { title } } }`;
const titles = (body: { data?: Record<string, any> | null }) =>
  (body.data!.calendar as { spaceBookings: { title: string | null }[] }[]).flatMap((d) => d.spaceBookings.map((b) => b.title));
/** Outside production Apollo adds a stack trace to errors; these tests compare the rest. */
const withoutStack = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => ({
  ...body,
  errors: body.errors?.map(({ extensions: { stacktrace: _s, ...extensions } = {}, ...e }) => ({ ...e, extensions })),
});
const UNAUTHENTICATED = {
  status: 401,
  body: { errors: [{ message: 'Authentification requise ou jeton invalide.', extensions: { code: 'UNAUTHENTICATED' } }] },
};

describe('RS256 tokens from an identity provider (JWKS_URL)', () => {
  it('carry the identity to the subgraphs, like the development tokens', async () => {
    const viaIdp = await graph.query(OWN_BOOKINGS, {}, { token: rs256(current.privateKey, 'key-2026-01') });
    expect(viaIdp.status).toBe(200);
    expect(titles(viaIdp.body)).toContain('Dîner d’équipe');
    const viaDevToken = await graph.query(OWN_BOOKINGS, {}, { token: tokenFor(acupuncture) });
    expect(viaDevToken.body).toEqual(viaIdp.body);
    expect(titles((await graph.query(OWN_BOOKINGS)).body)).not.toContain('Dîner d’équipe');
  });

  it('follow a key rotation: a token signed with a new kid works once the JWKS publishes it', async () => {
    const rotated = rs256(next.privateKey, 'key-2026-02');
    keys = [jwkOf(current.publicKey, 'key-2026-01'), jwkOf(next.publicKey, 'key-2026-02')];
    await new Promise((r) => setTimeout(r, 1100)); // JWKS_REFETCH_COOLDOWN_MS since the last fetch
    const { status, body } = await graph.query(OWN_BOOKINGS, {}, { token: rotated });
    expect(status).toBe(200);
    expect(titles(body)).toContain('Dîner d’équipe');
  });

  it('refuse an unknown kid and a forged key with UNAUTHENTICATED, fetching the JWKS at most once per cooldown', async () => {
    await new Promise((r) => setTimeout(r, 1100));
    const before = fetches;
    for (let i = 0; i < 5; i++) {
      const { status, body } = await graph.query('{ house { name } }', {}, { token: rs256(attacker.privateKey, `forged-${i}`) });
      expect({ status, body: withoutStack(body) }).toEqual(UNAUTHENTICATED);
    }
    expect(fetches - before).toBe(1);
    const forged = await graph.query('{ house { name } }', {}, { token: rs256(attacker.privateKey, 'key-2026-01') });
    expect({ status: forged.status, body: withoutStack(forged.body) }).toEqual(UNAUTHENTICATED);
  });
});
