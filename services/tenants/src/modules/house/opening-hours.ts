import { Field, Int, ObjectType } from 'type-graphql';

export interface OpeningHoursRow {
  weekday: number;
  opens: string;
  closes: string;
}

@ObjectType({ description: 'Opening hours of one weekday, in house time. A weekday may have several ranges.' })
export class OpeningHours {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  weekday!: number;

  @Field({ description: 'Opening time, HH:MM.' })
  opens!: string;

  @Field({ description: 'Closing time, HH:MM (24:00 for midnight).' })
  closes!: string;
}

/** The GraphQL objects of stored opening-hours rows (the house's, a space's). */
export const openingHoursOf = (rows: OpeningHoursRow[]): OpeningHours[] => rows.map((r) => Object.assign(new OpeningHours(), r));
