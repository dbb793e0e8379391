import { GRAPHQL_JS_MESSAGES, placeholdersOf, render, type GraphQLJsMessageName } from './index';
import { findKnownMessage, isKnownMessage, translateKnownMessage } from './known-messages';

/**
 * Every entry of the table with at least one message as GraphQL.js or Apollo Server writes it
 * (copied from their sources in node_modules) and the French a caller reads. The type makes a
 * new entry without a case a compile error; the first test makes it a failure too.
 */
const CASES: Record<GraphQLJsMessageName, [english: string, french: string][]> = {
  SYNTAX_EXPECTED: [
    ['Syntax Error: Expected Name, found <EOF>.', 'Erreur de syntaxe : Name attendu, <EOF> trouvé.'],
    ['Syntax Error: Expected "on", found Name "House".', 'Erreur de syntaxe : "on" attendu, Name "House" trouvé.'],
    ['Syntax Error: Expected ":", found String "x".', 'Erreur de syntaxe : ":" attendu, String "x" trouvé.'],
  ],
  SYNTAX_UNEXPECTED: [
    ['Syntax Error: Unexpected "}".', 'Erreur de syntaxe : "}" inattendu.'],
    ['Syntax Error: Unexpected Name "mutaton".', 'Erreur de syntaxe : Name "mutaton" inattendu.'],
    ['Syntax Error: Unexpected <EOF>.', 'Erreur de syntaxe : <EOF> inattendu.'],
  ],
  SYNTAX_UNEXPECTED_VARIABLE: [
    ['Syntax Error: Unexpected variable "$x" in constant value.', 'Erreur de syntaxe : variable « $x » inattendue dans une valeur constante.'],
  ],
  SYNTAX_DESCRIPTION_ON_SHORTHAND: [
    [
      'Syntax Error: Unexpected description, descriptions are not supported on shorthand queries.',
      'Erreur de syntaxe : description inattendue, une requête abrégée n’en prend pas.',
    ],
  ],
  SYNTAX_DESCRIPTION: [
    [
      'Syntax Error: Unexpected description, only GraphQL definitions support descriptions.',
      'Erreur de syntaxe : description inattendue, seules les définitions GraphQL en prennent.',
    ],
  ],
  SYNTAX_RESERVED_ENUM_VALUE: [
    [
      'Syntax Error: Name "true" is reserved and cannot be used for an enum value.',
      'Erreur de syntaxe : Name "true" est réservé et ne peut pas servir de valeur d’énumération.',
    ],
  ],
  SYNTAX_SINGLE_QUOTE: [
    [
      'Syntax Error: Unexpected single quote character (\'), did you mean to use a double quote (")?',
      'Erreur de syntaxe : apostrophe (\') inattendue ; vouliez-vous écrire un guillemet droit (") ?',
    ],
  ],
  SYNTAX_UNEXPECTED_CHARACTER: [
    ['Syntax Error: Unexpected character: "%".', 'Erreur de syntaxe : caractère inattendu : "%".'],
    ['Syntax Error: Unexpected character: U+00E9.', 'Erreur de syntaxe : caractère inattendu : U+00E9.'],
  ],
  SYNTAX_INVALID_CHARACTER: [['Syntax Error: Invalid character: U+0007.', 'Erreur de syntaxe : caractère invalide : U+0007.']],
  SYNTAX_DIGIT_AFTER_ZERO: [
    ['Syntax Error: Invalid number, unexpected digit after 0: "1".', 'Erreur de syntaxe : nombre invalide, chiffre inattendu après 0 : "1".'],
  ],
  SYNTAX_DIGIT_EXPECTED: [
    ['Syntax Error: Invalid number, expected digit but got: "x".', 'Erreur de syntaxe : nombre invalide, chiffre attendu au lieu de : "x".'],
  ],
  SYNTAX_CHARACTER_IN_STRING: [['Syntax Error: Invalid character within String: U+0000.', 'Erreur de syntaxe : caractère invalide dans une chaîne : U+0000.']],
  SYNTAX_UNTERMINATED_STRING: [['Syntax Error: Unterminated string.', 'Erreur de syntaxe : chaîne non terminée.']],
  SYNTAX_UNICODE_ESCAPE: [
    ['Syntax Error: Invalid Unicode escape sequence: "\\uZZZZ".', 'Erreur de syntaxe : séquence d’échappement Unicode invalide : « \\uZZZZ ».'],
  ],
  SYNTAX_CHARACTER_ESCAPE: [['Syntax Error: Invalid character escape sequence: "\\q".', 'Erreur de syntaxe : séquence d’échappement invalide : « \\q ».']],
  NOT_EXECUTABLE: [
    [
      'The "House" definition is not executable.',
      'La définition « House » n’est pas exécutable : un document ne contient que des opérations et des fragments.',
    ],
  ],
  SCHEMA_NOT_EXECUTABLE: [
    ['The schema definition is not executable.', 'La définition du schéma n’est pas exécutable : un document ne contient que des opérations et des fragments.'],
  ],
  DUPLICATE_OPERATION: [['There can be only one operation named "Kitchen".', 'Une seule opération peut s’appeler « Kitchen ».']],
  LONE_ANONYMOUS_OPERATION: [
    ['This anonymous operation must be the only defined operation.', 'Une opération anonyme doit être la seule opération du document.'],
  ],
  SUBSCRIPTION_ONE_FIELD: [
    ['Subscription "Live" must select only one top level field.', 'L’abonnement « Live » doit sélectionner un seul champ de premier niveau.'],
  ],
  ANONYMOUS_SUBSCRIPTION_ONE_FIELD: [
    ['Anonymous Subscription must select only one top level field.', 'Un abonnement anonyme doit sélectionner un seul champ de premier niveau.'],
  ],
  SUBSCRIPTION_INTROSPECTION: [
    [
      'Subscription "Live" must not select an introspection top level field.',
      'L’abonnement « Live » ne doit pas sélectionner de champ d’introspection au premier niveau.',
    ],
  ],
  ANONYMOUS_SUBSCRIPTION_INTROSPECTION: [
    [
      'Anonymous Subscription must not select an introspection top level field.',
      'Un abonnement anonyme ne doit pas sélectionner de champ d’introspection au premier niveau.',
    ],
  ],
  UNKNOWN_TYPE: [
    ['Unknown type "Hous".', 'Type « Hous » inconnu.'],
    ['Unknown type "Hous". Did you mean "House"?', 'Type « Hous » inconnu. Vouliez-vous dire « House » ?'],
  ],
  INLINE_FRAGMENT_ON_LEAF: [
    ['Fragment cannot condition on non composite type "String".', 'Un fragment ne peut pas porter sur le type non composite « String ».'],
  ],
  FRAGMENT_ON_LEAF: [
    ['Fragment "Name" cannot condition on non composite type "String".', 'Le fragment « Name » ne peut pas porter sur le type non composite « String ».'],
  ],
  VARIABLE_NOT_INPUT: [
    ['Variable "$h" cannot be non-input type "House".', 'La variable « $h » ne peut pas être du type « House », qui n’est pas un type d’entrée.'],
  ],
  LEAF_WITH_SELECTION: [
    [
      'Field "name" must not have a selection since type "String!" has no subfields.',
      'Le champ « name » ne prend pas de sélection : le type « String! » n’a pas de sous-champs.',
    ],
  ],
  SELECTION_REQUIRED: [
    [
      'Field "house" of type "House!" must have a selection of subfields. Did you mean "house { ... }"?',
      'Le champ « house » de type « House! » demande une sélection de sous-champs. Vouliez-vous dire « house { ... } » ?',
    ],
  ],
  EMPTY_SELECTION: [
    ['Field "house" of type "House!" must have at least one field selected.', 'Le champ « house » de type « House! » demande au moins un sous-champ.'],
  ],
  UNKNOWN_FIELD: [
    ['Cannot query field "nam" on type "SharedSpace".', 'Le champ « nam » n’existe pas sur le type « SharedSpace ».'],
    [
      'Cannot query field "nam" on type "SharedSpace". Did you mean "name"?',
      'Le champ « nam » n’existe pas sur le type « SharedSpace ». Vouliez-vous dire « name » ?',
    ],
    [
      'Cannot query field "title" on type "Node". Did you mean to use an inline fragment on "Artwork" or "Exhibition"?',
      'Le champ « title » n’existe pas sur le type « Node ». Vouliez-vous dire : un fragment en ligne sur « Artwork » ou « Exhibition » ?',
    ],
  ],
  DUPLICATE_FRAGMENT: [['There can be only one fragment named "F".', 'Un seul fragment peut s’appeler « F ».']],
  UNKNOWN_FRAGMENT: [['Unknown fragment "Missing".', 'Fragment « Missing » inconnu.']],
  UNUSED_FRAGMENT: [['Fragment "Unused" is never used.', 'Le fragment « Unused » n’est jamais utilisé.']],
  IMPOSSIBLE_INLINE_SPREAD: [
    [
      'Fragment cannot be spread here as objects of type "House" can never be of type "Tenant".',
      'Ce fragment ne peut pas être étalé ici : un objet de type « House » n’est jamais de type « Tenant ».',
    ],
  ],
  IMPOSSIBLE_SPREAD: [
    [
      'Fragment "T" cannot be spread here as objects of type "House" can never be of type "Tenant".',
      'Le fragment « T » ne peut pas être étalé ici : un objet de type « House » n’est jamais de type « Tenant ».',
    ],
  ],
  FRAGMENT_CYCLE: [['Cannot spread fragment "A" within itself.', 'Le fragment « A » ne peut pas s’étaler en lui-même.']],
  FRAGMENT_CYCLE_VIA: [
    ['Cannot spread fragment "A" within itself via "B".', 'Le fragment « A » ne peut pas s’étaler en lui-même par « B ».'],
    ['Cannot spread fragment "A" within itself via "B", "C".', 'Le fragment « A » ne peut pas s’étaler en lui-même par « B », « C ».'],
  ],
  DUPLICATE_VARIABLE: [['There can be only one variable named "$id".', 'Une seule variable peut s’appeler « $id ».']],
  UNDEFINED_VARIABLE_IN_OPERATION: [
    ['Variable "$slug" is not defined by operation "Kitchen".', 'La variable « $slug » n’est pas déclarée par l’opération « Kitchen ».'],
  ],
  UNDEFINED_VARIABLE: [['Variable "$slug" is not defined.', 'La variable « $slug » n’est pas déclarée.']],
  UNUSED_VARIABLE_IN_OPERATION: [
    ['Variable "$unused" is never used in operation "Kitchen".', 'La variable « $unused » n’est jamais utilisée dans l’opération « Kitchen ».'],
  ],
  UNUSED_VARIABLE: [['Variable "$unused" is never used.', 'La variable « $unused » n’est jamais utilisée.']],
  UNKNOWN_DIRECTIVE: [['Unknown directive "@defer".', 'Directive « @defer » inconnue.']],
  MISPLACED_DIRECTIVE: [['Directive "@deprecated" may not be used on FIELD.', 'La directive « @deprecated » ne s’emploie pas sur FIELD.']],
  DUPLICATE_DIRECTIVE: [['The directive "@skip" can only be used once at this location.', 'La directive « @skip » ne s’emploie qu’une fois à cet endroit.']],
  UNKNOWN_ARGUMENT: [
    ['Unknown argument "slugg" on field "Query.sharedSpace".', 'L’argument « slugg » n’existe pas sur le champ « Query.sharedSpace ».'],
    [
      'Unknown argument "slugg" on field "Query.sharedSpace". Did you mean "slug"?',
      'L’argument « slugg » n’existe pas sur le champ « Query.sharedSpace ». Vouliez-vous dire « slug » ?',
    ],
  ],
  UNKNOWN_DIRECTIVE_ARGUMENT: [['Unknown argument "unless" on directive "@skip".', 'L’argument « unless » n’existe pas sur la directive « @skip ».']],
  DUPLICATE_ARGUMENT: [['There can be only one argument named "slug".', 'Un seul argument peut s’appeler « slug ».']],
  REQUIRED_FIELD_MISSING: [
    [
      'Field "JoinPlanInput.planCode" of required type "MembershipPlanCode!" was not provided.',
      'Le champ « JoinPlanInput.planCode », de type obligatoire « MembershipPlanCode! », n’est pas fourni.',
    ],
    [
      'Field "planCode" of required type "MembershipPlanCode!" was not provided.',
      'Le champ « planCode », de type obligatoire « MembershipPlanCode! », n’est pas fourni.',
    ],
  ],
  UNKNOWN_INPUT_FIELD: [
    ['Field "nope" is not defined by type "JoinPlanInput".', 'Le champ « nope » n’existe pas dans le type « JoinPlanInput ».'],
    [
      'Field "planCod" is not defined by type "JoinPlanInput". Did you mean "planCode"?',
      'Le champ « planCod » n’existe pas dans le type « JoinPlanInput ». Vouliez-vous dire « planCode » ?',
    ],
  ],
  WRONG_VALUE: [['Expected value of type "ExhibitionStatus", found "CURRENT".', 'Valeur de type « ExhibitionStatus » attendue, "CURRENT" trouvé.']],
  WRONG_VALUE_BECAUSE: [
    [
      'Expected value of type "Int!", found "a"; Int cannot represent non-integer value: "a"',
      'Valeur de type « Int! » attendue, "a" trouvé ; un Int ne peut pas représenter une valeur non entière : "a"',
    ],
  ],
  ONE_OF_ONE_KEY: [['OneOf Input Object "Lookup" must specify exactly one key.', 'L’objet d’entrée OneOf « Lookup » doit avoir exactement une clé.']],
  ONE_OF_NON_NULL: [['Field "Lookup.id" must be non-null.', 'Le champ « Lookup.id » ne doit pas être nul.']],
  REQUIRED_ARGUMENT_MISSING: [
    [
      'Field "sharedSpace" argument "slug" of type "String!" is required, but it was not provided.',
      'Le champ « sharedSpace » demande l’argument « slug », de type « String! », qui n’est pas fourni.',
    ],
  ],
  REQUIRED_DIRECTIVE_ARGUMENT_MISSING: [
    [
      'Directive "@include" argument "if" of type "Boolean!" is required, but it was not provided.',
      'La directive « @include » demande l’argument « if », de type « Boolean! », qui n’est pas fourni.',
    ],
  ],
  VARIABLE_IN_WRONG_POSITION: [
    [
      'Variable "$id" of type "ID" used in position expecting type "ID!".',
      'La variable « $id », de type « ID », est employée là où le type « ID! » est attendu.',
    ],
  ],
  ONE_OF_NULLABLE_VARIABLE: [
    [
      'Variable "$id" is of type "ID" but must be non-nullable to be used for OneOf Input Object "Lookup".',
      'La variable « $id » est de type « ID » ; elle doit être non nulle pour servir à l’objet d’entrée OneOf « Lookup ».',
    ],
  ],
  FIELDS_CONFLICT: [
    [
      'Fields "id" conflict because "name" and "id" are different fields. Use different aliases on the fields to fetch both if this was intentional.',
      'Les champs « id » sont en conflit : « name » et « id » sont des champs différents. Donnez-leur des alias différents pour obtenir les deux.',
    ],
  ],
  CONFLICT_DIFFERENT_FIELDS: [['"name" and "id" are different fields', '« name » et « id » sont des champs différents']],
  CONFLICT_ARGUMENTS: [['they have differing arguments', 'leurs arguments diffèrent']],
  CONFLICT_TYPES: [['they return conflicting types "String!" and "Int!"', 'ils renvoient des types incompatibles, « String! » et « Int! »']],
  CONFLICT_SUBFIELDS: [
    ['subfields "name" conflict because they have differing arguments', 'les sous-champs « name » sont en conflit : leurs arguments diffèrent'],
  ],
  CONFLICT_SUBFIELDS_AND: [
    [
      'subfields "x" conflict because they have differing arguments and subfields "y" conflict because "b" and "c" are different fields',
      'les sous-champs « x » sont en conflit : leurs arguments diffèrent ; et les sous-champs « y » sont en conflit : « b » et « c » sont des champs différents',
    ],
  ],
  DUPLICATE_INPUT_FIELD: [['There can be only one input field named "planCode".', 'Un seul champ d’entrée peut s’appeler « planCode ».']],
  INTROSPECTION_TOO_DEEP: [['Maximum introspection depth exceeded', 'Profondeur maximale d’introspection dépassée']],
  VARIABLE_NOT_PROVIDED: [['Variable "$id" of required type "ID!" was not provided.', 'La variable « $id », de type obligatoire « ID! », n’est pas fournie.']],
  VARIABLE_NULL: [['Variable "$id" of non-null type "ID!" must not be null.', 'La variable « $id », de type non nul « ID! », ne doit pas être nulle.']],
  VARIABLE_INVALID_AT: [
    [
      'Variable "$input" got invalid value "x" at "input.attendees"; Int cannot represent non-integer value: "x"',
      'La variable « $input » a reçu une valeur invalide, "x", en « input.attendees » ; un Int ne peut pas représenter une valeur non entière : "x"',
    ],
  ],
  VARIABLE_INVALID: [
    [
      'Variable "$n" got invalid value "a"; Int cannot represent non-integer value: "a"',
      'La variable « $n » a reçu une valeur invalide, "a" ; un Int ne peut pas représenter une valeur non entière : "a"',
    ],
  ],
  VARIABLE_NOT_INPUT_TYPE: [
    [
      'Variable "$h" expected value of type "House" which cannot be used as an input type.',
      'La variable « $h » attend une valeur de type « House », qui n’est pas un type d’entrée.',
    ],
  ],
  TOO_MANY_VARIABLE_ERRORS: [
    [
      'Too many errors processing variables, error limit reached. Execution aborted.',
      'Trop d’erreurs dans les variables : limite atteinte, exécution abandonnée.',
    ],
  ],
  ARGUMENT_NOT_PROVIDED: [
    ['Argument "slug" of required type "String!" was not provided.', 'L’argument « slug », de type obligatoire « String! », n’est pas fourni.'],
  ],
  ARGUMENT_VARIABLE_NOT_PROVIDED: [
    [
      'Argument "slug" of required type "String!" was provided the variable "$s" which was not provided a runtime value.',
      'L’argument « slug », de type obligatoire « String! », reçoit la variable « $s », qui n’a pas de valeur.',
    ],
  ],
  ARGUMENT_NULL: [['Argument "slug" of non-null type "String!" must not be null.', 'L’argument « slug », de type non nul « String! », ne doit pas être nul.']],
  ARGUMENT_INVALID: [['Argument "first" has invalid value "a".', 'L’argument « first » a une valeur invalide : "a".']],
  EXPECTED_NON_NULL: [['Expected non-nullable type "String!" not to be null.', 'Le type non nul « String! » ne prend pas la valeur null.']],
  EXPECTED_OBJECT: [['Expected type "JoinPlanInput" to be an object.', 'Le type « JoinPlanInput » attend un objet.']],
  ONE_OF_EXACTLY_ONE: [['Exactly one key must be specified for OneOf type "Lookup".', 'Le type OneOf « Lookup » demande exactement une clé.']],
  EXPECTED_TYPE_BECAUSE: [
    ['Expected type "Int". Int cannot represent non-integer value: "x"', 'Type « Int » attendu. Un Int ne peut pas représenter une valeur non entière : "x"'],
  ],
  EXPECTED_TYPE: [['Expected type "DateTime".', 'Type « DateTime » attendu.']],
  INT_NOT_INTEGER: [
    ['Int cannot represent non-integer value: "a"', 'Un Int ne peut pas représenter une valeur non entière : "a"'],
    ['Int cannot represent non-integer value: 1.5', 'Un Int ne peut pas représenter une valeur non entière : 1.5'],
  ],
  INT_NOT_32_BIT: [
    [
      'Int cannot represent non 32-bit signed integer value: 9999999999',
      'Un Int ne peut pas représenter une valeur hors des entiers signés de 32 bits : 9999999999',
    ],
  ],
  FLOAT_NOT_NUMERIC: [['Float cannot represent non numeric value: "x"', 'Un Float ne peut pas représenter une valeur non numérique : "x"']],
  STRING_NOT_STRING: [['String cannot represent a non string value: 12', 'Un String ne peut pas représenter une valeur qui n’est pas une chaîne : 12']],
  BOOLEAN_NOT_BOOLEAN: [
    ['Boolean cannot represent a non boolean value: "yes"', 'Un Boolean ne peut pas représenter une valeur qui n’est pas booléenne : "yes"'],
  ],
  ID_NOT_STRING_OR_INTEGER: [
    ['ID cannot represent a non-string and non-integer value: 1.5', 'Un ID ne peut pas représenter une valeur qui n’est ni une chaîne ni un entier : 1.5'],
  ],
  ID_INVALID: [['ID cannot represent value: true', 'Un ID ne peut pas représenter la valeur : true']],
  ENUM_VALUE_UNKNOWN: [
    ['Value "CURRNT" does not exist in "ExhibitionStatus" enum.', 'La valeur « CURRNT » n’existe pas dans l’énumération « ExhibitionStatus ».'],
    [
      'Value "CURRNT" does not exist in "ExhibitionStatus" enum. Did you mean the enum value "CURRENT"?',
      'La valeur « CURRNT » n’existe pas dans l’énumération « ExhibitionStatus ». Vouliez-vous dire la valeur « CURRENT » ?',
    ],
  ],
  ENUM_NOT_STRING: [
    [
      'Enum "ExhibitionStatus" cannot represent non-string value: 3.',
      'L’énumération « ExhibitionStatus » ne peut pas représenter une valeur qui n’est pas une chaîne : 3.',
    ],
  ],
  ENUM_NOT_ENUM: [
    [
      'Enum "ExhibitionStatus" cannot represent non-enum value: "CURRENT".',
      'L’énumération « ExhibitionStatus » ne peut pas représenter une valeur qui n’est pas une des siennes : "CURRENT".',
    ],
    [
      'Enum "ExhibitionStatus" cannot represent non-enum value: "CURRENT". Did you mean the enum value "CURRENT"?',
      'L’énumération « ExhibitionStatus » ne peut pas représenter une valeur qui n’est pas une des siennes : "CURRENT". Vouliez-vous dire la valeur « CURRENT » ?',
    ],
  ],
  CSRF: [
    [
      "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight\n",
      'Cette opération a été bloquée : elle pourrait être une falsification de requête intersite (CSRF). Envoyez un en-tête « content-type » (d’un autre type que application/x-www-form-urlencoded, multipart/form-data, text/plain) ou une valeur non vide dans l’un de ces en-têtes : x-apollo-operation-name, apollo-require-preflight',
    ],
  ],
  BATCHING_DISABLED: [['Operation batching disabled.', 'Les lots d’opérations ne sont pas acceptés : envoyez une opération par requête.']],
  EMPTY_BATCH: [['No operations found in request.', 'La requête ne contient aucune opération.']],
  QUERY_MISSING: [
    [
      'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.',
      'Une opération GraphQL doit avoir un `query` non vide ou une extension `persistedQuery`.',
    ],
  ],
  GET_NOT_QUERY: [
    [
      'GET requests only support query operations, not mutation operations',
      'Une requête GET n’accepte que des opérations query, pas mutation : envoyez-la en POST.',
    ],
  ],
  PERSISTED_QUERY_VERSION: [['Unsupported persisted query version', 'Version de requête persistée non prise en charge']],
  PERSISTED_QUERY_HASH: [['provided sha does not match query', 'le sha fourni ne correspond pas à la requête']],
  BODY_MISSING: [['POST body missing, invalid Content-Type, or JSON object has no keys.', 'Corps POST absent, Content-Type invalide ou objet JSON sans clé.']],
  VARIABLES_AS_STRING: [
    [
      '`variables` in a POST body should be provided as an object, not a recursively JSON-encoded string.',
      'Dans un corps POST, `variables` est un objet, pas une chaîne de JSON encodé une seconde fois.',
    ],
  ],
  EXTENSIONS_AS_STRING: [
    [
      '`extensions` in a POST body should be provided as an object, not a recursively JSON-encoded string.',
      'Dans un corps POST, `extensions` est un objet, pas une chaîne de JSON encodé une seconde fois.',
    ],
  ],
  EXTENSIONS_NOT_OBJECT: [
    ['`extensions` in a POST body must be an object if provided.', 'Dans un corps POST, `extensions`, s’il est donné, doit être un objet.'],
  ],
  VARIABLES_NOT_OBJECT: [['`variables` in a POST body must be an object if provided.', 'Dans un corps POST, `variables`, s’il est donné, doit être un objet.']],
  OPERATION_NAME_NOT_STRING: [
    ['`operationName` in a POST body must be a string if provided.', 'Dans un corps POST, `operationName`, s’il est donné, doit être une chaîne.'],
  ],
  QUERY_AS_AST: [
    [
      "GraphQL queries must be strings. It looks like you're sending the internal graphql-js representation of a parsed query in your request instead of a request in the GraphQL query language. You can convert an AST to a string using the `print` function from `graphql`, or use a client like `apollo-client` which converts the internal representation to a string for you.",
      'Une requête GraphQL est une chaîne. Celle-ci semble être la représentation interne de graphql-js (un AST) au lieu d’un texte dans le langage GraphQL : convertissez-la avec la fonction `print` de `graphql`, ou employez un client comme `apollo-client`, qui le fait pour vous.',
    ],
  ],
  QUERY_NOT_STRING: [['GraphQL queries must be strings.', 'Une requête GraphQL est une chaîne.']],
  SEARCH_PARAMETER_TWICE: [["The 'query' search parameter may only be specified once.", 'Le paramètre d’URL « query » ne peut être donné qu’une fois.']],
  SEARCH_PARAMETER_NOT_JSON: [['The variables search parameter contains invalid JSON.', 'Le paramètre d’URL variables contient du JSON invalide.']],
  SEARCH_PARAMETER_NOT_OBJECT: [
    ['The extensions search parameter should contain a JSON-encoded object.', 'Le paramètre d’URL extensions doit contenir un objet encodé en JSON.'],
  ],
  GET_CONTENT_TYPE: [
    [
      'GET requests may not have a content-type header other than application/json.',
      'Une requête GET ne peut avoir d’autre en-tête content-type que application/json.',
    ],
  ],
  METHOD_NOT_ALLOWED: [['Apollo Server supports only GET/POST requests.', 'Seules les requêtes GET et POST sont acceptées.']],
  NOT_ACCEPTABLE: [
    [
      "An 'accept' header was provided for this request which does not accept application/json; charset=utf-8 or application/graphql-response+json; charset=utf-8",
      'L’en-tête « accept » de cette requête n’accepte ni application/json; charset=utf-8 ni application/graphql-response+json; charset=utf-8',
    ],
  ],
  INTROSPECTION_DISABLED: [
    [
      'GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type. To enable introspection, pass introspection: true to ApolloServer in production',
      'L’introspection GraphQL n’est pas permise ici, et la requête contient __schema ou __type.',
    ],
  ],
  OPERATION_NAME_REQUIRED: [
    ['Must provide operation name if query contains multiple operations.', 'Un document de plusieurs opérations demande un nom d’opération (operationName).'],
  ],
  UNKNOWN_OPERATION: [['Unknown operation named "Kitchen".', 'Aucune opération ne s’appelle « Kitchen » dans ce document.']],
  UNKNOWN_OPERATION_BARE: [['Unknown operation named "Kitchen"', 'Aucune opération ne s’appelle « Kitchen » dans ce document']],
  OPERATION_MISSING: [['Must provide an operation.', 'Le document ne contient aucune opération.']],
  NO_OPERATION_FOUND: [['No operation found in provided document.', 'Le document ne contient aucune opération.']],
  OPERATION_NOT_IN_SCHEMA: [['Schema is not configured to execute subscription operation.', 'Le schéma ne prend pas d’opération subscription.']],
  NO_ROOT_TYPE: [['The schema has no "subscription" root type defined', 'Le schéma n’a pas de type racine « subscription »']],
  SUGGESTION_INLINE_FRAGMENT: [['Did you mean to use an inline fragment on "Artwork"?', 'Vouliez-vous dire : un fragment en ligne sur « Artwork » ?']],
  SUGGESTION_ENUM_VALUE: [['Did you mean the enum value "CURRENT" or "PAST"?', 'Vouliez-vous dire la valeur « CURRENT » ou « PAST » ?']],
  SUGGESTION: [
    ['Did you mean "name"?', 'Vouliez-vous dire « name » ?'],
    ['Did you mean "a" or "b"?', 'Vouliez-vous dire « a » ou « b » ?'],
    ['Did you mean "a", "b", or "c"?', 'Vouliez-vous dire « a », « b » ou « c » ?'],
  ],
};

