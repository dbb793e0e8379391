import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { assumedSize } from '@maison/kit';
import type { Context } from '../../context';
import { CoworkingEvent } from '../event/coworking-event.entity';
import { CalendarDay } from './calendar-day.entity';

/** Query.calendar belongs to the tenants subgraph; coworking only adds its events to each day. */
@Resolver(() => CalendarDay)
export class CalendarResolver {
  // A busy day: one event per room of Espace KO and one in a shared space.
  @Directive(assumedSize(4))
  @FieldResolver(() => [CoworkingEvent], {
    nullable: true,
    description: 'Events of Espace KO on this day, members-only ones included (only registering is restricted), cancelled ones left out.',
  })
  coworkingEvents(@Root() day: CalendarDay, @Ctx() ctx: Context): Promise<CoworkingEvent[]> {
    return ctx.loaders.eventsByDate.load(day.date);
  }
}
