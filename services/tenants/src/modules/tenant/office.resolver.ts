import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { tr } from '@maison/house';
import type { Context } from '../../context';
import { Office } from './office.entity';

@Resolver(() => Office)
export class OfficeResolver {
  @FieldResolver(() => String)
  name(@Root() office: Office, @Ctx() ctx: Context): string {
    return tr(office.nameTexts, ctx.lang);
  }
}
