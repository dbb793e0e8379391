import path from 'node:path';
import type { SubgraphModule } from '@maison/kit';

/** The repository root (scripts/src/.. or scripts/dist/..). */
export const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The V8 flags every process of the graph runs with (the launcher's, the benchmark's, the image's
 * CMD; not NODE_OPTIONS, which refuses --single-threaded-gc):
 * - a young generation of up to 32 MB per semi-space instead of V8's 16. A request allocates tens
 *   of kilobytes that die with it; with 50 in flight the 16 MB default filled and was scavenged
 *   about 8 times a second per process, each scavenge copying every live request's objects. Twice
 *   the room halves the scavenges for at most 32 MB more memory per process;
 * - the collector's work on the process's own thread, without V8's helper threads. The house runs
 *   its five processes and PostgreSQL on 2 cores: a parallel scavenge waited for helpers the other
 *   processes kept off the cores, and every process spent 5–10 % more CPU per request with them
 *   (docs/tuning.md, tenth round).
 */
export const NODE_FLAGS = ['--max-semi-space-size=32', '--single-threaded-gc'];

export const SUBGRAPHS = [
  { name: 'tenants', port: 4001, exportName: 'tenantsModule' },
  { name: 'coworking', port: 4002, exportName: 'coworkingModule' },
  { name: 'gallery', port: 4003, exportName: 'galleryModule' },
] as const;
export type SubgraphEntry = (typeof SUBGRAPHS)[number];

export const serviceDir = (name: string) => path.join(ROOT, 'services', name);
export const sdlPath = (name: string) => path.join(serviceDir(name), 'schema.graphql');
/** Generated files, relative to the repository root (as git names them). */
export const SUPERGRAPH_FILE = 'gateway/supergraph.graphql';
/** The schema as clients see it: the gateway's API schema. */
export const CLIENT_SCHEMA_FILE = 'schema/client.graphql';
/** Where breaking changes of the client schema are acknowledged (scripts/src/schema-check). */
export const SCHEMA_CHANGELOG_FILE = 'schema/CHANGELOG.md';
export const SUPERGRAPH_PATH = path.join(ROOT, SUPERGRAPH_FILE);
export const CLIENT_SCHEMA_PATH = path.join(ROOT, CLIENT_SCHEMA_FILE);

/** Loads a subgraph's compiled module. Each subgraph is loaded in its own process (type-graphql metadata is global). */
export function loadModule(entry: SubgraphEntry): SubgraphModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(serviceDir(entry.name), 'dist', 'index.js'))[entry.exportName];
}
