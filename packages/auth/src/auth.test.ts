import { createHash, createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { issueToken, InvalidTokenError, verifyToken } from './jwt';
import { ANONYMOUS } from './identity';
import { HEADERS, newNonce, signatureHeaders, signRequest, SignatureError, verifyRequest } from './signature';

const settings = { secret: 's'.repeat(40), issuer: 'https://issuer.test', audience: 'la-maison-api' };
const tenantId = '4a3b1d52-0a53-5e4b-8f7e-2d0c1a9b8e77';

describe('access tokens', () => {
  it('returns the identity of a valid token', () => {
    const token = issueToken({ sub: 'u1', roles: ['TENANT'], tenantId }, settings);
    expect(verifyToken(token, settings)).toEqual({ sub: 'u1', roles: ['TENANT'], tenantId });
  });

  it('refuses an expired token', () => {
    const token = issueToken({ sub: 'u1', roles: [] }, settings, 60);
    expect(() => verifyToken(token, settings, Date.now() + 120_000)).toThrow(InvalidTokenError);
  });

  it('refuses a tampered token', () => {
    const token = issueToken({ sub: 'u1', roles: ['MEMBER'] }, settings);
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'u1', roles: ['ADMIN'], iss: settings.issuer, aud: settings.audience, exp: 9999999999 })).toString(
      'base64url',
    );
    expect(() => verifyToken(`${header}.${forged}.${signature}`, settings)).toThrow(/invalid signature/);
  });

  it('refuses another issuer, another audience, another secret, and alg none', () => {
    const token = issueToken({ sub: 'u1', roles: [] }, settings);
    expect(() => verifyToken(token, { ...settings, issuer: 'https://other' })).toThrow(/issuer/);
    expect(() => verifyToken(token, { ...settings, audience: 'other' })).toThrow(/audience/);
    expect(() => verifyToken(token, { ...settings, secret: 't'.repeat(40) })).toThrow(/signature/);
    const none = jwt.sign({ sub: 'u1', roles: ['ADMIN'] }, '', { algorithm: 'none', issuer: settings.issuer, audience: settings.audience, expiresIn: 60 });
    expect(() => verifyToken(none, settings)).toThrow(InvalidTokenError);
  });

  it('refuses unknown roles and malformed ids', () => {
    const badRole = jwt.sign({ sub: 'u1', roles: ['ROOT'] }, settings.secret, { issuer: settings.issuer, audience: settings.audience, expiresIn: 60 });
    expect(() => verifyToken(badRole, settings)).toThrow(/roles/);
    const badId = jwt.sign({ sub: 'u1', roles: ['TENANT'], tenantId: "1' OR 1=1" }, settings.secret, {
      issuer: settings.issuer,
      audience: settings.audience,
      expiresIn: 60,
    });
    expect(() => verifyToken(badId, settings)).toThrow(/tenantId/);
  });

  it('refuses a token that never expires', () => {
    const forever = jwt.sign({ sub: 'u1', roles: [] }, settings.secret, { issuer: settings.issuer, audience: settings.audience });
    expect(() => verifyToken(forever, settings)).toThrow(/expire/);
  });
});

/** The problem of the SignatureError fn throws. */
function problemOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof SignatureError) return error.problem;
    throw error;
  }
  return undefined;
}

