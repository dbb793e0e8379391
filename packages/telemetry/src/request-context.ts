import { AsyncLocalStorage } from 'node:async_hooks';
import { trace } from '@opentelemetry/api';
import type { Lang } from '@maison/config';

/**
 * What is known of a request run in-process (a subgraph's `execute`, which tests measure): its id
 * on log lines, its language, the count of its SQL statements. No process serves its HTTP requests
 * in it: on Node 20 a store in use is copied onto each promise created while it is active (a promise
 * hook per store), and a request creates hundreds; it was a fifth of a subgraph's CPU on the month
 * view (docs/tuning.md). Their language and id ride on their errors instead (@maison/http, error-scope.ts).
 * A process has this one AsyncLocalStorage and no other.
 */
export interface RequestContext {
  requestId: string;
  /** The caller's language, once it is known (the gateway negotiates it; a subgraph reads it from the signed call). */
  lang?: Lang;
  /** The statements of this request, counted by the SqlCounter that owns them (@maison/kit). */
  sql?: { owner: object; statements: number };
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs fn in the request's context: what it calls and awaits sees the context through requestContext(). */
export const runInRequestContext = <T>(context: RequestContext, fn: () => T): T => storage.run(context, fn);

/** The context of the request being served, if any. Its fields may be filled in as the request goes on. */
export const requestContext = (): RequestContext | undefined => storage.getStore();

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
