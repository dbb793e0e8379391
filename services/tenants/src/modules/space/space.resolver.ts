import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Directive, Info, Query, Resolver } from 'type-graphql';
import { assumedSize, subfieldArguments } from '@maison/kit';
import type { Context } from '../../context';
import { availabilityRangeOf } from '../booking/booking.service';
import { SharedSpace } from './shared-space.entity';
import { spacePageBySlug } from './space-page.loader';

@Resolver(() => SharedSpace)
export class SpaceResolver {
  // The kitchen and the terrace, with room for two more.
  @Directive(assumedSize(4))
  @Query(() => [SharedSpace], { description: 'The shared spaces of the house.' })
  sharedSpaces(@Ctx() ctx: Context): Promise<SharedSpace[]> {
    return ctx.services.spaces.list();
  }

  @Query(() => SharedSpace, { nullable: true, description: 'One shared space by its slug: "cuisine" or "terrasse".' })
  sharedSpace(@Ctx() ctx: Context, @Arg('slug') slug: string, @Info() info?: GraphQLResolveInfo): Promise<SharedSpace | null> {
    // Look-ahead: the live bookings (and the tenant) each availability asked will read come in the same statement.
    const dates = info ? subfieldArguments(info, 'availability').map((a) => a.date as string) : [];
    return spacePageBySlug(ctx.ds, ctx.loaders, ctx.identity, slug, [...new Set(dates)].map(availabilityRangeOf));
  }
}
