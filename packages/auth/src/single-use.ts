import type { NonceStore } from './nonce-store';
import { SignatureError, verifyRequest, type VerifiedRequest } from './signature';

type HeaderBag = Record<string, string | string[] | undefined>;

/**
 * verifyRequest, then the nonce: a signed request is accepted once. The signature is checked first,
 * so only requests signed with the secret ever reach the store.
 */
export async function verifySingleUse(
  secret: string,
  headers: HeaderBag,
  body: string | Buffer,
  maxAgeSeconds: number,
  nonces: NonceStore,
  now = Date.now(),
): Promise<VerifiedRequest> {
  const verified = verifyRequest(secret, headers, body, maxAgeSeconds, now);
  const claim = await nonces.claim(verified.nonce, verified.expiresAt);
  if (claim === 'replayed') throw new SignatureError('REPLAYED', 'signature already used (replay)');
  if (claim === 'full') throw new SignatureError('NONCES_FULL', 'too many signed requests to remember their nonces');
  return verified;
}
