import { Directive, Field, InputType, ObjectType } from 'type-graphql';
import { LocalizedTextInput, USER_ERRORS_SIZE, UserError } from '@maison/kit';
import { Artist } from './artist.entity';

@InputType({ description: 'A new artist of Le Vivoir.' })
export class CreateArtistInput {
  @Field(() => String, { nullable: true, description: 'Stable public name (a-z, 0-9, hyphens, at most 60); derived from the name when left out.' })
  slug?: string | null;

  @Field(() => String, { description: 'The name the artist signs with: 1 to 120 printable characters.' })
  name!: string;

  @Field(() => [LocalizedTextInput], { nullable: true, description: 'What the artist practises: at most 10, each at most 80 characters.' })
  disciplines?: LocalizedTextInput[] | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'At most 5000 characters in each language.' })
  bio?: LocalizedTextInput | null;

  @Field(() => String, { nullable: true, description: 'An http:// or https:// URL.' })
  website?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True by default; false: seen (with their works) only by themself and ADMIN.' })
  isPublic?: boolean | null;
}

@InputType({ description: 'Changes to an artist. A field left out is unchanged; name and disciplines cannot be cleared; null clears bio and website.' })
export class UpdateArtistInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [LocalizedTextInput], { nullable: true, description: 'Replaces the previous list.' })
  disciplines?: LocalizedTextInput[] | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  bio?: LocalizedTextInput | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => Boolean, { nullable: true })
  isPublic?: boolean | null;
}

@ObjectType()
export class ArtistPayload {
  @Field(() => Artist, { nullable: true })
  artist!: Artist | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}
