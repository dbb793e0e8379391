import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Logger } from './logger';
import { traceExportFailures } from './metrics';

/** At most one warn line per this many milliseconds while the collector keeps failing. */
export const EXPORT_WARN_INTERVAL_MS = 60_000;

/**
 * The OTLP exporter, made audible: each batch it could not send (collector unreachable, refusing)
 * counts in maison_trace_export_failures_total, and the log says `warn` `trace export failed` with
 * the error, at most once a minute, with how many batches failed since the last line.
 */
export class ReportingSpanExporter implements SpanExporter {
  private lastWarnAt = -Infinity;
  private unreported = 0;

  constructor(
    private readonly inner: SpanExporter,
    private readonly service: string,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.inner.export(spans, (result) => {
      if (result.code !== ExportResultCode.SUCCESS) this.failed(result.error, spans.length);
      done(result);
    });
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }

  private failed(error: Error | undefined, spans: number): void {
    traceExportFailures.inc({ service: this.service });
    this.unreported += 1;
    const at = this.now();
    if (at - this.lastWarnAt < EXPORT_WARN_INTERVAL_MS) return;
    this.lastWarnAt = at;
    this.log.warn('trace export failed', { failedBatches: this.unreported, spans, error: error?.message ?? 'export failed' });
    this.unreported = 0;
  }
}
