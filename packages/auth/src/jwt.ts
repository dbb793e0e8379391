import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { identityFromClaims, type Identity, type Role } from './identity';

export interface JwtSettings {
  secret: string;
  issuer: string;
  audience: string;
}

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

/**
 * Verifies a token's signature with one algorithm and key, then its expiry, issuer and audience,
 * and returns the identity it carries. Every failure is an InvalidTokenError.
 */
export function verifySigned(
  token: string,
  key: jwt.Secret | import('node:crypto').KeyObject,
  algorithm: 'HS256' | 'RS256',
  expected: { issuer: string; audience: string },
  now = Date.now(),
): Identity {
  let claims: jwt.JwtPayload | string;
  try {
    claims = jwt.verify(token, key as jwt.Secret, {
      algorithms: [algorithm],
      issuer: expected.issuer,
      audience: expected.audience,
      clockTimestamp: Math.floor(now / 1000),
      clockTolerance: 5,
    });
  } catch (error) {
    throw new InvalidTokenError((error as Error).message);
  }
  if (typeof claims === 'string') throw new InvalidTokenError('payload must be a JSON object');
  if (claims.exp === undefined) throw new InvalidTokenError('token must expire');
  try {
    return identityFromClaims(claims);
  } catch (error) {
    throw new InvalidTokenError((error as Error).message);
  }
}

/**
 * The secret as a KeyObject, made once per secret. Given a string, jsonwebtoken first tries it as
 * a public key and builds a secret key from the thrown error on every call: a few percent of the
 * gateway's CPU under load.
 */
const secretKeys = new Map<string, KeyObject>();
export function secretKeyOf(secret: string): KeyObject {
  let key = secretKeys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    if (secretKeys.size >= 16) secretKeys.clear();
    secretKeys.set(secret, key);
  }
  return key;
}

/** Verifies an HS256 token (signature, expiry, issuer, audience) and returns the identity it carries. */
export function verifyToken(token: string, settings: JwtSettings, now = Date.now()): Identity {
  return verifySigned(token, secretKeyOf(settings.secret), 'HS256', settings, now);
}

export interface TokenClaims {
  sub: string;
  roles: Role[];
  tenantId?: string;
  memberId?: string;
  artistId?: string;
}

export function issueToken(claims: TokenClaims, settings: JwtSettings, expiresInSeconds = 8 * 3600): string {
  return jwt.sign({ ...claims }, settings.secret, {
    algorithm: 'HS256',
    issuer: settings.issuer,
    audience: settings.audience,
    expiresIn: expiresInSeconds,
  });
}

/** Extracts the token of an `Authorization: Bearer <token>` header; undefined when there is none. */
export function bearerToken(header: string | undefined | null): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new InvalidTokenError('Authorization header must be "Bearer <token>"');
  return match[1];
}
