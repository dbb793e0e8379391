import { Arg, Ctx, Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { assumedSize, costWeight, DateTimeScalar, LocalDateScalar } from '@maison/kit';
import { tr, type Texts } from '@maison/house';
import { TimeSlot } from './availability';
import type { Context } from '../../context';
import { OpeningHours, type OpeningHoursRow } from '../house/opening-hours';
import { SpaceBooking } from '../booking/space-booking.entity';

@ObjectType({ description: 'The part of the year a seasonal space is open, as MM-DD dates, both included.' })
export class Season {
  @Field({ description: 'First open day, MM-DD (the terrace: 05-01).' })
  startsOn!: string;

  @Field({ description: 'Last open day, MM-DD (the terrace: 10-31).' })
  endsOn!: string;
}

@ObjectType({ description: 'A space everyone in the house shares and books: the kitchen, the terrace.' })
@Directive('@key(fields: "id")')
@Entity('shared_space')
export class SharedSpace {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field({ description: 'Stable public name: "cuisine", "terrasse".' })
  @Column('text')
  slug!: string;

  @Column('jsonb', { name: 'name' })
  nameTexts!: Texts;

  @Column('jsonb', { name: 'description', nullable: true })
  descriptionTexts!: Texts | null;

  @Field(() => Int, { description: 'How many people the space holds.' })
  @Column('integer')
  capacity!: number;

  @Column('jsonb', { name: 'amenities' })
  amenityTexts!: Texts[];

  @Column('jsonb', { name: 'opening_hours' })
  openingHoursRows!: OpeningHoursRow[];

  @Column('text', { name: 'season_starts', nullable: true })
  seasonStarts!: string | null;

  @Column('text', { name: 'season_ends', nullable: true })
  seasonEnds!: string | null;

  @Field(() => Int, { description: 'Cleaning time after each booking during which nobody else may start.' })
  @Column('integer', { name: 'buffer_minutes' })
  bufferMinutes!: number;

  @Field(() => Int, { description: 'Shortest booking, in minutes.' })
  @Column('integer', { name: 'min_duration_minutes' })
  minDurationMinutes!: number;

  @Field(() => Int, { description: 'Longest booking, in minutes.' })
  @Column('integer', { name: 'max_duration_minutes' })
  maxDurationMinutes!: number;

  @Field(() => Int, { description: 'How many days ahead one may book.' })
  @Column('integer', { name: 'horizon_days' })
  horizonDays!: number;

  @Field(() => Int, { description: 'Minimum notice before a booking starts, in minutes.' })
  @Column('integer', { name: 'min_notice_minutes' })
  minNoticeMinutes!: number;

  @Field(() => Int, { nullable: true, description: 'Minutes one holder may book per week (Monday to Sunday); null: no quota.' })
  @Column('integer', { name: 'weekly_quota_minutes', nullable: true })
  weeklyQuotaMinutes!: number | null;

  @Field(() => Int, { description: 'A booking may be cancelled until this many minutes before it starts.' })
  @Column('integer', { name: 'cancellation_cutoff_minutes' })
  cancellationCutoffMinutes!: number;

  @Field(() => [String], { description: 'Roles that may book: TENANT, MEMBER (with an active membership), ARTIST. ADMIN always may.' })
  @Column('text', { name: 'eligible_roles', array: true })
  eligibleRoles!: string[];

  @Field(() => Int, { description: 'Granularity of the slots availability proposes, in minutes.' })
  @Column('integer', { name: 'slot_step_minutes' })
  slotStepMinutes!: number;

  @Field()
  name(@Ctx() ctx: Context): string {
    return tr(this.nameTexts, ctx.lang);
  }

  @Field(() => String, { nullable: true })
  description(@Ctx() ctx: Context): string | null {
    return tr(this.descriptionTexts, ctx.lang);
  }

  @Field(() => [String])
  amenities(@Ctx() ctx: Context): string[] {
    return this.amenityTexts.map((a) => tr(a, ctx.lang));
  }

  // Two opening ranges per weekday at most.
  @Directive(assumedSize(14))
  @Field(() => [OpeningHours])
  openingHours(): OpeningHours[] {
    return this.openingHoursRows.map((r) => Object.assign(new OpeningHours(), r));
  }

  @Field(() => Season, { nullable: true, description: 'Null when the space is open all year.' })
  season(): Season | null {
    if (!this.seasonStarts || !this.seasonEnds) return null;
    return Object.assign(new Season(), { startsOn: this.seasonStarts, endsOn: this.seasonEnds });
  }

  // The kitchen's day: 15 opening hours in 30-minute steps; each slot weighs 2, checked against bookings, closures and buffers.
  @Directive(assumedSize(30))
  @Directive(costWeight(2))
  @Field(() => [TimeSlot], {
    description: 'Free slots of one local day for a stay of durationMinutes: opening hours, season, cleaning buffers, closures and bookings honoured.',
  })
  availability(
    @Ctx() ctx: Context,
    @Arg('date', () => LocalDateScalar) date: string,
    @Arg('durationMinutes', () => Int) durationMinutes: number,
  ): Promise<TimeSlot[]> {
    return ctx.services.bookings.availability(ctx.loaders, this, date, durationMinutes, ctx.lang);
  }

  // A busy week of one space; the window may reach 366 days, rarely asked.
  @Directive(assumedSize(50))
  @Field(() => [SpaceBooking], { description: 'Live bookings overlapping [from, to). Private ones show no title nor holder.' })
  bookings(
    @Ctx() ctx: Context,
    @Arg('from', () => DateTimeScalar) from: Date,
    @Arg('to', () => DateTimeScalar) to: Date,
  ): Promise<SpaceBooking[]> {
    return ctx.services.bookings.bookingsOfSpace(ctx.loaders, this.id, from, to, ctx.lang);
  }
}
