import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalizedTextInput, USER_ERRORS_SIZE, UserError } from '@maison/kit';
import { Artwork, ArtworkAvailability } from './artwork.entity';

@InputType({ description: 'A new work. Without a price an AVAILABLE work is on request; NOT_FOR_SALE never has a price.' })
export class CreateArtworkInput {
  @Field(() => ID, { nullable: true, description: 'The artist: an ARTIST’s own by default (and only); ADMIN must give it.' })
  artistId?: string | null;

  @Field(() => String, { nullable: true, description: 'Stable public name (a-z, 0-9, hyphens, at most 80); derived from the French title when left out.' })
  slug?: string | null;

  @Field(() => LocalizedTextInput, { description: '1 to 200 characters in each language.' })
  title!: LocalizedTextInput;

  @Field(() => Int, { description: '1850 to next year.' })
  year!: number;

  @Field(() => LocalizedTextInput, { description: 'Materials and technique: at most 120 characters in each language.' })
  medium!: LocalizedTextInput;

  @Field(() => String, { description: '1 to 100 characters, e.g. "61 × 76 cm".' })
  dimensions!: string;

  @Field(() => Int, { nullable: true, description: 'The asking price in cents: 1 to 100 000 000.' })
  priceCents?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'true: for sale, price on request (not with priceCents).' })
  priceOnRequest?: boolean | null;

  @Field(() => ArtworkAvailability, { nullable: true, description: 'AVAILABLE by default; not SOLD (a sale is recorded by markArtworkSold).' })
  availability?: ArtworkAvailability | null;

  @Field(() => String, { nullable: true, description: 'An https:// URL; imageAlt (in French at least) is then required.' })
  imageUrl?: string | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'What the image shows, for those who cannot see it: at most 300 characters.' })
  imageAlt?: LocalizedTextInput | null;
}

@InputType({
  description:
    'Changes to a work. A field left out is unchanged; null clears imageUrl and imageAlt; priceOnRequest true clears the price. A SOLD work is never put on sale again (ALREADY_SOLD).',
})
export class UpdateArtworkInput {
  @Field(() => LocalizedTextInput, { nullable: true })
  title?: LocalizedTextInput | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  medium?: LocalizedTextInput | null;

  @Field(() => String, { nullable: true })
  dimensions?: string | null;

  @Field(() => Int, { nullable: true })
  priceCents?: number | null;

  @Field(() => Boolean, { nullable: true })
  priceOnRequest?: boolean | null;

  @Field(() => ArtworkAvailability, {
    nullable: true,
    description: 'NOT_FOR_SALE clears the price; ON_LOAN only for a work not on display; not SOLD (a sale is recorded by markArtworkSold).',
  })
  availability?: ArtworkAvailability | null;

  @Field(() => String, { nullable: true })
  imageUrl?: string | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  imageAlt?: LocalizedTextInput | null;
}

@ObjectType()
export class ArtworkPayload {
  @Field(() => Artwork, { nullable: true })
  artwork!: Artwork | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}
