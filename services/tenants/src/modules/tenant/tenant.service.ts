import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Identity } from '@maison/auth';
import { UserErrorCode } from '@maison/errors';
import { PG, pgCode, pgConstraint, updateReturning } from '@maison/kit';
import { isUuid, localDateOf, ok, type Outcome, refuse, type RuleViolation } from '@maison/house';
import type { BookingService } from '../booking/booking.service';
import { SpaceBooking } from '../booking/space-booking.entity';
import { Office } from './office.entity';
import { currentOfficeSql } from './office.rules';
import { canSeeTenant, listedTenantsSql } from './tenant.access';
import { Tenant, type TenantKind } from './tenant.entity';
import type { CreateTenantInput, UpdateTenantInput } from './tenant.input';
import { validateTenant, type TenantDraft, type TenantFields } from './tenant.rules';

export interface ArchiveOutcome {
  tenant: Tenant | null;
  cancelledBookings: SpaceBooking[];
  endedOffices: Office[];
  errors: RuleViolation[];
}

const notFound = (): RuleViolation => ({ code: UserErrorCode.NOT_FOUND, field: ['id'] });
const archived = (): RuleViolation => ({ code: UserErrorCode.ALREADY_ARCHIVED, field: ['id'] });
const slugTaken = (): RuleViolation => ({ code: UserErrorCode.SLUG_TAKEN, field: ['input', 'slug'] });
/** Two writers choosing one slug at the same moment: the unique constraint of migration 001 has the last word. */
const isSlugTaken = (error: unknown) => pgCode(error) === PG.uniqueViolation && pgConstraint(error) === 'tenant_slug_key';

/**
 * The tenants of the house: read by everyone, written by ADMIN (the resolver checks the role).
 * Every write locks the tenant's row, so an update, an archive and a booking of the tenant (which
 * reads the row under a share lock) take turns.
 */
