import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeScalar } from '@maison/kit';

export enum StudioBookingStatus {
  CONFIRMED = 'CONFIRMED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(StudioBookingStatus, { name: 'StudioBookingStatus', description: 'A confirmed booking holds the studio; a cancelled one no longer does.' });

/** A row of studio time; its title, studio and artist are resolved by StudioBookingResolver (studio-booking.access.ts). */
@ObjectType({ description: 'Studio time, half-open [startsAt, endsAt). Title and artist are shown only to the booker and ADMIN.' })
@Entity('studio_booking')
export class StudioBooking {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'studio_id' })
  studioId!: string;

  @Column('uuid', { name: 'artist_id', nullable: true })
  artistId!: string | null;

  @Column('text', { name: 'booked_by' })
  bookedBy!: string;

  @Column('text', { name: 'title' })
  titleText!: string;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'ends_at' })
  endsAt!: Date;

  @Field(() => StudioBookingStatus)
  @Column({ type: 'enum', enum: StudioBookingStatus, enumName: 'studio_booking_status' })
  status!: StudioBookingStatus;

  @Column('timestamptz', { name: 'cancelled_at', nullable: true })
  cancelledAt!: Date | null;
}
