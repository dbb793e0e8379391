import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assumedSize } from '@maison/kit';
import { isAdmin } from '@maison/auth';
import { adminOnly, errorsOf, refuse } from '@maison/house';
import type { Context } from '../../context';
import { actingMember, unknownTokenMember } from '../../acting-member';
import { Member } from '../member/member.entity';
import { CheckInPayload, CheckOutPayload, CoworkingOccupancy, SetCoworkingCapacityPayload } from './presence.input';
import type { Occupancy } from './presence.service';

const occupancyOf = (o: Occupancy) => Object.assign(new CoworkingOccupancy(), o);

@Resolver(() => CoworkingOccupancy)
export class PresenceResolver {
  @Query(() => CoworkingOccupancy, { description: 'Who is at Espace KO now, out of its capacity; names only for members and ADMIN.' })
  async coworkingOccupancy(@Ctx() ctx: Context): Promise<CoworkingOccupancy> {
    return occupancyOf(await ctx.services.presence.occupancy());
  }

  // The seats of Espace KO (24 unless ADMIN changes them).
  @Directive(assumedSize(24))
  @FieldResolver(() => [Member], {
    nullable: true,
    description:
      'The members present, by arrival: for members and ADMIN only (null for others, and for a token naming no member); a non-public member is listed only to themself and ADMIN.',
  })
  async members(@Root() _occupancy: CoworkingOccupancy, @Ctx() ctx: Context): Promise<Member[] | null> {
    // A token whose member does not exist is nobody's: it reads what a non-member reads.
    if (!isAdmin(ctx.identity) && (await unknownTokenMember(ctx))) return null;
    return ctx.services.presence.presentMembers(ctx.identity);
  }

  @Mutation(() => CheckInPayload, {
    description:
      'Checks a member in: yourself, or for ADMIN the member named. Uses a day of a 10-day card once per day; a part-time plan lets its member in on its allowedWeekdays only (house time). UNKNOWN_HOLDER, MEMBERSHIP_REQUIRED, NOT_A_PLAN_DAY, SPACE_FULL or ALREADY_CHECKED_IN otherwise.',
  })
  async checkIn(@Ctx() ctx: Context, @Arg('memberId', () => ID, { nullable: true }) memberId?: string | null): Promise<CheckInPayload> {
    const acting = await actingMember(ctx, memberId, ['memberId']);
    const outcome = acting.value ? await ctx.services.presence.checkIn(acting.value) : refuse(...acting.errors);
    return Object.assign(new CheckInPayload(), { checkIn: outcome.value, userErrors: errorsOf(outcome.errors, ctx.lang) });
  }

  @Mutation(() => CheckOutPayload, {
    description:
      'Checks a member out: yourself, or for ADMIN the member named; UNKNOWN_HOLDER for a member who does not exist, NOT_CHECKED_IN when not present.',
  })
  async checkOut(@Ctx() ctx: Context, @Arg('memberId', () => ID, { nullable: true }) memberId?: string | null): Promise<CheckOutPayload> {
    const acting = await actingMember(ctx, memberId, ['memberId']);
    const outcome = acting.value ? await ctx.services.presence.checkOut(acting.value) : refuse(...acting.errors);
    return Object.assign(new CheckOutPayload(), { checkIn: outcome.value, userErrors: errorsOf(outcome.errors, ctx.lang) });
  }

  @Mutation(() => SetCoworkingCapacityPayload, { description: 'ADMIN: the number of seats of Espace KO (1 to 500).' })
  async setCoworkingCapacity(@Ctx() ctx: Context, @Arg('capacity', () => Int) capacity: number): Promise<SetCoworkingCapacityPayload> {
    adminOnly(ctx);
    const outcome = await ctx.services.presence.setCapacity(capacity);
    return Object.assign(new SetCoworkingCapacityPayload(), {
      occupancy: outcome.value && occupancyOf(outcome.value),
      userErrors: errorsOf(outcome.errors, ctx.lang),
    });
  }
}
