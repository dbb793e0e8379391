import { Directive, ObjectType } from 'type-graphql';
import { CalendarDayKey } from '@maison/kit';

@ObjectType({ description: 'One local day of the house calendar; every subgraph adds its own items.' })
@Directive('@key(fields: "date")')
export class CalendarDay extends CalendarDayKey {}
