import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { connectionType, DateTimeScalar } from '@maison/kit';
import type { Texts } from '@maison/house';
import { ArtworkAvailability } from './price-label';

export { ArtworkAvailability };
registerEnumType(ArtworkAvailability, {
  name: 'ArtworkAvailability',
  description: 'Whether a work can be bought: AVAILABLE, SOLD, NOT_FOR_SALE, or ON_LOAN (away from the house).',
});

/** A work's columns; its texts, prices, artist and place are resolved by ArtworkFieldResolver. */
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

  /** The description of the image (imageAlt, resolved by ArtworkRecordFieldResolver). */
  @Column('jsonb', { name: 'image_alt', nullable: true })
  imageAltTexts!: Texts | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the work left the catalogue; a retired work is read only by id, by ADMIN and its artist.',
  })
  @Column('timestamptz', { name: 'retired_at', nullable: true })
  retiredAt!: Date | null;
}

export const ArtworkConnection = connectionType('Artwork', Artwork);
