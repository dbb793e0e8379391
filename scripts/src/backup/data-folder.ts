import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfigOrExit } from '@maison/config';
import { launcherSpec } from '../start-config';

/** A refusal the user can act on: printed without a stack, exit code 2. */
export class BackupRefused extends Error {}

/** The archive a backup folder holds: the embedded server's whole data folder. */
export const ARCHIVE = 'postgres.tar.gz';

/**
 * The data folder of npm start's embedded PostgreSQL (DATA_DIR/postgres), checked to be at rest:
 * a copy of the files of a running server is not a backup. A server named by DATABASE_URL is the
 * operator's own: pg_dump backs it up (README, "Where the data lives, backups and restores").
 */
export function restingDataFolder(): string {
  const config = readConfigOrExit(launcherSpec);
  if (config.databaseUrl) {
    throw new BackupRefused('DATABASE_URL names a PostgreSQL server of your own: back it up with pg_dump -Fc and restore with pg_restore (README).');
  }
  const folder = path.resolve(config.dataDir, 'postgres');
  const pidFile = path.join(folder, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (isAlive(pid)) throw new BackupRefused(`PostgreSQL is running on ${folder} (PID ${pid}): stop npm start first (Ctrl-C), then run this again.`);
  }
  return folder;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The folder named by the one option of a backup command (--out or --from). */
export function folderArgument(option: 'out' | 'from', usage: string): string {
  try {
    const { values } = parseArgs({ options: { [option]: { type: 'string' } } });
    const folder = values[option];
    if (typeof folder !== 'string' || folder === '') throw new Error(`--${option} DIR is required`);
    return path.resolve(folder);
  } catch (error) {
    throw new BackupRefused(`${(error as Error).message}\n\nUsage: ${usage}`);
  }
}

/** tar keeps the owners and modes (the server, started as root, runs as the postgres user and wants its folder 0700). */
export function tar(args: string[]): void {
  const result = spawnSync('tar', args, { encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`tar ${args.join(' ')} failed: ${result.stderr}`);
}

/** Entry point of a backup command: refusals print their message and exit 2, anything else its stack and 1. */
export function runCommand(main: () => void): void {
  try {
    main();
  } catch (error) {
    if (error instanceof BackupRefused) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  }
}
