import type { Context } from '../../context';
import type { Artwork } from './artwork.entity';

export const artworkReference = {
  Artwork: {
    __resolveReference(ref: { id: string }, ctx: Context): Promise<Artwork | null> {
      return ctx.loaders.artworkById.load(ref.id.toLowerCase());
    },
  },
};
