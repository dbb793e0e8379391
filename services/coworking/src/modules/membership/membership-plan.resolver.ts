import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { adminOnly, errorsOf } from '@maison/house';
import type { Context } from '../../context';
import { MembershipPlan } from './membership-plan.entity';
import { CreateMembershipPlanInput, MembershipPlanPayload, UpdateMembershipPlanInput } from './membership-plan.input';

const payload = (outcome: { value: MembershipPlan | null; errors: Parameters<typeof errorsOf>[0] }, ctx: Context) =>
  Object.assign(new MembershipPlanPayload(), { plan: outcome.value, userErrors: errorsOf(outcome.errors, ctx.lang) });

/** ADMIN's mutations of the plans (the plans' fields are in membership.resolver.ts). */
@Resolver(() => MembershipPlan)
export class MembershipPlanAdminResolver {
  @Mutation(() => MembershipPlanPayload, {
    description:
      'ADMIN: a new plan, on sale at once; its price is before taxes. SLUG_TAKEN when another plan has the slug, INVALID_INPUT for a rule of its kind.',
  })
  async createMembershipPlan(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateMembershipPlanInput) input: CreateMembershipPlanInput,
  ): Promise<MembershipPlanPayload> {
    adminOnly(ctx);
    return payload(await ctx.services.plans.create(input), ctx);
  }

  @Mutation(() => MembershipPlanPayload, {
    description: 'ADMIN: changes a plan (its slug and kind stay). A new price applies to new memberships only; onSale false takes it off sale.',
  })
  async updateMembershipPlan(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateMembershipPlanInput) input: UpdateMembershipPlanInput,
  ): Promise<MembershipPlanPayload> {
    adminOnly(ctx);
    return payload(await ctx.services.plans.update(id, input), ctx);
  }
}
