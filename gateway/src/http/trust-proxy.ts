import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/**
 * TRUST_PROXY: when `X-Forwarded-For` names the client (the semantics of Express's `trust proxy`,
 * through `proxy-addr`). The addresses of a request, nearest first, are the socket's peer then the
 * X-Forwarded-For entries from right to left; the client is the first of them that is not trusted
 * (or the last one when all are).
 *
 * - unset, `false` or `0`: trust nothing; the client is the socket's peer.
 * - a number N: trust the N nearest addresses (the peer and N-1 entries): the client is the entry
 *   N from the right of X-Forwarded-For, or its leftmost when it has fewer.
 * - a comma list of addresses, CIDRs or the names loopback, linklocal, uniquelocal: trust those;
 *   the walk goes right to left past every trusted address.
 *
 * Entries that are not IP addresses are ignored (skipped), never an error.
 */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'list'; entries: string[]; trusts: (address: string) => boolean };

const NONE: TrustProxy = { kind: 'none' };

/** Parses TRUST_PROXY; throws an Error saying what is wrong. */
export function parseTrustProxy(raw: string): TrustProxy {
  const text = raw.trim();
  if (text === '' || text === 'false') return NONE;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 100) throw new Error('a hop count is at most 100');
    return hops === 0 ? NONE : { kind: 'hops', hops };
  }
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  let compiled: (address: string, i: number) => boolean;
  try {
    compiled = proxyaddr.compile(entries);
  } catch (error) {
    throw new Error(`a number, false, or addresses/CIDRs (loopback, linklocal, uniquelocal): ${(error as Error).message}`);
  }
  return { kind: 'list', entries, trusts: (address) => compiled(address, 0) };
}

/** The addresses of a request, nearest first: the socket's peer, then X-Forwarded-For right to left, invalid entries left out. */
export function forwardedChain(req: IncomingMessage): string[] {
  const peer = req.socket.remoteAddress ?? 'unknown';
  const header = req.headers['x-forwarded-for'];
  const raw = Array.isArray(header) ? header.join(',') : (header ?? '');
  const forwarded = raw
    .split(',')
    .map((e) => e.trim())
    .filter((e) => isIP(e) !== 0)
    .reverse();
  return [peer, ...forwarded];
}

/** The client's address under a TRUST_PROXY setting. */
export function clientAddress(req: IncomingMessage, trust: TrustProxy = NONE): string {
  if (trust.kind === 'none') return req.socket.remoteAddress ?? 'unknown';
  const chain = forwardedChain(req);
  for (let i = 0; i < chain.length - 1; i++) {
    const trusted = trust.kind === 'hops' ? i < trust.hops : trust.trusts(chain[i]!);
    if (!trusted) return chain[i]!;
  }
  return chain[chain.length - 1]!;
}
