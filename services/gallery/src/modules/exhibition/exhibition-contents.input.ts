import { Directive, Field, ObjectType } from 'type-graphql';
import { USER_ERRORS_SIZE, UserError } from '@maison/kit';
import { Exhibition } from './exhibition.entity';

@ObjectType({ description: 'The exhibition after its works or artists changed; null when nothing changed because of userErrors.' })
export class ExhibitionContentsPayload {
  @Field(() => Exhibition, { nullable: true })
  exhibition!: Exhibition | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}
