import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';

/** The compiler's errors for each line of a file that uses the registry's builders (as `npm run build` checks them). */
function typeErrorsByLine(lines: string[]): Record<number, string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'registry-types-'));
  try {
    const file = path.join(dir, 'use.ts');
    const header = `import { badUserInput, codeMessage, inputReason, reasonMessage } from ${JSON.stringify(path.resolve(__dirname, '..', 'index'))};`;
    writeFileSync(file, [header, ...lines].join('\n'));
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      skipLibCheck: true,
      types: [],
      baseUrl: dir,
      paths: { '@maison/config': [path.resolve(__dirname, '..', '..', '..', 'config', 'src', 'index.ts')] },
    });
    const found: Record<number, string[]> = {};
    for (const d of ts.getPreEmitDiagnostics(program)) {
      if (d.file?.fileName !== file || d.start === undefined) continue;
      const line = d.file.getLineAndCharacterOfPosition(d.start).line; // 0 is the import, 1 the first line given
      (found[line] ??= []).push(ts.flattenDiagnosticMessageText(d.messageText, ' '));
    }
    return found;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the parameters of registry messages', () => {
  it('are typed from the templates: the right ones compile, a missing parameter, an unknown message or reason does not', () => {
    const errors = typeErrorsByLine([
      `codeMessage('DEPTH_LIMIT_EXCEEDED', 'default', 'fr', { actual: 11, limit: 10 });`,
      `codeMessage('BAD_REQUEST', 'default', 'en');`,
      `reasonMessage('SUBGRAPH_UNAVAILABLE', 'TIMEOUT', 'en', { subgraph: 'tenants' });`,
      `badUserInput('fr', 'WINDOW_TOO_LONG', { days: 92 });`,
      `inputReason('BETWEEN', { min: 1, max: 10 });`,
      `inputReason('SAME_DAY');`,
      `codeMessage('DEPTH_LIMIT_EXCEEDED', 'default', 'fr', { limit: 10 });`,
      `badUserInput('fr', 'NO_SUCH_MESSAGE');`,
      `reasonMessage('SUBGRAPH_UNAVAILABLE', 'ON_FIRE', 'en', { subgraph: 'x' });`,
      `inputReason('BETWEEN');`,
    ]);
    expect(Object.keys(errors).map(Number)).toEqual([7, 8, 9, 10]);
    expect(errors[7]).toEqual([expect.stringContaining("'actual'")]);
    expect(errors[8]).toEqual([expect.stringContaining('NO_SUCH_MESSAGE')]);
    expect(errors[9]).toEqual([expect.stringContaining('ON_FIRE')]);
  });
});
