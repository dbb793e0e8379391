import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeScalar, LocalDateScalar, USER_ERRORS_SIZE, UserError } from '@maison/kit';
import { StudioAssignment } from './studio-assignment.entity';
import { StudioBooking } from './studio-booking.entity';

@InputType({ description: 'An artist working in a studio from startsOn to endsOn (both included; open-ended without endsOn).' })
export class AssignStudioInput {
  @Field(() => ID)
  studioId!: string;

  @Field(() => ID)
  artistId!: string;

  @Field(() => LocalDateScalar)
  startsOn!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  endsOn?: string | null;
}

@InputType({ description: 'Studio time, half-open [startsAt, endsAt), 30 minutes to 12 hours.' })
export class BookStudioInput {
  @Field(() => ID)
  studioId!: string;

  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  endsAt!: Date;

  @Field({ description: 'What it is for, 1 to 200 characters; shown only to the booker and ADMIN.' })
  title!: string;
}

@ObjectType()
export class StudioAssignmentPayload {
  @Field(() => StudioAssignment, { nullable: true })
  assignment!: StudioAssignment | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class StudioBookingPayload {
  @Field(() => StudioBooking, { nullable: true })
  booking!: StudioBooking | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}
