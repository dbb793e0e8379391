import { rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startGraph, testServerUrl, withClient } from '@maison/testing';

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** `npm start` as a newcomer runs it: embedded PostgreSQL, seed, three subgraphs, gateway; then SIGTERM. */
describe('the launcher (npm start)', () => {
  const dataDir = path.resolve(__dirname, '..', '..', '.data', `launcher-${randomBytes(4).toString('hex')}`);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts everything on an embedded PostgreSQL, serves the graph, and stops cleanly on SIGTERM, twice', async () => {
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'info', DATABASE_PREFIX: 'house_' };
    for (const run of [1, 2]) {
      const started = Date.now();
      const graph = await startGraph({ embedded: true, env });
      try {
        const readyMs = Date.now() - started;
        const output = graph.output();
        expect(output).toMatch(/\[la-maison\] ready in [\d.]+ s: http:\/\/localhost:\d+\/graphql/);
        expect(output).toMatch(/\[tenants {2}\] .*subgraph ready/);
        if (run === 1) expect(output).toMatch(/\[gallery {2}\] .*demo data loaded/);
        else expect(output).not.toMatch(/demo data loaded|reference data inserted/);
        expect(readyMs).toBeLessThan(60_000);

        const { body } = await graph.query('{ tenants { slug } }');
        expect(body.data!.tenants).toHaveLength(6);

        const ports = [graph.gatewayUrl, ...Object.values(graph.subgraphUrls)].map((u) => Number(new URL(u).port));
        const pgPort = Number(/starting embedded PostgreSQL on port (\d+)/.exec(output)![1]);
        expect(await portOpen(pgPort)).toBe(true);
        // Durable: what was acknowledged survives a power cut (the tests' own server trades that for speed).
        const settings = (url: string) =>
          withClient(url, async (client) => {
            const show = async (name: string) => (await client.query(`SHOW ${name}`)).rows[0][name] as string;
            return { fsync: await show('fsync'), synchronous_commit: await show('synchronous_commit'), full_page_writes: await show('full_page_writes') };
          });
        expect(await settings(`postgres://postgres:postgres@127.0.0.1:${pgPort}/postgres`)).toEqual({
          fsync: 'on',
          synchronous_commit: 'on',
          full_page_writes: 'on',
        });
        expect((await settings(testServerUrl())).fsync).toBe('off');
        expect(await graph.stop()).toBe(0);
        const stopped = graph.output();
        for (const name of ['gateway', 'tenants', 'coworking', 'gallery']) {
          expect(stopped).toMatch(new RegExp(`\\[la-maison\\] ${name} stopped \\(code 0\\) in \\d+ ms`));
        }
        expect(stopped).toMatch(/\[la-maison\] PostgreSQL stopped in \d+ ms\n\[la-maison\] stopped/);
        // In order: the gateway, then the subgraphs, then PostgreSQL.
        const gatewayAt = stopped.search(/\[la-maison\] gateway stopped/);
        for (const name of ['tenants', 'coworking', 'gallery'])
          expect(stopped.search(new RegExp(`\\[la-maison\\] ${name} stopped`))).toBeGreaterThan(gatewayAt);
        for (const port of [...ports, pgPort]) expect(await portOpen(port)).toBe(false);
        process.stdout.write(`launcher run ${run}: ready in ${readyMs} ms\n`);
      } finally {
        await graph.stop();
      }
    }
  });
});
