import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { forbidden } from '@maison/errors';
import { isAdmin } from '@maison/auth';
import { assumedSize } from '@maison/kit';
import { adminOnly, errorsOf, tr, type Outcome } from '@maison/house';
import type { Context } from '../../context';
import { Contact } from './contact';
import { Office } from './office.entity';
import { Tenant, TenantKind } from './tenant.entity';
import { ArchiveTenantPayload, CreateTenantInput, TenantPayload, UpdateTenantInput } from './tenant.input';

const tenantPayload = (outcome: Outcome<Tenant>, ctx: Context) =>
  Object.assign(new TenantPayload(), { tenant: outcome.value, userErrors: errorsOf(outcome.errors, ctx.lang) });

@Resolver(() => Tenant)
export class TenantResolver {
  // The house has room for ten organisations (six today).
  @Directive(assumedSize(10))
  @Query(() => [Tenant], { description: 'Everyone with a place in the house, by slug; archived tenants are left out.' })
  tenants(
    @Ctx() ctx: Context,
    @Arg('kind', () => TenantKind, { nullable: true }) kind?: TenantKind | null,
    @Arg('includeArchived', () => Boolean, { nullable: true, description: 'ADMIN only (FORBIDDEN otherwise): the archived tenants too.' })
    includeArchived?: boolean | null,
  ): Promise<Tenant[]> {
    if (includeArchived && !isAdmin(ctx.identity)) throw forbidden(ctx.lang);
    return ctx.services.tenants.list(kind, includeArchived === true);
  }

  @Query(() => Tenant, { nullable: true, description: 'A tenant by slug; an archived one is null except for ADMIN.' })
  tenant(@Ctx() ctx: Context, @Arg('slug') slug: string): Promise<Tenant | null> {
    return ctx.services.tenants.bySlug(ctx.identity, slug);
  }

  @Mutation(() => TenantPayload, { description: 'ADMIN: a new tenant. SLUG_TAKEN when another tenant, archived or not, has the slug.' })
  async createTenant(@Ctx() ctx: Context, @Arg('input', () => CreateTenantInput) input: CreateTenantInput): Promise<TenantPayload> {
    adminOnly(ctx);
    return tenantPayload(await ctx.services.tenants.create(input), ctx);
  }

  @Mutation(() => TenantPayload, { description: 'ADMIN: changes a tenant; NOT_FOUND for an unknown id, ALREADY_ARCHIVED for an archived tenant.' })
  async updateTenant(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateTenantInput) input: UpdateTenantInput,
  ): Promise<TenantPayload> {
    adminOnly(ctx);
    return tenantPayload(await ctx.services.tenants.update(id, input), ctx);
  }

  @Mutation(() => ArchiveTenantPayload, {
    description:
      'ADMIN: archives a tenant, never deleting it. In one transaction: archivedAt is set, its current offices end today, and its CONFIRMED ' +
      'bookings starting after now are cancelled by the ADMIN (in their history) and listed in cancelledBookings; past and ongoing bookings stay. ' +
      'An archived tenant is left out of tenants and tenant(slug:) except for ADMIN, still resolves by reference, and its tokens book ' +
      'nothing (UNKNOWN_HOLDER). ALREADY_ARCHIVED when archived already, NOT_FOUND for an unknown id.',
  })
  async archiveTenant(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ArchiveTenantPayload> {
    const outcome = await ctx.services.tenants.archive(adminOnly(ctx), id);
    return Object.assign(new ArchiveTenantPayload(), {
      tenant: outcome.tenant,
      cancelledBookings: outcome.cancelledBookings,
      endedOffices: outcome.endedOffices,
      userErrors: errorsOf(outcome.errors, ctx.lang),
    });
  }

  @FieldResolver(() => String)
  name(@Root() tenant: Tenant, @Ctx() ctx: Context): string {
    return tr(tenant.nameTexts, ctx.lang);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The trade, e.g. "Massothérapie" / "Massage therapy".' })
  profession(@Root() tenant: Tenant, @Ctx() ctx: Context): string | null {
    return tr(tenant.professionTexts, ctx.lang);
  }

  @FieldResolver(() => String, { nullable: true })
  description(@Root() tenant: Tenant, @Ctx() ctx: Context): string | null {
    return tr(tenant.descriptionTexts, ctx.lang);
  }

  @FieldResolver(() => Contact)
  contact(@Root() tenant: Tenant): Contact {
    return Object.assign(new Contact(), { email: tenant.contactEmail, phone: tenant.contactPhone });
  }

  @Directive(assumedSize(3))
  @FieldResolver(() => [Office], { description: 'The current offices: those not ended as of today (house time), future ones included.' })
  offices(@Root() tenant: Tenant, @Ctx() ctx: Context): Promise<Office[]> {
    return ctx.loaders.officesByTenant.load(tenant.id);
  }
}
