import type { DataSource } from 'typeorm';
import { entityLoader, groupLoader, uuids } from '@maison/kit';
import { todayInHouse } from '@maison/house';
import type { TenantDirectory } from '../booking/booking.holder';
import { Office } from './office.entity';
import { currentOfficeSql } from './office.rules';
import { Tenant } from './tenant.entity';

export function tenantLoaders(ds: DataSource) {
  return {
    tenantById: entityLoader(ds, Tenant),
    /** The current offices of each tenant (not ended as of today, house time). */
    officesByTenant: groupLoader(
      (ids: readonly string[]) =>
        ds
          .getRepository(Office)
          .createQueryBuilder('o')
          .where('o.tenant_id = ANY(:ids)', { ids: uuids(ids) })
          .andWhere(currentOfficeSql('o'), { today: todayInHouse() })
          .orderBy('o.floor')
          .addOrderBy('o.id')
          .getMany(),
      (o) => o.tenantId,
    ),
  };
}

/** Which tenants may hold bookings, read through the request's DataLoader: a series of bookings asks once. */
export function tenantDirectory(loaders: { tenantById: ReturnType<typeof tenantLoaders>['tenantById'] }): TenantDirectory {
  return {
    async canHold(tenantId) {
      const tenant = await loaders.tenantById.load(tenantId.toLowerCase());
      return tenant !== null && tenant.archivedAt === null;
    },
  };
}
