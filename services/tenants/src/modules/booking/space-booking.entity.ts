import { Ctx, Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Identity } from '@maison/auth';
import { assumedSize, DateTimeScalar } from '@maison/kit';
import type { Context } from '../../context';
import { SharedSpace } from '../space/shared-space.entity';
import { isHolderOrAdmin } from './booking.holder';
import { BookingKind, BookingStatus, BookingVisibility, HolderKind } from './booking.enums';
import { BookingHistoryEntry } from './booking-history.entity';

export { BookingKind, BookingStatus, BookingVisibility, HolderKind };

@ObjectType({ description: 'Who holds a booking. Hidden from others on private bookings.' })
export class BookingHolder {
  @Field(() => HolderKind)
  kind!: HolderKind;

  @Field(() => ID, { nullable: true })
  id!: string | null;

  @Field()
  name!: string;
}

/** The holder and ADMIN see everything; others see a private booking only as an occupied slot. */
export function canSeeDetails(booking: SpaceBooking, identity: Identity): boolean {
  return booking.visibility === BookingVisibility.PUBLIC || isHolderOrAdmin(booking, identity);
}

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

  @Field(() => SharedSpace, { nullable: true })
  space(@Ctx() ctx: Context): Promise<SharedSpace | null> {
    return ctx.loaders.spaceById.load(this.spaceId);
  }

  @Field(() => String, { nullable: true, description: 'Null on a private booking for anyone but its holder and ADMIN.' })
  title(@Ctx() ctx: Context): string | null {
    return canSeeDetails(this, ctx.identity) ? this.titleText : null;
  }

  @Field(() => BookingHolder, { nullable: true, description: 'Null on a private booking for anyone but its holder and ADMIN.' })
  holder(@Ctx() ctx: Context): BookingHolder | null {
    if (!canSeeDetails(this, ctx.identity)) return null;
    return Object.assign(new BookingHolder(), { kind: this.holderKind, id: this.holderId, name: this.holderName });
  }

  // Created, moved a few times, perhaps cancelled.
  @Directive(assumedSize(5))
  @Field(() => [BookingHistoryEntry], { nullable: true, description: 'Who created, moved and cancelled it, and when. Holder and ADMIN only.' })
  history(@Ctx() ctx: Context): Promise<BookingHistoryEntry[]> | null {
    return isHolderOrAdmin(this, ctx.identity) ? ctx.loaders.historyByBooking.load(this.id) : null;
  }

  @Field(() => Int, { nullable: true })
  attendeeCount(@Ctx() ctx: Context): number | null {
    return canSeeDetails(this, ctx.identity) ? this.attendees : null;
  }
}
