import { readConfigOrExit } from '@maison/config';
import { createLogger, stopOnSignals } from '@maison/kit';
import { gatewaySpec } from './config';
import { createGateway } from './gateway';

async function main(): Promise<void> {
  const config = readConfigOrExit(gatewaySpec);
  const log = createLogger('gateway', config.logLevel);
  const gateway = await createGateway(config);
  await gateway.listen();
  stopOnSignals(() => gateway.close(), log);
}

main().catch((error) => {
  process.stderr.write(`gateway failed to start: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
