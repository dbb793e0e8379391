import { Directive, Field, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A text in both languages of the house. French is always present.' })
@Directive('@shareable')
export class LocalizedText {
  @Field()
  fr!: string;

  @Field(() => String, { nullable: true })
  en?: string | null;
}

@InputType({ description: 'A text in both languages of the house: French required, English optional.' })
export class LocalizedTextInput {
  @Field()
  fr!: string;

  @Field(() => String, { nullable: true })
  en?: string | null;
}
