import { createServer } from 'node:net';
import { freePorts } from './index';

describe('freePorts', () => {
  it('hands out distinct ports, each free to listen on once it resolves', async () => {
    const ports = await freePorts(40);
    expect(new Set(ports).size).toBe(40);
    const servers = await Promise.all(
      ports.map(
        (port) =>
          new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
            const server = createServer();
            server.once('error', reject);
            server.listen(port, '127.0.0.1', () => resolve(server));
          }),
      ),
    );
    await Promise.all(servers.map((server) => new Promise<void>((done) => server.close(() => done()))));
  });
});
