import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assumedSize, money, Money, salesTaxes, SalesTaxes } from '@maison/kit';
import { adminOnly, errorsOf, refuse, signedIn, tr } from '@maison/house';
import type { Context } from '../../context';
import { actingMember } from '../../acting-member';
import { MembershipPlan } from './membership-plan.entity';
import { CancelMembershipPayload, JoinPlanInput, JoinPlanPayload } from './membership.input';

@Resolver(() => MembershipPlan)
export class MembershipResolver {
  // A handful of plans: the four standard ones and a few ADMIN adds.
  @Directive(assumedSize(8))
  @Query(() => [MembershipPlan], { description: 'The plans Espace KO sells (those on sale), cheapest first; prices before taxes.' })
  membershipPlans(
    @Ctx() ctx: Context,
    @Arg('includeOffSale', () => Boolean, { defaultValue: false, description: 'ADMIN: true lists the plans off sale too (FORBIDDEN for others).' })
    includeOffSale: boolean,
  ): Promise<MembershipPlan[]> {
    if (includeOffSale) adminOnly(ctx);
    return ctx.services.plans.list(includeOffSale);
  }

  @FieldResolver(() => String)
  name(@Root() plan: MembershipPlan, @Ctx() ctx: Context): string {
    return tr(plan.nameTexts, ctx.lang);
  }

  @FieldResolver(() => String, { nullable: true })
  description(@Root() plan: MembershipPlan, @Ctx() ctx: Context): string | null {
    return tr(plan.descriptionTexts, ctx.lang);
  }

  @FieldResolver(() => Money, { description: 'Price before taxes (prices exclude GST and QST: see taxes).' })
  price(@Root() plan: MembershipPlan, @Ctx() ctx: Context): Money {
    return money(plan.priceCents, ctx.lang, plan.currency);
  }

  @FieldResolver(() => SalesTaxes, { description: 'Quebec sales taxes on the price: GST (TPS) 5 % and QST (TVQ) 9.975 %, and the total with taxes.' })
  taxes(@Root() plan: MembershipPlan, @Ctx() ctx: Context): SalesTaxes {
    return salesTaxes(plan.priceCents, ctx.lang, plan.currency);
  }

  @Mutation(() => JoinPlanPayload, {
    description:
      'Buys a plan on sale at its current price (the membership keeps it): ADMIN any plan for any member; a member a day pass for themself (NOT_ELIGIBLE otherwise). UNKNOWN_HOLDER for a member who does not exist, PLAN_OFF_SALE for a plan off sale.',
  })
  async joinPlan(@Ctx() ctx: Context, @Arg('input', () => JoinPlanInput) input: JoinPlanInput): Promise<JoinPlanPayload> {
    const identity = signedIn(ctx);
    const acting = await actingMember(ctx, input.memberId, ['input', 'memberId']);
    const outcome = acting.value
      ? await ctx.services.memberships.join(identity, { memberId: acting.value, planCode: input.planCode, planId: input.planId, startsOn: input.startsOn })
      : refuse(...acting.errors);
    return Object.assign(new JoinPlanPayload(), { membership: outcome.value, userErrors: errorsOf(outcome.errors, ctx.lang) });
  }

  @Mutation(() => CancelMembershipPayload, { description: 'ADMIN: cancels a membership, whatever its dates.' })
  async cancelMembership(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<CancelMembershipPayload> {
    adminOnly(ctx);
    const outcome = await ctx.services.memberships.cancel(id);
    return Object.assign(new CancelMembershipPayload(), { membership: outcome.value, userErrors: errorsOf(outcome.errors, ctx.lang) });
  }
}
