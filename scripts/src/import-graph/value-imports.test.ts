import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cyclesOf, valueImportGraph } from './value-imports';

/** The graph the import-cycle test reads, on a small tree written for it: it finds value cycles and only those. */
describe('value imports', () => {
  let root: string;
  const file = (name: string, text: string) => {
    const full = path.join(root, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    return full;
  };
  const relative = (cycles: string[][]) => cycles.map((c) => c.map((f) => path.relative(root, f)));

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'value-imports-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds a cycle of value imports, across a workspace package too', () => {
    const files = [
      file('services/a/src/entity.ts', `import { Other } from './other';\nexport class Entity { other?: Other }\n`),
      file('services/a/src/other.ts', `import { helper } from '@maison/house';\nexport class Other {}\nexport const o = helper;\n`),
      file('packages/house/src/index.ts', `export * from './helper';\n`),
      file('packages/house/src/helper.ts', `import { Entity } from '../../../services/a/src/entity';\nexport const helper = () => new Entity();\n`),
      file('services/a/src/leaf.ts', `import { Entity } from './entity';\nexport const e = new Entity();\n`),
    ];
    const graph = valueImportGraph(root, files);
    expect(graph.get(files[1]!)).toEqual([files[2]]);
    expect(relative(cyclesOf(graph))).toEqual([
      ['packages/house/src/helper.ts', 'packages/house/src/index.ts', 'services/a/src/entity.ts', 'services/a/src/other.ts'],
    ]);
  });

  it('leaves out imports of types only, in every spelling, and keeps a side-effect import', () => {
    const files = [
      file('src/a.ts', `import type { B } from './b';\nimport { type C } from './c';\nexport type { D } from './d';\nexport interface A { b: B; c: C }\n`),
      file('src/b.ts', `import { A } from './a';\nexport interface B { a: A }\n`),
      file('src/c.ts', `import { type A } from './a';\nexport interface C { a: A }\n`),
      file('src/d.ts', `import './a';\nexport interface D {}\n`),
    ];
    const graph = valueImportGraph(root, files);
    // a.ts reaches b, c and d by types only; b and d import a as values (d for its side effects): no cycle.
    expect(graph.get(files[0]!)).toEqual([]);
    expect(graph.get(files[1]!)).toEqual([files[0]]);
    expect(graph.get(files[2]!)).toEqual([]);
    expect(graph.get(files[3]!)).toEqual([files[0]]);
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('counts a file importing itself as a cycle', () => {
    const self = file('src/self.ts', `import { x } from './self';\nexport const x = 1;\nexport const y = x;\n`);
    expect(cyclesOf(valueImportGraph(root, [self]))).toEqual([[self]]);
  });
});
