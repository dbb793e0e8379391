import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { todayInHouse } from '@maison/house';
import { money, Money, salesTaxes, SalesTaxes } from '@maison/kit';
import type { Context } from '../../context';
import { Member } from '../member/member.entity';
import { MembershipPlan } from './membership-plan.entity';
import { Membership } from './membership.entity';
import { daysLeftOf, membershipStatus, MembershipStatus } from './membership.status';

/**
 * The member and plan of a membership, and what its dates mean today. A membership is read only by
 * its member and ADMIN (membership.access.ts), who may see that member: it is loaded as it is.
 */
@Resolver(() => Membership)
export class MembershipFields {
  @FieldResolver(() => Member)
  member(@Root() membership: Membership, @Ctx() ctx: Context): Promise<Member | null> {
    return ctx.loaders.memberById.load(membership.memberId);
  }

  @FieldResolver(() => MembershipPlan)
  plan(@Root() membership: Membership, @Ctx() ctx: Context): Promise<MembershipPlan | null> {
    return ctx.loaders.planById.load(membership.planId);
  }

  @FieldResolver(() => MembershipStatus, { description: 'Derived from the dates in house time, unless cancelled.' })
  status(@Root() membership: Membership): MembershipStatus {
    return membershipStatus(membership, todayInHouse());
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Days left on a 10-day card; null for other plans.' })
  daysLeft(@Root() membership: Membership): number | null {
    return daysLeftOf(membership);
  }

  @FieldResolver(() => Money, {
    description: "What was paid, before taxes: the plan's price at purchase, frozen (a later change of the plan's price does not change it).",
  })
  price(@Root() membership: Membership, @Ctx() ctx: Context): Money {
    return money(membership.priceCents, ctx.lang);
  }

  @FieldResolver(() => SalesTaxes, {
    description: 'Quebec sales taxes on what was paid: GST (TPS) 5 % and QST (TVQ) 9.975 % of price, and the total with taxes.',
  })
  taxes(@Root() membership: Membership, @Ctx() ctx: Context): SalesTaxes {
    return salesTaxes(membership.priceCents, ctx.lang);
  }
}
