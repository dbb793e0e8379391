import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Texts } from '@maison/house';
import type { OpeningHoursRow } from '../house/opening-hours';

/** The rules of a space are its columns; its texts, hours, season, availability and bookings are resolved by SharedSpaceFieldResolver. */
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

  /**
   * Moves whenever a rule column changes (a trigger of migration 009): a booking books in one
   * statement only while it is the version its checks ran on (BookingService.book). A bigint, read as text.
   */
  @Column({ type: 'bigint', name: 'rules_version', insert: false, update: false })
  rulesVersion!: string;
}
