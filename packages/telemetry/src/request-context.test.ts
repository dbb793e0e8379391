import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { requestContext, runInRequestContext } from './request-context';

const ROOT = path.resolve(__dirname, '../../..');

/** Every .ts file under the workspaces' src folders. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('the request context', () => {
  it('is the only AsyncLocalStorage of the code the processes run (each store costs every promise a hook)', () => {
    const roots = ['packages', 'services'].flatMap((group) => readdirSync(path.join(ROOT, group)).map((name) => path.join(ROOT, group, name, 'src')));
    const files = [...roots, path.join(ROOT, 'gateway', 'src')]
      .flatMap((dir) => {
        try {
          return sources(dir);
        } catch {
          return [];
        }
      })
      .filter((file) => !file.endsWith('.test.ts') && /new AsyncLocalStorage\b/.test(readFileSync(file, 'utf8')));
    expect(files.map((file) => path.relative(ROOT, file))).toEqual(['packages/telemetry/src/request-context.ts']);
  });

  it('follows what the request awaits, and fields filled in later are seen', async () => {
    const context = { requestId: 'r-1' } as Parameters<typeof runInRequestContext>[0];
    const seen = await runInRequestContext(context, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      context.lang = 'en';
      await Promise.resolve();
      return requestContext();
    });
    expect(seen).toEqual({ requestId: 'r-1', lang: 'en' });
    expect(requestContext()).toBeUndefined();
  });
});
