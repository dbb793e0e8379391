import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { assumedSize, DateTimeScalar } from '@maison/kit';
import { checkQueryWindow } from '@maison/house';
import type { Context } from '../../context';
import { Artwork } from '../artwork/artwork.entity';
import { listedFor } from '../artwork/artwork.loader';
import { Exhibition } from '../exhibition/exhibition.entity';
import { SharedSpace } from './shared-space.entity';

/** What the gallery adds to the shared spaces the tenants subgraph owns. */
@Resolver(() => SharedSpace)
export class SharedSpaceResolver {
  // The walls of one room.
  @Directive(assumedSize(10))
  @FieldResolver(() => [Artwork], {
    nullable: true,
    description: 'Artworks of Le Vivoir hanging in this space (those of a non-public artist to them and ADMIN only).',
  })
  async artworksOnDisplay(@Root() space: SharedSpace, @Ctx() ctx: Context): Promise<Artwork[]> {
    return listedFor(ctx, await ctx.loaders.artworksBySpace.load(space.id.toLowerCase()));
  }

  // A few vernissages a year in one space.
  @Directive(assumedSize(10))
  @FieldResolver(() => [Exhibition], {
    nullable: true,
    description: 'Exhibitions whose vernissage takes place in this space, overlapping [from, to) when given, by start.',
  })
  vernissages(
    @Root() space: SharedSpace,
    @Ctx() ctx: Context,
    @Arg('from', () => DateTimeScalar, { nullable: true }) from?: Date | null,
    @Arg('to', () => DateTimeScalar, { nullable: true }) to?: Date | null,
  ): Promise<Exhibition[]> {
    checkQueryWindow(from, to, ctx.lang);
    return ctx.loaders.vernissagesBySpace.load({ spaceId: space.id, from: from ?? null, to: to ?? null });
  }
}
