import { known } from './shape';

const VALUES = 'graphql lib/execution/values.js';
const COERCE = 'graphql lib/utilities/coerceInputValue.js';
const SCALARS = 'graphql lib/type/scalars.js';
const ENUMS = 'graphql lib/type/definition.js (GraphQLEnumType)';

/** BAD_USER_INPUT from the coercion of variables (and arguments), and the scalars' own refusals. */
export const VALUE_MESSAGES = {
  VARIABLE_NOT_PROVIDED: known(
    VALUES,
    'Variable "${variable}" of required type "{type}" was not provided.',
    'La variable « ${variable} », de type obligatoire « {type} », n’est pas fournie.',
  ),
  VARIABLE_NULL: known(
    VALUES,
    'Variable "${variable}" of non-null type "{type}" must not be null.',
    'La variable « ${variable} », de type non nul « {type} », ne doit pas être nulle.',
  ),
  VARIABLE_INVALID_AT: known(
    VALUES,
    'Variable "${variable}" got invalid value {value} at "{path}"; {problem}',
    'La variable « ${variable} » a reçu une valeur invalide, {value}, en « {path} » ; {problem}',
    { value: 'value', problem: 'message' },
  ),
  VARIABLE_INVALID: known(
    VALUES,
    'Variable "${variable}" got invalid value {value}; {problem}',
    'La variable « ${variable} » a reçu une valeur invalide, {value} ; {problem}',
    { value: 'value', problem: 'message' },
  ),
  VARIABLE_NOT_INPUT_TYPE: known(
    VALUES,
    'Variable "${variable}" expected value of type "{type}" which cannot be used as an input type.',
    'La variable « ${variable} » attend une valeur de type « {type} », qui n’est pas un type d’entrée.',
  ),
  TOO_MANY_VARIABLE_ERRORS: known(
    VALUES,
    'Too many errors processing variables, error limit reached. Execution aborted.',
    'Trop d’erreurs dans les variables : limite atteinte, exécution abandonnée.',
  ),
  ARGUMENT_NOT_PROVIDED: known(
    VALUES,
    'Argument "{argument}" of required type "{type}" was not provided.',
    'L’argument « {argument} », de type obligatoire « {type} », n’est pas fourni.',
  ),
  ARGUMENT_VARIABLE_NOT_PROVIDED: known(
    VALUES,
    'Argument "{argument}" of required type "{type}" was provided the variable "${variable}" which was not provided a runtime value.',
    'L’argument « {argument} », de type obligatoire « {type} », reçoit la variable « ${variable} », qui n’a pas de valeur.',
  ),
  ARGUMENT_NULL: known(
    VALUES,
    'Argument "{argument}" of non-null type "{type}" must not be null.',
    'L’argument « {argument} », de type non nul « {type} », ne doit pas être nul.',
  ),
  ARGUMENT_INVALID: known(VALUES, 'Argument "{argument}" has invalid value {value}.', 'L’argument « {argument} » a une valeur invalide : {value}.'),
  EXPECTED_NON_NULL: known(COERCE, 'Expected non-nullable type "{type}" not to be null.', 'Le type non nul « {type} » ne prend pas la valeur null.'),
  EXPECTED_OBJECT: known(COERCE, 'Expected type "{type}" to be an object.', 'Le type « {type} » attend un objet.'),
  ONE_OF_EXACTLY_ONE: known(COERCE, 'Exactly one key must be specified for OneOf type "{type}".', 'Le type OneOf « {type} » demande exactement une clé.'),
  EXPECTED_TYPE_BECAUSE: known(COERCE, 'Expected type "{type}". {problem}', 'Type « {type} » attendu. {problem}', { problem: 'message' }),
  EXPECTED_TYPE: known(COERCE, 'Expected type "{type}".', 'Type « {type} » attendu.'),
  INT_NOT_INTEGER: known(SCALARS, 'Int cannot represent non-integer value: {value}', 'Un Int ne peut pas représenter une valeur non entière : {value}'),
  INT_NOT_32_BIT: known(
    SCALARS,
    'Int cannot represent non 32-bit signed integer value: {value}',
    'Un Int ne peut pas représenter une valeur hors des entiers signés de 32 bits : {value}',
  ),
  FLOAT_NOT_NUMERIC: known(SCALARS, 'Float cannot represent non numeric value: {value}', 'Un Float ne peut pas représenter une valeur non numérique : {value}'),
  STRING_NOT_STRING: known(
    SCALARS,
    'String cannot represent a non string value: {value}',
    'Un String ne peut pas représenter une valeur qui n’est pas une chaîne : {value}',
  ),
  BOOLEAN_NOT_BOOLEAN: known(
    SCALARS,
    'Boolean cannot represent a non boolean value: {value}',
    'Un Boolean ne peut pas représenter une valeur qui n’est pas booléenne : {value}',
  ),
  ID_NOT_STRING_OR_INTEGER: known(
    SCALARS,
    'ID cannot represent a non-string and non-integer value: {value}',
    'Un ID ne peut pas représenter une valeur qui n’est ni une chaîne ni un entier : {value}',
  ),
  ID_INVALID: known(SCALARS, 'ID cannot represent value: {value}', 'Un ID ne peut pas représenter la valeur : {value}'),
  ENUM_VALUE_UNKNOWN: known(ENUMS, 'Value "{value}" does not exist in "{type}" enum.', 'La valeur « {value} » n’existe pas dans l’énumération « {type} ».'),
  ENUM_NOT_STRING: known(
    ENUMS,
    'Enum "{type}" cannot represent non-string value: {value}.',
    'L’énumération « {type} » ne peut pas représenter une valeur qui n’est pas une chaîne : {value}.',
  ),
  ENUM_NOT_ENUM: known(
    ENUMS,
    'Enum "{type}" cannot represent non-enum value: {value}.',
    'L’énumération « {type} » ne peut pas représenter une valeur qui n’est pas une des siennes : {value}.',
  ),
};
