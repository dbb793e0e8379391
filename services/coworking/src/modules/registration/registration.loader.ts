import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { RequestScope } from '@maison/house';
import { uuids } from '@maison/kit';
import type { EventRegistration } from './registration.entity';
import { registrationsVisibleTo, visibleRegistrationsWhere } from './registration.access';
import { registrationFromRow, WITH_POSITION } from './registration.line';

/** Seats taken per event, and the caller's own live registration per event: one statement each for all events of a request. */
export function registrationLoaders(ds: DataSource, scope: RequestScope) {
  return {
    confirmedByEvent: new DataLoader<string, number>(async (keys) => {
      const ids = uuids(keys);
      const rows: { event_id: string; n: number }[] = ids.length
        ? await ds.query(`SELECT event_id, count(*)::int AS n FROM event_registration WHERE event_id = ANY($1) AND status = 'CONFIRMED' GROUP BY event_id`, [
            ids,
          ])
        : [];
      const byEvent = new Map(rows.map((r) => [r.event_id, r.n]));
      return keys.map((k) => byEvent.get(k.toLowerCase()) ?? 0);
    }),
    myRegistrationByEvent: new DataLoader<string, EventRegistration | null>(async (keys) => {
      const ids = uuids(keys);
      // A caller who can see none (anonymous) costs no statement.
      if (registrationsVisibleTo(scope.identity).kind === 'never' || ids.length === 0) return keys.map(() => null);
      const values: unknown[] = [ids];
      const mine = visibleRegistrationsWhere(scope.identity, 'r', values);
      const rows: Record<string, any>[] = await ds.query(
        `SELECT ${WITH_POSITION} FROM event_registration r WHERE r.event_id = ANY($1) AND ${mine} AND r.status <> 'CANCELLED'`,
        values,
      );
      const byEvent = new Map(rows.map((r) => [r.event_id as string, registrationFromRow(r)]));
      return keys.map((k) => byEvent.get(k.toLowerCase()) ?? null);
    }),
  };
}
