import { isAdmin, type Identity } from '@maison/auth';
import { BookingVisibility, type HolderKind } from './booking.enums';
import { ownHolders } from './booking.holder';

/**
 * Who may see what of a booking of a shared space, written once. Each rule is a list of clauses,
 * any of which admits a booking: the predicates test a loaded row against the clauses, the SQL
 * fragments give PostgreSQL the same clauses, so a list filtered in SQL and a field hidden in
 * TypeScript never disagree (booking.access.int.test.ts runs both on the same cases).
 *
 * - Held by the caller: they created it, or it is held by a holder their roles let them act as
 *   (their tenant with TENANT, their membership with MEMBER, their artist with ARTIST).
 * - Its details (title, holder, attendees; the booking itself, by id): everyone sees a PUBLIC
 *   booking's; a private one shows as an occupied slot except to its holder and ADMIN.
 * - Its history, and moving or cancelling it: its holder and ADMIN.
 */
type Clause = { kind: 'everything' } | { kind: 'public' } | { kind: 'createdBy'; sub: string } | { kind: 'heldBy'; holderKind: HolderKind; holderId: string };

/** What the rules read of a booking (a series row has the same holder columns). */
export interface HeldRow {
  holderKind: HolderKind;
  holderId: string | null;
  createdBy: string;
}
export type VisibleRow = HeldRow & { visibility: BookingVisibility };

/** A condition on the bookings of a query, with its named parameters (TypeORM's `:name`). */
export interface SqlFilter {
  sql: string;
  params: Record<string, unknown>;
}

function heldClauses(identity: Identity): Clause[] {
  if (identity.sub === null) return [];
  return [{ kind: 'createdBy', sub: identity.sub }, ...ownHolders(identity).map((h): Clause => ({ kind: 'heldBy', holderKind: h.kind, holderId: h.id! }))];
}

function detailsClauses(identity: Identity): Clause[] {
  return isAdmin(identity) ? [{ kind: 'everything' }] : [{ kind: 'public' }, ...heldClauses(identity)];
}

function admits(clause: Clause, row: HeldRow & { visibility?: BookingVisibility }): boolean {
  switch (clause.kind) {
    case 'everything':
      return true;
    case 'public':
      return row.visibility === BookingVisibility.PUBLIC;
    case 'createdBy':
      return row.createdBy === clause.sub;
    case 'heldBy':
      return row.holderKind === clause.holderKind && row.holderId === clause.holderId;
  }
}

/**
 * The clauses as one SQL condition on the booking table aliased `alias`; param names each value's
 * placeholder (TypeORM's `:name`, or a positional `$n`).
 */
function conditionOf(clauses: Clause[], alias: string, param: (name: string, value: unknown) => string): string {
  if (clauses.length === 0) return 'FALSE';
  const parts = clauses.map((clause, i) => {
    switch (clause.kind) {
      case 'everything':
        return 'TRUE';
      case 'public':
        return `${alias}.visibility = 'PUBLIC'`;
      case 'createdBy':
        return `${alias}.created_by = ${param('sub', clause.sub)}`;
      case 'heldBy':
        return `(${alias}.holder_kind = ${param(`kind${i}`, clause.holderKind)} AND ${alias}.holder_id = ${param(`id${i}`, clause.holderId)})`;
    }
  });
  return `(${parts.join(' OR ')})`;
}

/** The clauses as one SQL condition with named parameters `<prefix>_…`. */
function sqlOf(clauses: Clause[], alias: string, prefix: string): SqlFilter {
  const params: Record<string, unknown> = {};
  const sql = conditionOf(clauses, alias, (name, value) => {
    params[`${prefix}_${name}`] = value;
    return `:${prefix}_${name}`;
  });
  return { sql, params };
}

/** Does the caller hold the booking (or the series): its creator, or one of the holders they act as? */
export const isBookingHolder = (row: HeldRow, identity: Identity): boolean => heldClauses(identity).some((c) => admits(c, row));

/** Its holder or ADMIN: who sees its history and may move or cancel it. */
export const isHolderOrAdmin = (row: HeldRow, identity: Identity): boolean => isAdmin(identity) || isBookingHolder(row, identity);

/** Whether the caller sees the booking's title, holder and attendees (else an occupied slot only). */
export const canSeeBookingDetails = (row: VisibleRow, identity: Identity): boolean => detailsClauses(identity).some((c) => admits(c, row));

/** The bookings the caller holds, as SQL: the filter of myBookings. */
export const heldBySql = (identity: Identity, alias = 'b'): SqlFilter => sqlOf(heldClauses(identity), alias, 'held');

/** The bookings whose details the caller sees, as SQL: the filter of the calendar. */
export const detailsVisibleSql = (identity: Identity, alias = 'b'): SqlFilter => sqlOf(detailsClauses(identity), alias, 'visible');

/**
 * The same filter as detailsVisibleSql with positional parameters from `$first` (casts included, for
 * a prepared statement): its text depends only on the kinds of the caller's clauses, never on their values.
 */
export function detailsVisiblePositional(identity: Identity, alias: string, first: number): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const casts: Record<string, string> = { sub: 'text', kind: 'holder_kind', id: 'uuid' };
  const sql = conditionOf(detailsClauses(identity), alias, (name, value) => {
    values.push(value);
    return `$${first + values.length - 1}::${casts[name.replace(/\d+$/, '')]}`;
  });
  return { sql, values };
}
