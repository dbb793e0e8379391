import type { DataSource } from 'typeorm';
import { Tenant, type TenantKind } from './tenant.entity';

export class TenantService {
  constructor(private readonly ds: DataSource) {}

  list(kind?: TenantKind | null): Promise<Tenant[]> {
    return this.ds.getRepository(Tenant).find({ where: kind ? { kind } : {}, order: { slug: 'ASC' } });
  }

  bySlug(slug: string): Promise<Tenant | null> {
    return this.ds.getRepository(Tenant).findOneBy({ slug });
  }
}
