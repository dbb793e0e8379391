import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { USER_ERRORS_SIZE, UserError } from '@maison/kit';
import { CheckIn } from './check-in.entity';

@ObjectType({ description: 'Who is at Espace KO now, out of its capacity.' })
export class CoworkingOccupancy {
  @Field(() => Int, { description: 'Members checked in today and not yet checked out.' })
  present!: number;

  @Field(() => Int, { description: 'Seats of Espace KO.' })
  capacity!: number;
}

@ObjectType()
export class CheckInPayload {
  @Field(() => CheckIn, { nullable: true })
  checkIn!: CheckIn | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class CheckOutPayload {
  @Field(() => CheckIn, { nullable: true })
  checkIn!: CheckIn | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class SetCoworkingCapacityPayload {
  @Field(() => CoworkingOccupancy, { nullable: true })
  occupancy!: CoworkingOccupancy | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}
