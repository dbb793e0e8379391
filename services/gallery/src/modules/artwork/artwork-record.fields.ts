import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { tr } from '@maison/house';
import type { Context } from '../../context';
import { Artwork } from './artwork.entity';

/** The fields of a work's record kept through the API (createArtwork, updateArtwork). */
@Resolver(() => Artwork)
export class ArtworkRecordFieldResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'What the image shows, for those who cannot see it; set with every imageUrl given through the API.',
  })
  imageAlt(@Root() artwork: Artwork, @Ctx() ctx: Context): string | null {
    return tr(artwork.imageAltTexts, ctx.lang);
  }
}
