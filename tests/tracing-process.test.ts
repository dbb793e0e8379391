import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
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
});
