import type { IncomingMessage, ServerResponse } from 'node:http';
import { getVariableValues, Kind, parse, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Identity } from '@maison/auth';
import type { Lang } from '@maison/config';
import { observeOperation, type Logger } from '@maison/telemetry';
import type { SignedDataSource } from '../signed-data-source';
import type { SubgraphAnswer } from '../subgraph-fetch';
import type { CostOf } from '../limits';
import { scalarInputError } from '../input/scalar-input-plugin';
import { VerbatimData, verbatimJson, type IncomingOperation, type VerbatimAnswers } from './verbatim-answer';
import type { Take } from '../rate-limit/token-bucket';
import type { ResponseCache } from '../response-cache/response-cache';

/** Query texts kept; the oldest goes first. */
export const MAX_PREPARED = 1000;
/** Shapes kept per query text (operation name, Content-Type and Accept). */
export const MAX_SHAPES = 8;
/** Apollo's headers kept per operation, one set per Cache-Control its subgraph answered with. */
export const MAX_HEADER_SETS = 4;

/** The one fetch of a request, as the data source sent it (signed-data-source.ts fills it in). */
export interface PreparingFetch {
  source: SignedDataSource;
  /** The fetch's body before JSON.stringify: its query, variables and operation name, in that order. */
  template: Record<string, unknown>;
  /** The data source's own headers, before the identity and the signature. */
  base: Record<string, string>;
  /** The subgraph's Cache-Control ('' when none). */
  cacheControl: string;
  /** The answer's data, as the subgraph wrote it. */
  json: string;
}

/** What one request's full pipeline did, as the data source saw it: its fetches, and the one it answered verbatim. */
export interface Preparing {
  fetches: number;
  incoming?: IncomingOperation;
  fetch?: PreparingFetch;
  /** Set by the data source when it took the lane's call (`Prefetched`) as its own. */
  tookPrefetched?: boolean;
}

/** A call the lane made before handing its request to the full pipeline: the data source takes it as its own. */
export interface Prefetched {
  source: SignedDataSource;
  query: string;
  answer: Promise<SubgraphAnswer>;
  /** The client's operation: its kind and name, for the log of a call the pipeline did not take. */
  operation: OperationDefinitionNode;
}

/** What the lane needs of the gateway's pieces besides the verbatim answers: the same cost, rate limit and cache. */
export interface LanePieces {
  verbatim: VerbatimAnswers;
  costOf: CostOf;
  maxCost: number;
  /** The mutation rate limit (rate-limit.ts). */
  mutations: { take(key: string): Promise<Take> };
  /** The response cache, when on: a mutation's answer empties what it changed before it goes out. */
  responseCache?: Pick<ResponseCache, 'afterMutation'>;
  /** Where a call the pipeline did not take is reported (`handedOnDone`). */
  log: Pick<Logger, 'error'>;
}

/** The caller, as the HTTP path identified it. */
export interface PreparedCaller {
  identity: Identity;
  lang: Lang;
  requestId: string;
  /** Who the rate limits count against (context.ts clientKeyOf). */
  clientKey: string;
}

interface Prepared {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  source: SignedDataSource;
  /** The fetch's body around its variables: `before + JSON.stringify(variables) + after` is the data source's JSON.stringify. */
  body: { before: string; after: string };
  base: Record<string, string>;
  query: string;
  /** The variables the fetch declares: the client's values of these are forwarded, as the gateway's executor forwards them. */
  forwarded: string[];
  /** Apollo's response headers (Content-Type, Cache-Control…) for each Cache-Control of the subgraph. */
  headers: Map<string, Record<string, string>>;
}

/** The lane answered; or the request goes through the full pipeline, with what the lane learnt for it. */
export type LaneOutcome = { answered: true } | { answered: false; key?: PreparedKey; prefetched?: Prefetched; mutationTaken?: Take };

/** What a read is remembered by: its query text, and the rest of its shape (operation name, Content-Type, Accept). */
export interface PreparedKey {
  query: string;
  shape: string;
}

const NOT_PREPARED: LaneOutcome = { answered: false };
const BODY_KEYS = new Set(['query', 'operationName', 'variables']);

