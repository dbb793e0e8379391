import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clientSchemaOf } from '../scripts/src/client-schema';
import { acknowledgementsIn } from '../scripts/src/schema-check/changelog';
import { checkClientSchema } from '../scripts/src/schema-check/check';
import { ROOT, SUPERGRAPH_PATH } from '../scripts/src/services';

/**
 * The breaking-change check of schema/client.graphql (npm run schema:check), on throwaway git
 * repositories that hold only the files it reads, then on this repository as CI runs it.
 */
const V1 = `type Query {
  a: String
  b(x: Int): Int
  kind: Kind
}

enum Kind {
  ONE
  TWO
}
`;
const WITHOUT_B = V1.replace('  b(x: Int): Int\n', '');
const WITH_C = V1.replace('  kind: Kind\n', '  kind: Kind\n  c: String\n');
const WITH_THREE = V1.replace('  TWO\n', '  TWO\n  THREE\n');
const CHANGELOG_HEAD = '# Changes of the client schema\n\n## 2026-12-01\n\n';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schema-check-'));
  made.push(dir);
  return dir;
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

function write(repo: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), text);
  }
}

/** A repository with one commit per element of `commits` (files written, then committed). */
function repoWith(...commits: Record<string, string>[]): string {
  const repo = tempDir();
  git(repo, 'init', '-q');
  commits.forEach((files, i) => {
    write(repo, files);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', `commit ${i + 1}`);
  });
  return repo;
}

const text = (result: { lines: string[] }) => result.lines.join('\n');

describe('npm run schema:check, on a pushed commit (base HEAD~1)', () => {
  it('fails on a breaking change of the last commit, naming it and the line that would acknowledge it', async () => {
    const repo = repoWith({ 'schema/client.graphql': V1 }, { 'schema/client.graphql': WITHOUT_B });
    const result = await checkClientSchema(repo);
    expect(result.ok).toBe(false);
    expect(text(result)).toContain('against its version at HEAD~1 (');
    expect(text(result)).toMatch(/BREAKING, unacknowledged\s+FIELD_REMOVED Query\.b/);
    expect(text(result)).toContain('- `Query.b` FIELD_REMOVED: <why, and what clients do instead>');
  });

  it('passes the same change once schema/CHANGELOG.md acknowledges it', async () => {
    const repo = repoWith(
      { 'schema/client.graphql': V1 },
      { 'schema/client.graphql': WITHOUT_B, 'schema/CHANGELOG.md': `${CHANGELOG_HEAD}- \`Query.b\` FIELD_REMOVED: nobody reads it.\n` },
    );
    const result = await checkClientSchema(repo);
    expect(text(result)).toMatch(/breaking, acknowledged\s+FIELD_REMOVED Query\.b/);
    expect(result.ok).toBe(true);
  });

  it.each([
    ['another change type', '- `Query.b` FIELD_TYPE_CHANGED: nobody reads it.'],
    ['another coordinate', '- `Query.a` FIELD_REMOVED: nobody reads it.'],
    ['no reason', '- `Query.b` FIELD_REMOVED:'],
    ['the suggested placeholder', '- `Query.b` FIELD_REMOVED: <why, and what clients do instead>'],
    ['an example in a code block', '```\n- `Query.b` FIELD_REMOVED: an example.\n```'],
    ['an indented line', '    - `Query.b` FIELD_REMOVED: an example.'],
  ])('does not take %s for an acknowledgement', async (_, line) => {
    const repo = repoWith({ 'schema/client.graphql': V1 }, { 'schema/client.graphql': WITHOUT_B, 'schema/CHANGELOG.md': `${CHANGELOG_HEAD}${line}\n` });
    expect((await checkClientSchema(repo)).ok).toBe(false);
  });

  it('passes a change that breaks no query, and one that only may surprise (a new enum value), listing both', async () => {
    const repo = repoWith(
      { 'schema/client.graphql': V1 },
      { 'schema/client.graphql': WITH_C },
      { 'schema/client.graphql': WITH_THREE.replace('  kind: Kind\n', '  kind: Kind\n  c: String\n') },
    );
    const result = await checkClientSchema(repo);
    expect(result.ok).toBe(true);
    expect(text(result)).toMatch(/dangerous\s+ENUM_VALUE_ADDED Kind\.THREE/);
    expect(await checkClientSchema(repo, { base: 'HEAD~2' })).toEqual({
      ok: true,
      lines: expect.arrayContaining([expect.stringMatching(/safe\s+FIELD_ADDED Query\.c/)]),
    });
  });
});

