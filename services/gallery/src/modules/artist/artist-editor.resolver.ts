import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { forbidden } from '@maison/errors';
import { adminOnly, errorsOf, refuse, type Outcome } from '@maison/house';
import type { Context } from '../../context';
import { Artist } from './artist.entity';
import { speaksForArtist } from './artist.access';
import { recordKeeper } from './record-keeper';
import { ArtistPayload, CreateArtistInput, UpdateArtistInput } from './artist.input';

const payload = (outcome: Outcome<Artist>, ctx: Context) =>
  Object.assign(new ArtistPayload(), { artist: outcome.value, userErrors: errorsOf(outcome.errors, ctx.lang) });

@Resolver(() => Artist)
export class ArtistEditorResolver {
  @Mutation(() => ArtistPayload, { description: 'ADMIN: adds an artist to Le Vivoir. SLUG_TAKEN when the slug asked for is another’s.' })
  async createArtist(@Ctx() ctx: Context, @Arg('input', () => CreateArtistInput) input: CreateArtistInput): Promise<ArtistPayload> {
    adminOnly(ctx);
    return payload(await ctx.services.artistEditor.create(input), ctx);
  }

  @Mutation(() => ArtistPayload, {
    description: 'ADMIN, or the ARTIST the token names: changes an artist’s record. FORBIDDEN for anyone else; UNKNOWN_HOLDER for a token naming nobody.',
  })
  async updateArtist(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateArtistInput) input: UpdateArtistInput,
  ): Promise<ArtistPayload> {
    const { identity, unknown } = await recordKeeper(ctx);
    if (unknown) return payload(refuse(unknown), ctx);
    if (!speaksForArtist(identity, id)) throw forbidden(ctx.lang);
    return payload(await ctx.services.artistEditor.update(id, input), ctx);
  }
}
