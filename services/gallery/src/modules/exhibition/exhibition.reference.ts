import type { Context } from '../../context';
import type { Exhibition } from './exhibition.entity';

export const exhibitionReference = {
  Exhibition: {
    __resolveReference(ref: { id: string }, ctx: Context): Promise<Exhibition | null> {
      return ctx.loaders.exhibitionById.load(ref.id.toLowerCase());
    },
  },
};
