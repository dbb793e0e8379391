import { known } from './shape';

const rule = (name: string) => `graphql lib/validation/rules/${name}.js`;

/** GRAPHQL_VALIDATION_FAILED: what each rule of graphql's specifiedRules writes about an operation. */
export const VALIDATION_MESSAGES = {
  NOT_EXECUTABLE: known(
    rule('ExecutableDefinitionsRule'),
    'The "{name}" definition is not executable.',
    'La définition « {name} » n’est pas exécutable : un document ne contient que des opérations et des fragments.',
  ),
  SCHEMA_NOT_EXECUTABLE: known(
    rule('ExecutableDefinitionsRule'),
    'The schema definition is not executable.',
    'La définition du schéma n’est pas exécutable : un document ne contient que des opérations et des fragments.',
  ),
  DUPLICATE_OPERATION: known(
    rule('UniqueOperationNamesRule'),
    'There can be only one operation named "{name}".',
    'Une seule opération peut s’appeler « {name} ».',
  ),
  LONE_ANONYMOUS_OPERATION: known(
    rule('LoneAnonymousOperationRule'),
    'This anonymous operation must be the only defined operation.',
    'Une opération anonyme doit être la seule opération du document.',
  ),
  SUBSCRIPTION_ONE_FIELD: known(
    rule('SingleFieldSubscriptionsRule'),
    'Subscription "{name}" must select only one top level field.',
    'L’abonnement « {name} » doit sélectionner un seul champ de premier niveau.',
  ),
  ANONYMOUS_SUBSCRIPTION_ONE_FIELD: known(
    rule('SingleFieldSubscriptionsRule'),
    'Anonymous Subscription must select only one top level field.',
    'Un abonnement anonyme doit sélectionner un seul champ de premier niveau.',
  ),
  SUBSCRIPTION_INTROSPECTION: known(
    rule('SingleFieldSubscriptionsRule'),
    'Subscription "{name}" must not select an introspection top level field.',
    'L’abonnement « {name} » ne doit pas sélectionner de champ d’introspection au premier niveau.',
  ),
  ANONYMOUS_SUBSCRIPTION_INTROSPECTION: known(
    rule('SingleFieldSubscriptionsRule'),
    'Anonymous Subscription must not select an introspection top level field.',
    'Un abonnement anonyme ne doit pas sélectionner de champ d’introspection au premier niveau.',
  ),
  UNKNOWN_TYPE: known(rule('KnownTypeNamesRule'), 'Unknown type "{type}".', 'Type « {type} » inconnu.'),
  INLINE_FRAGMENT_ON_LEAF: known(
    rule('FragmentsOnCompositeTypesRule'),
    'Fragment cannot condition on non composite type "{type}".',
    'Un fragment ne peut pas porter sur le type non composite « {type} ».',
  ),
  FRAGMENT_ON_LEAF: known(
    rule('FragmentsOnCompositeTypesRule'),
    'Fragment "{fragment}" cannot condition on non composite type "{type}".',
    'Le fragment « {fragment} » ne peut pas porter sur le type non composite « {type} ».',
  ),
  VARIABLE_NOT_INPUT: known(
    rule('VariablesAreInputTypesRule'),
    'Variable "${variable}" cannot be non-input type "{type}".',
    'La variable « ${variable} » ne peut pas être du type « {type} », qui n’est pas un type d’entrée.',
  ),
  LEAF_WITH_SELECTION: known(
    rule('ScalarLeafsRule'),
    'Field "{field}" must not have a selection since type "{type}" has no subfields.',
    'Le champ « {field} » ne prend pas de sélection : le type « {type} » n’a pas de sous-champs.',
  ),
  SELECTION_REQUIRED: known(
    rule('ScalarLeafsRule'),
    'Field "{field}" of type "{type}" must have a selection of subfields.',
    'Le champ « {field} » de type « {type} » demande une sélection de sous-champs.',
  ),
  EMPTY_SELECTION: known(
    rule('ScalarLeafsRule'),
    'Field "{field}" of type "{type}" must have at least one field selected.',
    'Le champ « {field} » de type « {type} » demande au moins un sous-champ.',
  ),
  UNKNOWN_FIELD: known(
    rule('FieldsOnCorrectTypeRule'),
    'Cannot query field "{field}" on type "{type}".',
    'Le champ « {field} » n’existe pas sur le type « {type} ».',
  ),
  DUPLICATE_FRAGMENT: known(
    rule('UniqueFragmentNamesRule'),
    'There can be only one fragment named "{fragment}".',
    'Un seul fragment peut s’appeler « {fragment} ».',
  ),
  UNKNOWN_FRAGMENT: known(rule('KnownFragmentNamesRule'), 'Unknown fragment "{fragment}".', 'Fragment « {fragment} » inconnu.'),
  UNUSED_FRAGMENT: known(rule('NoUnusedFragmentsRule'), 'Fragment "{fragment}" is never used.', 'Le fragment « {fragment} » n’est jamais utilisé.'),
  IMPOSSIBLE_INLINE_SPREAD: known(
    rule('PossibleFragmentSpreadsRule'),
    'Fragment cannot be spread here as objects of type "{parentType}" can never be of type "{type}".',
    'Ce fragment ne peut pas être étalé ici : un objet de type « {parentType} » n’est jamais de type « {type} ».',
  ),
  IMPOSSIBLE_SPREAD: known(
    rule('PossibleFragmentSpreadsRule'),
    'Fragment "{fragment}" cannot be spread here as objects of type "{parentType}" can never be of type "{type}".',
    'Le fragment « {fragment} » ne peut pas être étalé ici : un objet de type « {parentType} » n’est jamais de type « {type} ».',
  ),
  FRAGMENT_CYCLE: known(
    rule('NoFragmentCyclesRule'),
    'Cannot spread fragment "{fragment}" within itself.',
    'Le fragment « {fragment} » ne peut pas s’étaler en lui-même.',
  ),
  FRAGMENT_CYCLE_VIA: known(
    rule('NoFragmentCyclesRule'),
    'Cannot spread fragment "{fragment}" within itself via {fragments}.',
    'Le fragment « {fragment} » ne peut pas s’étaler en lui-même par {fragments}.',
    { fragments: 'list' },
  ),
  DUPLICATE_VARIABLE: known(
    rule('UniqueVariableNamesRule'),
    'There can be only one variable named "${variable}".',
    'Une seule variable peut s’appeler « ${variable} ».',
  ),
  UNDEFINED_VARIABLE_IN_OPERATION: known(
    rule('NoUndefinedVariablesRule'),
    'Variable "${variable}" is not defined by operation "{operation}".',
    'La variable « ${variable} » n’est pas déclarée par l’opération « {operation} ».',
  ),
  UNDEFINED_VARIABLE: known(rule('NoUndefinedVariablesRule'), 'Variable "${variable}" is not defined.', 'La variable « ${variable} » n’est pas déclarée.'),
  UNUSED_VARIABLE_IN_OPERATION: known(
    rule('NoUnusedVariablesRule'),
    'Variable "${variable}" is never used in operation "{operation}".',
    'La variable « ${variable} » n’est jamais utilisée dans l’opération « {operation} ».',
  ),
  UNUSED_VARIABLE: known(rule('NoUnusedVariablesRule'), 'Variable "${variable}" is never used.', 'La variable « ${variable} » n’est jamais utilisée.'),
  UNKNOWN_DIRECTIVE: known(rule('KnownDirectivesRule'), 'Unknown directive "@{directive}".', 'Directive « @{directive} » inconnue.'),
  MISPLACED_DIRECTIVE: known(
    rule('KnownDirectivesRule'),
    'Directive "@{directive}" may not be used on {location}.',
    'La directive « @{directive} » ne s’emploie pas sur {location}.',
  ),
  DUPLICATE_DIRECTIVE: known(
    rule('UniqueDirectivesPerLocationRule'),
    'The directive "@{directive}" can only be used once at this location.',
    'La directive « @{directive} » ne s’emploie qu’une fois à cet endroit.',
  ),
  UNKNOWN_ARGUMENT: known(
    rule('KnownArgumentNamesRule'),
    'Unknown argument "{argument}" on field "{field}".',
    'L’argument « {argument} » n’existe pas sur le champ « {field} ».',
  ),
  UNKNOWN_DIRECTIVE_ARGUMENT: known(
    rule('KnownArgumentNamesRule'),
    'Unknown argument "{argument}" on directive "@{directive}".',
    'L’argument « {argument} » n’existe pas sur la directive « @{directive} ».',
  ),
  DUPLICATE_ARGUMENT: known(
    rule('UniqueArgumentNamesRule'),
    'There can be only one argument named "{argument}".',
    'Un seul argument peut s’appeler « {argument} ».',
  ),
  REQUIRED_FIELD_MISSING: known(
    `${rule('ValuesOfCorrectTypeRule')}, graphql lib/utilities/coerceInputValue.js`,
    'Field "{field}" of required type "{type}" was not provided.',
    'Le champ « {field} », de type obligatoire « {type} », n’est pas fourni.',
  ),
  UNKNOWN_INPUT_FIELD: known(
    `${rule('ValuesOfCorrectTypeRule')}, graphql lib/utilities/coerceInputValue.js`,
    'Field "{field}" is not defined by type "{type}".',
    'Le champ « {field} » n’existe pas dans le type « {type} ».',
  ),
  WRONG_VALUE: known(rule('ValuesOfCorrectTypeRule'), 'Expected value of type "{type}", found {value}.', 'Valeur de type « {type} » attendue, {value} trouvé.'),
  WRONG_VALUE_BECAUSE: known(
    rule('ValuesOfCorrectTypeRule'),
    'Expected value of type "{type}", found {value}; {problem}',
    'Valeur de type « {type} » attendue, {value} trouvé ; {problem}',
    { value: 'value', problem: 'message' },
  ),
  ONE_OF_ONE_KEY: known(
    rule('ValuesOfCorrectTypeRule'),
    'OneOf Input Object "{type}" must specify exactly one key.',
    'L’objet d’entrée OneOf « {type} » doit avoir exactement une clé.',
  ),
  ONE_OF_NON_NULL: known(
    `${rule('ValuesOfCorrectTypeRule')}, graphql lib/utilities/coerceInputValue.js`,
    'Field "{field}" must be non-null.',
    'Le champ « {field} » ne doit pas être nul.',
  ),
  REQUIRED_ARGUMENT_MISSING: known(
    rule('ProvidedRequiredArgumentsRule'),
    'Field "{field}" argument "{argument}" of type "{type}" is required, but it was not provided.',
    'Le champ « {field} » demande l’argument « {argument} », de type « {type} », qui n’est pas fourni.',
  ),
  REQUIRED_DIRECTIVE_ARGUMENT_MISSING: known(
    rule('ProvidedRequiredArgumentsRule'),
    'Directive "@{directive}" argument "{argument}" of type "{type}" is required, but it was not provided.',
    'La directive « @{directive} » demande l’argument « {argument} », de type « {type} », qui n’est pas fourni.',
  ),
  VARIABLE_IN_WRONG_POSITION: known(
    rule('VariablesInAllowedPositionRule'),
    'Variable "${variable}" of type "{variableType}" used in position expecting type "{type}".',
    'La variable « ${variable} », de type « {variableType} », est employée là où le type « {type} » est attendu.',
  ),
  ONE_OF_NULLABLE_VARIABLE: known(
    rule('VariablesInAllowedPositionRule'),
    'Variable "${variable}" is of type "{variableType}" but must be non-nullable to be used for OneOf Input Object "{type}".',
    'La variable « ${variable} » est de type « {variableType} » ; elle doit être non nulle pour servir à l’objet d’entrée OneOf « {type} ».',
  ),
  FIELDS_CONFLICT: known(
    rule('OverlappingFieldsCanBeMergedRule'),
    'Fields "{responseName}" conflict because {reason}. Use different aliases on the fields to fetch both if this was intentional.',
    'Les champs « {responseName} » sont en conflit : {reason}. Donnez-leur des alias différents pour obtenir les deux.',
    { reason: 'message' },
  ),
  CONFLICT_DIFFERENT_FIELDS: known(
    rule('OverlappingFieldsCanBeMergedRule'),
    '"{field}" and "{otherField}" are different fields',
    '« {field} » et « {otherField} » sont des champs différents',
  ),
  CONFLICT_ARGUMENTS: known(rule('OverlappingFieldsCanBeMergedRule'), 'they have differing arguments', 'leurs arguments diffèrent'),
  CONFLICT_TYPES: known(
    rule('OverlappingFieldsCanBeMergedRule'),
    'they return conflicting types "{type}" and "{otherType}"',
    'ils renvoient des types incompatibles, « {type} » et « {otherType} »',
  ),
  CONFLICT_SUBFIELDS: known(
    rule('OverlappingFieldsCanBeMergedRule'),
    'subfields "{field}" conflict because {reason}',
    'les sous-champs « {field} » sont en conflit : {reason}',
    { reason: 'message' },
  ),
  CONFLICT_SUBFIELDS_AND: known(
    rule('OverlappingFieldsCanBeMergedRule'),
    'subfields "{field}" conflict because {reason} and {others}',
    'les sous-champs « {field} » sont en conflit : {reason} ; et {others}',
    { reason: 'message', others: 'message' },
  ),
  DUPLICATE_INPUT_FIELD: known(
    rule('UniqueInputFieldNamesRule'),
    'There can be only one input field named "{field}".',
    'Un seul champ d’entrée peut s’appeler « {field} ».',
  ),
  INTROSPECTION_TOO_DEEP: known(rule('MaxIntrospectionDepthRule'), 'Maximum introspection depth exceeded', 'Profondeur maximale d’introspection dépassée'),
};
