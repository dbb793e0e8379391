import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { cyclesOf, valueImportGraph } from '../scripts/src/import-graph/value-imports';

/**
 * Issue 11: no value import cycle in the code that runs. Over every TypeScript file git tracks under
 * services/, gateway/ and packages/ (tests left out), the files that import values from each other
 * in a circle are listed; type-only imports are erased by the compiler and make no cycle.
 */
const ROOT = path.resolve(__dirname, '..');

function trackedSources(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--', 'services', 'gateway', 'packages'], { cwd: ROOT, encoding: 'utf8' });
  return listed
    .split('\0')
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.endsWith('.test.ts'))
    .map((file) => path.join(ROOT, file));
}

describe('imports', () => {
  it('make no value cycle in services, gateway and packages', () => {
    const files = trackedSources();
    // Every subgraph, the gateway and the packages are read, not an empty list.
    for (const dir of ['services/tenants', 'services/coworking', 'services/gallery', 'gateway', 'packages/kit', 'packages/house']) {
      expect(files.some((f) => f.startsWith(path.join(ROOT, dir, 'src')))).toBe(true);
    }
    const cycles = cyclesOf(valueImportGraph(ROOT, files)).map((cycle) => cycle.map((file) => path.relative(ROOT, file)));
    expect(cycles).toEqual([]);
  });
});
