import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { LocalDateScalar } from '@maison/kit';
import { adminOnly, errorsOf, type Outcome, tr } from '@maison/house';
import type { Context } from '../../context';
import { Office } from './office.entity';
import { AssignOfficeInput, OfficePayload } from './tenant.input';

const officePayload = (outcome: Outcome<Office>, ctx: Context) =>
  Object.assign(new OfficePayload(), { office: outcome.value, userErrors: errorsOf(outcome.errors, ctx.lang) });

@Resolver(() => Office)
export class OfficeResolver {
  @FieldResolver(() => String)
  name(@Root() office: Office, @Ctx() ctx: Context): string {
    return tr(office.nameTexts, ctx.lang);
  }

  @Mutation(() => OfficePayload, {
    description: 'ADMIN: gives a tenant an office from startsOn (today by default). NOT_FOUND for an unknown tenant, ALREADY_ARCHIVED for an archived one.',
  })
  async assignOffice(@Ctx() ctx: Context, @Arg('input', () => AssignOfficeInput) input: AssignOfficeInput): Promise<OfficePayload> {
    adminOnly(ctx);
    return officePayload(await ctx.services.offices.assign(input), ctx);
  }

  @Mutation(() => OfficePayload, {
    description:
      'ADMIN: ends an office on endsOn (today by default), the day it is vacated; it leaves Tenant.offices that day. INVALID_RANGE before its startsOn ' +
      '(endsOn = startsOn withdraws an office that has not begun), ALREADY_ENDED when it has ended already.',
  })
  async endOffice(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('endsOn', () => LocalDateScalar, { nullable: true }) endsOn?: string | null,
  ): Promise<OfficePayload> {
    adminOnly(ctx);
    return officePayload(await ctx.services.offices.end(id, endsOn ?? null), ctx);
  }
}
