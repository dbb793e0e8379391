import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { assumedSize } from '@maison/kit';
import { todayInHouse } from '@maison/house';
import type { Context } from '../../context';
import { Member } from '../member/member.entity';
import { canSeeMembershipsOf } from './membership.access';
import { Membership } from './membership.entity';
import { inForce } from './membership.status';

/** What the membership module adds to a member: their memberships, for themself and ADMIN (membership.access.ts). */
@Resolver(() => Member)
export class MemberMembershipFields {
  // A year of monthly memberships.
  @Directive(assumedSize(12))
  @FieldResolver(() => [Membership], { nullable: true, description: 'Every membership, latest first. Null for anyone but the member and ADMIN.' })
  async memberships(@Root() member: Member, @Ctx() ctx: Context): Promise<Membership[] | null> {
    if (!canSeeMembershipsOf(member.id, ctx.identity)) return null;
    // One statement for the memberships of every member of the request.
    return ctx.loaders.membershipsByMember.load(member.id.toLowerCase());
  }

  @FieldResolver(() => Membership, {
    nullable: true,
    description: 'The membership in force today (house time), if any; none for a deactivated member. Null for anyone but the member and ADMIN.',
  })
  async currentMembership(@Root() member: Member, @Ctx() ctx: Context): Promise<Membership | null> {
    // A deactivated member has no membership in force: the tenants ledger (membership.checker.ts) reads this to refuse their bookings.
    if (member.deactivatedSince) return null;
    const all = await this.memberships(member, ctx);
    return all && inForce(all, todayInHouse());
  }
}
