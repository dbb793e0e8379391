import {
  GRAPHQL_ERROR_CODES,
  GRAPHQL_JS_MESSAGES,
  PROTOCOL_MESSAGES,
  INPUT_REASONS,
  placeholdersOf,
  SCALAR_PROBLEMS,
  SIGNATURE_PROBLEMS,
  USER_ERROR_CODES,
  type GraphQLCodeEntry,
  type Message,
} from '@maison/errors';

/** docs/errors.md, as the registry of codes and messages (packages/errors/src/registry) writes it. */
export const ERRORS_DOC_FILE = 'docs/errors.md';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (...cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: string[], rows: string[][]) => [row(...head), `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => row(...r))].join('\n');
const params = (m: Message) =>
  placeholdersOf(`${m.fr} ${m.en}`)
    .map((p) => `\`${p}\``)
    .join(', ');
const status = (e: GraphQLCodeEntry) => (e.httpNote ? `${e.httpStatus} (${e.httpNote})` : String(e.httpStatus));

function summary(): string {
  const users = Object.entries(USER_ERROR_CODES).map(([code, e]) => [`\`${code}\``, '`userErrors[].code`', '200', e.description]);
  const graphql = Object.entries(GRAPHQL_ERROR_CODES).map(([code, e]: [string, GraphQLCodeEntry]) => [
    `\`${code}\``,
    '`errors[].extensions.code`',
    status(e),
    e.description,
  ]);
  return table(['code', 'kind', 'HTTP status', 'description'], [...users, ...graphql]);
}

function userErrors(): string {
  const rows = Object.entries(USER_ERROR_CODES).map(([code, e]) => [`\`${code}\``, params(e), e.fr, e.en]);
  return table(['code', 'parameters', 'fr', 'en'], rows);
}

function graphqlCode(code: string, e: GraphQLCodeEntry): string {
  const parts = [`### \`${code}\``, '', e.description, '', `HTTP status: ${status(e)}.`];
  if (e.writtenBy === 'apollo')
    parts.push(
      '',
      'Message: written by Apollo Server (GraphQL.js for parse and validation errors) in English; French callers read it in French (see [Messages of GraphQL itself](#messages-of-graphql-itself)).',
    );
  const messages = Object.entries(e.messages);
  if (messages.length > 0) {
    const rows = messages.map(([name, m]) => [name === 'default' ? '(default)' : `\`${name}\``, m.description ?? '', params(m), m.fr, m.en]);
    parts.push('', table(['message', 'when', 'parameters', 'fr', 'en'], rows));
  }
  const reasons = Object.entries(e.reasons ?? {});
  if (reasons.length > 0) {
    const rows = reasons.map(([reason, r]) => [`\`${reason}\``, r.description, params(r), r.fr, r.en]);
    parts.push('', table(['`extensions.reason`', 'when', 'parameters', 'fr', 'en'], rows));
  }
  return parts.join('\n');
}

function fragments(entries: Record<string, Message>): string {
  return table(
    ['name', 'parameters', 'fr', 'en'],
    Object.entries(entries).map(([name, m]) => [`\`${name}\``, params(m), m.fr, m.en]),
  );
}

/** The table of GraphQL.js's and Apollo Server's own messages, and the words of a protocol kept as they are. */
function graphqlJsMessages(): string {
  const rows = Object.entries(GRAPHQL_JS_MESSAGES).map(([name, m]) => [`\`${name}\``, m.description, params(m), m.fr, m.en.trim()]);
  const kept = Object.entries(PROTOCOL_MESSAGES).map(([message, why]) => [`\`${message}\``, why]);
  return [
    'GraphQL.js and Apollo Server write their own messages, in English: a document that does not parse or',
    'validate, a variable that does not coerce, a request Apollo Server refuses. The gateway answers French',
    'callers with the French below (`packages/errors/src/registry/graphql-js-messages.ts`, each shape an',
    'anchored pattern); English callers read what GraphQL.js wrote, which is the `en` column. `extensions.code`,',
    '`locations` and `path` are the same in both languages, and names quoted in a message (fields, types,',
    'variables, values) are kept as written. A message ending with " Did you mean …?" (never in production)',
    'is its sentence, then one of the suggestions below; a parameter that is a message itself is translated in turn.',
    '',
    table(['message', 'written in', 'parameters', 'fr', 'en'], rows),
    '',
    'Kept as written in every language, because clients compare them:',
    '',
    table(['message', 'what'], kept),
  ].join('\n');
}

export function errorsDoc(): string {
  return [
    '# Error codes and messages',
    '',
    '<!-- Generated from packages/errors/src/registry by `npm run docs:errors`; tests/errors-doc.test.ts fails when it is stale. -->',
    '',
    'Every code a client of La Maison can see, from the one registry of codes and messages',
    '(`packages/errors/src/registry`). Two kinds, never mixed: expected outcomes of mutations are',
    'data, `userErrors { code message field }`, with a stable `UserErrorCode`; everything else is a',
    'GraphQL error with `extensions.code`. Messages are in the caller’s language (`Accept-Language`,',
    'French by default); `{name}` is a parameter. Branch on codes and reasons, show messages.',
    '',
    '## All codes',
    '',
    summary(),
    '',
    '## Codes of `userErrors`',
    '',
    'Inside the payload of a mutation (HTTP 200). `field` is the path of the input at fault.',
    '',
    userErrors(),
    '',
    'The `{reason}` of `INVALID_INPUT`, in the caller’s language:',
    '',
    fragments(INPUT_REASONS),
    '',
    '## Codes of GraphQL errors (`extensions.code`)',
    '',
    ...Object.entries(GRAPHQL_ERROR_CODES).flatMap(([code, e]) => [graphqlCode(code, e), '']),
    '## Parts of messages',
    '',
    'The `{problem}` of `BAD_USER_INPUT`’s scalar messages:',
    '',
    fragments(SCALAR_PROBLEMS),
    '',
    'The `{problem}` of `UNAUTHENTICATED`’s `NOT_FROM_GATEWAY` (a subgraph asked directly):',
    '',
    fragments(SIGNATURE_PROBLEMS),
    '',
    '## Messages of GraphQL itself',
    '',
    graphqlJsMessages(),
    '',
  ].join('\n');
}
