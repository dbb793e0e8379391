import type { Context } from '../../context';
import type { SpaceBooking } from './space-booking.entity';

export const bookingReference = {
  SpaceBooking: {
    __resolveReference(ref: { id: string }, ctx: Context): Promise<SpaceBooking | null> {
      return ctx.loaders.bookingById.load(ref.id);
    },
  },
};
