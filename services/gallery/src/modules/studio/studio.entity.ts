import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Texts } from '@maison/house';

/** A studio's columns; its texts, assignments and bookings are resolved by StudioResolver. */
@ObjectType({ description: 'A shared studio (atelier partagé) of Le Vivoir, in the annex.' })
@Entity('studio')
export class Studio {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field(() => String)
  @Column('text')
  slug!: string;

  @Column('jsonb', { name: 'name' })
  nameTexts!: Texts;

  @Column('jsonb', { name: 'description', nullable: true })
  descriptionTexts!: Texts | null;

  @Field(() => Int, { description: 'How many artists can work there at once.' })
  @Column('integer')
  capacity!: number;
}
