import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Member } from '../member/member.entity';
import { Membership } from '../membership/membership.entity';
import { CheckIn } from './check-in.entity';

/**
 * The member and membership of a check-in. A check-in is answered only to the member it is for
 * and ADMIN (see actingMember), who may see both: they are loaded as they are.
 */
@Resolver(() => CheckIn)
export class CheckInFields {
  @FieldResolver(() => Member)
  member(@Root() checkIn: CheckIn, @Ctx() ctx: Context): Promise<Member | null> {
    return ctx.loaders.memberById.load(checkIn.memberId);
  }

  @FieldResolver(() => Membership, { description: 'The membership that let the member in.' })
  membership(@Root() checkIn: CheckIn, @Ctx() ctx: Context): Promise<Membership | null> {
    return ctx.loaders.membershipById.load(checkIn.membershipId);
  }
}
