import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { HOUSE_TZ, type Texts } from '@maison/house';
import type { OpeningHoursRow } from './opening-hours';

/** The house's columns; its texts, address and opening hours are resolved by HouseResolver. */
@ObjectType({ description: 'The heritage house in Saint-Jean-Port-Joli that shelters everyone.' })
@Entity('house')
export class House {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Column('jsonb', { name: 'name' })
  nameTexts!: Texts;

  @Column('jsonb', { name: 'description', nullable: true })
  descriptionTexts!: Texts | null;

  @Column('text', { name: 'street_address' })
  streetAddress!: string;

  @Column('text')
  locality!: string;

  @Column('text')
  region!: string;

  @Column('text', { name: 'postal_code' })
  postalCode!: string;

  @Column('text')
  country!: string;

  @Field({ description: `IANA time zone of the house, always ${HOUSE_TZ}.` })
  @Column('text', { name: 'time_zone' })
  timeZone!: string;

  @Column('jsonb', { name: 'opening_hours' })
  openingHoursRows!: OpeningHoursRow[];
}
