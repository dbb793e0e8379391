import { Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { assumedSize } from '@maison/kit';
import type { Context } from '../../context';
import { SharedSpace } from '../space/shared-space.entity';
import { canSeeBookingDetails, isHolderOrAdmin } from './booking.access';
import { HolderKind } from './booking.enums';
import { BookingHistoryEntry } from './booking-history.entity';
import { SpaceBooking } from './space-booking.entity';

@ObjectType({ description: 'Who holds a booking. Hidden from others on private bookings.' })
export class BookingHolder {
  @Field(() => HolderKind)
  kind!: HolderKind;

  @Field(() => ID, { nullable: true })
  id!: string | null;

  @Field()
  name!: string;
}

/** The fields of a booking that need the request: its space, and what only some callers see (booking.access.ts). */
@Resolver(() => SpaceBooking)
export class SpaceBookingFieldResolver {
  @FieldResolver(() => SharedSpace, { nullable: true })
  space(@Root() booking: SpaceBooking, @Ctx() ctx: Context): Promise<SharedSpace | null> {
    return ctx.loaders.spaceById.load(booking.spaceId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Null on a private booking for anyone but its holder and ADMIN.' })
  title(@Root() booking: SpaceBooking, @Ctx() ctx: Context): string | null {
    return canSeeBookingDetails(booking, ctx.identity) ? booking.titleText : null;
  }

  @FieldResolver(() => BookingHolder, { nullable: true, description: 'Null on a private booking for anyone but its holder and ADMIN.' })
  holder(@Root() booking: SpaceBooking, @Ctx() ctx: Context): BookingHolder | null {
    if (!canSeeBookingDetails(booking, ctx.identity)) return null;
    return Object.assign(new BookingHolder(), { kind: booking.holderKind, id: booking.holderId, name: booking.holderName });
  }

  // Created, moved a few times, perhaps cancelled.
  @Directive(assumedSize(5))
  @FieldResolver(() => [BookingHistoryEntry], { nullable: true, description: 'Who created, moved and cancelled it, and when. Holder and ADMIN only.' })
  history(@Root() booking: SpaceBooking, @Ctx() ctx: Context): Promise<BookingHistoryEntry[]> | null {
    return isHolderOrAdmin(booking, ctx.identity) ? ctx.loaders.historyByBooking.load(booking.id) : null;
  }

  @FieldResolver(() => Int, { nullable: true })
  attendeeCount(@Root() booking: SpaceBooking, @Ctx() ctx: Context): number | null {
    return canSeeBookingDetails(booking, ctx.identity) ? booking.attendees : null;
  }
}
