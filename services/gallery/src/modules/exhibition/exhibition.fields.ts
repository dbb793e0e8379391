import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Directive, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { asksSubfield, assumedSize } from '@maison/kit';
import { todayInHouse, tr } from '@maison/house';
import type { Context } from '../../context';
import { Artist } from '../artist/artist.entity';
import { canSeeArtist } from '../artist/artist.access';
import { Artwork } from '../artwork/artwork.entity';
import { Exhibition } from './exhibition.entity';
import { exhibitionStatus, ExhibitionStatus } from './exhibition-status';
import { Vernissage } from './vernissage';

/** The fields of an exhibition built from its columns: texts in the caller's language, today's status, its vernissage, artists and artworks. */
@Resolver(() => Exhibition)
export class ExhibitionFieldResolver {
  @FieldResolver(() => String)
  title(@Root() exhibition: Exhibition, @Ctx() ctx: Context): string {
    return tr(exhibition.titleTexts, ctx.lang);
  }

  @FieldResolver(() => String, { nullable: true })
  description(@Root() exhibition: Exhibition, @Ctx() ctx: Context): string | null {
    return tr(exhibition.descriptionTexts, ctx.lang);
  }

  @FieldResolver(() => ExhibitionStatus, { description: 'CURRENT, UPCOMING or PAST today in house time.' })
  status(@Root() exhibition: Exhibition): ExhibitionStatus {
    return exhibitionStatus(exhibition.startsOn, exhibition.endsOn, todayInHouse());
  }

  @FieldResolver(() => Vernissage, { nullable: true, description: 'The opening night, when there is one.' })
  vernissage(@Root() exhibition: Exhibition): Vernissage | null {
    return Vernissage.of(exhibition);
  }

  // A group show: four artists today, eight at most.
  @Directive(assumedSize(8))
  @FieldResolver(() => [Artist], { description: 'The artists shown, in the order of the credits; a non-public one only to themself and ADMIN.' })
  async artists(@Root() exhibition: Exhibition, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Artist[]> {
    // Asked with their works: those come in the same statement.
    const show = await ctx.loaders.exhibitionShow.load({ id: exhibition.id, catalogues: asksSubfield(info, 'artworks') });
    return show.artists.filter((artist) => canSeeArtist(artist, ctx.identity));
  }

  // What the gallery's walls hold: six works today, twenty at most.
  @Directive(assumedSize(20))
  @FieldResolver(() => [Artwork])
  async artworks(@Root() exhibition: Exhibition, @Ctx() ctx: Context): Promise<Artwork[]> {
    return (await ctx.loaders.exhibitionShow.load({ id: exhibition.id, catalogues: false })).artworks;
  }
}
