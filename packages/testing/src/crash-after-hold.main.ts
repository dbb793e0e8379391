/**
 * Test-only program (started by startSubgraphThatDiesAfterHold): runs the coworking or the gallery
 * subgraph from its build, with a ledger client that kills its own process with SIGKILL (kill -9)
 * as soon as the ledger has answered a hold whose title contains the marker: the hold is made, the
 * transaction that would have written its owner is not committed.
 *
 *   node packages/testing/dist/crash-after-hold.main.js <coworking|gallery> <marker>
 */
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { runSubgraph, type SubgraphConfig, type SubgraphModule } from '@maison/kit';
import { ledgerFor, type SpaceLedger } from '@maison/space-holds';

const [service, marker] = process.argv.slice(2) as [string, string];
const dist = path.resolve(__dirname, '..', '..', '..', 'services', service, 'dist');
/* eslint-disable @typescript-eslint/no-require-imports */
const subgraph: SubgraphModule = require(path.join(dist, 'index.js'))[`${service}Module`];
const { createServices } = require(path.join(dist, 'services.js')) as {
  createServices(ds: DataSource, config: SubgraphConfig, ledger: SpaceLedger | null): unknown;
};

function dyingAfterHold(ledger: SpaceLedger): SpaceLedger {
  return {
    async hold(ctx, request) {
      const outcome = await ledger.hold(ctx, request);
      if (request.title.includes(marker)) process.kill(process.pid, 'SIGKILL');
      return outcome;
    },
    move: (ctx, request) => ledger.move(ctx, request),
    release: (ctx, reference) => ledger.release(ctx, reference),
    liveHolds: (ctx, kind, endingAfter) => ledger.liveHolds(ctx, kind, endingAfter),
  };
}

runSubgraph({ ...subgraph, createServices: (ds, config) => createServices(ds, config, dyingAfterHold(ledgerFor(config, service)!)) }).catch((error) => {
  process.stderr.write(`${service} failed to start: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
