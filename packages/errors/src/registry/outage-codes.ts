import type { GraphQLCodeEntry } from './code-entry';

/** A part of the house that did not answer: the rest of the answer still comes. */
export const OUTAGE_CODES = {
  SUBGRAPH_UNAVAILABLE: {
    description:
      'A subgraph did not answer usably: the fields it serves are null, each with this error and its path; extensions.subgraph names it, extensions.reason says why.',
    httpStatus: 200,
    writtenBy: 'house',
    messages: {},
    reasons: {
      TIMEOUT: {
        description: 'the subgraph did not answer within its timeout',
        fr: 'Le service « {subgraph} » n’a pas répondu à temps ; ses données manquent dans cette réponse.',
        en: 'The {subgraph} service did not answer in time; its data is missing from this response.',
      },
      CONNECTION_REFUSED: {
        description: 'nothing listens at its address (or the name does not resolve)',
        fr: 'Le service « {subgraph} » est injoignable (connexion refusée) ; ses données manquent dans cette réponse.',
        en: 'The {subgraph} service could not be reached (connection refused); its data is missing from this response.',
      },
      CONNECTION_LOST: {
        description: 'the connection closed before the answer',
        fr: 'La connexion au service « {subgraph} » a été coupée avant sa réponse ; ses données manquent dans cette réponse.',
        en: 'The connection to the {subgraph} service was lost before its answer; its data is missing from this response.',
      },
      SERVER_ERROR: {
        description: 'the subgraph answered HTTP 5xx',
        fr: 'Le service « {subgraph} » a répondu par une erreur de serveur ; ses données manquent dans cette réponse.',
        en: 'The {subgraph} service answered with a server error; its data is missing from this response.',
      },
      REQUEST_REFUSED: {
        description: 'the subgraph refused the gateway’s own request (HTTP 4xx without GraphQL errors, or a refused signature)',
        fr: 'Le service « {subgraph} » a refusé la requête de la passerelle ; ses données manquent dans cette réponse.',
        en: "The {subgraph} service refused the gateway's request; its data is missing from this response.",
      },
      INVALID_RESPONSE: {
        description: 'the answer is not a GraphQL response (an HTML error page, a 404 of a proxy)',
        fr: 'Le service « {subgraph} » a envoyé une réponse qui n’est pas du GraphQL ; ses données manquent dans cette réponse.',
        en: 'The {subgraph} service sent an answer that is not GraphQL; its data is missing from this response.',
      },
    },
  },
  DATABASE_UNAVAILABLE: {
    description:
      'A subgraph could not use its PostgreSQL (down, restarting, unreachable, or the connection was cut): the fields it serves are null, each with this error and its path; extensions.subgraph names it, extensions.reason says why. Retry later: the transaction of a write that failed this way did not commit and changed nothing; only a connection lost during the commit itself leaves the outcome unknown (retry with the same idempotencyKey where the mutation takes one).',
    httpStatus: 200,
    writtenBy: 'house',
    messages: {},
    reasons: {
      CONNECTION_REFUSED: {
        description: 'the database refused the connection or is not accepting any (stopped, starting, restarting, or out of connections)',
        fr: 'La base de données du service « {subgraph} » est indisponible ; ses données manquent dans cette réponse. Réessayez dans un instant.',
        en: 'The database of the {subgraph} service is unavailable; its data is missing from this response. Try again in a moment.',
      },
      CONNECTION_LOST: {
        description: 'the connection to the database was cut during the request (the server shut down, crashed or ended it)',
        fr: 'La connexion du service « {subgraph} » à sa base de données a été coupée pendant la requête ; ses données manquent dans cette réponse. Réessayez dans un instant.',
        en: 'The connection of the {subgraph} service to its database was lost during the request; its data is missing from this response. Try again in a moment.',
      },
      TIMEOUT: {
        description: 'no connection to the database could be had in time (unreachable, or every connection of the pool busy)',
        fr: 'La base de données du service « {subgraph} » n’a pas répondu à temps ; ses données manquent dans cette réponse. Réessayez dans un instant.',
        en: 'The database of the {subgraph} service did not answer in time; its data is missing from this response. Try again in a moment.',
      },
    },
  },
  SERVICE_UNAVAILABLE: {
    description:
      'A write in a shared space needs a part of the house that could not be used (the ledger of the tenants subgraph, or the subgraph that vouches for a member or an artist booking): nothing was saved; extensions.reason says which.',
    httpStatus: 200,
    writtenBy: 'house',
    messages: {},
    reasons: {
      LEDGER_UNAVAILABLE: {
        description: 'the ledger of the shared spaces (tenants subgraph) did not answer',
        fr: 'Le registre des espaces partagés (sous-graphe tenants) ne répond pas : rien n’a été enregistré. Réessayez plus tard.',
        en: 'The ledger of the shared spaces (tenants subgraph) did not answer: nothing was saved. Try again later.',
      },
      LEDGER_NOT_CONFIGURED: {
        description: 'the subgraph has no address for the ledger (TENANTS_URL is not set)',
        fr: 'Le registre des espaces partagés (sous-graphe tenants) n’est pas configuré (TENANTS_URL) : rien n’a été enregistré.',
        en: 'The ledger of the shared spaces (tenants subgraph) is not configured (TENANTS_URL): nothing was saved.',
      },
      COWORKING_UNAVAILABLE: {
        description: 'the coworking subgraph, which says whether a member may hold a booking, did not answer the tenants subgraph',
        fr: 'Le sous-graphe coworking, qui dit si un membre peut réserver, ne répond pas : rien n’a été enregistré. Réessayez plus tard.',
        en: 'The coworking subgraph, which says whether a member may book, did not answer: nothing was saved. Try again later.',
      },
      GALLERY_UNAVAILABLE: {
        description: 'the gallery subgraph, which says whether an artist may hold a booking, did not answer the tenants subgraph',
        fr: 'Le sous-graphe gallery, qui dit si un artiste peut réserver, ne répond pas : rien n’a été enregistré. Réessayez plus tard.',
        en: 'The gallery subgraph, which says whether an artist may book, did not answer: nothing was saved. Try again later.',
      },
    },
  },
} as const satisfies Record<string, GraphQLCodeEntry>;
