import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { InvalidTokenError } from './jwt';

export interface JwksOptions {
  url: string;
  /** How long fetched keys are trusted before the next lookup fetches the set again. */
  cacheMs: number;
  /** Least time between two fetches caused by an unknown kid: a flood of forged kids costs one fetch. */
  refetchCooldownMs: number;
  /** Timeout of one fetch of the key set. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

/** Raised when the key set cannot be fetched or read: the token is refused, the operator is told why. */
export class JwksUnavailableError extends InvalidTokenError {
  constructor(reason: string) {
    super(`JWKS unavailable: ${reason}`);
    this.name = 'JwksUnavailableError';
  }
}

/** Turns the RSA signing keys of a JWKS document into public keys by kid; other keys are skipped. */
export function parseJwks(document: unknown): Map<string, KeyObject> {
  const keys = (document as { keys?: unknown })?.keys;
  if (!Array.isArray(keys)) throw new JwksUnavailableError('the document has no "keys" array');
  const out = new Map<string, KeyObject>();
  for (const jwk of keys as (JsonWebKey & { kid?: unknown; use?: unknown; alg?: unknown })[]) {
    if (jwk?.kty !== 'RSA' || typeof jwk.kid !== 'string') continue;
    if (jwk.use !== undefined && jwk.use !== 'sig') continue;
    if (jwk.alg !== undefined && jwk.alg !== 'RS256') continue;
    try {
      out.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
    } catch {
      // a malformed key is skipped; the others stay usable
    }
  }
  return out;
}

/**
 * The identity provider's public keys, fetched from its JWKS URL, cached for cacheMs, and fetched
 * again early when a token names a kid the cache does not hold (key rotation) — at most once per
 * refetchCooldownMs. Concurrent lookups share one fetch.
 */
export class JwksKeyStore {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private inflight: Promise<void> | undefined;
  private readonly now: () => number;
  private readonly fetchImpl: typeof fetch;
  /** How many times the key set was fetched (for tests and metrics). */
  fetches = 0;

  constructor(private readonly options: JwksOptions) {
    this.now = options.now ?? Date.now;
    this.fetchImpl = options.fetch ?? fetch;
  }

  async getKey(kid: string): Promise<KeyObject> {
    const age = this.now() - this.fetchedAt;
    if (age >= this.options.cacheMs || (!this.keys.has(kid) && age >= this.options.refetchCooldownMs)) {
      try {
        await this.refresh();
      } catch (error) {
        // The provider is unreachable: keys fetched before stay usable until it is back.
        if (!this.keys.has(kid)) throw error;
      }
    }
    const key = this.keys.get(kid);
    if (!key) throw new InvalidTokenError(`unknown signing key "${kid.slice(0, 100)}"`);
    return key;
  }

  private refresh(): Promise<void> {
    this.inflight ??= this.load().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  private async load(): Promise<void> {
    this.fetches += 1;
    // Counted as fetched even when it fails, so an unreachable provider is not hammered.
    this.fetchedAt = this.now();
    let document: unknown;
    try {
      const response = await this.fetchImpl(this.options.url, {
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      document = await response.json();
    } catch (error) {
      throw new JwksUnavailableError((error as Error).message);
    }
    this.keys = parseJwks(document);
  }
}
