import { Field, ObjectType } from 'type-graphql';
import { Member } from '../member/member.entity';

@ObjectType({ description: 'Your life at Espace KO, as the member of your token: your membership, visits and registrations.' })
export class MyCoworking {
  @Field(() => Member)
  member!: Member;
}
