import type { Context } from '../../context';
import type { Artist } from './artist.entity';

export const artistReference = {
  Artist: {
    __resolveReference(ref: { id: string }, ctx: Context): Promise<Artist | null> {
      return ctx.loaders.artistById.load(ref.id.toLowerCase());
    },
  },
};
