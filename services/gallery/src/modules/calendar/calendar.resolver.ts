import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { assumedSize } from '@maison/kit';
import type { Context } from '../../context';
import { Exhibition } from '../exhibition/exhibition.entity';
import { CalendarDay } from './calendar-day.entity';

/** The gallery's fields of the house calendar; Query.calendar itself belongs to the tenants subgraph. */
@Resolver(() => CalendarDay)
export class CalendarResolver {
  // Two exhibitions overlap at most in the seed; three with a changeover.
  @Directive(assumedSize(3))
  @FieldResolver(() => [Exhibition], { nullable: true, description: 'Exhibitions on view that day.' })
  exhibitionsOnView(@Root() day: CalendarDay, @Ctx() ctx: Context): Promise<Exhibition[]> {
    return ctx.loaders.galleryDays.load({ date: day.date, part: 0 });
  }

  // One vernissage an evening, two on a busy one.
  @Directive(assumedSize(2))
  @FieldResolver(() => [Exhibition], { nullable: true, description: 'Exhibitions whose vernissage starts that day.' })
  vernissages(@Root() day: CalendarDay, @Ctx() ctx: Context): Promise<Exhibition[]> {
    return ctx.loaders.galleryDays.load({ date: day.date, part: 1 });
  }
}
