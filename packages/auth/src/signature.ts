import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { DEFAULT_LANG, LANGS, type Lang } from '@maison/config';
import { ANONYMOUS, identityFromClaims, type Identity } from './identity';

/**
 * The gateway forwards the verified identity and language to the subgraphs in these headers and
 * signs them with HMAC-SHA256 over the identity, the language, a timestamp and the request body.
 * Subgraphs trust nothing else: a client that sends these headers itself cannot forge the signature.
 */
export const HEADERS = {
  identity: 'x-maison-identity',
  lang: 'x-maison-lang',
  timestamp: 'x-maison-timestamp',
  signature: 'x-maison-signature',
  requestId: 'x-request-id',
} as const;

export const SIGNED_HEADER_NAMES: readonly string[] = [HEADERS.identity, HEADERS.lang, HEADERS.timestamp, HEADERS.signature];

const sha256 = (body: string | Buffer) => createHash('sha256').update(body).digest('hex');

function mac(secret: string, timestamp: string, identity: string, lang: string, body: string | Buffer): string {
  return createHmac('sha256', secret)
    .update(`v1\n${timestamp}\n${identity}\n${lang}\n${sha256(body)}`)
    .digest('hex');
}

/** The identity header's value: base64url JSON, empty for anonymous callers. */
export function encodeIdentity(identity: Identity): string {
  if (identity.sub === null) return '';
  return Buffer.from(JSON.stringify(identity)).toString('base64url');
}

/** Timestamp and signature headers over an already encoded identity, a language and the exact body bytes. */
export function signatureHeaders(secret: string, encodedIdentity: string, lang: string, body: string | Buffer, now = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  return { [HEADERS.timestamp]: timestamp, [HEADERS.signature]: mac(secret, timestamp, encodedIdentity, lang, body) };
}

/** All four headers a subgraph needs to trust a request. */
export function signRequest(secret: string, identity: Identity, lang: Lang, body: string | Buffer, now = Date.now()): Record<string, string> {
  const encoded = encodeIdentity(identity);
  return { [HEADERS.identity]: encoded, [HEADERS.lang]: lang, ...signatureHeaders(secret, encoded, lang, body, now) };
}

/** What is wrong with a request's signature: the key of its message in the registry (SIGNATURE_PROBLEMS). */
export type SignatureProblem = 'MISSING' | 'MALFORMED_TIMESTAMP' | 'EXPIRED' | 'BAD' | 'UNKNOWN_LANGUAGE' | 'MALFORMED_IDENTITY';

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
  if (!signature || !timestamp) throw new SignatureError('MISSING', 'missing gateway signature');
  if (!/^\d{1,12}$/.test(timestamp)) throw new SignatureError('MALFORMED_TIMESTAMP', 'malformed timestamp');
  const age = Math.floor(now / 1000) - Number(timestamp);
  if (age > maxAgeSeconds || age < -maxAgeSeconds) throw new SignatureError('EXPIRED', 'signature expired');
  const expected = Buffer.from(mac(secret, timestamp, encoded, lang, body), 'hex');
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new SignatureError('BAD', 'bad signature');
  if (!LANGS.includes(lang as Lang)) throw new SignatureError('UNKNOWN_LANGUAGE', 'unknown language');
  if (encoded === '') return { identity: ANONYMOUS, lang: lang as Lang };
  try {
    return { identity: identityFromClaims(JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'))), lang: lang as Lang };
  } catch (error) {
    throw new SignatureError('MALFORMED_IDENTITY', `malformed identity: ${(error as Error).message}`);
  }
}
