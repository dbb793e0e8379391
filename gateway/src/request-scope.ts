import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_LANG, type Lang } from '@maison/config';
import { runWithLogContext } from '@maison/telemetry';

/**
 * What the gateway knows about the HTTP request being served, for code that Apollo calls without
 * the request context (formatError, validation rules): the request id and the caller's language.
 */
export interface RequestScope {
  requestId: string;
  lang: Lang;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Also the log context: every line logged while serving the request carries its id. */
export const runInRequestScope = <T>(scope: RequestScope, fn: () => T): T => storage.run(scope, () => runWithLogContext({ requestId: scope.requestId }, fn));

export const currentRequestScope = (): RequestScope | undefined => storage.getStore();

export const currentLang = (): Lang => storage.getStore()?.lang ?? DEFAULT_LANG;
