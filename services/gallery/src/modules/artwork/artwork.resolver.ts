import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type ConnectionShape } from '@maison/kit';
import type { Context } from '../../context';
import { Artist } from '../artist/artist.entity';
import { SharedSpace, sharedSpaceRef } from '../space/shared-space.entity';
import { Artwork, ArtworkAvailability, ArtworkConnection } from './artwork.entity';

@Resolver(() => Artwork)
export class ArtworkResolver {
  @Query(() => ArtworkConnection, { description: 'Artworks, newest first; optionally of one artist and one availability.' })
  async artworks(
    @Ctx() ctx: Context,
    @Arg('artistId', () => ID, { nullable: true }) artistId: string | null | undefined,
    @Arg('availability', () => ArtworkAvailability, { nullable: true }) availability: ArtworkAvailability | null | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ConnectionShape<Artwork>> {
    return ArtworkConnection.from(await ctx.services.artworks.list({ artistId, availability }, page, ctx.lang));
  }

  @Query(() => Artwork, { nullable: true })
  artwork(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Artwork | null> {
    return ctx.loaders.artworkById.load(id.toLowerCase());
  }

  @FieldResolver(() => Artist)
  async artist(@Root() artwork: Artwork, @Ctx() ctx: Context): Promise<Artist> {
    // artwork.artist_id is a foreign key: the artist exists.
    return (await ctx.loaders.artistById.load(artwork.artistId))!;
  }

  @FieldResolver(() => SharedSpace, { nullable: true, description: 'The shared space of the house where the work hangs, if any.' })
  displayedIn(@Root() artwork: Artwork): SharedSpace | null {
    return artwork.displayedInSpaceId === null ? null : sharedSpaceRef(artwork.displayedInSpaceId);
  }
}
