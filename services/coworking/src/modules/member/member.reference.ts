import type { Context } from '../../context';
import type { Member } from './member.entity';
import { loadVisibleMember } from './member.loader';

export const memberReference = {
  Member: {
    __resolveReference(ref: { id: string }, ctx: Context): Promise<Member | null> {
      return loadVisibleMember(ctx.loaders, ctx.identity, ref.id);
    },
  },
};
