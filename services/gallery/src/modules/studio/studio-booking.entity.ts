import { Ctx, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { isAdmin, type Identity } from '@maison/auth';
import { DateTimeScalar } from '@maison/kit';
import type { Context } from '../../context';

export enum StudioBookingStatus {
  CONFIRMED = 'CONFIRMED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(StudioBookingStatus, { name: 'StudioBookingStatus', description: 'A confirmed booking holds the studio; a cancelled one no longer does.' });

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

  @Field(() => String, { nullable: true, description: 'Null for anyone but the booker and ADMIN.' })
  title(@Ctx() ctx: Context): string | null {
    return canSeeDetails(this, ctx.identity) ? this.titleText : null;
  }
}

/** The booker (by artist id, or by who signed the request) and ADMIN see the details, and may cancel. */
export function canSeeDetails(booking: Pick<StudioBooking, 'artistId' | 'bookedBy'>, identity: Identity): boolean {
  if (identity.sub === null) return false;
  if (isAdmin(identity)) return true;
  if (identity.artistId && booking.artistId === identity.artistId) return true;
  return booking.bookedBy === identity.sub;
}
