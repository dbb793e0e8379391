import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { House } from './house.entity';

@Resolver(() => House)
export class HouseResolver {
  @Query(() => House, { description: 'The house itself: name, address, time zone, opening hours.' })
  house(@Ctx() ctx: Context): Promise<House> {
    return ctx.services.house.get();
  }
}
