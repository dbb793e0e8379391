import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { connectionType } from '@maison/kit';
import type { Texts } from '@maison/house';

/** An artist's columns; bio, disciplines and artworks are resolved by ArtistResolver. */
@ObjectType({ description: 'An artist of Le Vivoir, exhibited in the gallery or working in its shared studios.' })
@Directive('@key(fields: "id")')
@Entity('artist')
export class Artist {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field(() => String, { description: 'Stable public name, e.g. "fernand-saint-aubin".' })
  @Column('text')
  slug!: string;

  @Field(() => String, { description: 'The name the artist signs with.' })
  @Column('text')
  name!: string;

  @Column('jsonb', { name: 'bio', nullable: true })
  bioTexts!: Texts | null;

  @Column('jsonb', { name: 'disciplines' })
  disciplineTexts!: Texts[];

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  website!: string | null;

  @Field(() => Boolean, { description: 'False: the artist and their works are seen only by themself and ADMIN.' })
  @Column('boolean', { name: 'is_public' })
  isPublic!: boolean;
}

export const ArtistConnection = connectionType('Artist', Artist);
