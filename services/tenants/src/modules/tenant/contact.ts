import { Field, ObjectType } from 'type-graphql';

@ObjectType()
export class Contact {
  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}
