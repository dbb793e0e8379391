import { ConfigError } from '@maison/config';
import { createLogger } from '@maison/kit';
import { readGatewayConfig } from './config';
import { createGateway } from './gateway';

async function main(): Promise<void> {
  let config;
  try {
    config = readGatewayConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const log = createLogger('gateway', config.logLevel);
  const gateway = await createGateway(config);
  await gateway.listen();
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log.info('stopping', { signal });
      gateway.close().then(() => process.exit(0), () => process.exit(1));
    });
  }
}

main().catch((error) => {
  process.stderr.write(`gateway failed to start: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
