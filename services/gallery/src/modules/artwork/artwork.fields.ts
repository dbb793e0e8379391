import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { costWeight, money, Money } from '@maison/kit';
import { tr } from '@maison/house';
import type { Context } from '../../context';
import { Artist } from '../artist/artist.entity';
import { SharedSpace, sharedSpaceRef } from '../space/shared-space.entity';
import { Artwork } from './artwork.entity';
import { isPriceOnRequest, priceLabel, publicPriceCents } from './price-label';

/** The fields of an artwork built from its columns: texts and prices in the caller's language, its artist, where it hangs. */
@Resolver(() => Artwork)
export class ArtworkFieldResolver {
  @FieldResolver(() => String)
  title(@Root() artwork: Artwork, @Ctx() ctx: Context): string {
    return tr(artwork.titleTexts, ctx.lang);
  }

  @FieldResolver(() => String, { description: 'Materials and technique, e.g. "Huile sur toile" / "Oil on canvas".' })
  medium(@Root() artwork: Artwork, @Ctx() ctx: Context): string {
    return tr(artwork.mediumTexts, ctx.lang);
  }

  @FieldResolver(() => Money, { nullable: true, description: 'The asking price; null when on request, not for sale, or sold.' })
  price(@Root() artwork: Artwork, @Ctx() ctx: Context): Money | null {
    const cents = publicPriceCents(artwork.availability, artwork.priceCents);
    return cents === null ? null : money(cents, ctx.lang, artwork.currency);
  }

  @FieldResolver(() => Boolean, { description: 'True when the work is for sale and its price is given on request.' })
  priceOnRequest(@Root() artwork: Artwork): boolean {
    return isPriceOnRequest(artwork.availability, artwork.priceCents);
  }

  @FieldResolver(() => String, { description: 'The label beside the work: "1 250,00 $", "Prix sur demande", "Vendue"…' })
  priceLabel(@Root() artwork: Artwork, @Ctx() ctx: Context): string {
    return priceLabel(artwork.availability, artwork.priceCents, artwork.currency, ctx.lang);
  }

  @FieldResolver(() => Artist)
  async artist(@Root() artwork: Artwork, @Ctx() ctx: Context): Promise<Artist> {
    // artwork.artist_id is a foreign key: the artist exists.
    return (await ctx.loaders.artistById.load(artwork.artistId))!;
  }

  // The space's own fields come from the tenants subgraph: one more fetch.
  @Directive(costWeight(2))
  @FieldResolver(() => SharedSpace, { nullable: true, description: 'The shared space of the house where the work hangs, if any.' })
  displayedIn(@Root() artwork: Artwork): SharedSpace | null {
    return artwork.displayedInSpaceId === null ? null : sharedSpaceRef(artwork.displayedInSpaceId);
  }
}
