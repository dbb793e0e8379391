import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { MembershipPlan } from './membership-plan.entity';

@Resolver(() => MembershipPlan)
export class MembershipResolver {
  @Query(() => [MembershipPlan], { description: 'The plans Espace KO sells, cheapest first.' })
  membershipPlans(@Ctx() ctx: Context): Promise<MembershipPlan[]> {
    return ctx.services.memberships.plans();
  }
}
