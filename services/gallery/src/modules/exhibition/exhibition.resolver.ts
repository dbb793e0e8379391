import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type ConnectionShape } from '@maison/kit';
import type { Context } from '../../context';
import { Artist } from '../artist/artist.entity';
import { Artwork } from '../artwork/artwork.entity';
import { Exhibition, ExhibitionConnection } from './exhibition.entity';
import { ExhibitionStatus } from './exhibition-status';

@Resolver(() => Exhibition)
export class ExhibitionResolver {
  @Query(() => ExhibitionConnection, {
    description:
      'Exhibitions. CURRENT: closing soonest first; UPCOMING: opening soonest first; PAST: latest closed first; no status: latest opening first.',
  })
  async exhibitions(
    @Ctx() ctx: Context,
    @Arg('status', () => ExhibitionStatus, { nullable: true }) status: ExhibitionStatus | null | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ConnectionShape<Exhibition>> {
    return ExhibitionConnection.from(await ctx.services.exhibitions.list(status, page, ctx.lang));
  }

  @Query(() => Exhibition, { nullable: true, description: 'One exhibition, by id or by slug: give exactly one.' })
  exhibition(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('slug', () => String, { nullable: true }) slug?: string | null,
  ): Promise<Exhibition | null> {
    return ctx.services.exhibitions.find(ctx.loaders, id, slug, ctx.lang);
  }

  @FieldResolver(() => [Artist])
  artists(@Root() exhibition: Exhibition, @Ctx() ctx: Context): Promise<Artist[]> {
    return ctx.loaders.artistsByExhibition.load(exhibition.id);
  }

  @FieldResolver(() => [Artwork])
  artworks(@Root() exhibition: Exhibition, @Ctx() ctx: Context): Promise<Artwork[]> {
    return ctx.loaders.artworksByExhibition.load(exhibition.id);
  }
}
