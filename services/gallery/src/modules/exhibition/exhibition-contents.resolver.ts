import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { adminOnly, errorsOf } from '@maison/house';
import type { Context } from '../../context';
import { ExhibitionContentsPayload } from './exhibition-contents.input';
import type { ContentsOutcome } from './exhibition-contents.service';

const payload = (outcome: ContentsOutcome, ctx: Context) =>
  Object.assign(new ExhibitionContentsPayload(), { exhibition: outcome.exhibition, userErrors: errorsOf(outcome.errors, ctx.lang) });

/** ADMIN: an exhibition's works and artists, one by one (updateExhibition replaces the whole lists). */
@Resolver()
export class ExhibitionContentsResolver {
  @Mutation(() => ExhibitionContentsPayload, {
    description:
      'ADMIN: adds works to an exhibition, after those it shows; works already there stay where they are. A work already in another exhibition on some of the same days: ARTWORK_IN_OTHER_EXHIBITION.',
  })
  async addArtworksToExhibition(
    @Ctx() ctx: Context,
    @Arg('exhibitionId', () => ID) exhibitionId: string,
    @Arg('artworkIds', () => [ID]) artworkIds: string[],
  ): Promise<ExhibitionContentsPayload> {
    adminOnly(ctx);
    return payload(await ctx.services.exhibitionContents.addArtworks(exhibitionId, artworkIds, ctx.lang), ctx);
  }

  @Mutation(() => ExhibitionContentsPayload, { description: 'ADMIN: removes works from an exhibition; a work it does not show is ignored.' })
  async removeArtworksFromExhibition(
    @Ctx() ctx: Context,
    @Arg('exhibitionId', () => ID) exhibitionId: string,
    @Arg('artworkIds', () => [ID]) artworkIds: string[],
  ): Promise<ExhibitionContentsPayload> {
    adminOnly(ctx);
    return payload(await ctx.services.exhibitionContents.removeArtworks(exhibitionId, artworkIds), ctx);
  }

  @Mutation(() => ExhibitionContentsPayload, {
    description: 'ADMIN: adds artists to an exhibition’s credits, after the others; an artist already there is ignored.',
  })
  async addArtistsToExhibition(
    @Ctx() ctx: Context,
    @Arg('exhibitionId', () => ID) exhibitionId: string,
    @Arg('artistIds', () => [ID]) artistIds: string[],
  ): Promise<ExhibitionContentsPayload> {
    adminOnly(ctx);
    return payload(await ctx.services.exhibitionContents.addArtists(exhibitionId, artistIds), ctx);
  }

  @Mutation(() => ExhibitionContentsPayload, {
    description: 'ADMIN: removes artists from an exhibition’s credits; an artist whose works it still shows: ARTIST_WORKS_SHOWN (remove the works first).',
  })
  async removeArtistsFromExhibition(
    @Ctx() ctx: Context,
    @Arg('exhibitionId', () => ID) exhibitionId: string,
    @Arg('artistIds', () => [ID]) artistIds: string[],
  ): Promise<ExhibitionContentsPayload> {
    adminOnly(ctx);
    return payload(await ctx.services.exhibitionContents.removeArtists(exhibitionId, artistIds), ctx);
  }
}