/**
 * The prepared lane: an operation whose plan is one fetch answered verbatim (verbatim-answer.ts)
 * is, once Apollo's full pipeline has answered it, answered without that pipeline. Apollo Server's
 * request pipeline, the query plan's executor and the plugins' hooks are most of what the gateway
 * spends on such an operation, for decisions that are the same on every request of the same text
 * (docs/tuning.md, ninth round).
 *
 * Remembered per query text, operation name, Content-Type and Accept (all that the pipeline's
 * decisions on a valid operation depend on, besides the variables): the parsed operation, the
 * fetch's body and headers, the variables it forwards, and Apollo's response headers for each
 * Cache-Control the subgraph sent. A later request of the same shape has its variables checked as
 * the full pipeline checks them, in the same order: every text without NUL and every custom scalar
 * valid (the scalar plugin), the cost within the limit (the cost plugin), a mutation within the
 * mutation rate limit (the rate-limit plugin), the variables coerced over the operation's
 * definitions (the gateway's executor); then the fetch is signed and sent as the data source sends
 * it; a mutation's answer empties the response cache of what it changed (the cache's plugin); and
 * the subgraph's text is written with the headers remembered. The request's id, language and CORS
 * headers, the body and request rate limits, the token, were the HTTP path's before the lane, as
 * for the full pipeline.
 *
 * Anything else takes the full pipeline, so that every error, status and header is the pipeline's
 * own: a variable refused, a cost too high, a mutation over its limit, a failed call, an answer
 * with errors or not verbatim, a Cache-Control not seen yet. What the lane already did goes on
 * with the request: the mutation rate limit's answer (counted once), and the subgraph call, whose
 * answer or failure the pipeline's data source takes as its own (`Prefetched`): nothing is sent
 * twice, and a mutation reaches its subgraph once. Not in the lane: an anonymous read the
 * response cache may answer, and a traced process (the executor's spans are the pipeline's).
 * `apollo/prepared-operations.test.ts` holds it to the pipeline's answers, headers, calls and
 * metrics over generated operations.
 */
export class PreparedOperations {
  /**
   * Requests the lane answered; those of a shape it knew that it handed to the full pipeline; of
   * those, the ones handed on with the subgraph's answer or failure; and of these, the ones whose
   * pipeline did not take that call (`handedOnDone`: none, while the lane's checks are the
   * pipeline's). For /metrics and the tests.
   */
  readonly stats = { answered: 0, handedOn: 0, handedOnAfterCall: 0, untakenCalls: 0 };
  private readonly prepared = new Map<string, Map<string, Prepared>>();

  constructor(private readonly pieces: LanePieces) {}