describe('gateway signatures', () => {
  const secret = 'g'.repeat(40);
  const body = '{"query":"{ house { name } }"}';
  const identity = { sub: 'u1', roles: ['TENANT' as const], tenantId };

  it('round-trips the identity and language', () => {
    const headers = signRequest(secret, identity, 'en', body);
    expect(verifyRequest(secret, headers, body, 60)).toMatchObject({ identity, lang: 'en', nonce: headers[HEADERS.nonce] });
    expect(verifyRequest(secret, signRequest(secret, ANONYMOUS, 'fr', body), body, 60)).toMatchObject({ identity: ANONYMOUS, lang: 'fr' });
  });

  it('refuses a missing signature, a tampered body, a forged identity and another secret', () => {
    const headers = signRequest(secret, identity, 'fr', body);
    expect(() => verifyRequest(secret, {}, body, 60)).toThrow(SignatureError);
    expect(() => verifyRequest(secret, headers, body.replace('house', 'tenants'), 60)).toThrow(/bad signature/);
    const admin = Buffer.from(JSON.stringify({ sub: 'u1', roles: ['ADMIN'] })).toString('base64url');
    expect(() => verifyRequest(secret, { ...headers, [HEADERS.identity]: admin }, body, 60)).toThrow(/bad signature/);
    expect(() => verifyRequest('h'.repeat(40), headers, body, 60)).toThrow(/bad signature/);
  });

  it('refuses a signature older than the allowed age, and accepts one just inside it', () => {
    const now = Date.now();
    const headers = signRequest(secret, identity, 'fr', body, now - 61_000);
    expect(() => verifyRequest(secret, headers, body, 60, now)).toThrow(/expired/);
    const fresh = signRequest(secret, identity, 'fr', body, now - 59_000);
    expect(verifyRequest(secret, fresh, body, 60, now).identity).toEqual(identity);
  });

  it('signs a fresh 128-bit nonce every time, inside the signed material: another nonce breaks the signature', () => {
    const first = signRequest(secret, identity, 'fr', body);
    const second = signRequest(secret, identity, 'fr', body, Number(first[HEADERS.timestamp]) * 1000);
    expect(first[HEADERS.nonce]).toMatch(/^[0-9a-f]{32}$/);
    expect(second[HEADERS.nonce]).not.toBe(first[HEADERS.nonce]);
    expect(second[HEADERS.signature]).not.toBe(first[HEADERS.signature]);
    expect(() => verifyRequest(secret, { ...first, [HEADERS.nonce]: second[HEADERS.nonce] }, body, 60)).toThrow(/bad signature/);
    const { [HEADERS.nonce]: _nonce, ...withoutNonce } = first;
    expect(problemOf(() => verifyRequest(secret, withoutNonce, body, 60))).toBe('MISSING');
    expect(problemOf(() => verifyRequest(secret, { ...first, [HEADERS.nonce]: 'not-hex' }, body, 60))).toBe('MALFORMED_NONCE');
  });

  it('draws distinct nonces across many refills of their pool (1,000 signatures, 256 nonces a refill)', () => {
    const nonces = Array.from({ length: 1000 }, () => signRequest(secret, identity, 'fr', body)[HEADERS.nonce]!);
    expect(nonces.every((nonce) => /^[0-9a-f]{32}$/.test(nonce))).toBe(true);
    expect(new Set([...nonces, ...Array.from({ length: 1000 }, newNonce)]).size).toBe(2000);
  });

  it('signs HMAC-SHA256(secret, "v2\\n" timestamp nonce identity lang sha256(body)), for every secret it is given', () => {
    const expected = (key: string, h: Record<string, string>) =>
      createHmac('sha256', key)
        .update(['v2', h[HEADERS.timestamp], h[HEADERS.nonce], 'abc', 'en', createHash('sha256').update(body).digest('hex')].join('\n'))
        .digest('hex');
    for (const key of [secret, 'h'.repeat(40), secret, 'é'.repeat(20)]) {
      const headers = signatureHeaders(key, 'abc', 'en', body, 1_700_000_000_500);
      expect([headers[HEADERS.timestamp], headers[HEADERS.signature]]).toEqual(['1700000000', expected(key, headers)]);
    }
  });

  it('says until when the signature is accepted: the end of the second timestamp + max age', () => {
    const now = 1_700_000_000_500;
    const verified = verifyRequest(secret, signRequest(secret, identity, 'fr', body, now), body, 60, now);
    expect(verified.expiresAt).toBe((1_700_000_000 + 61) * 1000);
    expect(() => verifyRequest(secret, signRequest(secret, identity, 'fr', body, now), body, 60, verified.expiresAt)).toThrow(/expired/);
    expect(verifyRequest(secret, signRequest(secret, identity, 'fr', body, now), body, 60, verified.expiresAt - 1).identity).toEqual(identity);
  });
});
