import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clientSchemaOf } from './client-schema';
import { composeSupergraph, generateSdl } from './composition';
import { CLIENT_SCHEMA_PATH, ROOT, sdlPath, SUBGRAPHS, SUPERGRAPH_PATH } from './services';

/**
 * `npm run compose`: writes each subgraph's schema.graphql from its code, then
 * gateway/supergraph.graphql, then schema/client.graphql (the API schema clients see).
 */
function main(): void {
  for (const s of SUBGRAPHS) {
    writeFileSync(sdlPath(s.name), generateSdl(s.name));
    process.stdout.write(`wrote ${path.relative(ROOT, sdlPath(s.name))}\n`);
  }
  const supergraph = composeSupergraph();
  writeFileSync(SUPERGRAPH_PATH, supergraph);
  process.stdout.write(`wrote ${path.relative(ROOT, SUPERGRAPH_PATH)}\n`);
  mkdirSync(path.dirname(CLIENT_SCHEMA_PATH), { recursive: true });
  writeFileSync(CLIENT_SCHEMA_PATH, clientSchemaOf(supergraph));
  process.stdout.write(`wrote ${path.relative(ROOT, CLIENT_SCHEMA_PATH)}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
