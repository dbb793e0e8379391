import path from 'node:path';
import { withDatabase } from '@maison/kit';
import { readConfig } from '@maison/config';
import { startEmbeddedPostgres, type RunningPostgres } from '@maison/embedded-db';
import { startChild, stopChildren, waitForHealth, type Child } from './launcher';
import { ROOT, SUBGRAPHS } from './services';
import { launcherSpec as spec } from './start-config';

/**
 * `npm start`: one command for the whole graph. An embedded PostgreSQL (unless DATABASE_URL names
 * a server), the three subgraphs (each creates and migrates its own database, inserts the missing
 * reference data and, SEED=demo being the development default, loads the demo data once), then the
 * gateway; logs prefixed by process; Ctrl-C or SIGTERM stops everything cleanly, in order: the gateway
 * (which finishes the requests it has), then the subgraphs, then PostgreSQL.
 */

async function main(): Promise<void> {
  const started = Date.now();
  const config = readConfig(spec);
  const ports: Record<string, number> = { tenants: config.tenantsPort, coworking: config.coworkingPort, gallery: config.galleryPort };
  const metricsPorts: Record<string, number> = {
    tenants: config.tenantsMetricsPort,
    coworking: config.coworkingMetricsPort,
    gallery: config.galleryMetricsPort,
  };
  const say = (message: string) => process.stdout.write(`[la-maison] ${message}\n`);
  // Stopped in this order: the gateway (it stops accepting and finishes what it has), then the
  // subgraphs it was calling, then their database.
  const gateways: Child[] = [];
  const subgraphChildren: Child[] = [];
  const killAfterMs = config.shutdownDrainMs + config.shutdownGraceMs + 5000;
  let pg: RunningPostgres | undefined;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await stopChildren(gateways, killAfterMs, say);
    await stopChildren(subgraphChildren, killAfterMs, say);
    if (pg) {
      const t = Date.now();
      await pg.stop().catch(() => undefined);
      say(`PostgreSQL stopped in ${Date.now() - t} ms`);
    }
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    let serverUrl = config.databaseUrl;
    if (!serverUrl) {
      const dataDir = path.join(config.dataDir, 'postgres');
      say(`starting embedded PostgreSQL on port ${config.embeddedPort} (data in ${path.relative(ROOT, dataDir) || dataDir})`);
      // Durable: fsync, synchronous_commit and full_page_writes on (only the tests' servers trade them for speed).
      pg = await startEmbeddedPostgres({ dataDir, port: config.embeddedPort, persistent: true, durable: true });
      serverUrl = pg.url;
    }
    const env = {
      ...process.env,
      APOLLO_TELEMETRY_DISABLED: '1',
      TENANTS_URL: `http://127.0.0.1:${ports.tenants}/graphql`,
      COWORKING_URL: `http://127.0.0.1:${ports.coworking}/graphql`,
      GALLERY_URL: `http://127.0.0.1:${ports.gallery}/graphql`,
    };
    const subgraphs = SUBGRAPHS.map((s, i) => {
      const child = startChild(
        s.name,
        path.join(ROOT, 'services', s.name, 'dist', 'main.js'),
        {
          ...env,
          PORT: String(ports[s.name]),
          METRICS_PORT: String(metricsPorts[s.name]),
          DATABASE_URL: withDatabase(serverUrl!, `${config.databasePrefix}${s.name}`),
        },
        i,
      );
      subgraphChildren.push(child);
      watch(child);
      return { child, url: `http://127.0.0.1:${ports[s.name]}` };
    });
    // Ready, not only alive: each subgraph's /ready asks its database now.
    await Promise.all(subgraphs.map((s) => waitForHealth(`${s.url}/ready`, s.child, config.readyTimeoutMs)));
    const gateway = startChild(
      'gateway',
      path.join(ROOT, 'gateway', 'dist', 'main.js'),
      {
        ...env,
        PORT: String(config.gatewayPort),
      },
      SUBGRAPHS.length,
    );
    gateways.push(gateway);
    watch(gateway);
    // The gateway's /ready asks every subgraph's /ready and, with GATEWAY_WORKERS > 1, waits for every worker.
    await waitForHealth(`http://127.0.0.1:${config.gatewayPort}/ready`, gateway, config.readyTimeoutMs);
    say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: http://localhost:${config.gatewayPort}/graphql`);
  } catch (error) {
    say(`failed: ${(error as Error).message}`);
    await shutdown(1);
  }

  function watch(child: Child): void {
    void child.exited.then((code) => {
      if (stopping) return;
      say(`${child.name} exited (code ${code}); stopping everything`);
      void shutdown(1);
    });
  }
}

void main();
