import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How to reach a member: for the member themself and ADMIN only.' })
export class MemberContact {
  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}
