import type { Context } from '../../context';
import type { Tenant } from './tenant.entity';

export const tenantReference = {
  Tenant: {
    __resolveReference(ref: { id: string }, ctx: Context): Promise<Tenant | null> {
      return ctx.loaders.tenantById.load(ref.id);
    },
  },
};
