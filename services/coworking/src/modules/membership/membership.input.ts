import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';
import { LocalDateScalar, USER_ERRORS_SIZE, UserError } from '@maison/kit';
import { MembershipPlanCode } from './membership-plan.entity';
import { Membership } from './membership.entity';

@InputType({ description: 'A purchase of a plan. ADMIN: any plan for any member. A member: a day pass for themself.' })
export class JoinPlanInput {
  @Field(() => ID, { nullable: true, description: 'ADMIN: the member who buys. Others leave it out (it is their own member id).' })
  memberId?: string | null;

  @Field(() => MembershipPlanCode)
  planCode!: MembershipPlanCode;

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
