import type { Context } from '../../context';
import { canSeeBookingDetails } from './booking.access';
import type { SpaceBooking } from './space-booking.entity';

export const bookingReference = {
  SpaceBooking: {
    /** A private booking resolves only for its holder and ADMIN: for others, the same null as an unknown id. */
    async __resolveReference(ref: { id: string }, ctx: Context): Promise<SpaceBooking | null> {
      const booking = await ctx.loaders.bookingById.load(ref.id);
      return booking && canSeeBookingDetails(booking, ctx.identity) ? booking : null;
    },
  },
};
