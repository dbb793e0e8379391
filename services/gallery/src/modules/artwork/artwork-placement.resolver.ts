import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { forbidden } from '@maison/errors';
import { costWeight, assumedSize } from '@maison/kit';
import { errorsOf, signedIn } from '@maison/house';
import { withLedgerErrors } from '@maison/space-holds';
import type { Context } from '../../context';
import { SharedSpace, sharedSpaceRef } from '../space/shared-space.entity';
import { Artwork } from './artwork.entity';
import { ArtworkPlacement } from './artwork-placement.entity';
import { PlaceArtworkInput, PlaceArtworkPayload } from './artwork-placement.input';
import { mayAskToPlace, mayPlace } from './artwork-placement.access';

/** placeArtwork, and where a work is and has been. */
@Resolver(() => Artwork)
export class ArtworkPlacementResolver {
  @Mutation(() => PlaceArtworkPayload, {
    description:
      'ADMIN or the artist of the work: puts it in a shared space (which the tenants subgraph must know), in the gallery, or in storage. The history keeps every stay. ON_LOAN works cannot be placed; SOLD works can, until they leave.',
  })
  async placeArtwork(@Ctx() ctx: Context, @Arg('input', () => PlaceArtworkInput) input: PlaceArtworkInput): Promise<PlaceArtworkPayload> {
    const identity = signedIn(ctx);
    if (!mayAskToPlace(identity)) throw forbidden(ctx.lang);
    const outcome = await withLedgerErrors(ctx.lang, () => ctx.services.artworkPlacements.place(input, identity, ctx));
    return Object.assign(new PlaceArtworkPayload(), { artwork: outcome.artwork, userErrors: errorsOf(outcome.errors, ctx.lang) });
  }

  @FieldResolver(() => ArtworkPlacement, { nullable: true, description: 'Where the work is now; null when it was never placed.' })
  async placement(@Root() artwork: Artwork, @Ctx() ctx: Context): Promise<ArtworkPlacement | null> {
    return (await ctx.loaders.openPlacementByArtwork.load(artwork.id))[0] ?? null;
  }

  // A work moves a few times a year.
  @Directive(assumedSize(10))
  @FieldResolver(() => [ArtworkPlacement], {
    nullable: true,
    description: 'Every stay of the work, newest first: ADMIN and the artist of the work; null for others.',
  })
  async placementHistory(@Root() artwork: Artwork, @Ctx() ctx: Context): Promise<ArtworkPlacement[] | null> {
    return mayPlace(ctx.identity, artwork.artistId) ? ctx.loaders.placementHistoryByArtwork.load(artwork.id) : null;
  }
}

/** The fields of a stay: the space, and who placed the work (for ADMIN and its artist). */
@Resolver(() => ArtworkPlacement)
export class ArtworkPlacementFieldResolver {
  // The space's own fields come from the tenants subgraph: one more fetch.
  @Directive(costWeight(2))
  @FieldResolver(() => SharedSpace, { nullable: true, description: 'The shared space, when place is SHARED_SPACE.' })
  sharedSpace(@Root() placement: ArtworkPlacement): SharedSpace | null {
    return placement.spaceId === null ? null : sharedSpaceRef(placement.spaceId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Who placed it (the account); ADMIN and the artist of the work only, null for others and for the house’s own records.',
  })
  async by(@Root() placement: ArtworkPlacement, @Ctx() ctx: Context): Promise<string | null> {
    if (placement.placedBy === null || ctx.identity.sub === null) return null;
    const artwork = await ctx.loaders.artworkById.load(placement.artworkId);
    return artwork && mayPlace(ctx.identity, artwork.artistId) ? placement.placedBy : null;
  }
}
