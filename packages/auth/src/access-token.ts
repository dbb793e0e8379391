import jwt from 'jsonwebtoken';
import type { Identity } from './identity';
import { InvalidTokenError, verifySigned, verifyToken } from './jwt';
import type { JwksKeyStore } from './jwks';

export interface AccessTokenSettings {
  issuer: string;
  audience: string;
  /** HS256 secret; undefined: HS256 tokens are refused. */
  secret?: string;
  /** The identity provider's keys; undefined: RS256 tokens are refused. */
  jwks?: JwksKeyStore;
}

/**
 * Verifies an access token by its algorithm: HS256 with the shared secret (development and
 * internal tools), RS256 with the key its `kid` names in the identity provider's JWKS.
 * Any other algorithm, a missing kid, an unknown key, a bad signature, expiry, issuer or audience
 * is an InvalidTokenError.
 */
export async function verifyAccessToken(token: string, settings: AccessTokenSettings, now = Date.now()): Promise<Identity> {
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || typeof decoded.payload === 'string') throw new InvalidTokenError('malformed token');
  const { alg, kid } = decoded.header;
  if (alg === 'HS256' && settings.secret) return verifyToken(token, { secret: settings.secret, issuer: settings.issuer, audience: settings.audience }, now);
  if (alg !== 'RS256' || !settings.jwks) throw new InvalidTokenError(`algorithm ${String(alg).slice(0, 20)} is not accepted`);
  if (typeof kid !== 'string' || kid.length === 0) throw new InvalidTokenError('RS256 token without kid');
  const key = await settings.jwks.getKey(kid);
  return verifySigned(token, key, 'RS256', settings, now);
}
