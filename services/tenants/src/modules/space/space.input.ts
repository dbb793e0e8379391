import { Directive, Field, InputType, Int, ObjectType } from 'type-graphql';
import { assumedSize, DateTimeScalar, LocalizedTextInput, USER_ERRORS_SIZE, UserError } from '@maison/kit';
import { SpaceBooking } from '../booking/space-booking.entity';
import { OpeningHours } from '../house/opening-hours';
import { Season } from './shared-space.fields';
import { SharedSpace } from './shared-space.entity';

@InputType({ description: 'One opening range of a weekday, in house time.' })
export class OpeningHoursInput {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  weekday!: number;

  @Field({ description: 'Opening time, HH:MM (00:00 to 23:59).' })
  opens!: string;

  @Field({ description: 'Closing time, HH:MM after opens; 24:00 for midnight.' })
  closes!: string;
}

@InputType({ description: 'The part of the year a seasonal space is open, as MM-DD days, both included; it may wrap the new year (11-15 to 03-31).' })
export class SeasonInput {
  @Field({ description: 'First open day, MM-DD.' })
  starts!: string;

  @Field({ description: 'Last open day, MM-DD.' })
  ends!: string;
}

@InputType({ description: 'Rules of a shared space. Every field is optional: left out (or null), it stays as it is.' })
export class SpaceRulesInput {
  @Field(() => [OpeningHoursInput], { nullable: true, description: 'Replaces every opening range (14 at most, none overlapping on one weekday).' })
  openingHours?: OpeningHoursInput[] | null;

  @Field(() => SeasonInput, { nullable: true, description: 'The season; not together with allYear: true.' })
  season?: SeasonInput | null;

  @Field(() => Boolean, { nullable: true, description: 'true: open all year (clears the season).' })
  allYear?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Shortest booking, 1 to 1440 minutes, at most maxDurationMinutes.' })
  minDurationMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Longest booking, at least minDurationMinutes, at most 1440 minutes.' })
  maxDurationMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Cleaning time after each booking, 0 to 240 minutes.' })
  bufferMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'How many days ahead one may book, 1 to 730.' })
  horizonDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Minimum notice before a booking starts, 0 to 10080 minutes.' })
  minNoticeMinutes?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Minutes one holder may book per week, minDurationMinutes to 10080; not together with noWeeklyQuota: true.',
  })
  weeklyQuotaMinutes?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'true: no weekly quota (clears it).' })
  noWeeklyQuota?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'A booking may be cancelled until this many minutes before it starts, 0 to 10080.' })
  cancellationCutoffMinutes?: number | null;

  @Field(() => [String], { nullable: true, description: 'Roles that may book, among TENANT, MEMBER, ARTIST (ADMIN always may).' })
  eligibleRoles?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Granularity of proposed slots: 5, 10, 15, 20, 30 or 60 minutes.' })
  slotStepMinutes?: number | null;
}

@InputType({ description: 'A new shared space. Its rules need openingHours; the other rules default to those of migration 002.' })
export class CreateSharedSpaceInput {
  @Field({ description: 'Stable public name: a-z, 0-9 and hyphens, 60 at most, unused.' })
  slug!: string;

  @Field(() => LocalizedTextInput)
  name!: LocalizedTextInput;

  @Field(() => LocalizedTextInput, { nullable: true })
  description?: LocalizedTextInput | null;

  @Field(() => Int, { description: 'How many people the space holds, 1 to 500.' })
  capacity!: number;

  @Field(() => [LocalizedTextInput], { nullable: true })
  amenities?: LocalizedTextInput[] | null;

  @Field(() => SpaceRulesInput, { nullable: true })
  rules?: SpaceRulesInput | null;
}

@InputType({ description: 'Changes to a shared space; fields left out stay as they are. Its rules change with updateSpaceRules.' })
export class UpdateSharedSpaceInput {
  @Field(() => LocalizedTextInput, { nullable: true })
  name?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  description?: LocalizedTextInput | null;

  @Field(() => Int, { nullable: true, description: 'How many people the space holds, 1 to 500: a rule for bookings, kept in rulesHistory.' })
  capacity?: number | null;

  @Field(() => [LocalizedTextInput], { nullable: true })
  amenities?: LocalizedTextInput[] | null;
}

@ObjectType({ description: 'The rules of a shared space at one moment, as rulesHistory keeps them.' })
export class SpaceRules {
  // Two opening ranges per weekday at most.
  @Directive(assumedSize(14))
  @Field(() => [OpeningHours])
  openingHours!: OpeningHours[];

  @Field(() => Season, { nullable: true, description: 'Null when open all year.' })
  season!: Season | null;

  @Field(() => Int)
  minDurationMinutes!: number;

  @Field(() => Int)
  maxDurationMinutes!: number;

  @Field(() => Int)
  bufferMinutes!: number;

  @Field(() => Int)
  horizonDays!: number;

  @Field(() => Int)
  minNoticeMinutes!: number;

  @Field(() => Int, { nullable: true, description: 'Null: no quota.' })
  weeklyQuotaMinutes!: number | null;

  @Field(() => Int)
  cancellationCutoffMinutes!: number;

  @Field(() => [String])
  eligibleRoles!: string[];

  @Field(() => Int)
  slotStepMinutes!: number;

  @Field(() => Int)
  capacity!: number;
}

@ObjectType({ description: 'One change of a shared space’s rules (capacity included): who, when, before and after.' })
export class SpaceRulesChange {
  @Field(() => DateTimeScalar)
  at!: Date;

  @Field({ description: 'Subject of the identity that made the change.' })
  actor!: string;

  @Field(() => SpaceRules)
  before!: SpaceRules;

  @Field(() => SpaceRules)
  after!: SpaceRules;
}

@ObjectType()
export class SharedSpacePayload {
  @Field(() => SharedSpace, { nullable: true })
  space!: SharedSpace | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class UpdateSpaceRulesPayload {
  @Field(() => SharedSpace, { nullable: true })
  space!: SharedSpace | null;

  // A rule change rarely catches more than a few weeks of bookings.
  @Directive(assumedSize(20))
  @Field(() => [SpaceBooking], {
    description:
      'Future confirmed bookings and event holds the new rules would not have allowed: opening hours, season, durations, cleaning buffer, capacity, eligible roles (notice, horizon and weekly quota apply when booking, so they never conflict). They stay booked: nothing is cancelled.',
  })
  conflicts!: SpaceBooking[];

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}
