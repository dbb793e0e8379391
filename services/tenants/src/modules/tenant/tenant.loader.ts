import type { DataSource } from 'typeorm';
import { entityLoader, groupLoader, uuids } from '@maison/kit';
import { Office } from './office.entity';
import { Tenant } from './tenant.entity';

export function tenantLoaders(ds: DataSource) {
  return {
    tenantById: entityLoader(ds, Tenant),
    officesByTenant: groupLoader(
      (ids: readonly string[]) =>
        ds
          .getRepository(Office)
          .createQueryBuilder('o')
          .where('o.tenant_id = ANY(:ids)', { ids: uuids(ids) })
          .orderBy('o.floor')
          .addOrderBy('o.id')
          .getMany(),
      (o) => o.tenantId,
    ),
  };
}
