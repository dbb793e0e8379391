import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { DEV_JWT_SECRET, DEV_SIGNING_SECRET } from '@maison/config';
import { freePorts, startEmbeddedPostgres, type RunningPostgres } from '@maison/embedded-db';
import { withDatabase } from '@maison/kit';
import { stableId } from '@maison/house';
import { childPid } from './proc-cpu';
import { ROOT } from '../services';

export type SubgraphName = 'tenants' | 'coworking' | 'gallery';
export const SUBGRAPH_NAMES: SubgraphName[] = ['tenants', 'coworking', 'gallery'];

/** The graph a benchmark runs against: a seeded PostgreSQL, the three subgraphs and the launcher's gateway. */
export interface BenchGraph {
  /** The PostgreSQL server (embedded unless DATABASE_URL named one). */
  server: string;
  /** The environment every process of the benchmark runs with (production, high rate limits, no telemetry). */
  graphEnv: NodeJS.ProcessEnv;
  subgraphUrl: Record<SubgraphName, string>;
  subgraphMetricsUrl: Record<SubgraphName, string>;
  /** The launcher's own gateway, response cache on (the default). */
  cachedUrl: string;
  /** The space without limits the booking scenario books in, and the exhibition with the most artworks. */
  benchSpaceId: string;
  exhibitionSlug: string;
  /** The subgraphs' pids (children of the launcher). */
  subgraphPids(): Record<SubgraphName, number>;
  /** Stops the launcher (its gateway and subgraphs), then PostgreSQL, and removes the data. */
  stop(): Promise<void>;
}

const PREFIX = 'bench_';

/**
 * Starts the graph of `npm run bench`: an embedded PostgreSQL in .data/<dataDirName> (unless
 * DATABASE_URL names a server), seeded at `scale` (seed --scale), a space without limits for the
 * non-conflicting bookings, then the launcher (scripts/dist/start.js) on free ports. `registerStop`
 * receives the stop function at once, so that a Ctrl-C during the start stops what has started.
 */
export async function startBenchGraph(options: {
  scale: number;
  dataDirName: string;
  say: (message: string) => void;
  registerStop?: (stop: () => Promise<void>) => void;
}): Promise<BenchGraph> {
  const { say } = options;
  const dataDir = path.join(ROOT, '.data', options.dataDirName);
  let pg: RunningPostgres | undefined;
  let launcher: ChildProcess | undefined;
  const stop = async () => {
    if (launcher && launcher.exitCode === null && launcher.signalCode === null) {
      launcher.kill('SIGTERM');
      await new Promise((r) => launcher!.once('exit', r));
    }
    await pg?.stop();
    pg = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  };
  options.registerStop?.(stop);
  try {
    let server = process.env.DATABASE_URL;
    if (!server) {
      say('starting an embedded PostgreSQL for the benchmark');
      pg = await startEmbeddedPostgres({ dataDir, persistent: false });
      server = pg.url;
    }
    say(`seeding at scale ${options.scale}`);
    const seeded = spawnSync(process.execPath, [path.join(ROOT, 'scripts/dist/seed.js'), '--scale', String(options.scale)], {
      env: { ...process.env, DATABASE_URL: server, DATABASE_PREFIX: PREFIX, SEED: 'demo' },
      stdio: 'inherit',
    });
    if (seeded.status !== 0) throw new Error('seed failed');
    const { benchSpaceId, exhibitionSlug } = await prepareData(server);

    const [gatewayPort, tenantsPort, coworkingPort, galleryPort, tenantsMetrics, coworkingMetrics, galleryMetrics] = (await freePorts(7)) as number[];
    const ports: Record<SubgraphName, number> = { tenants: tenantsPort!, coworking: coworkingPort!, gallery: galleryPort! };
    const metricsPorts: Record<SubgraphName, number> = { tenants: tenantsMetrics!, coworking: coworkingMetrics!, gallery: galleryMetrics! };
    const graphEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SEED: 'none',
      JWT_SECRET: DEV_JWT_SECRET,
      GATEWAY_SIGNING_SECRET: DEV_SIGNING_SECRET,
      RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000000',
      APOLLO_TELEMETRY_DISABLED: '1',
      // The hold reconcilers run their round at boot (the bench waits for it to end), then not again
      // during the run: their rounds would count in the requests, statements and CPU measured.
      HOLD_RECONCILE_SECONDS: '3600',
      METRICS_PORT: '0', // the gateways' metrics are not read here
    };
    launcher = spawn(process.execPath, [path.join(ROOT, 'scripts/dist/start.js')], {
      env: {
        ...graphEnv,
        DATABASE_URL: server,
        DATABASE_PREFIX: PREFIX,
        PORT: String(gatewayPort),
        TENANTS_PORT: String(ports.tenants),
        COWORKING_PORT: String(ports.coworking),
        GALLERY_PORT: String(ports.gallery),
        TENANTS_METRICS_PORT: String(metricsPorts.tenants),
        COWORKING_METRICS_PORT: String(metricsPorts.coworking),
        GALLERY_METRICS_PORT: String(metricsPorts.gallery),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      launcher!.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('ready in')) resolve();
      });
      launcher!.once('exit', () => reject(new Error(`graph did not start:\n${out}`)));
    });
    const byName = (url: (name: SubgraphName) => string) => Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, url(name)])) as Record<SubgraphName, string>;
    const launcherPid = launcher.pid!;
    return {
      server,
      graphEnv,
      subgraphUrl: byName((name) => `http://127.0.0.1:${ports[name]}/graphql`),
      subgraphMetricsUrl: byName((name) => `http://127.0.0.1:${metricsPorts[name]}/metrics`),
      cachedUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      benchSpaceId,
      exhibitionSlug,
      subgraphPids: () =>
        Object.fromEntries(
          SUBGRAPH_NAMES.map((name) => {
            const pid = childPid(launcherPid, path.join('services', name, 'dist', 'main.js'));
            if (!pid) throw new Error(`no process found for the ${name} subgraph`);
            return [name, pid];
          }),
        ) as Record<SubgraphName, number>,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A space without limits, for the non-conflicting bookings of the mutation scenario; the exhibition with the most artworks. */
async function prepareData(server: string): Promise<{ benchSpaceId: string; exhibitionSlug: string }> {
  const benchSpaceId = stableId('shared-space', 'banc-d-essai');
  const tenants = new Client({ connectionString: withDatabase(server, `${PREFIX}tenants`) });
  await tenants.connect();
  await tenants.query(
    `INSERT INTO shared_space (id, slug, name, capacity, opening_hours, buffer_minutes, min_duration_minutes, max_duration_minutes, horizon_days, min_notice_minutes)
     VALUES ($1, 'banc-d-essai', '{"fr": "Banc d’essai", "en": "Test bench"}', 10,
       (SELECT jsonb_agg(jsonb_build_object('weekday', d, 'opens', '00:00', 'closes', '24:00')) FROM generate_series(1, 7) d), 0, 15, 1440, 730, 0)
     ON CONFLICT DO NOTHING`,
    [benchSpaceId],
  );
  await tenants.end();
  const gallery = new Client({ connectionString: withDatabase(server, `${PREFIX}gallery`) });
  await gallery.connect();
  const [{ slug: exhibitionSlug }] = (
    await gallery.query(
      `SELECT e.slug FROM exhibition e JOIN exhibition_artwork a ON a.exhibition_id = e.id WHERE e.slug NOT LIKE 'exposition-fictive-%' GROUP BY e.slug ORDER BY count(*) DESC LIMIT 1`,
    )
  ).rows;
  await gallery.end();
  return { benchSpaceId, exhibitionSlug };
}
