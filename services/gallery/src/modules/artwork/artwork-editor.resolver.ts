import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { isAdmin, type Identity } from '@maison/auth';
import { forbidden, inputReason } from '@maison/errors';
import { errorsOf, invalid, refuse, type Outcome } from '@maison/house';
import type { Context } from '../../context';
import { unknownArtist } from '../../acting-artist';
import { ownArtistId, speaksForArtist } from '../artist/artist.access';
import { recordKeeper } from '../artist/record-keeper';
import { Artwork } from './artwork.entity';
import { ArtworkPayload, CreateArtworkInput, UpdateArtworkInput } from './artwork-record.input';

const payload = (outcome: Outcome<Artwork>, ctx: Context) =>
  Object.assign(new ArtworkPayload(), { artwork: outcome.value, userErrors: errorsOf(outcome.errors, ctx.lang) });

/**
 * The work an update or a retirement names, when the caller may change it: ADMIN, or its artist
 * (FORBIDDEN for another's work). An unknown id goes on to the service, which answers NOT_FOUND.
 * artist_id never changes through the API, so reading it before the service locks the row is sound.
 */
async function checkKeeperOf(ctx: Context, identity: Identity, id: string): Promise<void> {
  if (isAdmin(identity)) return;
  const work = await ctx.loaders.artworkById.load(id.toLowerCase());
  if (work && !speaksForArtist(identity, work.artistId)) throw forbidden(ctx.lang);
}

@Resolver(() => Artwork)
export class ArtworkEditorResolver {
  @Mutation(() => ArtworkPayload, {
    description:
      'ADMIN (naming the artist), or an ARTIST for their own works: adds a work to the catalogue. UNKNOWN_HOLDER for an artist who does not exist; SLUG_TAKEN.',
  })
  async createArtwork(@Ctx() ctx: Context, @Arg('input', () => CreateArtworkInput) input: CreateArtworkInput): Promise<ArtworkPayload> {
    const { identity, unknown } = await recordKeeper(ctx);
    if (unknown) return payload(refuse(unknown), ctx);
    const asked = input.artistId ?? null;
    if (!isAdmin(identity)) {
      if (asked !== null && asked.toLowerCase() !== ownArtistId(identity)) throw forbidden(ctx.lang);
      return payload(await ctx.services.artworkEditor.create(ownArtistId(identity)!, input), ctx);
    }
    if (asked === null) return payload(refuse(invalid(['input', 'artistId'], inputReason('REQUIRED'))), ctx);
    const artist = await ctx.loaders.artistById.load(asked.toLowerCase());
    return payload(artist ? await ctx.services.artworkEditor.create(artist.id, input) : refuse(unknownArtist(['input', 'artistId'])), ctx);
  }

  @Mutation(() => ArtworkPayload, {
    description: 'ADMIN, or the artist of the work: changes it. ALREADY_SOLD to put a sold work on sale again; ALREADY_RETIRED for a retired one.',
  })
  async updateArtwork(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateArtworkInput) input: UpdateArtworkInput,
  ): Promise<ArtworkPayload> {
    const { identity, unknown } = await recordKeeper(ctx);
    if (unknown) return payload(refuse(unknown), ctx);
    await checkKeeperOf(ctx, identity, id);
    return payload(await ctx.services.artworkEditor.update(id, input), ctx);
  }

  @Mutation(() => ArtworkPayload, {
    description:
      'ADMIN, or the artist of the work: takes it out of the catalogue (and off the walls), keeping its history. IN_EXHIBITION while a current or upcoming exhibition shows it.',
  })
  async retireArtwork(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ArtworkPayload> {
    const { identity, unknown } = await recordKeeper(ctx);
    if (unknown) return payload(refuse(unknown), ctx);
    await checkKeeperOf(ctx, identity, id);
    return payload(await ctx.services.artworkEditor.retire(id), ctx);
  }
}
