import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { assumedSize } from '@maison/kit';
import type { Context } from '../../context';
import { SharedSpace } from './shared-space.entity';

@Resolver(() => SharedSpace)
export class SpaceResolver {
  // The kitchen and the terrace, with room for two more.
  @Directive(assumedSize(4))
  @Query(() => [SharedSpace], { description: 'The shared spaces of the house.' })
  sharedSpaces(@Ctx() ctx: Context): Promise<SharedSpace[]> {
    return ctx.services.spaces.list();
  }

  @Query(() => SharedSpace, { nullable: true, description: 'One shared space by its slug: "cuisine" or "terrasse".' })
  sharedSpace(@Ctx() ctx: Context, @Arg('slug') slug: string): Promise<SharedSpace | null> {
    return ctx.services.spaces.bySlug(slug);
  }
}
