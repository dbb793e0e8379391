import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { ANONYMOUS, bearerToken, InvalidTokenError, JwksKeyStore, verifyAccessToken, type AccessTokenSettings, type Identity } from '@maison/auth';
import { negotiateLang, type Lang } from '@maison/config';
import { unauthenticated } from '@maison/errors';
import type { GatewayConfig } from './config';
import type { VerifiedTokens } from './verified-tokens';
import type { CacheSlot } from './response-cache/response-cache';
import type { SubgraphFailure } from './errors/unavailable-paths';
import type { Prefetched, Preparing } from './apollo/prepared-operations';
import type { Take } from './rate-limit/token-bucket';
import { clientAddress, type TrustProxy } from './http/trust-proxy';

export interface GatewayContext {
  identity: Identity;
  lang: Lang;
  requestId: string;
  /** Who the rate limits count against: `sub:<sub>` or `ip:<address>`; unset for the gateway's own operations. */
  clientKey?: string;
  /** Present when the answer may be shared through the response cache (anonymous reads). */
  responseCache?: CacheSlot;
  /** The subgraph calls of this request that failed, for the paths of their errors (unavailable-paths-plugin.ts). */
  subgraphFailures?: SubgraphFailure[];
  /** Set by the HTTP path: a one-fetch answer may go out as the subgraph's text (apollo/verbatim-answer.ts). */
  verbatim?: boolean;
  /** Set by the HTTP path: what this request's full pipeline did that the prepared lane may keep (apollo/prepared-operations.ts). */
  preparing?: Preparing;
  /** The subgraph call the prepared lane made for this request before handing it to the full pipeline. */
  prefetched?: Prefetched;
  /** The mutation rate limit's answer, when the prepared lane asked it before handing the request on. */
  mutationTaken?: Take;
}

/** The token settings of a gateway: HS256 with JWT_SECRET (unless turned off), RS256 with JWKS_URL's keys. */
export function accessTokenSettings(config: GatewayConfig): AccessTokenSettings {
  return {
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
    secret: config.jwtAcceptHs256 ? config.jwtSecret : undefined,
    jwks: config.jwksUrl
      ? new JwksKeyStore({ url: config.jwksUrl, cacheMs: config.jwksCacheSeconds * 1000, refetchCooldownMs: config.jwksRefetchCooldownMs })
      : undefined,
  };
}

/** The UNAUTHENTICATED error of a bad token (HTTP 401), in the caller's language. */
export function invalidTokenError(lang: Lang): GraphQLError {
  const e = unauthenticated(lang);
  return new GraphQLError(e.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export type Identified = { identity: Identity; error?: undefined; reason?: undefined } | { identity?: undefined; error: GraphQLError; reason: string };

/** Verifies the caller's token: none is anonymous, a bad one is an UNAUTHENTICATED error (HTTP 401). */
export async function identify(req: IncomingMessage, settings: AccessTokenSettings, lang: Lang, verified?: VerifiedTokens): Promise<Identified> {
  try {
    const token = bearerToken(req.headers.authorization);
    if (!token) return { identity: ANONYMOUS };
    const known = verified?.get(token);
    if (known) return { identity: known };
    const identity = await verifyAccessToken(token, settings);
    verified?.remember(token, identity, expiryOf(token));
    return { identity };
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    return { error: invalidTokenError(lang), reason: error.message };
  }
}

/** The exp claim of a token whose signature was just verified. */
function expiryOf(token: string): number | undefined {
  try {
    const exp = (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : undefined;
  } catch {
    return undefined;
  }
}

export const requestLang = (req: IncomingMessage): Lang => negotiateLang(req.headers['accept-language']);

/** Rate limits count per verified identity, or per client address for anonymous callers (X-Forwarded-For as TRUST_PROXY says). */
export const clientKeyOf = (req: IncomingMessage, identity: Identity | undefined, trust?: TrustProxy): string =>
  identity?.sub ? `sub:${identity.sub}` : `ip:${clientAddress(req, trust)}`;
