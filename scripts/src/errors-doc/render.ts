import {
  GRAPHQL_ERROR_CODES,
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
    parts.push('', 'Message: written by Apollo Server (GraphQL.js for parse and validation errors) in English, and passed on as it is.');
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
  ].join('\n');
}
