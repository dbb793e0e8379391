import { Directive, Field, ObjectType } from 'type-graphql';
import { UserError } from '@maison/errors';
import { USER_ERRORS_SIZE } from '@maison/kit';
import { Artwork } from './artwork.entity';

@ObjectType()
export class MarkArtworkSoldPayload {
  @Field(() => Artwork, { nullable: true })
  artwork!: Artwork | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}
