import { known } from './shape';

const LEXER = 'graphql lib/language/lexer.js';
const PARSER = 'graphql lib/language/parser.js';

/** GRAPHQL_PARSE_FAILED: "Syntax Error: " and what the lexer or the parser did not expect. */
export const SYNTAX_MESSAGES = {
  SYNTAX_EXPECTED: known(PARSER, 'Syntax Error: Expected {expected}, found {found}.', 'Erreur de syntaxe : {expected} attendu, {found} trouvé.', {
    expected: 'token',
    found: 'token',
  }),
  SYNTAX_UNEXPECTED: known(PARSER, 'Syntax Error: Unexpected {found}.', 'Erreur de syntaxe : {found} inattendu.', { found: 'token' }),
  SYNTAX_UNEXPECTED_VARIABLE: known(
    PARSER,
    'Syntax Error: Unexpected variable "${variable}" in constant value.',
    'Erreur de syntaxe : variable « ${variable} » inattendue dans une valeur constante.',
  ),
  SYNTAX_DESCRIPTION_ON_SHORTHAND: known(
    PARSER,
    'Syntax Error: Unexpected description, descriptions are not supported on shorthand queries.',
    'Erreur de syntaxe : description inattendue, une requête abrégée n’en prend pas.',
  ),
  SYNTAX_DESCRIPTION: known(
    PARSER,
    'Syntax Error: Unexpected description, only GraphQL definitions support descriptions.',
    'Erreur de syntaxe : description inattendue, seules les définitions GraphQL en prennent.',
  ),
  SYNTAX_RESERVED_ENUM_VALUE: known(
    PARSER,
    'Syntax Error: {token} is reserved and cannot be used for an enum value.',
    'Erreur de syntaxe : {token} est réservé et ne peut pas servir de valeur d’énumération.',
    { token: 'token' },
  ),
  SYNTAX_SINGLE_QUOTE: known(
    LEXER,
    'Syntax Error: Unexpected single quote character (\'), did you mean to use a double quote (")?',
    'Erreur de syntaxe : apostrophe (\') inattendue ; vouliez-vous écrire un guillemet droit (") ?',
  ),
  SYNTAX_UNEXPECTED_CHARACTER: known(LEXER, 'Syntax Error: Unexpected character: {character}.', 'Erreur de syntaxe : caractère inattendu : {character}.'),
  SYNTAX_INVALID_CHARACTER: known(LEXER, 'Syntax Error: Invalid character: {character}.', 'Erreur de syntaxe : caractère invalide : {character}.'),
  SYNTAX_DIGIT_AFTER_ZERO: known(
    LEXER,
    'Syntax Error: Invalid number, unexpected digit after 0: {character}.',
    'Erreur de syntaxe : nombre invalide, chiffre inattendu après 0 : {character}.',
  ),
  SYNTAX_DIGIT_EXPECTED: known(
    LEXER,
    'Syntax Error: Invalid number, expected digit but got: {character}.',
    'Erreur de syntaxe : nombre invalide, chiffre attendu au lieu de : {character}.',
  ),
  SYNTAX_CHARACTER_IN_STRING: known(
    LEXER,
    'Syntax Error: Invalid character within String: {character}.',
    'Erreur de syntaxe : caractère invalide dans une chaîne : {character}.',
  ),
  SYNTAX_UNTERMINATED_STRING: known(LEXER, 'Syntax Error: Unterminated string.', 'Erreur de syntaxe : chaîne non terminée.'),
  SYNTAX_UNICODE_ESCAPE: known(
    LEXER,
    'Syntax Error: Invalid Unicode escape sequence: "{sequence}".',
    'Erreur de syntaxe : séquence d’échappement Unicode invalide : « {sequence} ».',
  ),
  SYNTAX_CHARACTER_ESCAPE: known(
    LEXER,
    'Syntax Error: Invalid character escape sequence: "{sequence}".',
    'Erreur de syntaxe : séquence d’échappement invalide : « {sequence} ».',
  ),
};
