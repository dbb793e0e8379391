import type { Context } from '../../context';
import type { SharedSpace } from './shared-space.entity';

export const spaceReference = {
  SharedSpace: {
    __resolveReference(ref: { id: string }, ctx: Context): Promise<SharedSpace | null> {
      return ctx.loaders.spaceById.load(ref.id);
    },
  },
};