const ALL = Object.entries(CASES).flatMap(([name, cases]) => cases.map(([en, fr]) => [name as GraphQLJsMessageName, en, fr] as const));

describe('the messages of GraphQL.js and Apollo Server', () => {
  it('has a case for every entry of the table, and an entry for every case', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(GRAPHQL_JS_MESSAGES).sort());
    for (const [name, cases] of Object.entries(CASES)) expect([name, cases.length > 0]).toEqual([name, true]);
  });

  it.each(ALL)('%s: %j', (name, en, fr) => {
    const found = findKnownMessage(en);
    expect(found?.name).toBe(name);
    expect(translateKnownMessage(en, 'fr')).toBe(fr);
    expect(translateKnownMessage(en, 'en')).toBe(en);
    expect(isKnownMessage(en)).toBe(true);
    // The French says it in French: no quoted name left in English quotes but GraphQL's own tokens and values.
    expect(translateKnownMessage(fr, 'fr')).toBe(fr);
    expect(isKnownMessage(fr)).toBe(false);
  });

  it('writes the English column exactly as GraphQL.js does: its parameters rebuild every case', () => {
    for (const [name, en] of ALL) {
      const found = findKnownMessage(en)!;
      const entry = GRAPHQL_JS_MESSAGES[name];
      // A case ending with a suggestion is the entry's sentence, then " Did you mean …?".
      const sentence = render(entry, 'en', found.params);
      expect([name, en.startsWith(sentence) && (en === sentence || en.slice(sentence.length).startsWith(' Did you mean '))]).toEqual([name, true]);
    }
  });

  it('names in each pattern exactly the parameters of its French and of its English', () => {
    for (const [name, entry] of Object.entries(GRAPHQL_JS_MESSAGES)) {
      const groups = [...entry.pattern.source.matchAll(/\(\?<(\w+)>/g)].map((m) => m[1]).sort();
      expect([name, placeholdersOf(entry.en).sort(), placeholdersOf(entry.fr).sort()]).toEqual([name, groups, groups]);
      expect([name, entry.pattern.source.startsWith('^') && entry.pattern.source.endsWith('$')]).toEqual([name, true]);
    }
  });

  it('matches each case with its entry alone, but where a parameter of a shorter shape can hold the longer one', () => {
    // "… at "path"; …" is also "…; …" with the path in the value; "… and subfields …" also one reason.
    const OVERLAPS: Partial<Record<GraphQLJsMessageName, GraphQLJsMessageName[]>> = {
      VARIABLE_INVALID_AT: ['VARIABLE_INVALID_AT', 'VARIABLE_INVALID'],
      CONFLICT_SUBFIELDS_AND: ['CONFLICT_SUBFIELDS', 'CONFLICT_SUBFIELDS_AND'],
    };
    for (const [name, en] of ALL) {
      const sentence = en.replace(/ Did you mean .*\?$/, '');
      const matching = Object.entries(GRAPHQL_JS_MESSAGES).filter(([, e]) => e.pattern.test(sentence));
      expect([name, matching.map(([n]) => n)]).toEqual([name, OVERLAPS[name] ?? [name]]);
    }
  });

  it('leaves the house’s own messages, words of a protocol and anything unknown as they are', () => {
    for (const message of ['Argument invalide.', 'PersistedQueryNotFound', 'PersistedQueryNotSupported', 'Something else entirely.'])
      expect(translateKnownMessage(message, 'fr')).toBe(message);
    expect([isKnownMessage('PersistedQueryNotFound'), isKnownMessage('Argument invalide.')]).toEqual([true, false]);
  });

  it('translates nothing when a nested message is unknown: the whole stays as written', () => {
    const message = 'Variable "$from" got invalid value "demain"; DateTime cannot represent "demain"';
    expect(findKnownMessage(message)).toBeUndefined();
    expect(translateKnownMessage(message, 'fr')).toBe(message);
  });

  it('keeps every quoted name, variable and value of GraphQL unchanged in the French', () => {
    const en = 'Variable "$input" got invalid value { attendees: "x" } at "input.attendees"; Int cannot represent non-integer value: "x"';
    expect(findKnownMessage(en)?.params).toEqual({
      variable: 'input',
      value: '{ attendees: "x" }',
      path: 'input.attendees',
      problem: 'Int cannot represent non-integer value: "x"',
    });
    expect(translateKnownMessage(en, 'fr')).toBe(
      'La variable « $input » a reçu une valeur invalide, { attendees: "x" }, en « input.attendees » ; un Int ne peut pas représenter une valeur non entière : "x"',
    );
  });

  it('reads a value GraphQL prints whole: a "; " inside one of its strings does not end it', () => {
    const en = 'Variable "$i" got invalid value { title: "Dîner; équipe", attendees: "x" } at "i.attendees"; Int cannot represent non-integer value: "x"';
    expect(translateKnownMessage(en, 'fr')).toBe(
      'La variable « $i » a reçu une valeur invalide, { title: "Dîner; équipe", attendees: "x" }, en « i.attendees » ; un Int ne peut pas représenter une valeur non entière : "x"',
    );
  });

  // A value is the caller's: whatever it holds, the lookup tries each part of a message once (an
  // exponential search would not end within the timeout of this test, nor of a request).
  it('translates a message holding a caller’s value full of its own shapes without searching every split', () => {
    const echoed = '"' + ' Did you mean "x"?; Variable \\"$x\\" got invalid value 1; and subfields'.repeat(2000) + '"';
    const en = `Variable "$s" got invalid value ${echoed}; Int cannot represent non-integer value: ${echoed}`;
    expect(translateKnownMessage(en, 'fr')).toBe(
      `La variable « $s » a reçu une valeur invalide, ${echoed} ; un Int ne peut pas représenter une valeur non entière : ${echoed}`,
    );
    const suggestions = `Cannot query field "nam" on type "SharedSpace".${' Did you mean "name"?'.repeat(40)}`;
    expect(translateKnownMessage(suggestions, 'fr')).toBe(suggestions);
  }, 10_000);
});
