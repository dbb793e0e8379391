import type { Lang } from '@maison/config';
import type { UnavailableReason } from './subgraph-unavailable';

/** extensions.code of every error the gateway itself produces. */
export type GatewayErrorCode =
  | 'DEPTH_LIMIT_EXCEEDED'
  | 'ALIAS_LIMIT_EXCEEDED'
  | 'TOKEN_LIMIT_EXCEEDED'
  | 'COST_LIMIT_EXCEEDED'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'SUBGRAPH_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'BAD_REQUEST'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND';

export interface MessageParams {
  limit?: number;
  actual?: number;
  retryAfterSeconds?: number;
  subgraph?: string;
  reason?: UnavailableReason;
  requestId?: string;
  /** BAD_USER_INPUT: a variable (`$from`) or an argument (`calendar.from`), the scalar, and why. */
  input?: { kind: 'variable' | 'argument'; name: string; scalar: string; reason: string };
}

const UNAVAILABLE_FR: Record<UnavailableReason, (subgraph: string) => string> = {
  TIMEOUT: (s) => `Le service « ${s} » n’a pas répondu à temps`,
  CONNECTION_REFUSED: (s) => `Le service « ${s} » est injoignable (connexion refusée)`,
  CONNECTION_LOST: (s) => `La connexion au service « ${s} » a été coupée avant sa réponse`,
  SERVER_ERROR: (s) => `Le service « ${s} » a répondu par une erreur de serveur`,
  REQUEST_REFUSED: (s) => `Le service « ${s} » a refusé la requête de la passerelle`,
  INVALID_RESPONSE: (s) => `Le service « ${s} » a envoyé une réponse qui n’est pas du GraphQL`,
};
const UNAVAILABLE_EN: Record<UnavailableReason, (subgraph: string) => string> = {
  TIMEOUT: (s) => `The ${s} service did not answer in time`,
  CONNECTION_REFUSED: (s) => `The ${s} service could not be reached (connection refused)`,
  CONNECTION_LOST: (s) => `The connection to the ${s} service was lost before its answer`,
  SERVER_ERROR: (s) => `The ${s} service answered with a server error`,
  REQUEST_REFUSED: (s) => `The ${s} service refused the gateway's request`,
  INVALID_RESPONSE: (s) => `The ${s} service sent an answer that is not GraphQL`,
};

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
    fr: (p) => `${UNAVAILABLE_FR[p.reason ?? 'TIMEOUT'](p.subgraph!)} ; ses données manquent dans cette réponse.`,
    en: (p) => `${UNAVAILABLE_EN[p.reason ?? 'TIMEOUT'](p.subgraph!)}; its data is missing from this response.`,
  },
  BAD_REQUEST: {
    fr: () => 'Le corps de la requête n’est pas du JSON valide.',
    en: () => 'The request body is not valid JSON.',
  },
  BAD_USER_INPUT: {
    fr: ({ input: i }) => `${i!.kind === 'variable' ? `La variable « $${i!.name} »` : `L’argument « ${i!.name} »`} n’est pas un ${i!.scalar} valide : ${i!.reason}.`,
    en: ({ input: i }) => `${i!.kind === 'variable' ? `Variable "$${i!.name}"` : `Argument "${i!.name}"`} is not a valid ${i!.scalar}: ${i!.reason}.`,
  },
  NOT_FOUND: {
    fr: () => 'Aucune ressource à cette adresse : le point d’accès GraphQL est /graphql.',
    en: () => 'Nothing at this address: the GraphQL endpoint is /graphql.',
  },
  INTERNAL_SERVER_ERROR: {
    fr: (p) => `Erreur interne (requête ${p.requestId}).`,
    en: (p) => `Internal error (request ${p.requestId}).`,
  },
};

export const gatewayMessage = (code: GatewayErrorCode, lang: Lang, params: MessageParams = {}): string => GATEWAY_MESSAGES[code][lang](params);
