import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph, generateSdl } from './composition';
import { ROOT, sdlPath, SUBGRAPHS, SUPERGRAPH_PATH } from './services';

/** `npm run compose`: writes each subgraph's schema.graphql from its code, then gateway/supergraph.graphql. */
function main(): void {
  for (const s of SUBGRAPHS) {
    writeFileSync(sdlPath(s.name), generateSdl(s.name));
    process.stdout.write(`wrote ${path.relative(ROOT, sdlPath(s.name))}\n`);
  }
  writeFileSync(SUPERGRAPH_PATH, composeSupergraph());
  process.stdout.write(`wrote ${path.relative(ROOT, SUPERGRAPH_PATH)}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
