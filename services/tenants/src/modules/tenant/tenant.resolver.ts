import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { assumedSize } from '@maison/kit';
import type { Context } from '../../context';
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
}
