import cluster from 'node:cluster';
import type { MemoryStore } from './store';

const MESSAGE = 'maison:response-cache:invalidate';

/**
 * With GATEWAY_WORKERS > 1 and no Redis, each worker keeps its own memory store: an invalidation
 * in one worker goes to the primary, which passes it to every other worker.
 */
export const workerRelay = {
  /** In a worker: what MemoryStore calls to announce its invalidation; undefined outside a cluster. */
  announce(): (() => void) | undefined {
    if (!cluster.isWorker || !process.send) return undefined;
    return () => process.send!({ type: MESSAGE });
  },

  /** In a worker: forget this store's answers whenever another worker invalidates. */
  listen(store: MemoryStore): void {
    if (!cluster.isWorker) return;
    process.on('message', (message: { type?: string } | null) => {
      if (message?.type === MESSAGE) store.forget();
    });
  },

  /** In the primary: pass each worker's invalidation to the others. */
  relay(): void {
    cluster.on('message', (from, message: { type?: string } | null) => {
      if (message?.type !== MESSAGE) return;
      for (const worker of Object.values(cluster.workers ?? {})) if (worker && worker !== from) worker.send(message);
    });
  },
};
