import { Field, ObjectType } from 'type-graphql';

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
