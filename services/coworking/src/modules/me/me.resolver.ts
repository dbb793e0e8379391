import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Member } from '../member/member.entity';
import { loadVisibleMember } from '../member/member.loader';
import { Me } from './me.entity';

@Resolver(() => Me)
export class MeResolver {
  @FieldResolver(() => Member, {
    nullable: true,
    description: 'The member of Espace KO the caller is (the memberId of the token), public or not; null when the token names none.',
  })
  member(@Root() me: Me, @Ctx() ctx: Context): Promise<Member | null> | null {
    return me.memberId ? loadVisibleMember(ctx.loaders, ctx.identity, me.memberId) : null;
  }
}
