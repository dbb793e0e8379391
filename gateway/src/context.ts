import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { ANONYMOUS, bearerToken, InvalidTokenError, verifyToken, type Identity } from '@maison/auth';
import { negotiateLang, type Lang } from '@maison/config';
import { unauthenticated } from '@maison/errors';
import type { GatewayConfig } from './config';

export interface GatewayContext {
  identity: Identity;
  lang: Lang;
  requestId: string;
}

/** Verifies the caller's token: none is anonymous, a bad one is UNAUTHENTICATED (HTTP 401). */
export function identify(req: IncomingMessage, config: GatewayConfig, lang: Lang): Identity {
  try {
    const token = bearerToken(req.headers.authorization);
    if (!token) return ANONYMOUS;
    return verifyToken(token, { secret: config.jwtSecret, issuer: config.jwtIssuer, audience: config.jwtAudience });
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    const e = unauthenticated(lang);
    throw new GraphQLError(e.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}

export function buildContext(req: IncomingMessage, config: GatewayConfig, requestId: string): GatewayContext {
  const lang = negotiateLang(req.headers['accept-language']);
  return { identity: identify(req, config, lang), lang, requestId };
}
