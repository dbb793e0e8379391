import { Field, ObjectType } from 'type-graphql';
import { UserError } from '@maison/errors';
import { Artwork } from './artwork.entity';

@ObjectType()
export class MarkArtworkSoldPayload {
  @Field(() => Artwork, { nullable: true })
  artwork!: Artwork | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
