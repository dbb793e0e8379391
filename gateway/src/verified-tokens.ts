import type { Identity } from '@maison/auth';

/**
 * Identities of recently verified access tokens, by the exact token string. A client sends the
 * same token with every request until it expires; verifying its signature each time is a large
 * share of the gateway's work on small operations. An entry is only the result of a successful
 * verification of those exact bytes, and is used until the earliest of the token's own expiry and
 * a short lifetime (so a key withdrawn from the JWKS stops working within REMEMBER_MS, as it
 * would through the JWKS cache). Failed verifications are not remembered.
 */
export class VerifiedTokens {
  static readonly REMEMBER_MS = 60_000;
  private readonly entries = new Map<string, { identity: Identity; until: number }>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): Identity | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (this.now() >= entry.until) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.identity;
  }

  remember(token: string, identity: Identity, expiresAtSeconds: number | undefined): void {
    const until = Math.min(this.now() + VerifiedTokens.REMEMBER_MS, expiresAtSeconds === undefined ? 0 : expiresAtSeconds * 1000);
    if (until <= this.now()) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { identity, until });
  }
}
