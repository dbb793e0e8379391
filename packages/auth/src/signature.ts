import { createHmac, createSecretKey, hash, randomFillSync, timingSafeEqual, type KeyObject } from 'node:crypto';
import { DEFAULT_LANG, LANGS, type Lang } from '@maison/config';
import { ANONYMOUS, identityFromClaims, type Identity } from './identity';

/**
 * The gateway forwards the verified identity and language to the subgraphs in these headers and
 * signs them with HMAC-SHA256 over the identity, the language, a timestamp, a nonce and the request
 * body. Subgraphs trust nothing else: a client that sends these headers itself cannot forge the
 * signature, and the nonce (128 random bits, fresh for every signature) makes each signed request
 * single-use: the subgraph remembers it until the signature expires (single-use.ts).
 */
export const HEADERS = {
  identity: 'x-maison-identity',
  lang: 'x-maison-lang',
  timestamp: 'x-maison-timestamp',
  nonce: 'x-maison-nonce',
  signature: 'x-maison-signature',
  requestId: 'x-request-id',
} as const;

export const SIGNED_HEADER_NAMES: readonly string[] = [HEADERS.identity, HEADERS.lang, HEADERS.timestamp, HEADERS.nonce, HEADERS.signature];

const sha256 = (body: string | Buffer) => hash('sha256', body, 'hex');

/** The HMAC key of each secret, made once (a gateway and a subgraph have one or two secrets). */
const keys = new Map<string, KeyObject>();
function hmacKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= 16) keys.clear();
    keys.set(secret, (key = createSecretKey(secret, 'utf8')));
  }
  return key;
}

function mac(secret: string, timestamp: string, nonce: string, identity: string, lang: string, body: string | Buffer): string {
  return createHmac('sha256', hmacKey(secret))
    .update(`v2\n${timestamp}\n${nonce}\n${identity}\n${lang}\n${sha256(body)}`)
    .digest('hex');
}

/** A nonce: 128 random bits, 32 hex digits. */
const NONCE = /^[0-9a-f]{32}$/;
/**
 * Nonces come from a pool of 256, refilled from crypto's generator when spent: one randomFillSync
 * per 256 signatures instead of one randomBytes each. Each 16 bytes are read once, never again.
 */
const NONCE_BYTES = 16;
const pool = Buffer.alloc(NONCE_BYTES * 256);
let next = pool.length;
export function newNonce(): string {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  const nonce = pool.toString('hex', next, next + NONCE_BYTES);
  next += NONCE_BYTES;
  return nonce;
}

/** Encoded identities, by identity object: the gateway hands the same (read-only) object to every request of one token. */
const encodedIdentities = new WeakMap<Identity, string>();

/** The identity header's value: base64url JSON, empty for anonymous callers. */
export function encodeIdentity(identity: Identity): string {
  if (identity.sub === null) return '';
  let encoded = encodedIdentities.get(identity);
  if (encoded === undefined) encodedIdentities.set(identity, (encoded = Buffer.from(JSON.stringify(identity)).toString('base64url')));
  return encoded;
}

/**
 * Timestamp, nonce and signature headers over an already encoded identity, a language and the exact
 * body bytes. Each call draws a new nonce: a request sent twice (a retry) must be signed twice.
 */
export function signatureHeaders(secret: string, encodedIdentity: string, lang: string, body: string | Buffer, now = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  const nonce = newNonce();
  return { [HEADERS.timestamp]: timestamp, [HEADERS.nonce]: nonce, [HEADERS.signature]: mac(secret, timestamp, nonce, encodedIdentity, lang, body) };
}

/** All four headers a subgraph needs to trust a request. */
export function signRequest(secret: string, identity: Identity, lang: Lang, body: string | Buffer, now = Date.now()): Record<string, string> {
  const encoded = encodeIdentity(identity);
  return { [HEADERS.identity]: encoded, [HEADERS.lang]: lang, ...signatureHeaders(secret, encoded, lang, body, now) };
}

/** What is wrong with a request's signature: the key of its message in the registry (SIGNATURE_PROBLEMS). */
export type SignatureProblem =
  'MISSING' | 'MALFORMED_TIMESTAMP' | 'MALFORMED_NONCE' | 'EXPIRED' | 'BAD' | 'UNKNOWN_LANGUAGE' | 'MALFORMED_IDENTITY' | 'REPLAYED' | 'NONCES_FULL';

export class SignatureError extends Error {
  /** reason: for the operator's log. */
  constructor(
    readonly problem: SignatureProblem,
    reason: string,
  ) {
    super(reason);
    this.name = 'SignatureError';
  }
}

export interface VerifiedRequest {
  identity: Identity;
  lang: Lang;
  /** The signature's nonce, and the moment (ms) after which the signature is refused anyway. */
  nonce: string;
  expiresAt: number;
}

type HeaderBag = Record<string, string | string[] | undefined>;
const header = (headers: HeaderBag, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export function verifyRequest(secret: string, headers: HeaderBag, body: string | Buffer, maxAgeSeconds: number, now = Date.now()): VerifiedRequest {
  const signature = header(headers, HEADERS.signature);
  const timestamp = header(headers, HEADERS.timestamp);
  const encoded = header(headers, HEADERS.identity) ?? '';
  const lang = header(headers, HEADERS.lang) ?? DEFAULT_LANG;
  const nonce = header(headers, HEADERS.nonce);
  if (!signature || !timestamp || !nonce) throw new SignatureError('MISSING', 'missing gateway signature');
  if (!/^\d{1,12}$/.test(timestamp)) throw new SignatureError('MALFORMED_TIMESTAMP', 'malformed timestamp');
  if (!NONCE.test(nonce)) throw new SignatureError('MALFORMED_NONCE', 'malformed nonce');
  const age = Math.floor(now / 1000) - Number(timestamp);
  if (age > maxAgeSeconds || age < -maxAgeSeconds) throw new SignatureError('EXPIRED', 'signature expired');
  const expected = Buffer.from(mac(secret, timestamp, nonce, encoded, lang, body), 'hex');
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new SignatureError('BAD', 'bad signature');
  if (!LANGS.includes(lang as Lang)) throw new SignatureError('UNKNOWN_LANGUAGE', 'unknown language');
  // Accepted while its second is within maxAgeSeconds of now: until the end of second timestamp + maxAgeSeconds.
  const expiresAt = (Number(timestamp) + maxAgeSeconds + 1) * 1000;
  if (encoded === '') return { identity: ANONYMOUS, lang: lang as Lang, nonce, expiresAt };
  try {
    return { identity: identityFromClaims(JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'))), lang: lang as Lang, nonce, expiresAt };
  } catch (error) {
    throw new SignatureError('MALFORMED_IDENTITY', `malformed identity: ${(error as Error).message}`);
  }
}
