import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { freePort } from '@maison/embedded-db';
import { startOtlpCollector } from '@maison/testing';

/**
 * Tracing in a process, as each main.ts starts it first. It costs nothing when no collector is named: without OTEL_EXPORTER_OTLP_ENDPOINT the
 * process loads no OpenTelemetry SDK, exporter or instrumentation, and http stays unpatched. With
 * it, they are loaded and http is wrapped (what makes the first case a real check). Run in a fresh
 * node process on the built package, as each main.ts does first.
 */
const ROOT = path.resolve(__dirname, '..');
const probe = [
  `require(${JSON.stringify(path.join(ROOT, 'packages', 'telemetry', 'dist'))}).startTracing('probe');`,
  `const loaded = Object.keys(require.cache).filter((f) => /@opentelemetry[\\\\/](sdk-|exporter-|instrumentation)/.test(f));`,
  `const wrapped = Boolean(require('node:http').request.__wrapped);`,
  `process.stdout.write(JSON.stringify({ loaded: loaded.length, wrapped }));`,
].join('\n');

function run(env: Record<string, string>): { loaded: number; wrapped: boolean } {
  const result = spawnSync(process.execPath, ['-e', probe], { env: { PATH: process.env.PATH!, ...env }, encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`probe failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(result.stdout) as { loaded: number; wrapped: boolean };
}

describe('tracing', () => {
  it('loads nothing of the SDK without OTEL_EXPORTER_OTLP_ENDPOINT', () => {
    expect(run({})).toEqual({ loaded: 0, wrapped: false });
  });

  it('starts the SDK and hooks http when a collector is named', () => {
    const on = run({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9/' });
    expect(on.wrapped).toBe(true);
    expect(on.loaded).toBeGreaterThan(0);
  });

  it('refuses an endpoint that is not a URL, naming the variable', () => {
    const result = spawnSync(process.execPath, ['-e', probe], { env: { PATH: process.env.PATH!, OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url' }, encoding: 'utf8' });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('OTEL_EXPORTER_OTLP_ENDPOINT');
  });

  it('sends the spans still batched when the process is stopped by SIGTERM', async () => {
    const collector = await startOtlpCollector();
    try {
      const program = [
        `require(${JSON.stringify(path.join(ROOT, 'packages', 'telemetry', 'dist'))}).startTracing('stopping');`,
        `const { trace } = require(require.resolve('@opentelemetry/api', { paths: [${JSON.stringify(path.join(ROOT, 'packages', 'telemetry'))}] }));`,
        `trace.getTracer('test').startSpan('before the signal').end();`,
        // Like stopOnSignals: close what is open, then exit.
        `process.on('SIGTERM', () => setTimeout(() => process.exit(0), 1000));`,
        `process.stdout.write('ready\\n');`,
        `setInterval(() => undefined, 1000);`,
      ].join('\n');
      // The batch would wait ten minutes: only the flush on SIGTERM can send it in time.
      const child = spawn(process.execPath, ['-e', program], {
        env: { PATH: process.env.PATH!, OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint, OTEL_BSP_SCHEDULE_DELAY: '600000' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      expect(collector.spans.map((s) => [s.service, s.name])).toEqual([['stopping', 'before the signal']]);
    } finally {
      await collector.close();
    }
  });

  it('logs one warn and counts the failures when the collector cannot be reached', async () => {
    const closed = await freePort(); // free: nothing listens there
    const program = [
      `const telemetry = require(${JSON.stringify(path.join(ROOT, 'packages', 'telemetry', 'dist'))});`,
      `telemetry.startTracing('unreachable');`,
      `const { trace } = require(require.resolve('@opentelemetry/api', { paths: [${JSON.stringify(path.join(ROOT, 'packages', 'telemetry'))}] }));`,
      // A span every 100 ms, sent in a batch every 100 ms: each batch fails.
      `setInterval(async () => {`,
      `  trace.getTracer('test').startSpan('lost').end();`,
      `  const failed = (await telemetry.traceExportFailures.get()).values[0]?.value ?? 0;`,
      `  process.stdout.write(JSON.stringify({ failed }) + '\\n');`,
      `}, 100);`,
      `process.on('SIGTERM', () => process.exit(0));`,
    ].join('\n');
    const child = spawn(process.execPath, ['-e', program], {
      env: { PATH: process.env.PATH!, OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${closed}`, OTEL_BSP_SCHEDULE_DELAY: '100', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    const lines = () =>
      output
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    const failed = () => Math.max(0, ...lines().map((l) => (typeof l.failed === 'number' ? l.failed : 0)));
    try {
      for (let i = 0; i < 300 && failed() < 2; i += 1) await new Promise((r) => setTimeout(r, 100));
      expect(failed()).toBeGreaterThanOrEqual(2);
      // Several batches lost, one line: at most one warn a minute.
      const warns = lines().filter((l) => l.message === 'trace export failed');
      expect(warns).toHaveLength(1);
      expect(warns[0]).toMatchObject({ level: 'warn', service: 'unreachable', failedBatches: 1 });
      expect(String(warns[0]!.error)).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }, 60_000);

  describe("a public server (the gateway's) and a client's traceparent", () => {
    const server = [
      `require(${JSON.stringify(path.join(ROOT, 'packages', 'telemetry', 'dist'))}).startTracing('edge', { publicServer: true });`,
      `const server = require('node:http').createServer((req, res) => res.end('ok'));`,
      `server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));`,
      // Like stopOnSignals: the SDK's listener flushes, this one ends the process.
      `process.on('SIGTERM', () => setTimeout(() => process.exit(0), 200));`,
    ].join('\n');

    /** The trace id of the server span made for one request that carries a client's traceparent. */
    async function traceOfRequest(env: Record<string, string>, clientTraceId: string): Promise<string> {
      const collector = await startOtlpCollector();
      const child = spawn(process.execPath, ['-e', server], {
        env: { PATH: process.env.PATH!, OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint, OTEL_BSP_SCHEDULE_DELAY: '50', ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      try {
        const port = await new Promise<string>((resolve) => child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, { headers: { traceparent: `00-${clientTraceId}-00f067aa0ba902b7-01` } });
        expect(response.status).toBe(200);
        const spans = await collector.waitFor((all) => all.some((s) => s.service === 'edge' && s.kind === 2));
        const served = spans.filter((s) => s.service === 'edge' && s.kind === 2);
        expect(served).toHaveLength(1);
        return served[0]!.traceId;
      } finally {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
        await collector.close();
      }
    }

    it('starts a new trace by default: the client does not choose the trace id', async () => {
      const clientTraceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const traceId = await traceOfRequest({}, clientTraceId);
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(traceId).not.toBe(clientTraceId);
    });

    it('continues the incoming trace with OTEL_TRUST_INCOMING_TRACE=true (behind a tracing proxy)', async () => {
      const clientTraceId = '0af7651916cd43dd8448eb211c80319c';
      expect(await traceOfRequest({ OTEL_TRUST_INCOMING_TRACE: 'true' }, clientTraceId)).toBe(clientTraceId);
    });

    it('refuses an OTEL_TRUST_INCOMING_TRACE that is not a boolean, naming the variable', () => {
      const result = spawnSync(process.execPath, ['-e', server], {
        env: { PATH: process.env.PATH!, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9/', OTEL_TRUST_INCOMING_TRACE: 'maybe' },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(result.status).toBe(78);
      expect(result.stderr).toContain('OTEL_TRUST_INCOMING_TRACE');
    });
  });
});
