import { Ctx, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { tr, type Texts } from '@maison/house';
import type { Context } from '../../context';

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

  @Field(() => String)
  name(@Ctx() ctx: Context): string {
    return tr(this.nameTexts, ctx.lang);
  }

  @Field(() => String, { nullable: true })
  description(@Ctx() ctx: Context): string | null {
    return tr(this.descriptionTexts, ctx.lang);
  }
}
