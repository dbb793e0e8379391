import { types } from 'node:util';

/** Names of fields whose values never reach a log line, at any depth (headers, credentials). */
const SECRET_KEY = /^(authorization|proxy-authorization|cookie|set-cookie|x-maison-signature|x-maison-nonce)$|secret|password|token/i;
const REDACTED = '[redacted]';
const MAX_DEPTH = 6;

/** An error, from this realm or another (Node's own errors are not instanceof a test runner's Error; a DOMException is an error too). */
const isError = (value: object): value is Error =>
  value instanceof Error || types.isNativeError(value) || (typeof (value as Error).message === 'string' && typeof (value as Error).stack === 'string');

/** An error as a plain object: its type, message, stack, code and own fields (sanitized), and its cause. */
function errorFields(error: Error, depth: number): Record<string, unknown> {
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) own[key] = value;
  return {
    ...(safeValue(own, depth + 1) as Record<string, unknown>),
    type: error.name,
    message: error.message,
    stack: error.stack,
    ...(error.cause !== undefined && { cause: safeValue(error.cause, depth + 1) }),
  };
}

/**
 * A value as it may be logged: errors become plain objects (JSON.stringify of an Error is {}), secret
 * fields (authorization, cookies, signature headers, anything named like a secret, password or token)
 * become "[redacted]", and nesting stops at MAX_DEPTH, so cycles and huge structures cannot hurt.
 */
export function safeValue(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? value.toString() : value;
  if (depth >= MAX_DEPTH) return '[…]';
  if (isError(value)) return errorFields(value, depth);
  if (Array.isArray(value)) return value.map((item) => safeValue(item, depth + 1));
  if (value instanceof Date || Buffer.isBuffer(value)) return value;
  if (value instanceof Map) return safeValue(Object.fromEntries(value), depth);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? REDACTED : safeValue(item, depth + 1);
  return out;
}
