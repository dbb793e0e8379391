import type { GraphQLCodeEntry } from './code-entry';

/** Who may call, whether the request can be read, and the house's own faults. */
export const REQUEST_CODES = {
  UNAUTHENTICATED: {
    description:
      'No token where one is needed, or a bad or expired one: sign in again. Asked directly, a subgraph answers it to a request the gateway did not sign.',
    httpStatus: 401,
    httpNote: '200 inside a partial answer',
    writtenBy: 'house',
    messages: {
      default: { fr: 'Authentification requise ou jeton invalide.', en: 'Authentication required or invalid token.' },
      NOT_FROM_GATEWAY: {
        description: 'a subgraph asked directly; {problem} is one of the signature problems below',
        fr: 'Les requêtes doivent passer par la passerelle ({problem}).',
        en: 'Requests must come through the gateway ({problem}).',
      },
    },
  },
  FORBIDDEN: {
    description: 'The caller may not do this: hide the action.',
    httpStatus: 200,
    writtenBy: 'house',
    messages: {
      default: { fr: 'Action non permise.', en: 'This action is not allowed.' },
      MEMBERS_OF_ESPACE_KO_ONLY: {
        description: 'a caller without a member of Espace KO asked for a member’s action',
        fr: 'Action non permise. Réservé aux membres de l’Espace KO.',
        en: 'This action is not allowed. For members of Espace KO only.',
      },
    },
  },
  BAD_REQUEST: {
    description:
      'The request itself cannot be read: its body is not JSON. Apollo Server answers it too, with its own message (in French for French callers), to a batch, to a GET without a preflight header or to a form post (CSRF prevention).',
    httpStatus: 400,
    writtenBy: 'house',
    messages: {
      default: { fr: 'Le corps de la requête n’est pas du JSON valide.', en: 'The request body is not valid JSON.' },
    },
  },
  NOT_FOUND: {
    description: 'No endpoint at this address: the GraphQL endpoint is /graphql.',
    httpStatus: 404,
    writtenBy: 'house',
    messages: {
      default: {
        fr: 'Aucune ressource à cette adresse : le point d’accès GraphQL est /graphql.',
        en: 'Nothing at this address: the GraphQL endpoint is /graphql.',
      },
    },
  },
  PAYLOAD_TOO_LARGE: {
    description: 'The request body is larger than the limit (extensions.limit, in bytes): send a smaller body.',
    httpStatus: 413,
    writtenBy: 'house',
    messages: {
      default: { fr: 'Le corps de la requête dépasse la limite de {limit} octets.', en: 'Request body exceeds the limit of {limit} bytes.' },
    },
  },
  INTERNAL_SERVER_ERROR: {
    description: 'A fault of the house: show the request id (also in the x-request-id header); the operator’s log has the whole error.',
    httpStatus: 500,
    httpNote: '200 inside a partial answer',
    writtenBy: 'house',
    messages: {
      default: { fr: 'Erreur interne.', en: 'Internal error.' },
      WITH_REQUEST_ID: {
        description: 'the gateway’s answer, with the id the operator’s log knows',
        fr: 'Erreur interne (requête {requestId}).',
        en: 'Internal error (request {requestId}).',
      },
    },
  },
} as const satisfies Record<string, GraphQLCodeEntry>;
