import './tracing'; // first: tracing hooks http and pg before anything loads them
import { runSubgraph } from '@maison/kit';
import { galleryModule } from './module';

runSubgraph(galleryModule).catch((error) => {
  process.stderr.write(`gallery failed to start: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
