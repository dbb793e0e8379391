import { known } from './shape';

const SERVER = (file: string) => `@apollo/server dist/cjs/${file}.js`;
const GATEWAY = '@apollo/gateway dist/operationContext.js, @apollo/federation-internals dist/operations.js';

/** What Apollo Server and the gateway's planner write about the request itself, before any field is read. */
export const REQUEST_MESSAGES = {
  CSRF: known(
    SERVER('preventCsrf'),
    "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of {contentTypes}) or provide a non-empty value for one of the following headers: {headers}\n",
    'Cette opération a été bloquée : elle pourrait être une falsification de requête intersite (CSRF). Envoyez un en-tête « content-type » (d’un autre type que {contentTypes}) ou une valeur non vide dans l’un de ces en-têtes : {headers}',
  ),
  BATCHING_DISABLED: known(
    SERVER('httpBatching'),
    'Operation batching disabled.',
    'Les lots d’opérations ne sont pas acceptés : envoyez une opération par requête.',
  ),
  EMPTY_BATCH: known(SERVER('httpBatching'), 'No operations found in request.', 'La requête ne contient aucune opération.'),
  QUERY_MISSING: known(
    SERVER('requestPipeline'),
    'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.',
    'Une opération GraphQL doit avoir un `query` non vide ou une extension `persistedQuery`.',
  ),
  GET_NOT_QUERY: known(
    SERVER('requestPipeline'),
    'GET requests only support query operations, not {operation} operations',
    'Une requête GET n’accepte que des opérations query, pas {operation} : envoyez-la en POST.',
  ),
  PERSISTED_QUERY_VERSION: known(SERVER('requestPipeline'), 'Unsupported persisted query version', 'Version de requête persistée non prise en charge'),
  PERSISTED_QUERY_HASH: known(SERVER('requestPipeline'), 'provided sha does not match query', 'le sha fourni ne correspond pas à la requête'),
  BODY_MISSING: known(
    SERVER('runHttpQuery'),
    'POST body missing, invalid Content-Type, or JSON object has no keys.',
    'Corps POST absent, Content-Type invalide ou objet JSON sans clé.',
  ),
  VARIABLES_AS_STRING: known(
    SERVER('runHttpQuery'),
    '`variables` in a POST body should be provided as an object, not a recursively JSON-encoded string.',
    'Dans un corps POST, `variables` est un objet, pas une chaîne de JSON encodé une seconde fois.',
  ),
  EXTENSIONS_AS_STRING: known(
    SERVER('runHttpQuery'),
    '`extensions` in a POST body should be provided as an object, not a recursively JSON-encoded string.',
    'Dans un corps POST, `extensions` est un objet, pas une chaîne de JSON encodé une seconde fois.',
  ),
  EXTENSIONS_NOT_OBJECT: known(
    SERVER('runHttpQuery'),
    '`extensions` in a POST body must be an object if provided.',
    'Dans un corps POST, `extensions`, s’il est donné, doit être un objet.',
  ),
  VARIABLES_NOT_OBJECT: known(
    SERVER('runHttpQuery'),
    '`variables` in a POST body must be an object if provided.',
    'Dans un corps POST, `variables`, s’il est donné, doit être un objet.',
  ),
  OPERATION_NAME_NOT_STRING: known(
    SERVER('runHttpQuery'),
    '`operationName` in a POST body must be a string if provided.',
    'Dans un corps POST, `operationName`, s’il est donné, doit être une chaîne.',
  ),
  QUERY_AS_AST: known(
    SERVER('runHttpQuery'),
    "GraphQL queries must be strings. It looks like you're sending the internal graphql-js representation of a parsed query in your request instead of a request in the GraphQL query language. You can convert an AST to a string using the `print` function from `graphql`, or use a client like `apollo-client` which converts the internal representation to a string for you.",
    'Une requête GraphQL est une chaîne. Celle-ci semble être la représentation interne de graphql-js (un AST) au lieu d’un texte dans le langage GraphQL : convertissez-la avec la fonction `print` de `graphql`, ou employez un client comme `apollo-client`, qui le fait pour vous.',
  ),
  QUERY_NOT_STRING: known(SERVER('runHttpQuery'), 'GraphQL queries must be strings.', 'Une requête GraphQL est une chaîne.'),
  SEARCH_PARAMETER_TWICE: known(
    SERVER('runHttpQuery'),
    "The '{parameter}' search parameter may only be specified once.",
    'Le paramètre d’URL « {parameter} » ne peut être donné qu’une fois.',
    { parameter: 'text' },
  ),
  SEARCH_PARAMETER_NOT_JSON: known(
    SERVER('runHttpQuery'),
    'The {parameter} search parameter contains invalid JSON.',
    'Le paramètre d’URL {parameter} contient du JSON invalide.',
  ),
  SEARCH_PARAMETER_NOT_OBJECT: known(
    SERVER('runHttpQuery'),
    'The {parameter} search parameter should contain a JSON-encoded object.',
    'Le paramètre d’URL {parameter} doit contenir un objet encodé en JSON.',
  ),
  GET_CONTENT_TYPE: known(
    SERVER('runHttpQuery'),
    'GET requests may not have a content-type header other than application/json.',
    'Une requête GET ne peut avoir d’autre en-tête content-type que application/json.',
  ),
  METHOD_NOT_ALLOWED: known(SERVER('runHttpQuery'), 'Apollo Server supports only GET/POST requests.', 'Seules les requêtes GET et POST sont acceptées.'),
  NOT_ACCEPTABLE: known(
    SERVER('runHttpQuery'),
    "An 'accept' header was provided for this request which does not accept {json} or {graphqlResponse}",
    'L’en-tête « accept » de cette requête n’accepte ni {json} ni {graphqlResponse}',
  ),
  INTROSPECTION_DISABLED: known(
    SERVER('validationRules/NoIntrospection'),
    'GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type. To enable introspection, pass introspection: true to ApolloServer in production',
    'L’introspection GraphQL n’est pas permise ici, et la requête contient __schema ou __type.',
  ),
  OPERATION_NAME_REQUIRED: known(
    GATEWAY,
    'Must provide operation name if query contains multiple operations.',
    'Un document de plusieurs opérations demande un nom d’opération (operationName).',
  ),
  UNKNOWN_OPERATION: known(GATEWAY, 'Unknown operation named "{operation}".', 'Aucune opération ne s’appelle « {operation} » dans ce document.'),
  UNKNOWN_OPERATION_BARE: known(GATEWAY, 'Unknown operation named "{operation}"', 'Aucune opération ne s’appelle « {operation} » dans ce document'),
  OPERATION_MISSING: known(GATEWAY, 'Must provide an operation.', 'Le document ne contient aucune opération.'),
  NO_OPERATION_FOUND: known(GATEWAY, 'No operation found in provided document.', 'Le document ne contient aucune opération.'),
  NO_ROOT_TYPE: known(GATEWAY, 'The schema has no "{operation}" root type defined', 'Le schéma n’a pas de type racine « {operation} »'),
  OPERATION_NOT_IN_SCHEMA: known(
    'graphql lib/execution/execute.js',
    'Schema is not configured to execute {operation} operation.',
    'Le schéma ne prend pas d’opération {operation}.',
  ),
};

const DID_YOU_MEAN = 'graphql lib/jsutils/didYouMean.js';

/** The " Did you mean …?" a message may end with (never in production), translated apart from it. */
export const SUGGESTION_MESSAGES = {
  SUGGESTION_INLINE_FRAGMENT: known(
    DID_YOU_MEAN,
    'Did you mean to use an inline fragment on {types}?',
    'Vouliez-vous dire : un fragment en ligne sur {types} ?',
    {
      types: 'list',
    },
  ),
  SUGGESTION_ENUM_VALUE: known(DID_YOU_MEAN, 'Did you mean the enum value {values}?', 'Vouliez-vous dire la valeur {values} ?', { values: 'list' }),
  SUGGESTION: known(DID_YOU_MEAN, 'Did you mean {suggestions}?', 'Vouliez-vous dire {suggestions} ?', { suggestions: 'list' }),
};
