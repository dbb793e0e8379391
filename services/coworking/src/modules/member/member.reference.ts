import type { Context } from '../../context';
import type { Member } from './member.entity';

export const memberReference = {
  Member: {
    __resolveReference(ref: { id: string }, ctx: Context): Promise<Member | null> {
      return ctx.services.members.visible(ctx.loaders, ctx.identity, ref.id);
    },
  },
};
