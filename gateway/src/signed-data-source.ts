import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import type { GatewayGraphQLRequest, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { encodeIdentity, HEADERS, signatureHeaders } from '@maison/auth';
import { DEFAULT_LANG } from '@maison/config';
import type { Logger } from '@maison/http';
import { subgraphFetchDuration, subgraphFetchErrors } from '@maison/telemetry';
import type { GatewayContext } from './context';
import { failureReason, SubgraphUnavailableError, unavailableReason, UnusableAnswerError } from './errors/subgraph-unavailable';
import { fetchedFields } from './errors/unavailable-paths';
import { SubgraphFetch, type SubgraphAnswer } from './subgraph-fetch';
import { VERBATIM_KEY, VerbatimData, verbatimJson, type IncomingOperation, type VerbatimAnswers } from './apollo/verbatim-answer';

/** On a request (copied by RemoteGraphQLDataSource's spread, skipped by JSON.stringify): its answer may go out verbatim. */
const VERBATIM = Symbol('verbatim');

export interface SignedDataSourceOptions {
  name: string;
  url: string;
  secret: string;
  timeoutMs: number;
  /** The HTTP client the calls go through (shared by the subgraphs of one gateway). */
  client?: SubgraphFetch;
  log?: Logger;
  /** Which fetches may answer the client with the subgraph's text (apollo/verbatim-answer.ts); none without. */
  verbatim?: VerbatimAnswers;
}

/**
 * Forwards the verified identity and language to a subgraph, signed with HMAC over the identity,
 * the language, a timestamp and the exact body bytes. Nothing the client sent is forwarded.
 *
 * Every call has a deadline: headers and body must arrive within timeoutMs, or the call is aborted,
 * its socket closed (SubgraphFetch), and the failure becomes SUBGRAPH_UNAVAILABLE. Calls are never
 * retried, so a mutation reaches its subgraph at most once; each call is signed when it is sent,
 * with a nonce of its own, which the subgraph accepts once (single-use signatures).
 */
/** Statuses by which a subgraph refuses the gateway's own request rather than the caller's operation. */
const GATEWAY_FAULTS = new Set([401, 403, 407, 413, 429]);

/** A subgraph's body as a GraphQL response (an object with data or errors), or undefined. */
function graphQLAnswer(body: string): GatewayGraphQLResponse | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const { data, errors } = parsed as { data?: unknown; errors?: unknown };
  if (data === undefined && !Array.isArray(errors)) return undefined;
  if (errors !== undefined && !Array.isArray(errors)) return undefined;
  return parsed as GatewayGraphQLResponse;
}

/**
 * The request's headers as an object of lower-case names, each header's values joined with ", " (as
 * iterating them gives). Apollo's are node-fetch Headers: their raw() map is read as it is, without
 * the sorted copy an iteration makes on every call.
 */
