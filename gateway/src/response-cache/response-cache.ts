import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { Logger } from '@maison/http';
import { answerTypes } from './answer-types';
import { serializeIteratively } from './cache-key-material';
import { changedTypes } from './mutation-effects';
import { fieldsThatChanged, type AnswerBody } from './mutation-outcome';
import type { CachedAnswer, ResponseStore } from './store';
import type { TypeTags } from './type-versions';

/** Largest answer kept: bigger ones are rare and would crowd out the many small ones. */
const MAX_CACHED_BYTES = 512 * 1024;

/** Apollo's CSRF rule: a GET is executed only if a browser could not have sent it without a preflight. */
function requiresPreflight(req: IncomingMessage): boolean {
  if (req.headers['apollo-require-preflight'] !== undefined || req.headers['x-apollo-operation-name'] !== undefined) return true;
  const type = req.headers['content-type'];
  if (type === undefined) return false;
  const essence = type.split(';')[0]!.trim().toLowerCase();
  return !['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'].includes(essence);
}

/** What the cache needs to know about a request while Apollo executes it. */
export interface CacheSlot {
  /** Seconds the answer may be served again; set by the plugin when the answer may be shared. */
  maxAgeSeconds?: number;
  /** The versions of the types the answer can contain, captured by the plugin before it executes. */
  tags?: TypeTags;
}

export interface ResponseCacheContext {
  identity: { sub: string | null };
  responseCache?: CacheSlot;
}

/**
 * Full-response cache for anonymous reads. An answer is shared only when
 *   - the caller sent no Authorization header (the subgraphs answer per identity),
 *   - the operation is a query and the answer has no errors,
 *   - its cache policy, combined by the gateway from the subgraphs' Cache-Control headers (each
 *     subgraph derives its own from the @cacheControl hints of the object types in its answer), is
 *     PUBLIC with a max-age above zero.
 * It is kept for that max-age, tagged with the versions of the object types it can contain
 * (answer-types.ts). A mutation that changed something moves on the versions of the types it
 * changed (mutation-effects.ts), before its answer is sent: an anonymous reader never sees an
 * answer older than a change made through the gateway, and answers about anything else stay. A
 * refused or failed mutation changes nothing (mutation-outcome.ts); one the gateway cannot place
 * empties everything (a new generation).
 */
export class ResponseCache {
  /** invalidations: mutations that changed something; flushes: those of them that emptied everything. */
  readonly stats = { hits: 0, misses: 0, stored: 0, invalidations: 0, coalesced: 0, flushes: 0 };
  /** Anonymous reads being answered now, by generation and key: identical ones wait for them. */
  private readonly inflight = new Map<string, Promise<CachedAnswer | undefined>>();

