import { Ctx, Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { connectionType, money, Money } from '@maison/kit';
import { tr, type Texts } from '@maison/house';
import type { Context } from '../../context';
import { ArtworkAvailability, isPriceOnRequest, priceLabel, publicPriceCents } from './price-label';

export { ArtworkAvailability };
registerEnumType(ArtworkAvailability, {
  name: 'ArtworkAvailability',
  description: 'Whether a work can be bought: AVAILABLE, SOLD, NOT_FOR_SALE, or ON_LOAN (away from the house).',
});

@ObjectType({ description: 'A work by an artist of Le Vivoir, perhaps on display somewhere in the house.' })
@Directive('@key(fields: "id")')
@Entity('artwork')
export class Artwork {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field(() => String)
  @Column('text')
  slug!: string;

  @Column('uuid', { name: 'artist_id' })
  artistId!: string;

  @Column('jsonb', { name: 'title' })
  titleTexts!: Texts;

  @Field(() => Int)
  @Column('smallint')
  year!: number;

  @Column('jsonb', { name: 'medium' })
  mediumTexts!: Texts;

  @Field(() => String, { description: 'Height × width (× depth), e.g. "61 × 76 cm".' })
  @Column('text')
  dimensions!: string;

  @Field(() => ArtworkAvailability)
  @Column({ type: 'enum', enum: ArtworkAvailability, enumName: 'artwork_availability' })
  availability!: ArtworkAvailability;

  @Column('integer', { name: 'price_cents', nullable: true })
  priceCents!: number | null;

  @Column('text')
  currency!: string;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'image_url', nullable: true })
  imageUrl!: string | null;

  @Column('uuid', { name: 'displayed_in_space_id', nullable: true })
  displayedInSpaceId!: string | null;

  @Field(() => String)
  title(@Ctx() ctx: Context): string {
    return tr(this.titleTexts, ctx.lang);
  }

  @Field(() => String, { description: 'Materials and technique, e.g. "Huile sur toile" / "Oil on canvas".' })
  medium(@Ctx() ctx: Context): string {
    return tr(this.mediumTexts, ctx.lang);
  }

  @Field(() => Money, { nullable: true, description: 'The asking price; null when on request, not for sale, or sold.' })
  price(@Ctx() ctx: Context): Money | null {
    const cents = publicPriceCents(this.availability, this.priceCents);
    return cents === null ? null : money(cents, ctx.lang, this.currency);
  }

  @Field(() => Boolean, { description: 'True when the work is for sale and its price is given on request.' })
  priceOnRequest(): boolean {
    return isPriceOnRequest(this.availability, this.priceCents);
  }

  @Field(() => String, { description: 'The label beside the work: "1 250,00 $", "Prix sur demande", "Vendue"…' })
  priceLabel(@Ctx() ctx: Context): string {
    return priceLabel(this.availability, this.priceCents, this.currency, ctx.lang);
  }
}

export const ArtworkConnection = connectionType('Artwork', Artwork);
