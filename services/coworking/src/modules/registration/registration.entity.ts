import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeScalar } from '@maison/kit';

export enum EventRegistrationStatus {
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(EventRegistrationStatus, {
  name: 'EventRegistrationStatus',
  description: 'A seat, a place in line, or given up.',
  valuesConfig: {
    CONFIRMED: { description: 'A seat is yours.' },
    WAITLISTED: { description: 'Every seat is taken: you are in line, and get the first seat given up, in order of arrival.' },
    CANCELLED: { description: 'You gave up your seat or your place in line.' },
  },
});

@ObjectType({ description: 'Your registration to an event of Espace KO.' })
@Entity('event_registration')
export class EventRegistration {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  /** Arrival order (an identity column): the waitlist is served in this order. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  @Column('uuid', { name: 'event_id' })
  eventId!: string;

  /** The sub of the caller who registered. */
  @Column('text')
  registrant!: string;

  @Column('uuid', { name: 'member_id', nullable: true })
  memberId!: string | null;

  @Field(() => EventRegistrationStatus)
  @Column({ type: 'enum', enum: EventRegistrationStatus, enumName: 'event_registration_status' })
  status!: EventRegistrationStatus;

  @Field(() => DateTimeScalar, { description: 'When you registered: the line is served in this order.' })
  @Column('timestamptz', { name: 'created_at' })
  registeredAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When you got your seat: at once, or when someone gave theirs up.' })
  @Column('timestamptz', { name: 'confirmed_at', nullable: true })
  confirmedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'cancelled_at', nullable: true })
  cancelledAt!: Date | null;

  /** Computed when read: the place in line, 1 = next. */
  @Field(() => Int, { nullable: true, description: 'Your place on the waitlist, 1 being next; null unless WAITLISTED.' })
  position!: number | null;
}
