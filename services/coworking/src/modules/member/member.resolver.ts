import { Arg, Args, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { CONNECTION_SIZE, PageArgs } from '@maison/kit';
import type { Context } from '../../context';
import { Member, MemberConnection } from './member.entity';
import { loadVisibleMember } from './member.loader';

@Resolver(() => Member)
export class MemberResolver {
  @Directive(CONNECTION_SIZE)
  @Query(() => MemberConnection, { description: 'Members by name: the public ones for everyone (plus yourself), all for ADMIN.' })
  async members(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs): Promise<InstanceType<typeof MemberConnection>> {
    return MemberConnection.from(await ctx.services.members.list(ctx.identity, page, ctx.lang));
  }

  @Query(() => Member, { nullable: true, description: 'Null when the member does not exist or is not visible to you.' })
  member(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Member | null> {
    return loadVisibleMember(ctx.loaders, ctx.identity, id);
  }
}
