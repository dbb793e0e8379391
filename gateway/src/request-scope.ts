import { DEFAULT_LANG, type Lang } from '@maison/config';
import { requestContext, runInRequestContext } from '@maison/telemetry';

/**
 * What the gateway knows about the HTTP request being served, for code that Apollo calls without
 * the request context (formatError, validation rules): the request id and the caller's language.
 * It is the process's one RequestContext (@maison/telemetry), so every log line carries the id too.
 */
export interface RequestScope {
  requestId: string;
  lang: Lang;
}

export const runInRequestScope = <T>(scope: RequestScope, fn: () => T): T => runInRequestContext(scope, fn);

export const currentLang = (): Lang => requestContext()?.lang ?? DEFAULT_LANG;
