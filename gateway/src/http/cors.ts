import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Cross-origin access for browser front ends (the Fetch standard's CORS protocol).
 *
 * CORS_ORIGINS lists the origins let in, comma-separated: exact origins (`https://app.example`),
 * a wildcard for subdomains (`https://*.example`), or `*` for any origin. Unset: in development
 * every http://localhost:<port>, http://127.0.0.1:<port> and http://[::1]:<port>; in production
 * none (same-origin only). No credentials mode: tokens travel in `Authorization`, never in cookies.
 */
export const ALLOWED_REQUEST_HEADERS = [
  'content-type',
  'authorization',
  'accept',
  'accept-language',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
] as const;
export const EXPOSED_RESPONSE_HEADERS = ['x-request-id', 'retry-after', 'x-cache', 'age', 'content-language'] as const;
export const ALLOWED_METHODS = ['GET', 'POST', 'OPTIONS'] as const;
/** How long a browser may reuse a preflight answer (Chromium caps it at 7200 s). */
export const PREFLIGHT_MAX_AGE_SECONDS = 7200;

export interface CorsPolicy {
  /** Whether a browser page on this origin may read the gateway's answers. */
  allows(origin: string): boolean;
  /** `*`: every origin, answered with `Access-Control-Allow-Origin: *`. */
  readonly anyOrigin: boolean;
  /** What the policy lets in, for the boot log. */
  readonly description: string;
}

const DEV_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;
const ORIGIN = /^(https?):\/\/(\*\.)?([a-z0-9.-]+|\[[0-9a-f:]+\])(:\d{1,5})?$/;

/** Parses CORS_ORIGINS; throws an Error naming the first entry that is not an origin. */
export function parseCorsOrigins(raw: string): string[] {
  const entries = raw
    .split(',')
    .map((s) => s.trim().toLowerCase().replace(/\/$/, ''))
    .filter(Boolean);
  if (entries.length === 0) throw new Error('lists no origin');
  for (const entry of entries) {
    if (entry !== '*' && !ORIGIN.test(entry)) throw new Error(`${JSON.stringify(entry)} is not an origin (scheme://host[:port], *, or https://*.domain)`);
  }
  return entries;
}

export function corsPolicy(origins: readonly string[] | undefined, production: boolean): CorsPolicy {
  if (!origins) {
    return production
      ? { anyOrigin: false, allows: () => false, description: 'same origin only' }
      : { anyOrigin: false, allows: (origin) => DEV_ORIGIN.test(origin), description: 'http://localhost:*, http://127.0.0.1:*, http://[::1]:*' };
  }
  if (origins.includes('*')) return { anyOrigin: true, allows: () => true, description: '*' };
  const exact = new Set(origins.filter((o) => !o.includes('*')));
  const suffixes = origins
    .filter((o) => o.includes('*'))
    .map((o) => {
      const [scheme, host] = o.split('://*.') as [string, string];
      return { prefix: `${scheme}://`, suffix: `.${host}` };
    });
  return {
    anyOrigin: false,
    allows: (origin) => {
      const o = origin.toLowerCase();
      return (
        exact.has(o) ||
        suffixes.some(
          ({ prefix, suffix }) =>
            o.startsWith(prefix) && o.endsWith(suffix) && o.length > prefix.length + suffix.length && !o.slice(prefix.length, -suffix.length).includes('/'),
        )
      );
    },
    description: origins.join(', '),
  };
}

const isPreflight = (req: IncomingMessage) => req.method === 'OPTIONS' && typeof req.headers['access-control-request-method'] === 'string';

/**
 * Sets the CORS headers of an answer and answers OPTIONS itself, before anything else runs (no
 * rate-limit token, no body read, no CSRF check). Returns true when the request is answered.
 * An origin the policy refuses gets no Access-Control-* header: the browser keeps the answer
 * from the page, which is how CORS refuses.
 */
export function applyCors(policy: CorsPolicy, req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  const allowed = typeof origin === 'string' && policy.allows(origin);
  if (allowed) {
    res.setHeader('access-control-allow-origin', policy.anyOrigin ? '*' : origin);
    res.setHeader('access-control-expose-headers', EXPOSED_RESPONSE_HEADERS.join(', '));
  }
  if (req.method !== 'OPTIONS') return false;
  if (allowed && isPreflight(req)) {
    res.setHeader('access-control-allow-methods', ALLOWED_METHODS.join(', '));
    res.setHeader('access-control-allow-headers', ALLOWED_REQUEST_HEADERS.join(', '));
    res.setHeader('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS));
  }
  res.writeHead(204, { allow: ALLOWED_METHODS.join(', '), 'content-length': '0' });
  res.end();
  return true;
}
