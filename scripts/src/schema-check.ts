import { parseArgs } from 'node:util';
import { checkClientSchema } from './schema-check/check';
import { ROOT } from './services';

/**
 * `npm run schema:check [-- --base <revision>]`: fails on a breaking change of schema/client.graphql
 * that schema/CHANGELOG.md does not acknowledge. The base defaults to HEAD when the file has
 * uncommitted changes, else HEAD~1; `--base` or SCHEMA_BASE names another (e.g. origin/main).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { base: { type: 'string' } } });
  const base = values.base ?? (process.env.SCHEMA_BASE || undefined);
  const result = await checkClientSchema(ROOT, { base });
  const stream = result.ok ? process.stdout : process.stderr;
  stream.write(`${result.lines.map((line) => `schema:check: ${line}`).join('\n')}\n`);
  process.exitCode = result.ok ? 0 : 1;
}

main().catch((error) => {
  process.stderr.write(`schema:check: ${(error as Error).stack ?? error}\n`);
  process.exit(2);
});
