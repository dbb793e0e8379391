import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { assumedSize, CONNECTION_SIZE, PageArgs, type ConnectionShape } from '@maison/kit';
import { tr } from '@maison/house';
import type { Context } from '../../context';
import { lookupOf } from '../common/lookup';
import { Artwork } from '../artwork/artwork.entity';
import { Artist, ArtistConnection } from './artist.entity';
import { canSeeArtist } from './artist.access';

@Resolver(() => Artist)
export class ArtistResolver {
  @Directive(CONNECTION_SIZE)
  @Query(() => ArtistConnection, { description: 'The artists of Le Vivoir, by slug (a non-public artist only to themself and ADMIN).' })
  async artists(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs): Promise<ConnectionShape<Artist>> {
    return ArtistConnection.from(await ctx.services.artists.list(page, ctx.lang, ctx.identity));
  }

  @Query(() => Artist, {
    nullable: true,
    description: 'One artist, by id or by slug: give exactly one. Null for a non-public artist but to themself and ADMIN.',
  })
  async artist(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('slug', () => String, { nullable: true }) slug?: string | null,
  ): Promise<Artist | null> {
    const lookup = lookupOf(id, slug, ctx.lang);
    const artist = lookup.by === 'id' ? await ctx.loaders.artistById.load(lookup.id) : await ctx.services.artists.bySlug(lookup.slug);
    return artist && canSeeArtist(artist, ctx.identity) ? artist : null;
  }

  @FieldResolver(() => String, { nullable: true })
  bio(@Root() artist: Artist, @Ctx() ctx: Context): string | null {
    return tr(artist.bioTexts, ctx.lang);
  }

  @FieldResolver(() => [String], { description: 'What the artist practises, e.g. "Sculpture sur bois" / "Wood carving".' })
  disciplines(@Root() artist: Artist, @Ctx() ctx: Context): string[] {
    return artist.disciplineTexts.map((d) => tr(d, ctx.lang));
  }

  // An artist's works in the gallery's catalogue: three today, twenty for the most prolific.
  @Directive(assumedSize(20))
  @FieldResolver(() => [Artwork], { description: 'Works by the artist in the catalogue (retired ones left out), newest first.' })
  async artworks(@Root() artist: Artist, @Ctx() ctx: Context): Promise<Artwork[]> {
    return canSeeArtist(artist, ctx.identity) ? ctx.loaders.artworksByArtist.load(artist.id) : [];
  }
}
