import { runSubgraph } from '@maison/kit';
import { coworkingModule } from './module';

runSubgraph(coworkingModule).catch((error) => {
  process.stderr.write(`coworking failed to start: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
