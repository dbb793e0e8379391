import type { Context } from '../../context';
import type { Artwork } from './artwork.entity';
import { loadVisibleArtwork } from './artwork.loader';

export const artworkReference = {
  Artwork: {
    __resolveReference(ref: { id: string }, ctx: Context): Promise<Artwork | null> {
      return loadVisibleArtwork(ctx, ref.id);
    },
  },
};
