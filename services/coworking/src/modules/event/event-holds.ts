import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '@maison/http';
import { holdTitle, ownerHolds, type HoldOwners, type Placement, type SpaceLedger } from '@maison/space-holds';
import { CoworkingEvent } from './coworking-event.entity';

/** The first part of the references of events' holds: "coworking-event:<id>-<suffix>". */
export const EVENT_HOLD_KIND = 'coworking-event';

/** What an event's hold is made of. */
export interface EventPlacementFields {
  spaceId: string | null;
  startsAt: Date;
  endsAt: Date;
  title: { fr: string };
  capacity: number;
  overrideReason: string | null;
  cancelled: boolean;
}

/**
 * The hold an event needs: a live (not cancelled) event in a shared space, titled with its French
 * title, for as many attendees as it has seats, with ADMIN's override of the space's rules if any.
 */
export function placementOfEvent(e: EventPlacementFields): Placement | null {
  if (e.spaceId === null || e.cancelled) return null;
  return {
    spaceId: e.spaceId,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    title: holdTitle(null, e.title.fr),
    attendees: e.capacity,
    overrideReason: e.overrideReason,
  };
}

export const placementOfRow = (e: CoworkingEvent) =>
  placementOfEvent({
    spaceId: e.spaceId,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    title: e.titleTexts,
    capacity: e.capacity,
    overrideReason: e.spaceRulesOverrideReason,
    cancelled: e.cancelledAt !== null,
  });

/** The event under its row lock, the one every write of an event takes. */
export function lockEvent(tx: EntityManager, id: string): Promise<CoworkingEvent | null> {
  return tx.getRepository(CoworkingEvent).createQueryBuilder('e').setLock('pessimistic_write').where('e.id = :id', { id: id.toLowerCase() }).getOne();
}

/** Events as the owners of their holds (packages/space-holds). */
export const eventHoldOwners: HoldOwners = {
  kind: EVENT_HOLD_KIND,
  async lockRow(tx, id) {
    const e = await lockEvent(tx, id);
    return e && { id: e.id, storedReference: e.holdReference, needs: placementOfRow(e) };
  },
  async needingHolds(ds: DataSource, after: Date) {
    const rows: {
      id: string;
      hold_reference: string | null;
      space_id: string;
      starts_at: Date;
      ends_at: Date;
      title: { fr: string };
      capacity: number;
      space_rules_override_reason: string | null;
    }[] = await ds.query(
      `SELECT id, hold_reference, space_id, starts_at, ends_at, title, capacity, space_rules_override_reason FROM coworking_event
       WHERE space_id IS NOT NULL AND cancelled_at IS NULL AND ends_at > $1 ORDER BY starts_at, id`,
      [after],
    );
    return rows.map((r) => ({
      id: r.id,
      storedReference: r.hold_reference,
      needs: placementOfEvent({
        spaceId: r.space_id,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        title: r.title,
        capacity: r.capacity,
        overrideReason: r.space_rules_override_reason,
        cancelled: false,
      })!,
    }));
  },
  async saveReference(tx, id, reference) {
    await tx.query('UPDATE coworking_event SET hold_reference = $2 WHERE id = $1', [id, reference]);
  },
};

/** The writes and the reconciler of these holds, for one process. */
export const eventHolds = (ds: DataSource, ledger: SpaceLedger | null, log: Logger, config: { holdReconcileSeconds: number }) =>
  ownerHolds(ds, ledger, eventHoldOwners, log, { violationPath: ['input'], attendeesField: 'capacity', reconcileSeconds: config.holdReconcileSeconds });
