import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from './scalar-types';

/**
 * One local day of the house calendar. Every subgraph declares the entity with its own fields;
 * the date is the key, so no subgraph needs to store days.
 */
@ObjectType()
export abstract class CalendarDayKey {
  @Field(() => LocalDateScalar, { description: 'The local date, YYYY-MM-DD, in America/Toronto.' })
  date!: string;
}
