import { Agent, request } from 'node:http';
import { createLogger } from './logger';
import { sendJson } from './http';
import { startHttpServer, type RunningServer } from './http-server';

/**
 * close() drains: it stops accepting, answers what it has, and is done once the last answer is
 * sent, even with clients that keep their connections open (the grace period here is an hour, so
 * a close() that waited for it would fail the test by its timeout).
 */
const HOUR = 3_600_000;

function get(agent: Agent, url: string): Promise<{ status: number; connection: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startHttpServer().close()', () => {
  let running: RunningServer;
  let release!: () => void;
  let arrived = 0;
  beforeEach(async () => {
    arrived = 0;
    const gate = new Promise<void>((resolve) => (release = resolve));
    running = await startHttpServer(
      async (req, res) => {
        arrived += 1;
        if (req.url === '/slow') await gate;
        sendJson(res, 200, { path: req.url });
      },
      { port: 0, host: '127.0.0.1', graceMs: HOUR, log: createLogger('test', 'silent'), readyMessage: 'listening' },
    );
  });

  it('answers the requests in flight, with Connection: close, and resolves once they are sent, keep-alive sockets or not', async () => {
    const agent = new Agent({ keepAlive: true });
    const base = running.url.replace('/graphql', '');
    // One idle keep-alive socket, and two requests in flight.
    expect((await get(agent, `${base}/fast`)).connection).toBe('keep-alive');
    const slow = [get(agent, `${base}/slow`), get(agent, `${base}/slow`)];
    while (arrived < 3) await new Promise((r) => setImmediate(r));

    let closed = false;
    const closing = running.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(false);
    release();
    const answers = await Promise.all(slow);
    expect(answers).toEqual([
      { status: 200, connection: 'close', body: '{"path":"/slow"}' },
      { status: 200, connection: 'close', body: '{"path":"/slow"}' },
    ]);
    await closing;
    expect(closed).toBe(true);
    // Closed for good: a new connection is refused.
    await expect(get(new Agent(), `${base}/fast`)).rejects.toThrow(/ECONNREFUSED/);
    agent.destroy();
  }, 10_000);
});
