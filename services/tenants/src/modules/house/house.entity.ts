import { Ctx, Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { assumedSize } from '@maison/kit';
import { HOUSE_TZ, tr, type Texts } from '@maison/house';
import type { Context } from '../../context';
import { OpeningHours, type OpeningHoursRow } from './opening-hours';

@ObjectType()
export class Address {
  @Field()
  streetAddress!: string;

  @Field()
  locality!: string;

  @Field({ description: 'Province, e.g. QC.' })
  region!: string;

  @Field()
  postalCode!: string;

  @Field({ description: 'ISO 3166 country code.' })
  country!: string;
}

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

  @Field()
  name(@Ctx() ctx: Context): string {
    return tr(this.nameTexts, ctx.lang);
  }

  @Field(() => String, { nullable: true })
  description(@Ctx() ctx: Context): string | null {
    return tr(this.descriptionTexts, ctx.lang);
  }

  @Field(() => Address)
  address(): Address {
    return Object.assign(new Address(), {
      streetAddress: this.streetAddress,
      locality: this.locality,
      region: this.region,
      postalCode: this.postalCode,
      country: this.country,
    });
  }

  // Two opening ranges per weekday at most.
  @Directive(assumedSize(14))
  @Field(() => [OpeningHours])
  openingHours(): OpeningHours[] {
    return this.openingHoursRows.map((r) => Object.assign(new OpeningHours(), r));
  }
}
