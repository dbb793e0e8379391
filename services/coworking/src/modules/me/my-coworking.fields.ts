import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { assumedSize, pageSize } from '@maison/kit';
import { todayInHouse } from '@maison/house';
import type { Context } from '../../context';
import { Membership } from '../membership/membership.entity';
import { daysLeftOf, inForce } from '../membership/membership.status';
import { CheckIn } from '../presence/check-in.entity';
import { recentCheckIns } from '../presence/presence.service';
import { EventRegistration } from '../registration/registration.entity';
import { upcomingRegistrationsOf } from '../registration/registration.service';
import { MyCoworking } from './my-coworking';

/** checkIns(first): the latest visits, `first` of them (1 to 100, 20 by default). */
const CHECK_INS_SIZE = '@listSize(assumedSize: 20, slicingArguments: ["first"], requireOneSlicingArgument: false)';

@Resolver(() => MyCoworking)
export class MyCoworkingFields {
  // A year of monthly memberships.
  @Directive(assumedSize(12))
  @FieldResolver(() => [Membership], { description: 'Every membership of yours, latest first.' })
  memberships(@Root() mine: MyCoworking, @Ctx() ctx: Context): Promise<Membership[]> {
    return ctx.loaders.membershipsByMember.load(mine.member.id);
  }

  @FieldResolver(() => Membership, { nullable: true, description: 'The membership in force today (house time); null when none, or once deactivated.' })
  async currentMembership(@Root() mine: MyCoworking, @Ctx() ctx: Context): Promise<Membership | null> {
    if (mine.member.deactivatedSince) return null;
    return inForce(await this.memberships(mine, ctx), todayInHouse());
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Days left on the 10-day card in force; null without one.' })
  async cardDaysLeft(@Root() mine: MyCoworking, @Ctx() ctx: Context): Promise<number | null> {
    const current = await this.currentMembership(mine, ctx);
    return current ? daysLeftOf(current) : null;
  }

  @Directive(CHECK_INS_SIZE)
  @FieldResolver(() => [CheckIn], { description: 'Your latest visits, latest first: `first` of them, 1 to 100 (default 20).' })
  checkIns(@Root() mine: MyCoworking, @Ctx() ctx: Context, @Arg('first', () => Int, { nullable: true }) first?: number | null): Promise<CheckIn[]> {
    return recentCheckIns(ctx.ds, mine.member.id, pageSize(first, ctx.lang));
  }

  // At most the events of the coming months a member registers for.
  @Directive(assumedSize(20))
  @FieldResolver(() => [EventRegistration], { description: 'Your registrations (confirmed or waitlisted) to events not started nor cancelled, by start.' })
  upcomingRegistrations(@Root() mine: MyCoworking, @Ctx() ctx: Context): Promise<EventRegistration[]> {
    return upcomingRegistrationsOf(ctx.ds, mine.member.id);
  }
}
