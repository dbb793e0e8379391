import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { inputReason, UserErrorCode } from '@maison/errors';
import type { LedgerViolation } from './refusal';

/**
 * Creates that hold a shared space (an event, an exhibition) take an idempotencyKey, so that a retry
 * after an answer that did not arrive (SUBGRAPH_UNAVAILABLE) never creates a second one: the key
 * is stored with a fingerprint of the request under a unique constraint, the same key and the same
 * request answer the owner created the first time, the same key with another request answers
 * IDEMPOTENCY_KEY_REUSED.
 */
export const IDEMPOTENCY_KEY_FIELD = ['input', 'idempotencyKey'];
const MAX_KEY_LENGTH = 200;
// Control and format characters, lone surrogates and line separators: a key is one printable line.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u;

/** INVALID_INPUT when the key is not 1 to 200 printable characters; null when it is fine (or absent). */
export function idempotencyKeyViolation(key: string | null | undefined): LedgerViolation | null {
  if (key == null) return null;
  if ([...key].length >= 1 && [...key].length <= MAX_KEY_LENGTH && !UNPRINTABLE.test(key)) return null;
  return {
    code: UserErrorCode.INVALID_INPUT,
    field: IDEMPOTENCY_KEY_FIELD,
    params: { field: 'idempotencyKey', ...inputReason('PRINTABLE_LENGTH_BETWEEN', { min: 1, max: MAX_KEY_LENGTH }) },
  };
}

/** A stable digest of a request as it will be stored (keys sorted, dates as ISO 8601). */
export function requestFingerprint(request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(request)))
    .digest('hex');
}

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value ?? null;
}

/** Same-key creates of one table run one at a time, in their transactions: the later ones find the first one's row. */
export async function lockIdempotencyKey(tx: EntityManager, table: string, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`idempotency:${table}:${key}`]);
}

/**
 * The row an earlier create stored under this key in `table` (a table of the caller's own, with
 * columns id, idempotency_key and request_fingerprint): its id to answer again, or the refusal.
 */
export async function replayStored(
  q: EntityManager,
  table: string,
  key: string,
  fingerprint: string,
): Promise<{ id: string } | { reused: LedgerViolation } | null> {
  const rows: { id: string; fingerprint: string }[] = await q.query(`SELECT id, request_fingerprint AS fingerprint FROM ${table} WHERE idempotency_key = $1`, [
    key,
  ]);
  return replayOf(rows[0] ?? null, fingerprint);
}

/** What a create does with the row an earlier request stored under its key: answer it again, or refuse. */
export function replayOf(existing: { id: string; fingerprint: string } | null, fingerprint: string): { id: string } | { reused: LedgerViolation } | null {
  if (!existing) return null;
  if (existing.fingerprint === fingerprint) return { id: existing.id };
  return { reused: { code: UserErrorCode.IDEMPOTENCY_KEY_REUSED, field: IDEMPOTENCY_KEY_FIELD } };
}
