import type { AddressInfo } from 'node:net';
import type { Logger } from './logger';
import { rateLimitRefusals } from './metrics';
import { startMetricsServer } from './metrics-server';

const errors: string[] = [];
const log: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: (message) => void errors.push(message) };

describe('the metrics endpoint', () => {
  it('serves the registry at GET /metrics on its own port, and 404 for anything else', async () => {
    rateLimitRefusals.inc({ service: 'gateway', path: '/graphql' });
    const running = await startMetricsServer({ port: await anyPort(), host: '127.0.0.1', log });
    const base = `http://127.0.0.1:${(running!.address() as AddressInfo).port}`;
    try {
      const scraped = await fetch(`${base}/metrics`);
      expect(scraped.status).toBe(200);
      expect(scraped.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await scraped.text()).toMatch(/^maison_rate_limit_refusals_total\{service="gateway",path="\/graphql"\} 1$/m);
      expect((await fetch(`${base}/graphql`)).status).toBe(404);
      expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(404);
    } finally {
      running!.close();
    }
  });

  it('is off with port 0', async () => {
    expect(await startMetricsServer({ port: 0, host: '127.0.0.1', log })).toBeUndefined();
  });

  it('logs an error and lets the process go on when its port is taken', async () => {
    const port = await anyPort();
    const first = await startMetricsServer({ port, host: '127.0.0.1', log });
    errors.length = 0;
    expect(await startMetricsServer({ port, host: '127.0.0.1', log })).toBeUndefined();
    expect(errors).toEqual(['metrics endpoint not started']);
    first!.close();
  });
});

/** A port nothing listens on. */
async function anyPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
