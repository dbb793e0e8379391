import path from 'node:path';
import { withDatabase } from '@maison/kit';
import { readConfig, v } from '@maison/config';
import { startEmbeddedPostgres, type RunningPostgres } from '@maison/embedded-db';
import { startChild, stopChildren, waitForHealth, type Child } from './launcher';
import { ROOT, SUBGRAPHS } from './services';

/**
 * `npm start`: one command for the whole graph. An embedded PostgreSQL (unless DATABASE_URL names
 * a server), the three subgraphs (each creates, migrates and seeds its own database), then the
 * gateway; logs prefixed by process; Ctrl-C or SIGTERM stops everything cleanly.
 */
const spec = {
  databaseUrl: v.optionalUrl('DATABASE_URL', 'PostgreSQL server to use instead of the embedded one', ['postgres:', 'postgresql:']),
  dataDir: v.string('DATA_DIR', { description: 'folder of the embedded PostgreSQL data', default: path.join(ROOT, '.data') }),
  embeddedPort: v.int('EMBEDDED_PG_PORT', { description: 'port of the embedded PostgreSQL', default: 54329, min: 1, max: 65535 }),
  gatewayPort: v.int('PORT', { description: 'port of the gateway', default: 4000, min: 0, max: 65535 }),
  tenantsPort: v.int('TENANTS_PORT', { description: 'port of the tenants subgraph', default: 4001, min: 1, max: 65535 }),
  coworkingPort: v.int('COWORKING_PORT', { description: 'port of the coworking subgraph', default: 4002, min: 1, max: 65535 }),
  galleryPort: v.int('GALLERY_PORT', { description: 'port of the gallery subgraph', default: 4003, min: 1, max: 65535 }),
  databasePrefix: v.string('DATABASE_PREFIX', { description: 'prefix of the per-subgraph database names', default: 'house_' }),
  readyTimeoutMs: v.int('READY_TIMEOUT_MS', { description: 'how long to wait for each process', default: 60_000, min: 1000 }),
};

async function main(): Promise<void> {
  const started = Date.now();
  const config = readConfig(spec);
  const ports: Record<string, number> = { tenants: config.tenantsPort, coworking: config.coworkingPort, gallery: config.galleryPort };
  const say = (message: string) => process.stdout.write(`[la-maison] ${message}\n`);
  const children: Child[] = [];
  let pg: RunningPostgres | undefined;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await stopChildren([...children].reverse(), 15_000);
    if (pg) await pg.stop().catch(() => undefined);
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
      pg = await startEmbeddedPostgres({ dataDir, port: config.embeddedPort, persistent: true });
      serverUrl = pg.url;
    }
    const env = { ...process.env, APOLLO_TELEMETRY_DISABLED: '1' };
    const subgraphs = SUBGRAPHS.map((s, i) => {
      const child = startChild(s.name, path.join(ROOT, 'services', s.name, 'dist', 'main.js'), {
        ...env,
        PORT: String(ports[s.name]),
        DATABASE_URL: withDatabase(serverUrl!, `${config.databasePrefix}${s.name}`),
      }, i);
      children.push(child);
      watch(child);
      return { child, url: `http://127.0.0.1:${ports[s.name]}` };
    });
    await Promise.all(subgraphs.map((s) => waitForHealth(`${s.url}/health`, s.child, config.readyTimeoutMs)));
    const gateway = startChild('gateway', path.join(ROOT, 'gateway', 'dist', 'main.js'), {
      ...env,
      PORT: String(config.gatewayPort),
      TENANTS_URL: `http://127.0.0.1:${ports.tenants}/graphql`,
      COWORKING_URL: `http://127.0.0.1:${ports.coworking}/graphql`,
      GALLERY_URL: `http://127.0.0.1:${ports.gallery}/graphql`,
    }, SUBGRAPHS.length);
    children.push(gateway);
    watch(gateway);
    await waitForHealth(`http://127.0.0.1:${config.gatewayPort}/health`, gateway, config.readyTimeoutMs);
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
