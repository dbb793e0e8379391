import { Arg, Ctx, Directive, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Lang } from '@maison/config';
import { assumedSize, DateTimeScalar } from '@maison/kit';
import { adminOnly, errorsOf, signedIn } from '@maison/house';
import type { Context } from '../../context';
import { BookingKind } from './booking.enums';
import { canSeeBookingDetails } from './booking.access';
import { SpaceBooking } from './space-booking.entity';
import {
  BookSharedSpaceInput,
  BookSharedSpacePayload,
  BookSharedSpaceSeriesInput,
  BookSharedSpaceSeriesPayload,
  CancelSpaceBookingPayload,
  CancelSpaceBookingSeriesPayload,
  CloseSharedSpaceInput,
  RescheduleSpaceBookingPayload,
  SeriesOccurrence,
} from './booking.input';
import type { Outcome } from './booking.service';

function payload<P extends BookSharedSpacePayload>(type: new () => P, outcome: Outcome, lang: Lang): P {
  return Object.assign(new type(), { booking: outcome.booking, userErrors: errorsOf(outcome.errors, lang) });
}

@Resolver(() => SpaceBooking)
export class BookingResolver {
  @Mutation(() => BookSharedSpacePayload, { description: 'Books a shared space. Expected refusals come back in userErrors with a stable code.' })
  bookSharedSpace(@Ctx() ctx: Context, @Arg('input', () => BookSharedSpaceInput) input: BookSharedSpaceInput): Promise<BookSharedSpacePayload> {
    return ctx.services.bookings.book(signedIn(ctx), input, { holders: ctx.loaders.holders }).then((o) => payload(BookSharedSpacePayload, o, ctx.lang));
  }

  @Mutation(() => RescheduleSpaceBookingPayload, { description: 'Moves a booking (its holder or ADMIN); every rule applies to the new time.' })
  rescheduleSpaceBooking(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('startsAt', () => DateTimeScalar) startsAt: Date,
    @Arg('endsAt', () => DateTimeScalar) endsAt: Date,
  ): Promise<RescheduleSpaceBookingPayload> {
    return ctx.services.bookings
      .reschedule(signedIn(ctx), id, startsAt, endsAt, ctx.loaders.holders)
      .then((o) => payload(RescheduleSpaceBookingPayload, o, ctx.lang));
  }

  @Mutation(() => CancelSpaceBookingPayload, { description: 'Cancels a booking (its holder before the cut-off, or ADMIN); the slot is free at once.' })
  cancelSpaceBooking(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<CancelSpaceBookingPayload> {
    return ctx.services.bookings.cancel(signedIn(ctx), id).then((o) => payload(CancelSpaceBookingPayload, o, ctx.lang));
  }

  @Mutation(() => BookSharedSpaceSeriesPayload, { description: 'Books a weekly series; each occurrence is created or skipped with its code.' })
  async bookSharedSpaceSeries(
    @Ctx() ctx: Context,
    @Arg('input', () => BookSharedSpaceSeriesInput) input: BookSharedSpaceSeriesInput,
  ): Promise<BookSharedSpaceSeriesPayload> {
    const result = await ctx.services.series.book(signedIn(ctx), input, ctx.loaders.holders);
    return Object.assign(new BookSharedSpaceSeriesPayload(), {
      seriesId: result.seriesId,
      userErrors: errorsOf(result.errors, ctx.lang),
      occurrences: result.occurrences.map((o) =>
        Object.assign(new SeriesOccurrence(), {
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          booking: o.outcome.booking,
          userErrors: errorsOf(o.outcome.errors, ctx.lang),
        }),
      ),
    });
  }

  @Mutation(() => CancelSpaceBookingSeriesPayload, { description: 'Cancels the occurrences of a series from a moment on (now by default).' })
  async cancelSpaceBookingSeries(
    @Ctx() ctx: Context,
    @Arg('seriesId', () => ID) seriesId: string,
    @Arg('from', () => DateTimeScalar, { nullable: true }) from?: Date | null,
  ): Promise<CancelSpaceBookingSeriesPayload> {
    const result = await ctx.services.series.cancelRest(signedIn(ctx), seriesId, from ?? null);
    return Object.assign(new CancelSpaceBookingSeriesPayload(), { cancelled: result.cancelled, userErrors: errorsOf(result.errors, ctx.lang) });
  }

  @Mutation(() => BookSharedSpacePayload, {
    description: 'ADMIN: closes a space (holiday, maintenance). A closure blocks the space like a booking; cancel it to reopen.',
  })
  closeSharedSpace(@Ctx() ctx: Context, @Arg('input', () => CloseSharedSpaceInput) input: CloseSharedSpaceInput): Promise<BookSharedSpacePayload> {
    return ctx.services.bookings
      .book(
        adminOnly(ctx),
        { spaceId: input.spaceId, startsAt: input.startsAt, endsAt: input.endsAt, title: input.reason, visibility: null },
        { kind: BookingKind.CLOSURE, holders: ctx.loaders.holders },
      )
      .then((o) => payload(BookSharedSpacePayload, o, ctx.lang));
  }

  // A year of a holder's bookings: the weekly quotas keep it near one a week.
  @Directive(assumedSize(50))
  @Query(() => [SpaceBooking], { description: 'Your bookings overlapping [from, to), cancelled ones included.' })
  myBookings(@Ctx() ctx: Context, @Arg('from', () => DateTimeScalar) from: Date, @Arg('to', () => DateTimeScalar) to: Date): Promise<SpaceBooking[]> {
    return ctx.services.bookings.mine(signedIn(ctx), from, to, ctx.lang);
  }

  @Query(() => SpaceBooking, {
    nullable: true,
    description: 'A booking by id: public ones for everyone, private ones for their holder and ADMIN; null otherwise.',
  })
  async spaceBooking(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<SpaceBooking | null> {
    const booking = await ctx.loaders.bookingById.load(id);
    return booking && canSeeBookingDetails(booking, ctx.identity) ? booking : null;
  }
}
