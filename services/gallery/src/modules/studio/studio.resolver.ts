import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { Studio } from './studio.entity';

@Resolver(() => Studio)
export class StudioResolver {
  @Query(() => [Studio], { description: 'The shared studios (ateliers partagés) of Le Vivoir, by slug.' })
  studios(@Ctx() ctx: Context): Promise<Studio[]> {
    return ctx.services.studios.list();
  }
}