function headerRecord(headers: NonNullable<GatewayGraphQLRequest['http']>['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  const raw = (headers as { raw?: () => Record<string, string[]> }).raw?.();
  if (!raw) {
    for (const [key, value] of headers) record[key] = value;
    return record;
  }
  for (const name in raw) record[name.toLowerCase()] = raw[name]!.join(', ');
  return record;
}

export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly options: SignedDataSourceOptions;
  private readonly client: SubgraphFetch;

  constructor(options: SignedDataSourceOptions) {
    super({ url: options.url });
    this.options = options;
    this.client = options.client ?? new SubgraphFetch();
    // sendRequest is private in the typings of RemoteGraphQLDataSource; process() calls it.
    Object.defineProperty(this, 'sendRequest', { value: this.sendSigned.bind(this) });
  }

  /** The subgraph's name (the supergraph's). */
  get subgraph(): string {
    return this.options.name;
  }

  /**
   * One signed call of `body`: `base` (the data source's headers), the caller's verified identity,
   * language and request id, the signature over them and the body; timed into
   * maison_subgraph_fetch_duration_seconds. The prepared lane calls it too (apollo/prepared-operations.ts).
   */
  async sendBody(body: string, base: Record<string, string>, context: GatewayContext | object): Promise<SubgraphAnswer> {
    const headers = { ...base };
    // The caller's verified identity, language and request id (the gateway's own operations have none).
    if ('identity' in context && context.identity) {
      headers[HEADERS.identity] = encodeIdentity(context.identity);
      headers[HEADERS.lang] = context.lang;
      headers[HEADERS.requestId] = context.requestId;
    }
    Object.assign(headers, signatureHeaders(this.options.secret, headers[HEADERS.identity] ?? '', headers[HEADERS.lang] ?? 'fr', body));
    const timer = subgraphFetchDuration.startTimer({ subgraph: this.options.name });
    try {
      return await this.client.send(this.options.url, { method: 'POST', headers, body }, this.options.timeoutMs);
    } finally {
      timer();
    }
  }

  /**
   * One subgraph call, straight on the HTTP client: the body, its signature, the JSON answer. The
   * inherited version builds a node-fetch Request and a WHATWG Response around every call, a
   * sizeable share of the gateway's CPU; this keeps only what the gateway reads back, the answer
   * and its Cache-Control header, and fails the same way on any non-2xx status. A call the
   * prepared lane already made for this request (`context.prefetched`) is not sent again: its
   * answer, or its failure, is taken as this call's.
   */
  private async sendSigned(request: GatewayGraphQLRequest, context: GatewayContext): Promise<GatewayGraphQLResponse> {
    const { http, ...operation } = request;
    if (!http) throw new Error("Internal error: Only 'http' requests are supported.");
    const base = headerRecord(http.headers);
    const marked = (request as { [VERBATIM]?: boolean })[VERBATIM] === true;
    const preparing = context.preparing;
    if (preparing) preparing.fetches += 1;
    try {
      const prefetched = context.prefetched;
      let answer: SubgraphAnswer;
      if (prefetched && prefetched.source === this && prefetched.query === operation.query) {
        context.prefetched = undefined;
        if (preparing) preparing.tookPrefetched = true;
        answer = await prefetched.answer;
      } else {
        answer = await this.sendBody(JSON.stringify(operation), base, context);
      }
      const ok = answer.status >= 200 && answer.status < 300;
      const cacheControl = answer.headers['cache-control'];
      const received = { headers: { get: (name: string) => (name.toLowerCase() === 'cache-control' ? (cacheControl ?? null) : null) } } as never;
      // A clean answer to a fetch that is the client's whole operation goes out as its text (apollo/verbatim-answer.ts).
      const verbatim = ok && marked ? verbatimJson(answer.body) : undefined;
      if (verbatim !== undefined) {
        if (preparing) preparing.fetch = { source: this, template: operation, base, cacheControl: cacheControl ?? '', json: verbatim };
        return { data: { [VERBATIM_KEY]: new VerbatimData(verbatim) }, http: received };
      }
      const graphql = graphQLAnswer(answer.body);
      const unusable = (reason: UnusableAnswerError['reason']) =>
        new UnusableAnswerError(reason, { url: http.url, status: answer.status, body: answer.body.slice(0, 2000) });
      // A 4xx with GraphQL errors is the subgraph's own answer (a variable it refuses, say): it reaches
      // the client. A refusal of the gateway's own request (signature, size, rate) is the gateway's fault.
      const ownErrors = answer.status >= 400 && answer.status < 500 && !GATEWAY_FAULTS.has(answer.status) && (graphql?.errors?.length ?? 0) > 0;
      if (!ok && !ownErrors) throw unusable(answer.status >= 500 ? 'SERVER_ERROR' : GATEWAY_FAULTS.has(answer.status) ? 'REQUEST_REFUSED' : 'INVALID_RESPONSE');
      if (!graphql) throw unusable('INVALID_RESPONSE');
      return { ...graphql, http: received };
    } catch (error) {
      this.didEncounterError(error as Error, undefined as never, undefined, context);
      throw error;
    }
  }

  /** Every call, and when it fails, what its failure leaves empty (for the paths of its errors). */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { verbatim } = this.options;
    if (
      verbatim &&
      options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION &&
      options.context.verbatim === true &&
      options.pathInIncomingRequest?.length === 0 &&
      options.request.query !== undefined &&
      verbatim.eligible(options.incomingRequestContext, options.request.query)
    ) {
      (options.request as { [VERBATIM]?: boolean })[VERBATIM] = true;
      const preparing = options.context.preparing;
      if (preparing) preparing.incoming = options.incomingRequestContext as IncomingOperation;
    }
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof SubgraphUnavailableError && options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION) {
        options.context.subgraphFailures?.push({
          subgraph: this.options.name,
          at: options.pathInIncomingRequest ?? [],
          fields: fetchedFields(options.document, options.request.query),
        });
      }
      throw error;
    }
  }

  override didEncounterError(error: Error, _request: unknown, _response: unknown, context?: GatewayContext): void {
    const { name, timeoutMs, log } = this.options;
    subgraphFetchErrors.inc({ subgraph: name, reason: unavailableReason(error) });
    log?.warn('subgraph call failed', {
      requestId: context?.requestId,
      subgraph: name,
      reason: failureReason(error),
      timeoutMs,
      error,
      response: error instanceof UnusableAnswerError ? error.response : undefined,
    });
    throw new SubgraphUnavailableError(name, context?.lang ?? DEFAULT_LANG, unavailableReason(error));
  }
}
