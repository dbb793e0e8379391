import type { Take } from './token-bucket';

/** One limit (requests, or mutations), per key, in this process or shared by the replicas. */
export interface Limiter {
  readonly kind: 'memory' | 'redis';
  take(key: string): Promise<Take>;
}

/**
 * What the rate limits counted since the process started, for the metrics: answered, refused, and
 * takes decided in this process's memory because Redis failed (fallback).
 */
export interface RateLimitStats {
  allowed: number;
  limited: number;
  fallback: number;
}
