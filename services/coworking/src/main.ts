import './tracing'; // first: tracing hooks http and pg before anything loads them
import { runSubgraph } from '@maison/kit';
import { coworkingModule } from './module';

runSubgraph(coworkingModule).catch((error) => {
  process.stderr.write(`coworking failed to start: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
