import type { Logger } from '@maison/http';

/** Waits without keeping the process alive. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Exponential backoff: base, 2×base, 4×base… capped at max. */
export const backoff = (attempt: number, baseMs: number, maxMs: number) => Math.min(maxMs, baseMs * 2 ** (attempt - 1));

export interface RetryOptions {
  /** Tries in all, the first one included. */
  attempts: number;
  baseMs: number;
  maxMs: number;
}

/** Undoing a ledger call: 8 tries over about a minute (0.5 s, 1 s … 30 s apart); the reconciler settles whatever is left. */
export const COMPENSATION_RETRIES: RetryOptions = { attempts: 8, baseMs: 500, maxMs: 30_000 };

/**
 * Runs task now, awaited; when it fails, keeps retrying in the background with backoff, logging
 * each failure, and after the last try leaves an error line naming `what` (the reconciler's next
 * round settles it). Never throws. Resolves with whether the first try succeeded.
 */
export async function compensate(
  task: () => Promise<unknown>,
  log: Logger,
  what: Record<string, unknown>,
  options: RetryOptions = COMPENSATION_RETRIES,
): Promise<boolean> {
  try {
    await task();
    return true;
  } catch (error) {
    log.warn('ledger compensation failed; retrying in the background', { ...what, error });
    void retryInBackground(task, log, what, options);
    return false;
  }
}

async function retryInBackground(task: () => Promise<unknown>, log: Logger, what: Record<string, unknown>, options: RetryOptions): Promise<void> {
  for (let attempt = 2; attempt <= options.attempts; attempt += 1) {
    await sleep(backoff(attempt - 1, options.baseMs, options.maxMs));
    try {
      await task();
      log.info('ledger compensation done', { ...what, attempt });
      return;
    } catch (error) {
      if (attempt === options.attempts) log.error('ledger compensation given up; the reconciler will settle it', { ...what, attempts: attempt, error });
      else log.warn('ledger compensation failed; retrying in the background', { ...what, attempt, error });
    }
  }
}
