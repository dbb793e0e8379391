import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** docs/architecture.md names one file per rule of the house: each must exist, or the page is stale. */
const ROOT = path.resolve(__dirname, '..');
const page = readFileSync(path.join(ROOT, 'docs', 'architecture.md'), 'utf8');
const rulesTable = page.slice(page.indexOf('## Where each rule of the house lives'));
const rows = [...rulesTable.matchAll(/^\| ([^|]+) \| (.+) \|$/gm)].slice(1).map((m) => ({ rule: m[1]!.trim(), cell: m[2]! }));

describe('docs/architecture.md', () => {
  it('names the rules the issue asked for: quota, seasons, buffers, holds, visibility, languages, limits', () => {
    const rules = rows.map((r) => r.rule).join('\n');
    for (const word of ['quota', 'season', 'buffer', 'holds', 'sees', 'language', 'limits']) expect(rules).toContain(word);
  });

  it.each(rows.map((r) => [r.rule, r.cell]))('names one file that exists for "%s"', (_rule, cell) => {
    const files = [...cell.matchAll(/`([\w./-]+\.(?:ts|sql))`/g)].map((m) => m[1]!);
    expect(files).toHaveLength(1);
    expect(existsSync(path.join(ROOT, files[0]!))).toBe(true);
  });

  it('and the README links only files inside the repository', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).not.toMatch(/\.\.\/shared/);
    for (const [, target] of readme.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)) {
      if (/^https?:/.test(target!)) continue;
      expect([target, existsSync(path.join(ROOT, target!))]).toEqual([target, true]);
    }
  });
});
