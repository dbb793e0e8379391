import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GRAPHQL_ERROR_CODES, GRAPHQL_JS_MESSAGES, PROTOCOL_MESSAGES, UserErrorCode } from '@maison/errors';
import { ERRORS_DOC_FILE, errorsDoc } from '../scripts/src/errors-doc/render';

/** docs/errors.md is generated from the registry of codes and messages; this fails when it is stale (run `npm run docs:errors`). */
describe('docs/errors.md', () => {
  const committed = readFileSync(path.resolve(__dirname, '..', ERRORS_DOC_FILE), 'utf8');

  it('is what the registry generates', () => {
    expect(committed).toBe(errorsDoc());
  });

  it('lists every code with its kind, and the messages of both languages', () => {
    for (const code of Object.values(UserErrorCode)) expect(committed).toContain(`| \`${code}\` | \`userErrors[].code\` |`);
    for (const code of Object.keys(GRAPHQL_ERROR_CODES)) expect(committed).toContain(`| \`${code}\` | \`errors[].extensions.code\` |`);
    expect(committed).toContain(
      '| `TIMEOUT` | the subgraph did not answer within its timeout | `subgraph` | Le service « {subgraph} » n’a pas répondu à temps',
    );
    expect(committed).toContain('| `LEDGER_NOT_CONFIGURED` |');
  });

  it('lists the messages of GraphQL itself, each with its French and its English, and the words kept as written', () => {
    expect(committed).toContain('## Messages of GraphQL itself');
    for (const name of Object.keys(GRAPHQL_JS_MESSAGES)) expect(committed).toContain(`| \`${name}\` | `);
    for (const word of Object.keys(PROTOCOL_MESSAGES)) expect(committed).toContain(`| \`${word}\` | `);
    expect(committed).toContain(
      '| `UNKNOWN_FIELD` | graphql lib/validation/rules/FieldsOnCorrectTypeRule.js | `field`, `type` | Le champ « {field} » n’existe pas sur le type « {type} ». | Cannot query field "{field}" on type "{type}". |',
    );
  });
});
