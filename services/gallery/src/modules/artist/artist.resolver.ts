import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { assumedSize, CONNECTION_SIZE, PageArgs, type ConnectionShape } from '@maison/kit';
import type { Context } from '../../context';
import { Artwork } from '../artwork/artwork.entity';
import { Artist, ArtistConnection } from './artist.entity';

@Resolver(() => Artist)
export class ArtistResolver {
  @Directive(CONNECTION_SIZE)
  @Query(() => ArtistConnection, { description: 'The artists of Le Vivoir, by slug.' })
  async artists(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs): Promise<ConnectionShape<Artist>> {
    return ArtistConnection.from(await ctx.services.artists.list(page, ctx.lang));
  }

  @Query(() => Artist, { nullable: true, description: 'One artist, by id or by slug: give exactly one.' })
  artist(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('slug', () => String, { nullable: true }) slug?: string | null,
  ): Promise<Artist | null> {
    return ctx.services.artists.find(ctx.loaders, id, slug, ctx.lang);
  }

  // An artist's works in the gallery's catalogue: three today, twenty for the most prolific.
  @Directive(assumedSize(20))
  @FieldResolver(() => [Artwork], { description: 'Works by the artist, newest first.' })
  artworks(@Root() artist: Artist, @Ctx() ctx: Context): Promise<Artwork[]> {
    return ctx.loaders.artworksByArtist.load(artist.id);
  }
}
