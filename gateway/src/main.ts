import './tracing'; // first: tracing hooks http before anything loads it
import cluster from 'node:cluster';
import { readConfigOrExit } from '@maison/config';
import { createLogger, stopOnSignals } from '@maison/http';
import { answerPrimaryScrapes, collectProcessMetrics, startMetricsServer } from '@maison/telemetry';
import { gatewaySpec } from './config';
import { createGateway } from './gateway';
import { workerRelay } from './response-cache/worker-relay';
import { announceWhenAllListen } from './http/workers-listening';

/**
 * One gateway process, or with GATEWAY_WORKERS=N a primary that forks N workers listening on the
 * same port (node cluster). The primary restarts nothing: a worker that dies stops the whole
 * gateway with an error, so the supervisor (Docker, systemd, the launcher) sees it.
 */
async function main(): Promise<void> {
  const config = readConfigOrExit(gatewaySpec);
  const log = createLogger('gateway', config.logLevel);
  const metrics = { port: config.metricsPort, host: config.metricsHost, log };
  if (config.workers > 1 && cluster.isPrimary) {
    runPrimary(config.workers, log);
    await startMetricsServer({ ...metrics, cluster: true }); // the sum of the workers' metrics
    return;
  }
  collectProcessMetrics();
  if (cluster.isWorker) answerPrimaryScrapes();
  const gateway = await createGateway(config);
  await gateway.listen();
  if (cluster.isPrimary) await startMetricsServer(metrics);
  stopOnSignals(() => gateway.close(), log);
}

function runPrimary(count: number, log: ReturnType<typeof createLogger>): void {
  let stopping = false;
  workerRelay.relay();
  announceWhenAllListen(count);
  for (let i = 0; i < count; i += 1) cluster.fork();
  log.info('gateway workers started', { workers: count });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log.error('gateway worker died; stopping', { pid: worker.process.pid, code, signal });
    stopping = true;
    for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
    process.exitCode = 1;
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log.info('stopping', { signal, workers: count });
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    });
  }
}

main().catch((error) => {
  process.stderr.write(`gateway failed to start: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
