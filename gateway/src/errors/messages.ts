import type { Lang } from '@maison/config';

/** extensions.code of every error the gateway itself produces. */
export type GatewayErrorCode =
  | 'DEPTH_LIMIT_EXCEEDED'
  | 'ALIAS_LIMIT_EXCEEDED'
  | 'TOKEN_LIMIT_EXCEEDED'
  | 'COST_LIMIT_EXCEEDED'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'SUBGRAPH_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export interface MessageParams {
  limit?: number;
  actual?: number;
  retryAfterSeconds?: number;
  subgraph?: string;
  requestId?: string;
}

type Messages = Record<GatewayErrorCode, Record<Lang, (p: MessageParams) => string>>;

/** One place for the gateway's human-readable errors, in French (default) and English. */
export const GATEWAY_MESSAGES: Messages = {
  DEPTH_LIMIT_EXCEEDED: {
    fr: (p) => `La profondeur de la requête (${p.actual}) dépasse la limite de ${p.limit}.`,
    en: (p) => `Query depth ${p.actual} exceeds the limit of ${p.limit}.`,
  },
  ALIAS_LIMIT_EXCEEDED: {
    fr: (p) => `La requête utilise ${p.actual} alias ; la limite est de ${p.limit}.`,
    en: (p) => `Query uses ${p.actual} aliases, more than the limit of ${p.limit}.`,
  },
  TOKEN_LIMIT_EXCEEDED: {
    fr: (p) => `La requête dépasse la limite de ${p.limit} jetons lexicaux.`,
    en: (p) => `Query exceeds the limit of ${p.limit} tokens.`,
  },
  COST_LIMIT_EXCEEDED: {
    fr: (p) =>
      `Le coût estimé de la requête (${p.actual}) dépasse la limite de ${p.limit}. Pour qu’elle passe : découpez la période en plusieurs requêtes, baissez « first » ou demandez moins de champs.`,
    en: (p) => `Query cost ${p.actual} exceeds the limit of ${p.limit}. To fit: split the date range into several requests, lower "first", or ask for fewer fields.`,
  },
  PAYLOAD_TOO_LARGE: {
    fr: (p) => `Le corps de la requête dépasse la limite de ${p.limit} octets.`,
    en: (p) => `Request body exceeds the limit of ${p.limit} bytes.`,
  },
  RATE_LIMITED: {
    fr: (p) => `Trop de requêtes : réessayez dans ${p.retryAfterSeconds} s.`,
    en: (p) => `Too many requests: try again in ${p.retryAfterSeconds} s.`,
  },
  SUBGRAPH_UNAVAILABLE: {
    fr: (p) => `Le service « ${p.subgraph} » n’a pas répondu à temps ; ses données manquent dans cette réponse.`,
    en: (p) => `The ${p.subgraph} service did not answer in time; its data is missing from this response.`,
  },
  INTERNAL_SERVER_ERROR: {
    fr: (p) => `Erreur interne (requête ${p.requestId}).`,
    en: (p) => `Internal error (request ${p.requestId}).`,
  },
};

export const gatewayMessage = (code: GatewayErrorCode, lang: Lang, params: MessageParams = {}): string => GATEWAY_MESSAGES[code][lang](params);
