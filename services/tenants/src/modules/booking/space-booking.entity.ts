import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeScalar } from '@maison/kit';
import { BookingKind, BookingStatus, BookingVisibility, HolderKind } from './booking.enums';

export { BookingKind, BookingStatus, BookingVisibility, HolderKind };

/** A row of the ledger. Its space, title, holder, history and attendees are resolved by SpaceBookingFieldResolver. */
@ObjectType({ description: 'A booking of a shared space, half-open [startsAt, endsAt).' })
@Directive('@key(fields: "id")')
@Entity('space_booking')
export class SpaceBooking {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'space_id' })
  spaceId!: string;

  @Column({ type: 'enum', enum: HolderKind, enumName: 'holder_kind', name: 'holder_kind' })
  holderKind!: HolderKind;

  @Column('uuid', { name: 'holder_id', nullable: true })
  holderId!: string | null;

  @Column('text', { name: 'holder_name' })
  holderName!: string;

  @Column('text', { name: 'created_by' })
  createdBy!: string;

  @Column('text', { name: 'title' })
  titleText!: string;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'ends_at' })
  endsAt!: Date;

  @Field(() => DateTimeScalar, { description: 'End of the cleaning buffer: nobody else may start before it.' })
  @Column('timestamptz', { name: 'occupied_until' })
  occupiedUntil!: Date;

  @Column('integer', { nullable: true })
  attendees!: number | null;

  @Field(() => BookingStatus)
  @Column({ type: 'enum', enum: BookingStatus, enumName: 'booking_status' })
  status!: BookingStatus;

  @Field(() => BookingVisibility)
  @Column({ type: 'enum', enum: BookingVisibility, enumName: 'booking_visibility' })
  visibility!: BookingVisibility;

  @Field(() => BookingKind)
  @Column({ type: 'enum', enum: BookingKind, enumName: 'booking_kind' })
  kind!: BookingKind;

  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey!: string | null;

  @Column('text', { name: 'request_fingerprint', nullable: true })
  requestFingerprint!: string | null;

  @Column('text', { name: 'hold_reference', nullable: true })
  holdReference!: string | null;

  @Field(() => ID, { nullable: true, description: 'The weekly series this booking belongs to, if any.' })
  @Column('uuid', { name: 'series_id', nullable: true })
  seriesId!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'cancelled_at', nullable: true })
  cancelledAt!: Date | null;
}
