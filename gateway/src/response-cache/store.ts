/** One cached answer: the exact bytes Apollo sent, and when they stop being true. */
export interface CachedAnswer {
  body: string;
  contentType: string;
  storedAt: number;
  maxAgeSeconds: number;
}

/**
 * Where answers are kept. Every key is read and written under a generation: invalidating moves
 * every gateway sharing the store to a new generation, so answers stored before (even by a request
 * that finishes after the invalidation) are never read again.
 */
export interface ResponseStore {
  readonly kind: 'memory' | 'redis';
  /** The generation as this gateway knows it; captured before a request executes. */
  generation(): number;
  get(generation: number, key: string): Promise<CachedAnswer | undefined>;
  set(generation: number, key: string, answer: CachedAnswer): Promise<void>;
  /** Starts a new generation everywhere the store is shared; resolves once this gateway is on it. */
  invalidateAll(): Promise<void>;
  close(): Promise<void>;
}

/**
 * In-process store: a bounded LRU, one per gateway process. With several worker processes
 * (GATEWAY_WORKERS), `announce` tells the others about an invalidation (worker-relay.ts), and each
 * calls forget() when told.
 */
export class MemoryStore implements ResponseStore {
  readonly kind = 'memory';
  private current = 0;
  private readonly entries = new Map<string, CachedAnswer>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
    private readonly announce?: () => void,
  ) {}

  generation(): number {
    return this.current;
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

  /** This process's part of an invalidation: a new generation, nothing kept. */
  forget(): void {
    this.current += 1;
    this.entries.clear();
  }

  size(): number {
    return this.entries.size;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}
