import { readGatewayConfig } from './config';
import { createGateway, type Gateway } from './gateway';

/**
 * For tests: a listening gateway (NODE_ENV=test, silent, no response cache) whose three subgraphs
 * are all `subgraphUrl`, usually one stub that plays them; `env` adds to or overrides the settings.
 */
export async function gatewayOverStub(subgraphUrl: string, env: Record<string, string> = {}): Promise<{ gateway: Gateway; url: string }> {
  const gateway = await createGateway(
    readGatewayConfig({
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'silent',
      RESPONSE_CACHE: 'off',
      TENANTS_URL: subgraphUrl,
      COWORKING_URL: subgraphUrl,
      GALLERY_URL: subgraphUrl,
      ...env,
    }),
  );
  const { url } = await gateway.listen();
  return { gateway, url };
}
