import type { Logger } from '@maison/http';

/** Waits without keeping the process alive. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Exponential backoff: base, 2×base, 4×base… capped at max. */
export const backoff = (attempt: number, baseMs: number, maxMs: number) => Math.min(maxMs, baseMs * 2 ** (attempt - 1));

/**
 * Runs task now and, while it throws, again after a growing delay, at most `attempts` times; logs
 * every failure and gives up with an error line naming `what`. Never throws.
 */
export async function retrying(task: () => Promise<unknown>, log: Logger, what: Record<string, unknown>, options: { attempts?: number; baseMs?: number; maxMs?: number } = {}): Promise<boolean> {
  const { attempts = 6, baseMs = 500, maxMs = 30_000 } = options;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    try {
      await task();
      return true;
    } catch (error) {
      if (attempt === attempts) {
        log.error('gave up after retries', { ...what, attempts, error });
        return false;
      }
      log.warn('failed, will retry', { ...what, attempt, error });
      await sleep(backoff(attempt, baseMs, maxMs));
    }
  }
  return false;
}

/** Tries task once, awaited; when it fails, keeps retrying in the background. Never throws. */
export async function compensate(task: () => Promise<unknown>, log: Logger, what: Record<string, unknown>, options: { attempts?: number; baseMs?: number; maxMs?: number } = {}): Promise<void> {
  try {
    await task();
  } catch (error) {
    log.warn('failed, will retry in the background', { ...what, error });
    void sleep(options.baseMs ?? 500).then(() => retrying(task, log, what, { ...options, attempts: (options.attempts ?? 6) - 1 }));
  }
}
