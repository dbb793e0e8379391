import { isAdmin, type Identity } from '@maison/auth';

/** What the rule reads of a booking of studio time. */
export interface StudioBookingRow {
  artistId: string | null;
  bookedBy: string;
}

/**
 * Who may see the details of studio time (its title, its artist) and cancel it: the booker, by the
 * artist id of their token or as who signed the request, and ADMIN. Everyone else sees the slot
 * taken, nothing more. No list filters on it in SQL: Studio.bookings shows every booking, with
 * the details hidden.
 */
export function canSeeStudioBookingDetails(booking: StudioBookingRow, identity: Identity): boolean {
  if (identity.sub === null) return false;
  if (isAdmin(identity)) return true;
  if (identity.artistId && booking.artistId === identity.artistId) return true;
  return booking.bookedBy === identity.sub;
}