  /** The shape a POST body is remembered by, or undefined when the lane never takes it. */
  keyOf(req: IncomingMessage, body: unknown): PreparedKey | undefined {
    if (req.method !== 'POST' || body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
    const fields = body as Record<string, unknown>;
    for (const name in fields) if (!BODY_KEYS.has(name)) return undefined; // extensions (APQ) and the unknown: the pipeline's
    const { query, operationName, variables } = fields;
    if (typeof query !== 'string') return undefined;
    if (operationName !== undefined && typeof operationName !== 'string') return undefined;
    if (variables !== undefined && (variables === null || typeof variables !== 'object' || Array.isArray(variables))) return undefined;
    const name = operationName === undefined ? '\u0001' : operationName;
    return { query, shape: `${req.headers['content-type'] ?? ''}\u0000${req.headers.accept ?? ''}\u0000${name}` };
  }

  /** Answers a prepared operation, or says what the full pipeline is to be given. */
  async serve(req: IncomingMessage, res: ServerResponse, body: unknown, caller: PreparedCaller): Promise<LaneOutcome> {
    const started = process.hrtime.bigint();
    const key = this.keyOf(req, body);
    if (key === undefined) return NOT_PREPARED;
    const read = this.prepared.get(key.query)?.get(key.shape);
    if (!read) return { answered: false, key };
    const variables = ((body as { variables?: Record<string, unknown> }).variables ?? {}) as Record<string, unknown>;
    const { schema, document, operation } = read;
    let mutationTaken: Take | undefined;
    const handOn = (prefetched?: Prefetched): LaneOutcome => {
      this.stats.handedOn += 1;
      if (prefetched) this.stats.handedOnAfterCall += 1;
      return { answered: false, key, prefetched, mutationTaken };
    };
    // In the pipeline's order: the plugins' checks (scalars and NUL, cost, the mutation rate limit),
    // then the executor's coercion of the variables. Only the rate limit counts anything: its
    // answer goes on with the request, so that the pipeline does not count the mutation twice.
    if (scalarInputError(schema, document, operation, variables, caller.lang)) return handOn();
    if (this.pieces.costOf(schema, operation, document, variables) > this.pieces.maxCost) return handOn();
    if (operation.operation === 'mutation') {
      mutationTaken = await this.pieces.mutations.take(caller.clientKey);
      if (!mutationTaken.ok) return handOn();
    }
    if (operation.variableDefinitions?.length && getVariableValues(schema, operation.variableDefinitions, variables).errors) return handOn();
    const forwarded = Object.create(null) as Record<string, unknown>;
    for (const name of read.forwarded) if (Object.hasOwn(variables, name) && variables[name] !== undefined) forwarded[name] = variables[name];
    const answer = read.source.sendBody(read.body.before + JSON.stringify(forwarded) + read.body.after, read.base, caller);
    const prefetched: Prefetched = { source: read.source, query: read.query, answer, operation };
    let got: SubgraphAnswer;
    try {
      got = await answer;
    } catch {
      return handOn(prefetched); // the pipeline's data source reports the failure
    }
    const json = got.status >= 200 && got.status < 300 ? verbatimJson(got.body) : undefined;
    const headers = json === undefined ? undefined : read.headers.get(got.headers['cache-control'] ?? '');
    if (!headers) return handOn(prefetched);
    if (operation.operation === 'mutation') await this.pieces.responseCache?.afterMutation(schema, document, operation, { data: new VerbatimData(json!) });
    const text = `{"data":${json}}\n`;
    res.writeHead(200, { ...headers, 'content-length': String(Buffer.byteLength(text)) });
    res.end(text);
    this.stats.answered += 1;
    this.pieces.verbatim.stats.answered += 1;
    observeOperation('gateway', operation.name?.value, started);
    return { answered: true };
  }

  /**
   * After the full pipeline answered a request the lane handed on: learns its shape (`learn`), and
   * reports a call the lane made that the pipeline's data source did not take as its own. That
   * cannot happen while the lane's checks and fetch are the pipeline's (the tests hold them to it);
   * if it did, the subgraph had a call whose answer nobody read (and a mutation, when the pipeline
   * sent its own too, was run twice): counted in maison_gateway_prepared_untaken_calls_total and
   * logged as an error, with what tells the two apart.
   */
  handedOnDone(
    key: PreparedKey,
    prefetched: Prefetched | undefined,
    preparing: Preparing,
    answer: { status: number; body: string; headers: Record<string, string> } | undefined,
    requestId: string,
  ): void {
    this.learn(key, preparing, answer);
    if (!prefetched || preparing.tookPrefetched) return;
    this.stats.untakenCalls += 1;
    this.pieces.log.error('prepared lane call not taken by the pipeline', {
      requestId,
      subgraph: prefetched.source.subgraph,
      operationKind: prefetched.operation.operation,
      operationName: prefetched.operation.name?.value,
      pipelineFetches: preparing.fetches,
      status: answer?.status,
    });
  }

  /**
   * After the full pipeline answered a request of shape `key`: remembers it when its plan was one
   * fetch answered verbatim and the answer written is that fetch's data and nothing else.
   */
  private learn(key: PreparedKey, preparing: Preparing, answer: { status: number; body: string; headers: Record<string, string> } | undefined): void {
    const { fetch, incoming } = preparing;
    if (!answer || answer.status !== 200 || preparing.fetches !== 1 || !fetch || !incoming?.document || !incoming.operation) return;
    if (answer.body !== `{"data":${fetch.json}}\n`) return;
    let shapes = this.prepared.get(key.query);
    let read = shapes?.get(key.shape);
    if (!read) {
      if (shapes && shapes.size >= MAX_SHAPES) return;
      const query = fetch.template.query;
      const body = bodyAround(fetch.template);
      if (typeof query !== 'string' || !body) return;
      read = {
        schema: incoming.schema,
        document: incoming.document,
        operation: incoming.operation,
        source: fetch.source,
        body,
        base: fetch.base,
        query,
        forwarded: declaredVariables(query),
        headers: new Map(),
      };
      if (!shapes) {
        if (this.prepared.size >= MAX_PREPARED) this.prepared.delete(this.prepared.keys().next().value!);
        this.prepared.set(key.query, (shapes = new Map()));
      }
      shapes.set(key.shape, read);
    }
    if (read.headers.size >= MAX_HEADER_SETS && !read.headers.has(fetch.cacheControl)) return;
    const headers = { ...answer.headers };
    delete headers['content-length'];
    read.headers.set(fetch.cacheControl, headers);
  }
}

const SLOT = '\u0000variables\u0000';

/**
 * A fetch's body split around its variables, so that the lane stringifies only them; the
 * split is checked against the data source's own JSON.stringify of the body it sent.
 */
function bodyAround(template: Record<string, unknown>): { before: string; after: string } | undefined {
  const whole = JSON.stringify({ ...template, variables: SLOT });
  const slot = JSON.stringify(SLOT);
  const at = whole.indexOf(slot);
  if (at < 0 || whole.indexOf(slot, at + 1) >= 0) return undefined;
  const around = { before: whole.slice(0, at), after: whole.slice(at + slot.length) };
  return around.before + JSON.stringify(template.variables ?? {}) + around.after === JSON.stringify(template) ? around : undefined;
}

/** The variables a fetch's operation declares, in order. */
function declaredVariables(query: string): string[] {
  const operation = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operation?.variableDefinitions?.map((v) => v.variable.name.value) ?? [];
}
