import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { UserErrorCode } from '@maison/errors';
import { isUuid, localDateOf, ok, type Outcome, refuse } from '@maison/house';
import { Office } from './office.entity';
import { checkOfficeEnd, validateOffice } from './office.rules';
import type { AssignOfficeInput } from './tenant.input';

/**
 * Offices given to tenants and ended (ADMIN; the resolver checks the role). Assigning locks the
 * tenant's row, as archiving does, so no office is given to a tenant being archived; ending locks
 * the office's row.
 */
export class OfficeService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async assign(input: AssignOfficeInput): Promise<Outcome<Office>> {
    const { draft, violations } = validateOffice({
      name: input.name,
      floor: input.floor,
      areaM2: input.areaM2,
      startsOn: input.startsOn ?? localDateOf(this.clock()),
    });
    const unknownTenant = { code: UserErrorCode.NOT_FOUND, field: ['input', 'tenantId'] };
    if (!isUuid(input.tenantId)) violations.unshift(unknownTenant);
    if (violations.length > 0) return refuse(...violations);
    const tenantId = input.tenantId.toLowerCase();
    return this.ds.transaction(async (tx) => {
      const [tenant] = await tx.query('SELECT archived_at FROM tenant WHERE id = $1 FOR UPDATE', [tenantId]);
      if (!tenant) return refuse(unknownTenant);
      if (tenant.archived_at !== null) return refuse({ code: UserErrorCode.ALREADY_ARCHIVED, field: ['input', 'tenantId'] });
      const id = randomUUID();
      await tx.query('INSERT INTO office (id, tenant_id, name, floor, building, area_m2, starts_on) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        id,
        tenantId,
        draft.name,
        draft.floor,
        input.building,
        draft.areaM2,
        draft.startsOn,
      ]);
      return ok(await tx.getRepository(Office).findOneByOrFail({ id }));
    });
  }

  /** Ends an office on endsOn (today by default), the day it is vacated: not before it started, and only once. */
  async end(id: string, endsOn: string | null): Promise<Outcome<Office>> {
    const notFound = { code: UserErrorCode.NOT_FOUND, field: ['id'] };
    if (!isUuid(id)) return refuse(notFound);
    const today = localDateOf(this.clock());
    return this.ds.transaction(async (tx) => {
      const office = await tx.getRepository(Office).createQueryBuilder('o').setLock('pessimistic_write').where('o.id = :id', { id: id.toLowerCase() }).getOne();
      if (!office) return refuse(notFound);
      const refused = checkOfficeEnd(office, endsOn ?? today, today);
      if (refused) return refuse(refused);
      await tx.query('UPDATE office SET ends_on = $2 WHERE id = $1', [office.id, endsOn ?? today]);
      return ok(await tx.getRepository(Office).findOneByOrFail({ id: office.id }));
    });
  }
}
