import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const PROGRAM = path.resolve(__dirname, '..', '..', '..', 'packages', 'testing', 'dist', 'postgres-process.main.js');

export interface PostgresProcess {
  url: string;
  /** The postmaster's PID (from its postmaster.pid), for a test that kills the server as a crash would. */
  postmasterPid(): number;
  /** Stops the server (when still running) and its process. */
  stop(): Promise<void>;
}

/**
 * A PostgreSQL of a test's own, on dataDir and port (kept between starts, so that a test can kill
 * it and start it again on the same data), in a process of its own (postgres-process.main.ts).
 */
export async function startPostgresProcess(dataDir: string, port: number): Promise<PostgresProcess> {
  const child = spawn(process.execPath, [PROGRAM, dataDir, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      const ready = /^ready (\S+)$/m.exec(output);
      if (ready) resolve(ready[1]!);
    });
    void exited.then(() => reject(new Error(`PostgreSQL process exited before it was ready:\n${output}`)));
  });
  return {
    url,
    postmasterPid: () => Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
