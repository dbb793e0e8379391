import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Tenant } from '../tenant/tenant.entity';
import { Me } from './me.entity';

@Resolver(() => Me)
export class MeResolver {
  @Query(() => Me, {
    description: 'Who is calling: never null. Without a token, signedIn is false, roles is empty, and tenant, member and artist are null.',
  })
  me(@Ctx() ctx: Context): Me {
    return Me.of(ctx.identity, ctx.lang);
  }

  @FieldResolver(() => Tenant, {
    nullable: true,
    description: 'The tenant the caller acts for (the tenantId of the token); null when the token names none.',
  })
  tenant(@Root() me: Me, @Ctx() ctx: Context): Promise<Tenant | null> | null {
    return me.tenantId ? ctx.loaders.tenantById.load(me.tenantId) : null;
  }
}
