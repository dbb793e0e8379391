import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';
import { LocalizedTextInput, USER_ERRORS_SIZE, UserError } from '@maison/kit';
import { Artwork } from './artwork.entity';

@InputType({
  description:
    'Where to put a work: sharedSpaceId (a shared space of the house), or inGallery: true (the gallery), or neither with inGallery: false (taken down, in storage).',
})
export class PlaceArtworkInput {
  @Field(() => ID)
  artworkId!: string;

  @Field(() => ID, { nullable: true, description: 'A shared space (the kitchen, the terrace); not with inGallery: true.' })
  sharedSpaceId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: in the gallery; false without sharedSpaceId: taken down, in storage.' })
  inGallery?: boolean | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'At most 500 characters in each language; kept with the history.' })
  note?: LocalizedTextInput | null;
}

@ObjectType()
export class PlaceArtworkPayload {
  @Field(() => Artwork, { nullable: true })
  artwork!: Artwork | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}
