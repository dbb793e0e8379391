import { Arg, Args, Ctx, Directive, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { CONNECTION_SIZE, PageArgs, type ConnectionShape } from '@maison/kit';
import { adminOnly, errorsOf } from '@maison/house';
import type { Context } from '../../context';
import { Artwork, ArtworkAvailability, ArtworkConnection } from './artwork.entity';
import { MarkArtworkSoldPayload } from './artwork.input';
import { loadVisibleArtwork } from './artwork.loader';

@Resolver(() => Artwork)
export class ArtworkResolver {
  @Directive(CONNECTION_SIZE)
  @Query(() => ArtworkConnection, { description: 'Artworks, newest first, narrowed by every filter given.' })
  async artworks(
    @Ctx() ctx: Context,
    @Arg('artistId', () => ID, { nullable: true }) artistId: string | null | undefined,
    @Arg('availability', () => ArtworkAvailability, { nullable: true }) availability: ArtworkAvailability | null | undefined,
    @Arg('forSale', () => Boolean, { nullable: true, description: 'true: works one can buy (AVAILABLE, with a price or on request); false: the others.' })
    forSale: boolean | null | undefined,
    @Arg('displayedIn', () => ID, { nullable: true, description: 'A shared space id: the works hanging there.' }) displayedIn: string | null | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('search', () => String, {
      nullable: true,
      description: 'Words of the title, the medium (either language) or the artist’s name, accents and case ignored: 2 to 100 characters.',
    })
    search?: string | null,
  ): Promise<ConnectionShape<Artwork>> {
    return ArtworkConnection.from(await ctx.services.artworks.list({ artistId, availability, forSale, displayedIn, search }, page, ctx.lang, ctx.identity));
  }

  @Mutation(() => MarkArtworkSoldPayload, {
    description: 'ADMIN: marks an AVAILABLE work sold, at priceCents when given (kept private), else at its listed price. NOT_AVAILABLE otherwise.',
  })
  async markArtworkSold(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('priceCents', () => Int, { nullable: true }) priceCents?: number | null,
  ): Promise<MarkArtworkSoldPayload> {
    adminOnly(ctx);
    const outcome = await ctx.services.artworks.markSold(id, priceCents);
    return Object.assign(new MarkArtworkSoldPayload(), { artwork: outcome.artwork, userErrors: errorsOf(outcome.errors, ctx.lang) });
  }

  @Query(() => Artwork, { nullable: true, description: 'One work by id; null when retired or by a non-public artist, but to its artist and ADMIN.' })
  artwork(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Artwork | null> {
    return loadVisibleArtwork(ctx, id);
  }
}
