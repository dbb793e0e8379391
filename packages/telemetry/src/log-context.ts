import { AsyncLocalStorage } from 'node:async_hooks';
import { trace } from '@opentelemetry/api';

/** What every log line written while serving a request carries: its id (the trace ids come from OpenTelemetry). */
export interface LogContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs fn with the request's log context: every line it (and what it awaits) logs carries the request id. */
export const runWithLogContext = <T>(context: LogContext, fn: () => T): T => storage.run(context, fn);

/**
 * The fields added to a log line: the request id of the request being served, and the trace and span
 * ids of the active span when tracing is on (without an SDK the API has no active span: nothing is added).
 */
export function logContextFields(): Record<string, string> {
  const fields: Record<string, string> = {};
  const context = storage.getStore();
  if (context) fields.requestId = context.requestId;
  const span = trace.getActiveSpan()?.spanContext();
  if (span && trace.isSpanContextValid(span)) {
    fields.traceId = span.traceId;
    fields.spanId = span.spanId;
  }
  return fields;
}
