import type { DataSource } from 'typeorm';
import type { Logger } from '@maison/http';
import { backoff, sleep } from '../../retry';
import { holdReferenceOf, type SpaceHolds } from './space-holds';

export interface ReconcileOptions {
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Stop after this many failed rounds (unbounded by default: retry until the tenants subgraph answers). */
  maxRounds?: number;
}

interface HeldEvent {
  id: string;
  space_id: string;
  starts_at: Date;
  ends_at: Date;
  title: { fr: string };
}

/**
 * Gives every future, non-cancelled event held in a shared space its hold in the tenants ledger
 * (holding is idempotent per reference, and a hold at another time is moved), so that events
 * written while the ledger was away, or by the seed, occupy their space. Retries whole rounds
 * with backoff while the tenants subgraph does not answer; a refused hold (the slot is taken) is
 * logged for a person to settle, not retried. Never throws.
 */
export async function reconcileHolds(ds: DataSource, holds: SpaceHolds | null, log: Logger, options: ReconcileOptions = {}): Promise<void> {
  const { baseDelayMs = 1000, maxDelayMs = 60_000, maxRounds = Infinity } = options;
  if (!holds) {
    log.warn('TENANTS_URL is not set: shared-space events are not reconciled with the ledger');
    return;
  }
  for (let round = 1; round <= maxRounds; round += 1) {
    try {
      const events: HeldEvent[] = await ds.query(
        `SELECT id, space_id, starts_at, ends_at, title FROM coworking_event
         WHERE space_id IS NOT NULL AND cancelled_at IS NULL AND ends_at > now() ORDER BY starts_at, id`,
      );
      let held = 0;
      const refused: { eventId: string; codes: string[] }[] = [];
      for (const e of events) {
        const request = { reference: holdReferenceOf(e.id), spaceId: e.space_id, startsAt: e.starts_at, endsAt: e.ends_at, title: e.title.fr };
        let answer = await holds.hold(request);
        const booking = answer.booking;
        if (booking && (new Date(booking.startsAt).getTime() !== e.starts_at.getTime() || new Date(booking.endsAt).getTime() !== e.ends_at.getTime())) {
          answer = await holds.move(request);
        }
        if (answer.userErrors.length > 0) refused.push({ eventId: e.id, codes: answer.userErrors.map((u) => u.code) });
        else held += 1;
      }
      if (refused.length > 0) log.error('events without their hold in the ledger: settle by hand', { refused });
      log.info('shared-space holds reconciled', { held, refused: refused.length });
      return;
    } catch (error) {
      const delayMs = backoff(round, baseDelayMs, maxDelayMs);
      log.warn('reconciling holds failed; retrying', { round, delayMs, error });
      await sleep(delayMs);
    }
  }
}