describe('the base of the comparison', () => {
  it('is HEAD when the working tree has uncommitted changes of the file', async () => {
    const repo = repoWith({ 'schema/client.graphql': WITHOUT_B }, { 'schema/client.graphql': V1 });
    // HEAD~1 → HEAD added Query.b back (safe); removing it again, uncommitted, is a break against HEAD.
    expect((await checkClientSchema(repo)).ok).toBe(true);
    write(repo, { 'schema/client.graphql': WITHOUT_B });
    const result = await checkClientSchema(repo);
    expect(text(result)).toContain('against its version at HEAD (');
    expect(text(result)).toContain("the working tree's schema/client.graphql differs from the last commit's");
    expect(result.ok).toBe(false);
  });

  it('is the one asked for (--base, SCHEMA_BASE): a break two commits back is caught against that commit', async () => {
    const repo = repoWith(
      { 'schema/client.graphql': V1 },
      { 'schema/client.graphql': WITHOUT_B },
      { 'schema/client.graphql': WITH_C.replace('  b(x: Int): Int\n', '') },
    );
    expect((await checkClientSchema(repo)).ok).toBe(true);
    const older = await checkClientSchema(repo, { base: 'HEAD~2' });
    expect(text(older)).toContain('against its version at HEAD~2 (');
    expect(text(older)).toMatch(/FIELD_REMOVED Query\.b/);
    expect(older.ok).toBe(false);
  });

  it('fails, rather than pass unchecked, when the base asked for is not in the clone', async () => {
    const repo = repoWith({ 'schema/client.graphql': V1 });
    const result = await checkClientSchema(repo, { base: 'origin/main' });
    expect(result).toEqual({ ok: false, lines: expect.arrayContaining([expect.stringContaining('the base origin/main names no commit of this clone')]) });
  });

  it("before the file existed, is the API schema of the previous commit's supergraph", async () => {
    const supergraph = readFileSync(SUPERGRAPH_PATH, 'utf8');
    const api = clientSchemaOf(supergraph);
    const same = repoWith({ 'gateway/supergraph.graphql': supergraph }, { 'schema/client.graphql': api });
    const result = await checkClientSchema(same);
    expect(text(result)).toMatch(/against the API schema of the supergraph at HEAD~1 \([0-9a-f]{10}\), where the file did not exist yet/);
    expect(text(result)).toContain('0 changes');
    expect(result.ok).toBe(true);

    const narrower = api.replace('\n  """The shared spaces of the house."""\n  sharedSpaces: [SharedSpace!]!\n', '\n');
    expect(narrower).not.toBe(api);
    const broken = repoWith({ 'gateway/supergraph.graphql': supergraph }, { 'schema/client.graphql': narrower });
    const failed = await checkClientSchema(broken);
    expect(text(failed)).toMatch(/FIELD_REMOVED Query\.sharedSpaces/);
    expect(failed.ok).toBe(false);
  });

  it('is none, and says so, when the file is in the first commit of the repository', async () => {
    const result = await checkClientSchema(repoWith({ 'schema/client.graphql': V1 }));
    expect(result.ok).toBe(true);
    expect(text(result)).toMatch(/No previous version of schema\/client\.graphql to compare with: HEAD \([0-9a-f]{10}\) is the first commit of the repository/);
  });

  it('is none, and says so, when the previous commit has neither the client schema nor a supergraph', async () => {
    const result = await checkClientSchema(repoWith({ 'README.md': '# x\n' }, { 'schema/client.graphql': V1 }));
    expect(result.ok).toBe(true);
    expect(text(result)).toMatch(/HEAD~1 \([0-9a-f]{10}\) has neither schema\/client\.graphql nor gateway\/supergraph\.graphql/);
  });

  it('cannot be read in a shallow clone without the previous commit: the check fails and says how to fetch it', async () => {
    const origin = repoWith({ 'schema/client.graphql': V1 }, { 'schema/client.graphql': WITHOUT_B });
    const clone = path.join(tempDir(), 'clone');
    git(os.tmpdir(), 'clone', '-q', '--depth', '1', `file://${origin}`, clone);
    const shallow = await checkClientSchema(clone);
    expect(text(shallow)).toContain('HEAD~1 is not in this shallow clone: fetch it (git fetch --deepen=1)');
    expect(shallow.ok).toBe(false);
    git(clone, 'fetch', '-q', '--deepen=1');
    const deepened = await checkClientSchema(clone);
    expect(text(deepened)).toMatch(/FIELD_REMOVED Query\.b/);
    expect(deepened.ok).toBe(false);
  });

  it('cannot be read outside a git checkout: the check fails', async () => {
    const dir = tempDir();
    write(dir, { 'schema/client.graphql': V1 });
    // Even when the temporary directory sits inside some other checkout, git must not look above it.
    const ceiling = process.env.GIT_CEILING_DIRECTORIES;
    process.env.GIT_CEILING_DIRECTORIES = path.dirname(dir);
    const result = await checkClientSchema(dir).finally(() => {
      if (ceiling === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = ceiling;
    });
    expect(result).toEqual({ ok: false, lines: expect.arrayContaining([expect.stringContaining('is not a git checkout')]) });
  });

  it('fails when schema/client.graphql itself is missing', async () => {
    const repo = repoWith({ 'schema/client.graphql': V1 });
    rmSync(path.join(repo, 'schema', 'client.graphql'));
    expect(await checkClientSchema(repo)).toEqual({ ok: false, lines: ['schema/client.graphql is missing: run npm run compose.'] });
  });
});

describe('acknowledgements in schema/CHANGELOG.md', () => {
  it('reads the coordinate and the change type of each top-level item', () => {
    expect(acknowledgementsIn('## 2026-12-01\n\n- `Query.b` FIELD_REMOVED: gone.\n* `Kind.TWO` ENUM_VALUE_REMOVED: merged into ONE.\n- plain prose\n')).toEqual(
      [
        { coordinate: 'Query.b', type: 'FIELD_REMOVED' },
        { coordinate: 'Kind.TWO', type: 'ENUM_VALUE_REMOVED' },
      ],
    );
  });
});

describe('this repository', () => {
  it('has no unacknowledged breaking change of schema/client.graphql (npm run schema:check, as CI runs it)', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'dist', 'schema-check.js')], { cwd: ROOT, encoding: 'utf8' });
    expect({ status: run.status, output: `${run.stdout}${run.stderr}` }).toEqual({
      status: 0,
      output: expect.stringMatching(/^schema:check: schema\/client\.graphql against (its version at|the API schema of the supergraph at) HEAD/),
    });
  });
});
