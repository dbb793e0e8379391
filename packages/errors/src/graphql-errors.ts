import { GraphQLError } from 'graphql';
import type { Lang } from '@maison/config';

/**
 * Failures that are not expected outcomes: missing or bad credentials, forbidden actions,
 * malformed arguments. They travel as GraphQL errors with a stable extensions.code.
 */
export type GraphQLErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'INTERNAL_SERVER_ERROR';

const MESSAGES: Record<GraphQLErrorCode, Record<Lang, string>> = {
  UNAUTHENTICATED: { fr: 'Authentification requise ou jeton invalide.', en: 'Authentication required or invalid token.' },
  FORBIDDEN: { fr: 'Action non permise.', en: 'This action is not allowed.' },
  BAD_USER_INPUT: { fr: 'Argument invalide.', en: 'Invalid argument.' },
  INTERNAL_SERVER_ERROR: { fr: 'Erreur interne.', en: 'Internal error.' },
};

export function graphqlError(code: GraphQLErrorCode, lang: Lang, detail?: string): GraphQLError {
  const base = MESSAGES[code][lang];
  return new GraphQLError(detail ? `${base} ${detail}` : base, { extensions: { code } });
}

export const unauthenticated = (lang: Lang, detail?: string) => graphqlError('UNAUTHENTICATED', lang, detail);
export const forbidden = (lang: Lang, detail?: string) => graphqlError('FORBIDDEN', lang, detail);
export const badUserInput = (lang: Lang, detail?: string) => graphqlError('BAD_USER_INPUT', lang, detail);
