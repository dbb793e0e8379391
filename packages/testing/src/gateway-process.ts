import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '@maison/embedded-db';
import type { RunningGraph } from './graph';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface GatewayProcess {
  /** Its GraphQL endpoint. */
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<number | null>;
}

/**
 * One more gateway process (gateway/dist/main.js, as `npm start` runs it) in front of a running
 * graph's subgraphs, on a free port, with env on top: a second replica of the graph's gateway.
 * Resolves once its /health answers; stop() sends SIGTERM to it alone.
 */
export async function startGatewayProcess(graph: Pick<RunningGraph, 'subgraphUrls'>, env: Record<string, string> = {}): Promise<GatewayProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'gateway', 'dist', 'main.js')], {
    env: {
      ...(process.env as Record<string, string>),
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      APOLLO_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      TENANTS_URL: graph.subgraphUrls.tenants,
      COWORKING_URL: graph.subgraphUrls.coworking,
      GALLERY_URL: graph.subgraphUrls.gallery,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`gateway exited (${child.exitCode}) before ready:\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`gateway not ready in 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
