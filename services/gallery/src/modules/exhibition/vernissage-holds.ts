import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '@maison/http';
import { ownerHolds, type HoldOwners, type SpaceLedger } from '@maison/space-holds';
import { Exhibition } from './exhibition.entity';
import { placementOf } from './exhibition.placement';

/** The first part of the references of vernissages' holds: "vernissage:<exhibition id>-<suffix>". */
export const VERNISSAGE_HOLD_KIND = 'vernissage';

/** The exhibition under its row lock, the one every write of an exhibition takes. */
export function lockExhibition(tx: EntityManager, id: string): Promise<Exhibition | null> {
  return tx.getRepository(Exhibition).createQueryBuilder('e').setLock('pessimistic_write').where('e.id = :id', { id: id.toLowerCase() }).getOne();
}

/** Exhibitions as the owners of their vernissages' holds (packages/space-holds). */
export const vernissageHoldOwners: HoldOwners = {
  kind: VERNISSAGE_HOLD_KIND,
  async lockRow(tx, id) {
    const e = await lockExhibition(tx, id);
    return e && { id: e.id, storedReference: e.holdReference, needs: placementOf(e) };
  },
  async needingHolds(ds: DataSource, after: Date) {
    const rows: {
      id: string;
      hold_reference: string | null;
      space_id: string;
      starts_at: Date;
      ends_at: Date;
      title: { fr: string };
      expected_attendees: number | null;
      override_reason: string | null;
    }[] = await ds.query(
      `SELECT id, hold_reference, vernissage_space_id AS space_id, vernissage_starts_at AS starts_at, vernissage_ends_at AS ends_at, title,
         vernissage_expected_attendees AS expected_attendees, vernissage_override_reason AS override_reason FROM exhibition
       WHERE vernissage_space_id IS NOT NULL AND vernissage_starts_at IS NOT NULL AND vernissage_ends_at > $1 ORDER BY vernissage_starts_at, id`,
      [after],
    );
    return rows.map((r) => ({
      id: r.id,
      storedReference: r.hold_reference,
      needs: placementOf({
        titleTexts: r.title,
        vernissageSpaceId: r.space_id,
        vernissageStartsAt: r.starts_at,
        vernissageEndsAt: r.ends_at,
        vernissageExpectedAttendees: r.expected_attendees,
        vernissageOverrideReason: r.override_reason,
      })!,
    }));
  },
  async saveReference(tx, id, reference) {
    await tx.query('UPDATE exhibition SET hold_reference = $2 WHERE id = $1', [id, reference]);
  },
};

/** The writes and the reconciler of these holds, for one process. */
export const vernissageHolds = (ds: DataSource, ledger: SpaceLedger | null, log: Logger, config: { holdReconcileSeconds: number }) =>
  ownerHolds(ds, ledger, vernissageHoldOwners, log, {
    violationPath: ['input', 'vernissage'],
    attendeesField: 'expectedAttendees',
    reconcileSeconds: config.holdReconcileSeconds,
  });
