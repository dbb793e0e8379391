import type { Message } from './message';

/** Why a subgraph refused a request that did not come signed from the gateway: the {problem} of its UNAUTHENTICATED. */
export const SIGNATURE_PROBLEMS = {
  MISSING: { fr: 'signature de la passerelle absente', en: 'missing gateway signature' },
  MALFORMED_TIMESTAMP: { fr: 'horodatage mal formé', en: 'malformed timestamp' },
  MALFORMED_NONCE: { fr: 'nonce mal formé', en: 'malformed nonce' },
  EXPIRED: { fr: 'signature expirée', en: 'signature expired' },
  BAD: { fr: 'signature invalide', en: 'bad signature' },
  UNKNOWN_LANGUAGE: { fr: 'langue inconnue', en: 'unknown language' },
  MALFORMED_IDENTITY: { fr: 'identité mal formée', en: 'malformed identity' },
  REPLAYED: { fr: 'signature déjà utilisée (rejeu)', en: 'signature already used (replay)' },
  NONCES_FULL: { fr: 'trop de requêtes signées à retenir', en: 'too many signed requests to remember' },
  INVALID_REQUEST: { fr: 'requête invalide', en: 'invalid request' },
} as const satisfies Record<string, Message>;

export type SignatureProblemKey = keyof typeof SIGNATURE_PROBLEMS;
