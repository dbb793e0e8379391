import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { NODE_FLAGS } from './services';

const COLORS = ['\x1b[36m', '\x1b[35m', '\x1b[33m', '\x1b[32m', '\x1b[34m'];
const RESET = '\x1b[0m';

/** Formats one output line of a child: JSON log lines become "time level message key=value". */
export function formatLine(line: string): string {
  if (!line.startsWith('{')) return line;
  try {
    const { time, level, service: _service, pid: _pid, message, ...fields } = JSON.parse(line) as Record<string, unknown>;
    const extra = Object.entries(fields)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    return `${String(time ?? '').slice(11, 19)} ${String(level ?? '').padEnd(5)} ${String(message ?? '')}${extra ? ` ${extra}` : ''}`;
  } catch {
    return line;
  }
}

export interface Child {
  name: string;
  process: ChildProcess;
  exited: Promise<number | null>;
}

/** Starts a node process whose output lines are prefixed with its name. */
export function startChild(name: string, script: string, env: NodeJS.ProcessEnv, index: number, out = process.stdout): Child {
  const child = spawn(process.execPath, [...NODE_FLAGS, script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = out.isTTY ? `${COLORS[index % COLORS.length]}[${name.padEnd(9)}]${RESET}` : `[${name.padEnd(9)}]`;
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => out.write(`${prefix} ${formatLine(line)}\n`));
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, process: child, exited };
}

/** Polls url until it answers 200, the child dies, or the deadline passes. */
export async function waitForHealth(url: string, child: Child | undefined, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let dead = false;
  void child?.exited.then(() => (dead = true));
  while (Date.now() < deadline) {
    if (dead) throw new Error(`${child!.name} exited before it was ready`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** SIGTERM to every child still running, then SIGKILL after graceMs; reports how long each took. */
export async function stopChildren(children: Child[], graceMs: number, say: (message: string) => void = () => undefined): Promise<void> {
  const started = Date.now();
  await Promise.all(
    children.map(async (c) => {
      if (c.process.exitCode !== null || c.process.signalCode !== null) return;
      c.process.kill('SIGTERM');
      const timer = setTimeout(() => c.process.kill('SIGKILL'), graceMs);
      const code = await c.exited;
      clearTimeout(timer);
      say(`${c.name} stopped (code ${code}) in ${Date.now() - started} ms`);
    }),
  );
}

export const scriptOf = (root: string, ...parts: string[]) => path.join(root, ...parts);
