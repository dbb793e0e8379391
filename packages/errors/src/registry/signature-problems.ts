import type { Message } from './message';

/** Why a subgraph refused a request that did not come signed from the gateway: the {problem} of its UNAUTHENTICATED. */
export const SIGNATURE_PROBLEMS = {
  MISSING: { fr: 'signature de la passerelle absente', en: 'missing gateway signature' },
  MALFORMED_TIMESTAMP: { fr: 'horodatage mal formé', en: 'malformed timestamp' },
  EXPIRED: { fr: 'signature expirée', en: 'signature expired' },
  BAD: { fr: 'signature invalide', en: 'bad signature' },
  UNKNOWN_LANGUAGE: { fr: 'langue inconnue', en: 'unknown language' },
  MALFORMED_IDENTITY: { fr: 'identité mal formée', en: 'malformed identity' },
  INVALID_REQUEST: { fr: 'requête invalide', en: 'invalid request' },
} as const satisfies Record<string, Message>;

export type SignatureProblemKey = keyof typeof SIGNATURE_PROBLEMS;
