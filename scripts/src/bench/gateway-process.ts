import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '@maison/embedded-db';
import { waitForHealth } from '../launcher';
import { NODE_FLAGS, ROOT } from '../services';
import type { SubgraphName } from './bench-graph';

/** A gateway the benchmark drives: where to send requests, and the process whose CPU is read. */
export interface GatewayTarget {
  url: string;
  pid: number;
  child: ChildProcess;
}

/**
 * Starts `<root>/gateway/dist/main.js` (this checkout's, or a built baseline's), or `script`, on a free port with
 * NODE_FLAGS and `flags`, the benchmark's environment and `env`, its subgraph URLs pointed at
 * `subgraphUrl`; resolves once its /health answers.
 */
export async function startGatewayProcess(options: {
  name: string;
  env: NodeJS.ProcessEnv;
  subgraphUrl: Record<SubgraphName, string>;
  flags?: string[];
  root?: string;
  /** Another entry point than `<root>/gateway/dist/main.js` (the bare forwarder). */
  script?: string;
  say: (message: string) => void;
}): Promise<GatewayTarget> {
  const port = await freePort();
  const script = options.script ?? path.join(options.root ?? ROOT, 'gateway', 'dist', 'main.js');
  const child = spawn(process.execPath, [...NODE_FLAGS, ...(options.flags ?? []), script], {
    env: {
      ...options.env,
      PORT: String(port),
      TENANTS_URL: options.subgraphUrl.tenants,
      COWORKING_URL: options.subgraphUrl.coworking,
      GALLERY_URL: options.subgraphUrl.gallery,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHealth(`http://127.0.0.1:${port}/health`, undefined, 30_000);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  options.say(`${options.name} ready on port ${port}`);
  return { url: `http://127.0.0.1:${port}/graphql`, pid: child.pid!, child };
}

/** `--profile <name>`: the process of that name runs under `node --cpu-prof`, its profile in .data/profiles. */
export function profileFlags(profile: string | undefined, name: string): string[] {
  if (profile !== name) return [];
  const dir = path.join(ROOT, '.data', 'profiles');
  mkdirSync(dir, { recursive: true });
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`];
}

/** SIGTERM to each process still running, one after the other, waiting for each to exit (a profiled one writes its profile then). */
export async function stopProcesses(children: ChildProcess[]): Promise<void> {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/**
 * What a bench run starts, stopped in one place: the processes it adds to `children` (in order),
 * then the graph whose stop `registerGraph` receives. Ctrl-C stops them all and exits 130.
 */
export function benchProcesses(): { children: ChildProcess[]; registerGraph: (stop: () => Promise<void>) => void; stop: () => Promise<void> } {
  let stopGraph: (() => Promise<void>) | undefined;
  const children: ChildProcess[] = [];
  const stop = async () => {
    await stopProcesses(children);
    await stopGraph?.();
  };
  process.on('SIGINT', () => void stop().then(() => process.exit(130)));
  return { children, registerGraph: (s) => (stopGraph = s), stop };
}
