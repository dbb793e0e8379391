import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '@maison/embedded-db';

const PROGRAM = path.resolve(__dirname, '..', '..', '..', 'packages', 'testing', 'dist', 'crash-after-hold.main.js');

export interface DyingSubgraph {
  url: string;
  /** How the process ended: SIGKILL when it died between a hold and its commit. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  kill(): void;
}

/**
 * The coworking or the gallery subgraph in a process of its own (from its build: `npm test` builds
 * first), on `databaseUrl`, holding in the ledger at `tenantsUrl`, that kills itself with SIGKILL
 * right after the ledger answered a hold whose title contains `marker` (crash-after-hold.main.ts).
 */
export async function startSubgraphThatDiesAfterHold(
  service: 'coworking' | 'gallery',
  options: { databaseUrl: string; tenantsUrl: string; marker: string },
): Promise<DyingSubgraph> {
  const port = await freePort();
  const child = spawn(process.execPath, [PROGRAM, service, options.marker], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      METRICS_PORT: '0',
      DATABASE_URL: options.databaseUrl,
      TENANTS_URL: options.tenantsUrl,
      SEED: 'none',
      APOLLO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let dead = false;
  void exited.then(() => (dead = true));
  const health = `http://127.0.0.1:${port}/health`;
  for (const deadline = Date.now() + 60_000; ;) {
    if (dead) throw new Error(`${service} exited before it was ready:\n${output}`);
    if (
      await fetch(health).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${service} not ready in 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${port}/graphql`, exited, output: () => output, kill: () => void child.kill('SIGKILL') };
}
