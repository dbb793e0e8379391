import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeScalar } from '@maison/kit';
import { BookingAction } from './booking.enums';

@ObjectType({ description: 'One change of a booking: who, what, when.' })
@Entity('space_booking_history')
export class BookingHistoryEntry {
  @PrimaryColumn('bigint')
  id!: string;

  @Column('uuid', { name: 'booking_id' })
  bookingId!: string;

  @Field(() => BookingAction)
  @Column({ type: 'enum', enum: BookingAction, enumName: 'booking_action' })
  action!: BookingAction;

  @Field({ description: 'Subject of the identity that made the change.' })
  @Column('text')
  actor!: string;

  @Field(() => DateTimeScalar)
  @Column('timestamptz')
  at!: Date;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'ends_at' })
  endsAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'previous_starts_at', nullable: true })
  previousStartsAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'previous_ends_at', nullable: true })
  previousEndsAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why ADMIN held the space despite its rules (capacity, opening hours, season), on the CREATED or RESCHEDULED entry of a hold made with an override; recorded whenever an override was given, even if no rule would have refused.',
  })
  @Column('text', { name: 'override_reason', nullable: true })
  overrideReason!: string | null;
}
