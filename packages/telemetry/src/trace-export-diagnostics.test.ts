import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { traceExportFailures } from './metrics';
import type { Logger } from './logger';
import { EXPORT_WARN_INTERVAL_MS, ReportingSpanExporter } from './trace-export-diagnostics';

/** An exporter that answers what it is told, as the OTLP one does with a collector up or down. */
function exporterAnswering(result: () => ExportResult): SpanExporter {
  return { export: (_spans, done) => done(result()), shutdown: async () => undefined };
}
function recordingLog(): Logger & { warns: [string, Record<string, unknown> | undefined][] } {
  const warns: [string, Record<string, unknown> | undefined][] = [];
  const none = () => undefined;
  return { warns, debug: none, info: none, error: none, warn: (message, fields) => warns.push([message, fields]) };
}
const failures = async (service: string) => (await traceExportFailures.get()).values.find((v) => v.labels.service === service)?.value ?? 0;
const spans = [{}, {}] as ReadableSpan[];

describe('an OTLP exporter whose collector cannot be reached', () => {
  it('counts every failed batch and warns at most once a minute, with how many failed since the last line', async () => {
    let now = 1_000_000;
    const log = recordingLog();
    const down = new Error('connect ECONNREFUSED 127.0.0.1:9');
    const exporter = new ReportingSpanExporter(
      exporterAnswering(() => ({ code: ExportResultCode.FAILED, error: down })),
      'probe-down',
      log,
      () => now,
    );
    const results: ExportResult[] = [];
    for (let i = 0; i < 3; i++) {
      exporter.export(spans, (r) => results.push(r));
      now += 1000;
    }
    expect(results.map((r) => r.code)).toEqual([ExportResultCode.FAILED, ExportResultCode.FAILED, ExportResultCode.FAILED]);
    expect(log.warns).toEqual([['trace export failed', { failedBatches: 1, spans: 2, error: 'connect ECONNREFUSED 127.0.0.1:9' }]]);
    expect(await failures('probe-down')).toBe(3);

    now += EXPORT_WARN_INTERVAL_MS;
    exporter.export(spans, () => undefined);
    expect(log.warns).toHaveLength(2);
    expect(log.warns[1]).toEqual(['trace export failed', { failedBatches: 3, spans: 2, error: 'connect ECONNREFUSED 127.0.0.1:9' }]);
    expect(await failures('probe-down')).toBe(4);
  });

  it('says nothing and counts nothing while the collector takes the batches', async () => {
    const log = recordingLog();
    const exporter = new ReportingSpanExporter(
      exporterAnswering(() => ({ code: ExportResultCode.SUCCESS })),
      'probe-up',
      log,
    );
    exporter.export(spans, () => undefined);
    exporter.export(spans, () => undefined);
    expect(log.warns).toEqual([]);
    expect(await failures('probe-up')).toBe(0);
  });
});
