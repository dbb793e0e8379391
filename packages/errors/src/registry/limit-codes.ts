import type { GraphQLCodeEntry } from './code-entry';

/** The gateway's limits, checked before any subgraph is called. */
export const LIMIT_CODES = {
  DEPTH_LIMIT_EXCEEDED: {
    description: 'The operation nests deeper than the gateway allows (extensions.limit, extensions.actual).',
    httpStatus: 400,
    writtenBy: 'house',
    messages: {
      default: {
        fr: 'La profondeur de la requête ({actual}) dépasse la limite de {limit}.',
        en: 'Query depth {actual} exceeds the limit of {limit}.',
      },
    },
  },
  ALIAS_LIMIT_EXCEEDED: {
    description: 'The operation uses more aliases than the gateway allows (extensions.limit, extensions.actual).',
    httpStatus: 400,
    writtenBy: 'house',
    messages: {
      default: {
        fr: 'La requête utilise {actual} alias ; la limite est de {limit}.',
        en: 'Query uses {actual} aliases, more than the limit of {limit}.',
      },
    },
  },
  TOKEN_LIMIT_EXCEEDED: {
    description: 'The document has more lexical tokens than the gateway parses (extensions.limit).',
    httpStatus: 400,
    writtenBy: 'house',
    messages: {
      default: { fr: 'La requête dépasse la limite de {limit} jetons lexicaux.', en: 'Query exceeds the limit of {limit} tokens.' },
    },
  },
  VARIABLES_DEPTH_LIMIT_EXCEEDED: {
    description: 'The variables nest objects and lists deeper than the gateway accepts (extensions.limit); refused before any other work.',
    httpStatus: 400,
    writtenBy: 'house',
    messages: {
      default: {
        fr: 'Les variables de la requête imbriquent objets et listes sur plus de {limit} niveaux.',
        en: 'Query variables nest objects and lists deeper than the limit of {limit} levels.',
      },
    },
  },
  COST_LIMIT_EXCEEDED: {
    description: 'The estimated cost of the operation (from @cost and @listSize) is over the budget (extensions.limit, extensions.actual).',
    httpStatus: 400,
    writtenBy: 'house',
    messages: {
      default: {
        fr: 'Le coût estimé de la requête ({actual}) dépasse la limite de {limit}. Pour qu’elle passe : découpez la période en plusieurs requêtes, baissez « first » ou demandez moins de champs.',
        en: 'Query cost {actual} exceeds the limit of {limit}. To fit: split the date range into several requests, lower "first", or ask for fewer fields.',
      },
    },
  },
  RATE_LIMITED: {
    description: 'Too many requests (or mutations) from this caller in the last minute; wait extensions.retryAfterSeconds (also in Retry-After).',
    httpStatus: 429,
    writtenBy: 'house',
    messages: {
      default: { fr: 'Trop de requêtes : réessayez dans {retryAfterSeconds} s.', en: 'Too many requests: try again in {retryAfterSeconds} s.' },
    },
  },
} as const satisfies Record<string, GraphQLCodeEntry>;
