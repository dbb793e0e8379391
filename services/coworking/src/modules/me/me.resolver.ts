import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Member } from '../member/member.entity';
import { loadVisibleMember } from '../member/member.loader';
import { Me } from './me.entity';
import { MyCoworking } from './my-coworking';

@Resolver(() => Me)
export class MeResolver {
  @FieldResolver(() => Member, {
    nullable: true,
    description: 'The member of Espace KO the caller is (the memberId of the token), public or not; null when the token names none.',
  })
  member(@Root() me: Me, @Ctx() ctx: Context): Promise<Member | null> | null {
    return me.memberId ? loadVisibleMember(ctx.loaders, ctx.identity, me.memberId) : null;
  }

  @FieldResolver(() => MyCoworking, {
    nullable: true,
    description: 'Your life at Espace KO as the member of your token (also once deactivated); null when the token names no member, or one who does not exist.',
  })
  async myCoworking(@Root() me: Me, @Ctx() ctx: Context): Promise<MyCoworking | null> {
    const member = me.memberId ? await loadVisibleMember(ctx.loaders, ctx.identity, me.memberId) : null;
    return member && Object.assign(new MyCoworking(), { member });
  }
}
