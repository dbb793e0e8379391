import cluster from 'node:cluster';
import type { MemoryStore } from './store';

const MESSAGE = 'maison:response-cache:invalidate';

interface InvalidationMessage {
  type?: string;
  /** The types changed; absent for an invalidation of everything. */
  types?: unknown;
}

/**
 * With GATEWAY_WORKERS > 1 and no Redis, each worker keeps its own memory store: an invalidation
 * (of everything, or of some types) in one worker goes to the primary, which passes it to every
 * other worker.
 */
export const workerRelay = {
  /** In a worker: what MemoryStore calls to announce its invalidation; undefined outside a cluster. */
  announce(): ((types?: readonly string[]) => void) | undefined {
    if (!cluster.isWorker || !process.send) return undefined;
    return (types) => process.send!(types ? { type: MESSAGE, types } : { type: MESSAGE });
  },

  /** In a worker: forget this store's answers (or those of the types named) whenever another worker invalidates. */
  listen(store: MemoryStore): void {
    if (!cluster.isWorker) return;
    process.on('message', (message: InvalidationMessage | null) => {
      if (message?.type !== MESSAGE) return;
      const types = message.types;
      if (Array.isArray(types) && types.every((t) => typeof t === 'string')) store.forgetTypes(types);
      else store.forget();
    });
  },

  /** In the primary: pass each worker's invalidation to the others. */
  relay(): void {
    cluster.on('message', (from, message: InvalidationMessage | null) => {
      if (message?.type !== MESSAGE) return;
      for (const worker of Object.values(cluster.workers ?? {})) if (worker && worker !== from) worker.send(message);
    });
  },
};
