import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CLIENT_SCHEMA_FILE, SCHEMA_CHANGELOG_FILE } from '../services';
import { findBase } from './base';
import { compareSchemas, type SchemaChange } from './breaks';
import { acknowledgementLine } from './changelog';

export interface CheckResult {
  ok: boolean;
  /** What the check did and found, for a person reading the CI log. */
  lines: string[];
}

/** Safe changes are listed up to this many; breaking and dangerous ones always all. */
const SAFE_LISTED = 12;

const listed = (label: string, c: SchemaChange) => `  ${label.padEnd(24)} ${c.type} ${c.coordinate}: ${c.message}`;

/**
 * The breaking-change check of the client schema (`npm run schema:check`): the working tree's
 * schema/client.graphql against its base (see findBase). A breaking change fails unless
 * schema/CHANGELOG.md acknowledges it; a base that cannot be read fails too, never passes unchecked.
 */
export async function checkClientSchema(root: string, options: { base?: string } = {}): Promise<CheckResult> {
  const currentPath = path.join(root, CLIENT_SCHEMA_FILE);
  if (!existsSync(currentPath)) return { ok: false, lines: [`${CLIENT_SCHEMA_FILE} is missing: run npm run compose.`] };
  const base = findBase(root, options.base);
  if (base.kind === 'unknown') {
    return {
      ok: false,
      lines: [`Cannot check ${CLIENT_SCHEMA_FILE} for breaking changes: ${base.why}.`, 'The check fails rather than pass without comparing.'],
    };
  }
  if (base.kind === 'none') {
    return { ok: true, lines: [`No previous version of ${CLIENT_SCHEMA_FILE} to compare with: ${base.why}. Nothing can break; the check passes.`] };
  }
  const changelogPath = path.join(root, SCHEMA_CHANGELOG_FILE);
  const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : '';
  const found = await compareSchemas(base.sdl, readFileSync(currentPath, 'utf8'), changelog);
  const at = `${base.rev} (${base.commit.slice(0, 10)})`;
  const against = base.from === 'client schema' ? `its version at ${at}` : `the API schema of the supergraph at ${at}, where the file did not exist yet`;
  const lines = [
    `${CLIENT_SCHEMA_FILE} against ${against}: ${base.why}.`,
    `${found.breaking.length + found.dangerous.length + found.safe.length} changes: ${found.breaking.length} breaking (${found.unacknowledged.length} not acknowledged), ${found.dangerous.length} dangerous, ${found.safe.length} safe.`,
    ...found.breaking.map((c) => listed(found.unacknowledged.includes(c) ? 'BREAKING, unacknowledged' : 'breaking, acknowledged', c)),
    ...found.dangerous.map((c) => listed('dangerous', c)),
    ...found.safe.slice(0, SAFE_LISTED).map((c) => listed('safe', c)),
    ...(found.safe.length > SAFE_LISTED ? [`  … and ${found.safe.length - SAFE_LISTED} more safe changes`] : []),
  ];
  if (found.unacknowledged.length === 0) return { ok: true, lines };
  return {
    ok: false,
    lines: [
      ...lines,
      `Breaking changes fail the check until ${SCHEMA_CHANGELOG_FILE} acknowledges each of them with a line such as:`,
      ...found.unacknowledged.map((c) => `  ${acknowledgementLine(c.coordinate, c.type)}`),
    ],
  };
}
