import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';
import { LocalDateScalar, USER_ERRORS_SIZE, UserError } from '@maison/kit';
import { MembershipPlanCode } from './membership-plan.entity';
import { Membership } from './membership.entity';

@InputType({ description: 'A purchase of a plan on sale, at its current price. ADMIN: any plan for any member. A member: a day pass for themself.' })
export class JoinPlanInput {
  @Field(() => ID, { nullable: true, description: 'ADMIN: the member who buys. Others leave it out (it is their own member id).' })
  memberId?: string | null;

  @Field(() => MembershipPlanCode, {
    nullable: true,
    description: 'The standard plan of this kind (the one whose slug is the code in lower case with hyphens, e.g. day-pass). Give this or planId.',
  })
  planCode?: MembershipPlanCode | null;

  @Field(() => ID, { nullable: true, description: 'The plan bought, any plan on sale (see membershipPlans). Give this or planCode.' })
  planId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day, today (house time) when left out; a member may not choose a past day.' })
  startsOn?: string | null;
}

@ObjectType()
export class JoinPlanPayload {
  @Field(() => Membership, { nullable: true })
  membership!: Membership | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class CancelMembershipPayload {
  @Field(() => Membership, { nullable: true })
  membership!: Membership | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}
