import './tracing'; // first: tracing hooks http and pg before anything loads them
import { runSubgraph } from '@maison/kit';
import { tenantsModule } from './module';

runSubgraph(tenantsModule).catch((error) => {
  process.stderr.write(`tenants failed to start: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
