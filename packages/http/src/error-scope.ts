import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_LANG, type Lang } from '@maison/config';
import { REQUEST_SCOPE } from './http';

/**
 * The request an error belongs to: its caller's language and its id, for formatError, which Apollo
 * calls with the error alone. Neither the gateway nor a subgraph serves its requests in an
 * AsyncLocalStorage: on Node 20 a store in use runs a promise hook for every promise the process
 * creates, and a request creates hundreds (about 15 % of the gateway's CPU on the kitchen page, a
 * fifth of a subgraph's on the month view; docs/tuning.md). The scope rides
 * on the error objects instead, put there on the two roads an error takes to formatError:
 * - inside Apollo's request pipeline, by this plugin's didEncounterErrors, which Apollo calls
 *   with the request's context before it formats the errors;
 * - before the pipeline (a request Apollo refuses as malformed, a failed context), by Apollo's
 *   errorResponse, which receives the HTTP request executeApollo built, its scope on it.
 */
export interface ErrorScope {
  lang: Lang;
  requestId: string;
}

const SCOPE = Symbol('maison.errorScope');
type Scoped = { [SCOPE]?: ErrorScope; originalError?: unknown };

/** Marks errors as the request's; an error already marked keeps its first scope. */
export function scopeErrors(errors: readonly unknown[], scope: ErrorScope): void {
  for (const error of errors) if (error !== null && typeof error === 'object') (error as Scoped)[SCOPE] ??= scope;
}

/** The scope of an error (or of the error it wraps), if it was marked. */
export function errorScope(error: unknown): ErrorScope | undefined {
  const e = error as Scoped | undefined;
  return e?.[SCOPE] ?? (e?.originalError as Scoped | undefined)?.[SCOPE];
}

/** The caller's language of an error: its scope's, else the house's default. */
export const errorLang = (error: unknown): Lang => errorScope(error)?.lang ?? DEFAULT_LANG;

/** Marks every error a request's pipeline reports with that request's language and id. */
export function errorScopePlugin<C extends ErrorScope>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          scopeErrors(errors, { lang: contextValue.lang, requestId: contextValue.requestId });
        },
      };
    },
  };
}

type ErrorResponse = (this: ApolloServer, error: unknown, requestHead: { [REQUEST_SCOPE]?: ErrorScope }) => Promise<unknown>;
const prototype = ApolloServer.prototype as unknown as { errorResponse: ErrorResponse & { scoped?: true } };

/**
 * Marks the errors Apollo answers before its pipeline (ApolloServer#errorResponse, private) with the
 * scope executeApollo put on the HTTP request; the gateway's errors/error-scope.test.ts fails if an upgrade moves it.
 */
export function installErrorScope(): void {
  const original = prototype.errorResponse;
  if (original.scoped) return;
  const scoped: ErrorResponse = function (this: ApolloServer, error, requestHead) {
    const scope = requestHead?.[REQUEST_SCOPE];
    if (scope) scopeErrors([error], scope);
    return original.call(this, error, requestHead);
  };
  prototype.errorResponse = Object.assign(scoped, { scoped: true as const });
}
