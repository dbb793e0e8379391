import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { SharedSpace } from './shared-space.entity';

@Resolver(() => SharedSpace)
export class SpaceResolver {
  @Query(() => [SharedSpace], { description: 'The shared spaces of the house.' })
  sharedSpaces(@Ctx() ctx: Context): Promise<SharedSpace[]> {
    return ctx.services.spaces.list();
  }

  @Query(() => SharedSpace, { nullable: true, description: 'One shared space by its slug: "cuisine" or "terrasse".' })
  sharedSpace(@Ctx() ctx: Context, @Arg('slug') slug: string): Promise<SharedSpace | null> {
    return ctx.services.spaces.bySlug(slug);
  }
}
