import { Directive, Field, ObjectType } from 'type-graphql';
import { USER_ERRORS_SIZE, UserError } from '@maison/kit';
import { Artwork } from './artwork.entity';

@ObjectType()
export class MarkArtworkSoldPayload {
  @Field(() => Artwork, { nullable: true })
  artwork!: Artwork | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}
