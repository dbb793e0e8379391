import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { assumedSize, DateTimeScalar, LocalDateScalar, USER_ERRORS_SIZE, UserError } from '@maison/kit';
import { BookingVisibility, HolderKind } from './booking.enums';
import { MAX_OCCURRENCES } from './series.service';
import { SpaceBooking } from './space-booking.entity';

@InputType({ description: 'A booking of a shared space, half-open [startsAt, endsAt).' })
export class BookSharedSpaceInput {
  @Field(() => ID)
  spaceId!: string;

  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  endsAt!: Date;

  @Field({ description: 'What it is for, 1 to 200 characters.' })
  title!: string;

  @Field(() => Int, { nullable: true })
  attendees?: number | null;

  @Field(() => String, { nullable: true, description: 'The same key from the same caller returns the same booking, once.' })
  idempotencyKey?: string | null;

  @Field(() => BookingVisibility, { nullable: true, description: 'PRIVATE by default.' })
  visibility?: BookingVisibility | null;

  @Field(() => HolderKind, { nullable: true, description: 'Which of your roles books (a tenant, a member, an artist); ADMIN may name any holder.' })
  holderKind?: HolderKind | null;

  @Field(() => ID, { nullable: true, description: 'ADMIN only: the holder booked for.' })
  holderId?: string | null;
}

@InputType({ description: 'A weekly series: the first occurrence, then every week at the same wall-clock time.' })
export class BookSharedSpaceSeriesInput {
  @Field(() => ID)
  spaceId!: string;

  @Field(() => DateTimeScalar, { description: 'Start of the first occurrence.' })
  startsAt!: Date;

  @Field(() => DateTimeScalar, { description: 'End of the first occurrence.' })
  endsAt!: Date;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last date an occurrence may fall on (inclusive). Give until or occurrences.' })
  until?: string | null;

  @Field(() => Int, { nullable: true, description: 'How many occurrences, 1 to 52. Give until or occurrences.' })
  occurrences?: number | null;

  @Field()
  title!: string;

  @Field(() => Int, { nullable: true })
  attendees?: number | null;

  @Field(() => BookingVisibility, { nullable: true })
  visibility?: BookingVisibility | null;

  @Field(() => HolderKind, { nullable: true })
  holderKind?: HolderKind | null;

  @Field(() => ID, { nullable: true })
  holderId?: string | null;
}

@InputType()
export class CloseSharedSpaceInput {
  @Field(() => ID)
  spaceId!: string;

  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  endsAt!: Date;

  @Field({ description: 'Why the space is closed (holiday, maintenance), shown as the title.' })
  reason!: string;
}

@ObjectType()
export class BookSharedSpacePayload {
  @Field(() => SpaceBooking, { nullable: true })
  booking!: SpaceBooking | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class CancelSpaceBookingPayload extends BookSharedSpacePayload {}

@ObjectType()
export class RescheduleSpaceBookingPayload extends BookSharedSpacePayload {}

@ObjectType({ description: 'One occurrence of a series: created, or skipped with why.' })
export class SeriesOccurrence {
  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  endsAt!: Date;

  @Field(() => SpaceBooking, { nullable: true })
  booking!: SpaceBooking | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError], { description: 'Empty when the occurrence was created.' })
  userErrors!: UserError[];
}

@ObjectType()
export class BookSharedSpaceSeriesPayload {
  @Field(() => ID, { nullable: true, description: 'Null when no occurrence could be created.' })
  seriesId!: string | null;

  @Directive(assumedSize(MAX_OCCURRENCES))
  @Field(() => [SeriesOccurrence])
  occurrences!: SeriesOccurrence[];

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError], { description: 'Errors of the series as a whole (bad input); per-occurrence ones are on each occurrence.' })
  userErrors!: UserError[];
}

@ObjectType()
export class CancelSpaceBookingSeriesPayload {
  @Directive(assumedSize(MAX_OCCURRENCES))
  @Field(() => [SpaceBooking])
  cancelled!: SpaceBooking[];

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}
