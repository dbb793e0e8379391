import { Ctx, Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { connectionType } from '@maison/kit';
import { tr, type Texts } from '@maison/house';
import type { Context } from '../../context';

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

  @Field(() => String, { nullable: true })
  bio(@Ctx() ctx: Context): string | null {
    return tr(this.bioTexts, ctx.lang);
  }

  @Field(() => [String], { description: 'What the artist practises, e.g. "Sculpture sur bois" / "Wood carving".' })
  disciplines(@Ctx() ctx: Context): string[] {
    return this.disciplineTexts.map((d) => tr(d, ctx.lang));
  }
}

export const ArtistConnection = connectionType('Artist', Artist);
