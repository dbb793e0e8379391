import { Arg, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { assumedSize } from '@maison/kit';
import { tr } from '@maison/house';
import type { Context } from '../../context';
import { Contact } from './contact';
import { Office } from './office.entity';
import { Tenant, TenantKind } from './tenant.entity';

@Resolver(() => Tenant)
export class TenantResolver {
  // The house has room for ten organisations (six today).
  @Directive(assumedSize(10))
  @Query(() => [Tenant], { description: 'Everyone with a place in the house, by slug.' })
  tenants(@Ctx() ctx: Context, @Arg('kind', () => TenantKind, { nullable: true }) kind?: TenantKind | null): Promise<Tenant[]> {
    return ctx.services.tenants.list(kind);
  }

  @Query(() => Tenant, { nullable: true })
  tenant(@Ctx() ctx: Context, @Arg('slug') slug: string): Promise<Tenant | null> {
    return ctx.services.tenants.bySlug(slug);
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
  @FieldResolver(() => [Office])
  offices(@Root() tenant: Tenant, @Ctx() ctx: Context): Promise<Office[]> {
    return ctx.loaders.officesByTenant.load(tenant.id);
  }
}
