import type { DataSource } from 'typeorm';
import { badUserInput } from '@maison/errors';
import type { Lang } from '@maison/config';
import type { TenantsLoaders } from '../../services';
import type { SpaceBooking } from './space-booking.entity';

/** Longest window a single bookings(from, to) read may cover. */
export const MAX_BOOKINGS_WINDOW_DAYS = 366;

export class BookingService {
  // The DataSource serves the ledger's writes (issue #3); reads go through the request's loaders.
  constructor(readonly ds: DataSource) {}

  bookingsOfSpace(loaders: TenantsLoaders, spaceId: string, from: Date, to: Date, lang: Lang): Promise<SpaceBooking[]> {
    if (to <= from) throw badUserInput(lang, '"to" must be after "from".');
    if (to.getTime() - from.getTime() > MAX_BOOKINGS_WINDOW_DAYS * 86_400_000) {
      throw badUserInput(lang, lang === 'fr' ? `Fenêtre de ${MAX_BOOKINGS_WINDOW_DAYS} jours au plus.` : `Window of at most ${MAX_BOOKINGS_WINDOW_DAYS} days.`);
    }
    return loaders.bookingsBySpaceRange.load({ spaceId, from, to });
  }
}
