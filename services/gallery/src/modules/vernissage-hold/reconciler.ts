import type { DataSource } from 'typeorm';
import type { Logger } from '@maison/http';
import { Exhibition } from '../exhibition/exhibition.entity';
import { placementOf } from '../exhibition/exhibition.placement';
import { holdReference, type VernissageHolds } from './vernissage-holds';

export interface ReconcileSummary {
  checked: number;
  refused: { reference: string; codes: string[] }[];
}

export interface ReconcilerHandle {
  stop(): void;
  /** Settles when a round completed (or the reconciler was stopped). */
  done: Promise<void>;
}

/**
 * Gives every future vernissage held in a shared space its hold in the ledger (at boot, the seeded
 * ones; after an outage, any the ledger missed). Holding is idempotent, so a round can run any number
 * of times. Each exhibition is reconciled under its row lock, the one its edits take, so a round never
 * undoes an edit made meanwhile.
 */
export class VernissageReconciler {
  constructor(
    private readonly ds: DataSource,
    private readonly holds: VernissageHolds,
  ) {}

  /** One round; throws when the ledger does not answer (the caller retries the whole round). */
  async reconcileOnce(log: Logger, now = new Date()): Promise<ReconcileSummary> {
    const ids: { id: string }[] = await this.ds.query(
      `SELECT id FROM exhibition WHERE vernissage_space_id IS NOT NULL AND vernissage_ends_at > $1 ORDER BY vernissage_starts_at, id`,
      [now],
    );
    const summary: ReconcileSummary = { checked: 0, refused: [] };
    for (const { id } of ids) {
      await this.ds.transaction(async (tx) => {
        const exhibition = await tx.getRepository(Exhibition).createQueryBuilder('e').setLock('pessimistic_write').where('e.id = :id', { id }).getOne();
        const placement = exhibition && placementOf(exhibition);
        if (!placement || placement.endsAt <= now) return;
        summary.checked += 1;
        const errors = await this.holds.place(holdReference(id), null, placement);
        if (errors.length > 0) {
          const refused = { reference: holdReference(id), codes: errors.map((e) => e.code) };
          summary.refused.push(refused);
          log.warn('vernissage hold refused by the ledger', { ...refused, slug: exhibition.slug });
        }
      });
    }
    return summary;
  }

  /** Runs rounds in the background until one completes, waiting longer after each failure. Never throws. */
  start(log: Logger, options: { firstRetryMs?: number; maxRetryMs?: number } = {}): ReconcilerHandle {
    const maxRetryMs = options.maxRetryMs ?? 60_000;
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let finish = () => {};
    if (!this.holds.configured) {
      log.warn('TENANTS_URL is unset: vernissages in shared spaces are not held in the ledger');
      return { stop() {}, done: Promise.resolve() };
    }
    const done = new Promise<void>((resolve) => {
      finish = resolve;
      const attempt = (n: number, retryMs: number) => {
        if (stopped) return resolve();
        this.reconcileOnce(log).then(
          (summary) => {
            log.info('vernissage holds reconciled', { checked: summary.checked, refused: summary.refused.length, attempts: n });
            resolve();
          },
          (error: unknown) => {
            if (stopped) return resolve();
            log.warn('vernissage holds not reconciled yet; will retry', { attempt: n, retryInMs: retryMs, error: (error as Error).message });
            timer = setTimeout(() => attempt(n + 1, Math.min(retryMs * 2, maxRetryMs)), retryMs);
            timer.unref();
          },
        );
      };
      attempt(1, options.firstRetryMs ?? 1000);
    });
    return {
      stop() {
        stopped = true;
        clearTimeout(timer);
        finish();
      },
      done,
    };
  }
}
