import { buildFederatedSchema } from '@maison/kit';
import { loadModule, SUBGRAPHS } from './services';

/** Prints one subgraph's SDL: `node scripts/dist/print-sdl.js tenants`. */
async function main(): Promise<void> {
  const entry = SUBGRAPHS.find((s) => s.name === process.argv[2]);
  if (!entry) throw new Error(`usage: print-sdl <${SUBGRAPHS.map((s) => s.name).join('|')}>`);
  const { sdl } = await buildFederatedSchema(loadModule(entry));
  process.stdout.write(sdl);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
