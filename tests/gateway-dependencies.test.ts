import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The gateway is HTTP, federation and the house's rules: it runs without the subgraph runtime.
 * Checked on its sources and on the process itself, started from the build `npm test` makes first.
 */
const ROOT = path.resolve(__dirname, '..');
const SUBGRAPH_RUNTIME = /[\\/]node_modules[\\/](typeorm|type-graphql)[\\/]/;

/** Every .ts file below a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

/**
 * Starts gateway/dist/main.js on a free port as `npm start` would, waits until it is ready, stops it
 * with SIGTERM and answers the files the process had loaded (its require cache when it exited).
 */
function filesLoadedByTheGateway(): Promise<string[]> {
  const main = path.join(ROOT, 'gateway', 'dist', 'main.js');
  const probe = [
    `process.on('exit', () => require('node:fs').writeSync(2, 'LOADED ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));`,
    `require(${JSON.stringify(main)});`,
  ].join('\n');
  const child = spawn(process.execPath, ['-e', probe], {
    env: { PATH: process.env.PATH!, PORT: '0', METRICS_PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', APOLLO_TELEMETRY_DISABLED: '1' },
  });
  let stdout = '';
  let stderr = '';
  let stopping = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the gateway did not get ready in 30 s:\n${stdout}\n${stderr}`));
    }, 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // main.js takes SIGTERM over right after the ready line: give it a moment to.
      if (!stopping && stdout.includes('"message":"gateway ready"')) {
        stopping = true;
        setTimeout(() => child.kill('SIGTERM'), 250);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      const loaded = /^LOADED (.*)$/m.exec(stderr);
      if (code !== 0 || !loaded) reject(new Error(`the gateway exited with ${code}:\n${stdout}\n${stderr}`));
      else resolve(JSON.parse(loaded[1]!) as string[]);
    });
  });
}

describe('the gateway without the subgraph runtime', () => {
  it('imports neither @maison/kit, TypeORM nor type-graphql in its sources', () => {
    const offending = sources(path.join(ROOT, 'gateway', 'src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:from |require\(|import\()'(@maison\/kit|typeorm|type-graphql)(?:\/[^']*)?'/g)].map(
        (m) => `${path.relative(ROOT, file)}: ${m[1]}`,
      ),
    );
    expect(offending).toEqual([]);
  });

  it('runs, from start to SIGTERM, without loading TypeORM or type-graphql', async () => {
    const files = await filesLoadedByTheGateway();
    // The probe sees the whole process: federation and the house's packages are there.
    expect(files.some((f) => /[\\/]node_modules[\\/]@apollo[\\/]gateway[\\/]/.test(f))).toBe(true);
    expect(files.some((f) => /[\\/]packages[\\/]house[\\/]dist[\\/]/.test(f))).toBe(true);
    expect(files.some((f) => /[\\/]packages[\\/]http[\\/]dist[\\/]/.test(f))).toBe(true);
    expect([...new Set(files.flatMap((f) => SUBGRAPH_RUNTIME.exec(f)?.[1] ?? []))]).toEqual([]);
  });
});
