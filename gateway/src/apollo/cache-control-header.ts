import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

/** The header Apollo Server writes on an answer no cache may keep. */
const UNCACHEABLE = 'no-store';
const CACHEABLE = /^max-age=(\d+), (public|private)$/;

interface CacheHint {
  maxAge: number;
  scope: 'PUBLIC' | 'PRIVATE';
}

type Existing = { kind: 'none' | 'uncacheable' | 'unparsable' } | { kind: 'cacheable'; hint: CacheHint };

function existingHeader(header: string | undefined): Existing {
  if (!header) return { kind: 'none' };
  if (header === UNCACHEABLE) return { kind: 'uncacheable' };
  const match = CACHEABLE.exec(header);
  if (!match) return { kind: 'unparsable' };
  return { kind: 'cacheable', hint: { maxAge: Number(match[1]), scope: match[2] === 'public' ? 'PUBLIC' : 'PRIVATE' } };
}

/**
 * The Cache-Control header of an answer, as Apollo Server's cache-control plugin writes it in its
 * willSendResponse (`@apollo/server/dist/cjs/plugin/cacheControl`): the request's overall policy,
 * restricted by a header a plugin already set; `max-age=N, public|private` when that is cacheable
 * and the answer is a single result without errors, else `no-store`. An unparsable header set by
 * someone else is left alone. Exported for the test, which compares it with Apollo's.
 */
export function writeCacheControl(requestContext: Pick<GraphQLRequestContextWillSendResponse<BaseContext>, 'response' | 'overallCachePolicy'>): void {
  const { response, overallCachePolicy } = requestContext;
  const existing = existingHeader(response.http.headers.get('cache-control'));
  if (existing.kind === 'unparsable') return;
  let maxAge = overallCachePolicy.maxAge;
  let scope = overallCachePolicy.scope;
  if (existing.kind === 'cacheable') {
    const { hint } = existing;
    if (maxAge === undefined || hint.maxAge < maxAge) maxAge = hint.maxAge;
    if (scope !== 'PRIVATE') scope = hint.scope;
  }
  const cacheable = maxAge !== undefined && maxAge !== 0;
  if (cacheable && existing.kind !== 'uncacheable' && response.body.kind === 'single' && !response.body.singleResult.errors) {
    response.http.headers.set('cache-control', `max-age=${maxAge}, ${(scope ?? 'PUBLIC').toLowerCase()}`);
  } else {
    response.http.headers.set('cache-control', UNCACHEABLE);
  }
}

/**
 * In place of Apollo Server's cache-control plugin, which it installs unless told not to. In a
 * gateway the overall policy comes only from the subgraphs' Cache-Control headers (the data
 * sources restrict it); no resolver runs. Apollo's plugin still gave every request a
 * willResolveField listener, and with it an execution listener, for which the pipeline defines two
 * properties on the context and awaits executionDidStart and executionDidEnd: 4–6 % of the
 * gateway's own CPU on a one-fetch read (docs/tuning.md, fifth round). This keeps only the header it writes.
 * The list ends with it, where Apollo put its own (after every other plugin's willSendResponse).
 */
export function cacheControlHeaderPlugins<TContext extends BaseContext>(): ApolloServerPlugin<TContext>[] {
  const listener = { willSendResponse: async (requestContext: GraphQLRequestContextWillSendResponse<TContext>) => writeCacheControl(requestContext) };
  return [ApolloServerPluginCacheControlDisabled(), { requestDidStart: async () => listener }];
}
