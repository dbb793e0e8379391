import cluster from 'node:cluster';

const MESSAGE = 'maison:workers-listening';
let told = false;
// A worker listens for the word from its first moment: the primary says it once.
if (cluster.isWorker) {
  process.on('message', (message: { type?: string } | null) => {
    if (message?.type === MESSAGE) told = true;
  });
}

/**
 * With GATEWAY_WORKERS > 1: the primary counts the workers that listen and, once all of them do,
 * tells each one, so that no worker's /ready says 200 while a sibling still starts.
 */
export function announceWhenAllListen(count: number): void {
  const listening = new Set<number>();
  cluster.on('listening', (worker) => {
    listening.add(worker.id);
    if (listening.size < count) return;
    for (const each of Object.values(cluster.workers ?? {})) each?.send({ type: MESSAGE });
  });
}

/** In a worker: whether the primary said every worker listens. Outside a cluster there are no siblings to wait for. */
export function workersListening(): { all: boolean; detail?: string } {
  if (!cluster.isWorker) return { all: true };
  return { all: told, detail: told ? 'all listening' : 'starting' };
}