export class TenantService {
  constructor(
    private readonly ds: DataSource,
    private readonly bookings: BookingService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Everyone with a place in the house, by slug; archived tenants only when ADMIN asks (the resolver checks). */
  list(kind: TenantKind | null | undefined, includeArchived: boolean): Promise<Tenant[]> {
    const query = this.ds.getRepository(Tenant).createQueryBuilder('t').where(listedTenantsSql('t', includeArchived)).orderBy('t.slug');
    if (kind) query.andWhere('t.kind = :kind', { kind });
    return query.getMany();
  }

  /** A tenant by slug: an archived one for ADMIN only. */
  async bySlug(identity: Identity, slug: string): Promise<Tenant | null> {
    const tenant = await this.ds.getRepository(Tenant).findOneBy({ slug });
    return tenant && canSeeTenant(tenant, identity) ? tenant : null;
  }

  async create(input: CreateTenantInput): Promise<Outcome<Tenant>> {
    const { draft, violations } = validateTenant({
      slug: input.slug,
      name: input.name,
      kind: input.kind,
      profession: input.profession ?? null,
      description: input.description ?? null,
      contactEmail: input.contactEmail ?? null,
      contactPhone: input.contactPhone ?? null,
      website: input.website ?? null,
    });
    if (violations.length > 0) return refuse(...violations);
    const id = randomUUID();
    return this.write(async (tx) => {
      if (await slugUsed(tx, draft.slug, id)) return refuse(slugTaken());
      await tx.query(
        `INSERT INTO tenant (id, slug, name, kind, profession, description, contact_email, contact_phone, website)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, ...columnsOf(draft)],
      );
      return ok(await tx.getRepository(Tenant).findOneByOrFail({ id }));
    });
  }

  async update(id: string, input: UpdateTenantInput): Promise<Outcome<Tenant>> {
    if (!isUuid(id)) return refuse(notFound());
    const tenantId = id.toLowerCase();
    return this.write(async (tx) => {
      const existing = await lockTenant(tx, tenantId);
      if (!existing) return refuse(notFound());
      if (existing.archivedAt !== null) return refuse(archived());
      const { draft, violations } = validateTenant(merged(existing, input));
      if (violations.length > 0) return refuse(...violations);
      if (draft.slug !== existing.slug && (await slugUsed(tx, draft.slug, tenantId))) return refuse(slugTaken());
      await tx.query(
        `UPDATE tenant SET slug = $2, name = $3, kind = $4, profession = $5, description = $6, contact_email = $7, contact_phone = $8, website = $9
         WHERE id = $1`,
        [tenantId, ...columnsOf(draft)],
      );
      return ok(await tx.getRepository(Tenant).findOneByOrFail({ id: tenantId }));
    });
  }

  /**
   * Archives a tenant in one transaction: its row stays (archived_at set), its current offices end
   * today, and its CONFIRMED bookings starting after now are cancelled by the ADMIN (a history entry
   * each). Past and ongoing bookings stay as they are.
   */
  async archive(identity: Identity, id: string): Promise<ArchiveOutcome> {
    const refused = (error: RuleViolation): ArchiveOutcome => ({ tenant: null, cancelledBookings: [], endedOffices: [], errors: [error] });
    if (!isUuid(id)) return refused(notFound());
    const tenantId = id.toLowerCase();
    const now = this.clock();
    const today = localDateOf(now);
    return this.ds.transaction(async (tx) => {
      const existing = await lockTenant(tx, tenantId);
      if (!existing) return refused(notFound());
      if (existing.archivedAt !== null) return refused(archived());
      await tx.query('UPDATE tenant SET archived_at = greatest($2::timestamptz, created_at) WHERE id = $1', [tenantId, now]);
      const ended = await updateReturning<{ id: string }>(
        tx,
        `UPDATE office o SET ends_on = greatest(o.starts_on, $2::date) WHERE o.tenant_id = $1 AND ${currentOfficeSql('o', '$2')} RETURNING o.id`,
        [tenantId, today],
      );
      const future = await tx
        .getRepository(SpaceBooking)
        .createQueryBuilder('b')
        .setLock('pessimistic_write')
        .where("b.holder_kind = 'TENANT' AND b.holder_id = :tenantId AND b.status = 'CONFIRMED' AND b.starts_at > :now", { tenantId, now })
        .orderBy('b.starts_at')
        .addOrderBy('b.id')
        .getMany();
      const cancelledBookings: SpaceBooking[] = [];
      for (const booking of future) {
        const outcome = await this.bookings.cancelLocked(tx, identity, booking);
        cancelledBookings.push(outcome.booking!);
      }
      const endedOffices = await tx.getRepository(Office).find({ where: { id: In(ended.map((o) => o.id)) }, order: { floor: 'ASC', id: 'ASC' } });
      return { tenant: await tx.getRepository(Tenant).findOneByOrFail({ id: tenantId }), cancelledBookings, endedOffices, errors: [] };
    });
  }

  private async write(work: (tx: EntityManager) => Promise<Outcome<Tenant>>): Promise<Outcome<Tenant>> {
    try {
      return await this.ds.transaction(work);
    } catch (error) {
      if (isSlugTaken(error)) return refuse(slugTaken());
      throw error;
    }
  }
}

function lockTenant(tx: EntityManager, id: string): Promise<Tenant | null> {
  return tx.getRepository(Tenant).createQueryBuilder('t').setLock('pessimistic_write').where('t.id = :id', { id }).getOne();
}

/** Archived tenants keep their slug: their history still names them by it. */
async function slugUsed(tx: EntityManager, slug: string, id: string): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM tenant WHERE slug = $1 AND id <> $2', [slug, id])).length > 0;
}

/** The tenant as stored, with the changes of the input: absent fields keep their value, null clears an optional one. */
function merged(t: Tenant, input: UpdateTenantInput): TenantFields {
  const or = <T>(value: T | null | undefined, current: T | null): T | null => (value === undefined ? current : value);
  return {
    slug: input.slug ?? t.slug,
    name: input.name ?? t.nameTexts,
    kind: input.kind ?? t.kind,
    profession: or(input.profession, t.professionTexts),
    description: or(input.description, t.descriptionTexts),
    contactEmail: or(input.contactEmail, t.contactEmail),
    contactPhone: or(input.contactPhone, t.contactPhone),
    website: or(input.website, t.website),
  };
}

/** Columns slug … website, in the order of the INSERT and UPDATE above. */
const columnsOf = (d: TenantDraft) => [d.slug, d.name, d.kind, d.profession, d.description, d.contactEmail, d.contactPhone, d.website];
