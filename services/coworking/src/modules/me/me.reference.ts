import { isOwnCallerKey } from '@maison/kit';
import type { Context } from '../../context';
import { Me } from './me.entity';

/** Only the request's own caller: a representation naming anyone else resolves to null. */
export const meReference = {
  Me: {
    __resolveReference(ref: { id: string }, ctx: Context): Me | null {
      return isOwnCallerKey(ref, ctx.identity) ? Me.of(ctx.identity) : null;
    },
  },
};
