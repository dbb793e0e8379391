import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Exhibition } from '../exhibition/exhibition.entity';
import { CalendarDay } from './calendar-day.entity';

/** The gallery's fields of the house calendar; Query.calendar itself belongs to the tenants subgraph. */
@Resolver(() => CalendarDay)
export class CalendarResolver {
  @FieldResolver(() => [Exhibition], { nullable: true, description: 'Exhibitions on view that day.' })
  exhibitionsOnView(@Root() day: CalendarDay, @Ctx() ctx: Context): Promise<Exhibition[]> {
    return ctx.loaders.exhibitionsOnViewByDate.load(day.date);
  }

  @FieldResolver(() => [Exhibition], { nullable: true, description: 'Exhibitions whose vernissage starts that day.' })
  vernissages(@Root() day: CalendarDay, @Ctx() ctx: Context): Promise<Exhibition[]> {
    return ctx.loaders.vernissagesByDate.load(day.date);
  }
}