  constructor(
    readonly store: ResponseStore,
    private readonly log?: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The key of an anonymous GraphQL read, or undefined when the request may not use the cache. */
  keyOf(req: IncomingMessage, body: unknown, lang: string): string | undefined {
    if (req.headers.authorization !== undefined) return undefined;
    let material: unknown;
    if (req.method === 'GET') {
      // Only a GET that Apollo's CSRF prevention would execute: one a browser must preflight.
      if (!requiresPreflight(req)) return undefined;
      material = req.url;
    } else if (req.method === 'POST' && body !== null && typeof body === 'object' && !Array.isArray(body)) {
      const { query, operationName, variables, extensions } = body as Record<string, unknown>;
      const persisted = (extensions as { persistedQuery?: unknown } | undefined)?.persistedQuery;
      if (typeof query !== 'string' && persisted === undefined) return undefined;
      material = [query, operationName, variables, persisted];
    } else return undefined;
    return createHash('sha256')
      .update(serializeIteratively([lang, req.headers.accept ?? '', material])) // never overflows, however deep the variables
      .digest('base64url');
  }

  async lookup(generation: number, key: string): Promise<CachedAnswer | undefined> {
    const answer = await this.store.get(generation, key);
    if (answer && this.now() < answer.storedAt + answer.maxAgeSeconds * 1000 && this.store.isCurrent(answer.tags)) {
      this.stats.hits += 1;
      return answer;
    }
    this.stats.misses += 1;
    return undefined;
  }

  /** Stores an answer the plugin found shareable; returns what was stored. */
  async remember(
    generation: number,
    key: string,
    slot: CacheSlot,
    answer: { status: number; body: string; contentType: string },
  ): Promise<CachedAnswer | undefined> {
    if (!slot.maxAgeSeconds || !slot.tags || answer.status !== 200 || Buffer.byteLength(answer.body) > MAX_CACHED_BYTES) return undefined;
    // Computed before an invalidation of its types or of everything: already stale, and never read again.
    if (generation !== this.store.generation() || !this.store.isCurrent(slot.tags)) return undefined;
    const cached = { body: answer.body, contentType: answer.contentType, storedAt: this.now(), maxAgeSeconds: slot.maxAgeSeconds, tags: slot.tags };
    await this.store.set(generation, key, cached);
    this.stats.stored += 1;
    return cached;
  }

  /**
   * The answer of an identical anonymous read already being executed, once it is done; undefined
   * when there is none, or when its answer could not be shared (then the caller runs its own).
   * After an invalidation, fifty identical readers cost one execution, not fifty. An answer whose
   * types changed while it was computed is not taken.
   */
  async follow(generation: number, key: string): Promise<CachedAnswer | undefined> {
    const leader = this.inflight.get(`${generation}:${key}`);
    const answer = leader && (await leader);
    if (!answer || !this.store.isCurrent(answer.tags)) return undefined;
    this.stats.coalesced += 1;
    return answer;
  }

  /** Marks a read as being executed; call the returned function with its stored answer (or undefined) when done. */
  lead(generation: number, key: string): (answer: CachedAnswer | undefined) => void {
    const id = `${generation}:${key}`;
    let settle!: (answer: CachedAnswer | undefined) => void;
    const flight = new Promise<CachedAnswer | undefined>((resolve) => (settle = resolve));
    this.inflight.set(id, flight);
    return (answer) => {
      if (this.inflight.get(id) === flight) this.inflight.delete(id);
      settle(answer);
    };
  }

  /** Writes a cached answer, with its remaining freshness. */
  send(res: ServerResponse, answer: CachedAnswer, headers: Record<string, string> = {}): void {
    const ageSeconds = Math.max(0, Math.floor((this.now() - answer.storedAt) / 1000));
    res.writeHead(200, {
      ...headers,
      'content-type': answer.contentType,
      'content-length': String(Buffer.byteLength(answer.body)),
      'cache-control': `max-age=${Math.max(0, answer.maxAgeSeconds - ageSeconds)}, public`,
      age: String(ageSeconds),
      'x-cache': 'HIT',
    });
    res.end(answer.body);
  }

  /** Decides, per request, whether its answer may be shared, and invalidates what a mutation changed. */
  plugin<C extends ResponseCacheContext>(): ApolloServerPlugin<C> {
    return {
      requestDidStart: async () => {
        let executed = false;
        return {
          executionDidStart: async ({ contextValue, operation, document, schema }) => {
            executed = true;
            const slot = contextValue.responseCache;
            if (!slot || operation.operation !== 'query' || contextValue.identity.sub !== null) return;
            // Before any data is read: a change made from now on moves one of these versions on.
            const types = answerTypes(schema, document, operation);
            if (types) slot.tags = this.store.tagsOf(types);
          },
          willSendResponse: async ({ contextValue, operation, document, schema, response, overallCachePolicy }) => {
            if (!executed || !operation) return;
            if (operation.operation === 'mutation') {
              // Decided on the answer sent, before it goes out.
              if (response.body.kind !== 'single' || !document) return this.invalidate();
              return this.afterMutation(schema, document, operation, response.body.singleResult);
            }
            const slot = contextValue.responseCache;
            if (!slot?.tags || operation.operation !== 'query' || contextValue.identity.sub !== null) return;
            if (response.body.kind !== 'single' || response.body.singleResult.errors) return;
            const policy = overallCachePolicy.policyIfCacheable();
            if (policy && policy.scope === 'PUBLIC') slot.maxAgeSeconds = policy.maxAge;
          },
        };
      },
    };
  }

  /** Once a mutation is answered, before its answer goes out: empties the answers holding what it changed. */
  async afterMutation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, answer: AnswerBody): Promise<void> {
    const changed = fieldsThatChanged(document, operation, answer);
    if (changed.length === 0) return;
    const types = new Set<string>();
    for (const field of changed) {
      const ofField = changedTypes(schema, field);
      if (ofField === 'everything') return this.invalidate();
      for (const type of ofField) types.add(type);
    }
    return this.invalidate([...types]);
  }

  /** Empties the answers holding these types, or everything (a new generation) when none are named. */
  async invalidate(types?: readonly string[]): Promise<void> {
    try {
      if (types) await this.store.invalidateTypes(types);
      else await this.store.invalidateAll();
      this.stats.invalidations += 1;
      if (!types) this.stats.flushes += 1;
    } catch (error) {
      this.log?.error('response cache: invalidation failed; cached answers expire by their max-age', { error });
    }
  }
}
