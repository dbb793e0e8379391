import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GRAPHQL_ERROR_CODES, UserErrorCode } from '@maison/errors';
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
});
