import path from 'node:path';
import { v } from '@maison/config';
import { ROOT } from './services';

/** Variables of `npm start` (the launcher). */
export const launcherSpec = {
  databaseUrl: v.optionalUrl('DATABASE_URL', 'PostgreSQL server to use instead of the embedded one', ['postgres:', 'postgresql:']),
  dataDir: v.string('DATA_DIR', { description: 'folder of the embedded PostgreSQL data', default: path.join(ROOT, '.data') }),
  embeddedPort: v.int('EMBEDDED_PG_PORT', { description: 'port of the embedded PostgreSQL', default: 54329, min: 1, max: 65535 }),
  gatewayPort: v.int('PORT', { description: 'port of the gateway', default: 4000, min: 0, max: 65535 }),
  tenantsPort: v.int('TENANTS_PORT', { description: 'port of the tenants subgraph', default: 4001, min: 1, max: 65535 }),
  coworkingPort: v.int('COWORKING_PORT', { description: 'port of the coworking subgraph', default: 4002, min: 1, max: 65535 }),
  galleryPort: v.int('GALLERY_PORT', { description: 'port of the gallery subgraph', default: 4003, min: 1, max: 65535 }),
  // Each subgraph's METRICS_PORT (the gateway reads METRICS_PORT itself); 0 turns one off.
  tenantsMetricsPort: v.int('TENANTS_METRICS_PORT', { description: 'metrics port of the tenants subgraph (0: off)', default: 9465, min: 0, max: 65535 }),
  coworkingMetricsPort: v.int('COWORKING_METRICS_PORT', { description: 'metrics port of the coworking subgraph (0: off)', default: 9466, min: 0, max: 65535 }),
  galleryMetricsPort: v.int('GALLERY_METRICS_PORT', { description: 'metrics port of the gallery subgraph (0: off)', default: 9467, min: 0, max: 65535 }),
  databasePrefix: v.string('DATABASE_PREFIX', { description: 'prefix of the per-subgraph database names', default: 'house_' }),
  shutdownGraceMs: v.int('SHUTDOWN_GRACE_MS', {
    description: 'how long each process may finish its requests after SIGTERM (SIGKILL 5 s later)',
    default: 10_000,
    min: 0,
  }),
  shutdownDrainMs: v.int('SHUTDOWN_DRAIN_MS', {
    description: 'how long each process keeps serving with /ready 503 "stopping" after SIGTERM, before its grace period',
    default: 0,
    min: 0,
    max: 600_000,
  }),
  readyTimeoutMs: v.int('READY_TIMEOUT_MS', { description: 'how long to wait for each process', default: 60_000, min: 1000 }),
};
