import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { assumedSize, DateTimeScalar } from '@maison/kit';
import { checkQueryWindow, todayInHouse, tr } from '@maison/house';
import type { Context } from '../../context';
import { lookupOf } from '../common/lookup';
import { StudioAssignment } from './studio-assignment.entity';
import { StudioBooking } from './studio-booking.entity';
import { MAX_STUDIO_WINDOW_DAYS } from './studio-booking.service';
import { Studio } from './studio.entity';

@Resolver(() => Studio)
export class StudioResolver {
  // Three studios in the annex, room for two more.
  @Directive(assumedSize(5))
  @Query(() => [Studio], { description: 'The shared studios (ateliers partagés) of Le Vivoir, by slug.' })
  studios(@Ctx() ctx: Context): Promise<Studio[]> {
    return ctx.services.studios.list();
  }

  @Query(() => Studio, { nullable: true, description: 'One studio, by id or by slug: give exactly one.' })
  async studio(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('slug', () => String, { nullable: true }) slug?: string | null,
  ): Promise<Studio | null> {
    const lookup = lookupOf(id, slug, ctx.lang);
    return lookup.by === 'id' ? ctx.loaders.studioById.load(lookup.id) : ctx.services.studios.bySlug(lookup.slug);
  }

  @FieldResolver(() => String)
  name(@Root() studio: Studio, @Ctx() ctx: Context): string {
    return tr(studio.nameTexts, ctx.lang);
  }

  @FieldResolver(() => String, { nullable: true })
  description(@Root() studio: Studio, @Ctx() ctx: Context): string | null {
    return tr(studio.descriptionTexts, ctx.lang);
  }

  // A studio holds four artists at once; with upcoming and past ones, about ten.
  @Directive(assumedSize(10))
  @FieldResolver(() => [StudioAssignment], { description: 'Artists working here, by first day: current and upcoming ones, past ones too when asked.' })
  async assignments(
    @Root() studio: Studio,
    @Ctx() ctx: Context,
    @Arg('includePast', () => Boolean, { defaultValue: false }) includePast: boolean,
  ): Promise<StudioAssignment[]> {
    const all = await ctx.loaders.assignmentsByStudio.load(studio.id);
    const today = todayInHouse();
    return includePast ? all : all.filter((a) => a.endsOn === null || a.endsOn >= today);
  }

  // A busy month of one studio; the window may reach 366 days, rarely asked.
  @Directive(assumedSize(50))
  @FieldResolver(() => [StudioBooking], { description: 'Confirmed studio time overlapping [from, to) (366 days at most), by start.' })
  bookings(
    @Root() studio: Studio,
    @Ctx() ctx: Context,
    @Arg('from', () => DateTimeScalar) from: Date,
    @Arg('to', () => DateTimeScalar) to: Date,
  ): Promise<StudioBooking[]> {
    checkQueryWindow(from, to, ctx.lang, { maxDays: MAX_STUDIO_WINDOW_DAYS });
    return ctx.loaders.studioBookingsByRange.load({ studioId: studio.id, from, to });
  }
}
