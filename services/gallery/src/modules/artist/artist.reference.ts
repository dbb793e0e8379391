import type { Context } from '../../context';
import type { Artist } from './artist.entity';
import { canSeeArtist } from './artist.access';

export const artistReference = {
  Artist: {
    async __resolveReference(ref: { id: string }, ctx: Context): Promise<Artist | null> {
      const artist = await ctx.loaders.artistById.load(ref.id.toLowerCase());
      return artist && canSeeArtist(artist, ctx.identity) ? artist : null;
    },
  },
};
