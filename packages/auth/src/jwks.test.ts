import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { verifyAccessToken } from './access-token';
import { JwksKeyStore, JwksUnavailableError } from './jwks';
import { InvalidTokenError, issueToken } from './jwt';

const issuer = 'https://idp.test/';
const audience = 'la-maison-api';
const tenantId = '4a3b1d52-0a53-5e4b-8f7e-2d0c1a9b8e77';

const rsaKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwkOf = (publicKey: KeyObject, kid: string) => ({ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' });
const rs256 = (privateKey: KeyObject, kid: string, claims: object = { sub: 'u1', roles: ['TENANT'], tenantId }, expiresIn = 600) =>
  jwt.sign(claims, privateKey, { algorithm: 'RS256', keyid: kid, issuer, audience, expiresIn });

/** A local identity provider: serves whatever key set the test puts in `keys`, counts its fetches. */
let server: Server;
let url: string;
let keys: object[] = [];
let served = 0;
let down = false;
beforeAll(async () => {
  server = createServer((_req, res) => {
    served += 1;
    if (down) {
      res.writeHead(503).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const first = rsaKey();
const second = rsaKey();
const attacker = rsaKey();
const store = (options: Partial<ConstructorParameters<typeof JwksKeyStore>[0]> = {}) =>
  new JwksKeyStore({ url, cacheMs: 600_000, refetchCooldownMs: 0, ...options });

beforeEach(() => {
  keys = [jwkOf(first.publicKey, 'k1')];
  served = 0;
  down = false;
});

describe('RS256 tokens verified against a JWKS', () => {
  it('returns the identity of a token signed with a published key', async () => {
    await expect(verifyAccessToken(rs256(first.privateKey, 'k1'), { issuer, audience, jwks: store() })).resolves.toEqual({
      sub: 'u1',
      roles: ['TENANT'],
      tenantId,
    });
  });

  it('follows a key rotation: a new kid works once published, a retired one stops with the cache', async () => {
    let now = 0;
    const jwks = store({ cacheMs: 600_000, refetchCooldownMs: 30_000, now: () => now });
    const settings = { issuer, audience, jwks };
    await verifyAccessToken(rs256(first.privateKey, 'k1'), settings);
    keys = [jwkOf(first.publicKey, 'k1'), jwkOf(second.publicKey, 'k2')];
    now = 30_000;
    await expect(verifyAccessToken(rs256(second.privateKey, 'k2'), settings)).resolves.toMatchObject({ sub: 'u1' });
    expect(served).toBe(2);
    keys = [jwkOf(second.publicKey, 'k2')];
    await expect(verifyAccessToken(rs256(first.privateKey, 'k1'), settings)).resolves.toMatchObject({ sub: 'u1' });
    now = 630_000;
    await expect(verifyAccessToken(rs256(first.privateKey, 'k1'), settings)).rejects.toThrow(/unknown signing key "k1"/);
    await expect(verifyAccessToken(rs256(second.privateKey, 'k2'), settings)).resolves.toMatchObject({ sub: 'u1' });
    expect(served).toBe(3);
  });

  it('refuses an unknown kid, a key the JWKS does not hold, a forged signature, expiry, issuer and audience', async () => {
    const settings = { issuer, audience, jwks: store() };
    await expect(verifyAccessToken(rs256(attacker.privateKey, 'k9'), settings)).rejects.toThrow(/unknown signing key/);
    await expect(verifyAccessToken(rs256(attacker.privateKey, 'k1'), settings)).rejects.toThrow(/invalid signature/);
    await expect(verifyAccessToken(rs256(first.privateKey, 'k1', { sub: 'u1', roles: [] }, -60), settings)).rejects.toThrow(/expired/);
    await expect(verifyAccessToken(rs256(first.privateKey, 'k1'), { ...settings, issuer: 'https://other/' })).rejects.toThrow(/issuer/);
    await expect(verifyAccessToken(rs256(first.privateKey, 'k1'), { ...settings, audience: 'other' })).rejects.toThrow(/audience/);
    const withoutKid = jwt.sign({ sub: 'u1', roles: [] }, first.privateKey, { algorithm: 'RS256', issuer, audience, expiresIn: 60 });
    await expect(verifyAccessToken(withoutKid, settings)).rejects.toThrow(/without kid/);
  });

  it('refuses HS256 signed with the public key (algorithm confusion), alg none, and whatever is turned off', async () => {
    const jwks = store();
    const pem = first.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const confused = jwt.sign({ sub: 'u1', roles: ['ADMIN'] }, pem, { algorithm: 'HS256', keyid: 'k1', issuer, audience, expiresIn: 60 });
    await expect(verifyAccessToken(confused, { issuer, audience, jwks })).rejects.toThrow(/algorithm HS256 is not accepted/);
    await expect(verifyAccessToken(confused, { issuer, audience, jwks, secret: 's'.repeat(40) })).rejects.toThrow(/invalid signature/);
    const none = jwt.sign({ sub: 'u1', roles: ['ADMIN'] }, '', { algorithm: 'none', issuer, audience, expiresIn: 60 });
    await expect(verifyAccessToken(none, { issuer, audience, jwks, secret: 's'.repeat(40) })).rejects.toThrow(InvalidTokenError);
    await expect(verifyAccessToken(rs256(first.privateKey, 'k1'), { issuer, audience, secret: 's'.repeat(40) })).rejects.toThrow(
      /algorithm RS256 is not accepted/,
    );
    await expect(verifyAccessToken('not a token', { issuer, audience, jwks })).rejects.toThrow(/malformed/);
  });

  it('still verifies HS256 tokens with the shared secret', async () => {
    const settings = { secret: 's'.repeat(40), issuer, audience };
    await expect(verifyAccessToken(issueToken({ sub: 'u2', roles: ['MEMBER'] }, settings), { ...settings, jwks: store() })).resolves.toEqual({
      sub: 'u2',
      roles: ['MEMBER'],
    });
  });
});

describe('the key cache', () => {
  it('fetches once for many lookups, and once for concurrent ones', async () => {
    const jwks = store();
    await Promise.all(Array.from({ length: 10 }, () => jwks.getKey('k1')));
    await jwks.getKey('k1');
    expect(served).toBe(1);
  });

  it('refetches on an unknown kid at most once per cooldown, however many forged kids arrive', async () => {
    let now = 1_000_000;
    const jwks = store({ refetchCooldownMs: 30_000, now: () => now });
    await jwks.getKey('k1');
    for (let i = 0; i < 20; i++) await expect(jwks.getKey(`forged-${i}`)).rejects.toThrow(InvalidTokenError);
    expect(served).toBe(1);
    now += 30_000;
    await expect(jwks.getKey('forged-x')).rejects.toThrow(InvalidTokenError);
    expect(served).toBe(2);
  });

  it('fetches again when the cache is older than cacheMs', async () => {
    let now = 0;
    const jwks = store({ cacheMs: 60_000, refetchCooldownMs: 60_000, now: () => now });
    await jwks.getKey('k1');
    now = 59_999;
    await jwks.getKey('k1');
    expect(served).toBe(1);
    now = 60_000;
    await jwks.getKey('k1');
    expect(served).toBe(2);
  });

  it('keeps known keys while the provider is down, and refuses when it never answered', async () => {
    let now = 0;
    const jwks = store({ cacheMs: 1000, now: () => now });
    await jwks.getKey('k1');
    down = true;
    now = 5000;
    await expect(jwks.getKey('k1')).resolves.toBeDefined();
    await expect(store().getKey('k1')).rejects.toThrow(JwksUnavailableError);
    await expect(store().getKey('k1')).rejects.toThrow(/JWKS unavailable: HTTP 503/);
  });
});
