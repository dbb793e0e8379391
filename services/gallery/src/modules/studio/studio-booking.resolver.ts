import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { hasRole, isAdmin, type Identity } from '@maison/auth';
import { forbidden } from '@maison/errors';
import { errorsOf, type RuleViolation, signedIn } from '@maison/house';
import type { Context } from '../../context';
import { unknownTokenArtist } from '../../acting-artist';
import { Artist } from '../artist/artist.entity';
import { canSeeStudioBookingDetails } from './studio-booking.access';
import { StudioBooking } from './studio-booking.entity';
import type { StudioBookingOutcome } from './studio-booking.service';
import { BookStudioInput, StudioBookingPayload } from './studio.input';
import { Studio } from './studio.entity';

const refused = (violation: RuleViolation): StudioBookingOutcome => ({ booking: null, errors: [violation] });
const payload = (outcome: StudioBookingOutcome, ctx: Context) =>
  Object.assign(new StudioBookingPayload(), { booking: outcome.booking, userErrors: errorsOf(outcome.errors, ctx.lang) });

/** Artists (with their artistId in the token) and ADMIN book studio time; anyone else is FORBIDDEN. */
function studioBooker(ctx: Context): Identity {
  const identity = signedIn(ctx);
  if (!isAdmin(identity) && !(hasRole(identity, 'ARTIST') && identity.artistId)) throw forbidden(ctx.lang);
  return identity;
}

@Resolver(() => StudioBooking)
export class StudioBookingResolver {
  @Mutation(() => StudioBookingPayload, {
    description: 'ARTIST or ADMIN: books studio time. A taken slot answers SLOT_UNAVAILABLE; a token naming an artist who does not exist, UNKNOWN_HOLDER.',
  })
  async bookStudio(@Ctx() ctx: Context, @Arg('input', () => BookStudioInput) input: BookStudioInput): Promise<StudioBookingPayload> {
    const identity = studioBooker(ctx);
    const unknown = await unknownTokenArtist(ctx);
    return payload(unknown ? refused(unknown) : await ctx.services.studioBookings.book(identity, input), ctx);
  }

  @Mutation(() => StudioBookingPayload, {
    description: 'Cancels studio time: its booker before it starts, or ADMIN; the slot is free at once. UNKNOWN_HOLDER for a token naming an unknown artist.',
  })
  async cancelStudioBooking(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<StudioBookingPayload> {
    const identity = signedIn(ctx);
    const unknown = await unknownTokenArtist(ctx);
    return payload(unknown ? refused(unknown) : await ctx.services.studioBookings.cancel(identity, id), ctx);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Null for anyone but the booker and ADMIN.' })
  title(@Root() booking: StudioBooking, @Ctx() ctx: Context): string | null {
    return canSeeStudioBookingDetails(booking, ctx.identity) ? booking.titleText : null;
  }

  @FieldResolver(() => Studio)
  async studio(@Root() booking: StudioBooking, @Ctx() ctx: Context): Promise<Studio> {
    return (await ctx.loaders.studioById.load(booking.studioId))!;
  }

  @FieldResolver(() => Artist, { nullable: true, description: 'Who booked; null for anyone but the booker and ADMIN, and for bookings by the house.' })
  async artist(@Root() booking: StudioBooking, @Ctx() ctx: Context): Promise<Artist | null> {
    if (!booking.artistId || !canSeeStudioBookingDetails(booking, ctx.identity)) return null;
    return ctx.loaders.artistById.load(booking.artistId);
  }
}
