import { TypeVersions, type TypeTags } from './type-versions';

/** One cached answer: the exact bytes Apollo sent, when they stop being true, and what they contain. */
export interface CachedAnswer {
  body: string;
  contentType: string;
  storedAt: number;
  maxAgeSeconds: number;
  /** The versions of the object types the answer contains, when it was computed (type-versions.ts). */
  tags: TypeTags;
}

/**
 * Where answers are kept. Every key is read and written under a generation: invalidating
 * everything moves every gateway sharing the store to a new generation, so answers stored before
 * (even by a request that finishes after the invalidation) are never read again. Invalidating
 * types moves those types' versions on: an answer tagged with an older version of one of them is
 * never served again, and the others stay.
 */
export interface ResponseStore {
  readonly kind: 'memory' | 'redis';
  /** The generation as this gateway knows it; captured before a request executes. */
  generation(): number;
  /** The versions of these types as this gateway knows them; captured before a read executes. */
  tagsOf(types: readonly string[]): TypeTags;
  /** Whether no type of these tags has changed since (as far as this gateway knows). */
  isCurrent(tags: TypeTags | undefined): boolean;
  get(generation: number, key: string): Promise<CachedAnswer | undefined>;
  set(generation: number, key: string, answer: CachedAnswer): Promise<void>;
  /** Starts a new generation everywhere the store is shared; resolves once this gateway is on it. */
  invalidateAll(): Promise<void>;
  /** Moves these types on everywhere the store is shared; resolves once this gateway has. */
  invalidateTypes(types: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * In-process store: a bounded LRU, one per gateway process. With several worker processes
 * (GATEWAY_WORKERS), `announce` tells the others about an invalidation (worker-relay.ts: the
 * types, or undefined for everything), and each calls forget() or forgetTypes() when told.
 */
export class MemoryStore implements ResponseStore {
  readonly kind = 'memory';
  private current = 0;
  private readonly versions = new TypeVersions();
  private readonly entries = new Map<string, CachedAnswer>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
    private readonly announce?: (types?: readonly string[]) => void,
  ) {}

  generation(): number {
    return this.current;
  }

  tagsOf(types: readonly string[]): TypeTags {
    return this.versions.tagsOf(types);
  }

  isCurrent(tags: TypeTags | undefined): boolean {
    return this.versions.isCurrent(tags);
  }

  async get(generation: number, key: string): Promise<CachedAnswer | undefined> {
    if (generation !== this.current) return undefined;
    const answer = this.entries.get(key);
    if (!answer) return undefined;
    this.entries.delete(key);
    if (this.now() >= answer.storedAt + answer.maxAgeSeconds * 1000) return undefined;
    this.entries.set(key, answer); // most recently used last
    return answer;
  }

  async set(generation: number, key: string, answer: CachedAnswer): Promise<void> {
    if (generation !== this.current) return; // computed before an invalidation: already stale
    this.entries.delete(key);
    this.entries.set(key, answer);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  async invalidateAll(): Promise<void> {
    this.forget();
    this.announce?.();
  }

  async invalidateTypes(types: readonly string[]): Promise<void> {
    this.forgetTypes(types);
    this.announce?.(types);
  }

  /** This process's part of an invalidation of everything: a new generation, nothing kept. */
  forget(): void {
    this.current += 1;
    this.entries.clear();
  }

  /** This process's part of an invalidation of types: answers holding them no longer match (replaced when read again). */
  forgetTypes(types: readonly string[]): void {
    this.versions.bump(types);
  }

  size(): number {
    return this.entries.size;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}
