import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { USER_ERROR_CODE_DESCRIPTION, USER_ERROR_CODES, UserErrorCode, type UserError as UserErrorShape } from '@maison/errors';

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: USER_ERROR_CODE_DESCRIPTION,
  valuesConfig: Object.fromEntries(Object.entries(USER_ERROR_CODES).map(([code, info]) => [code, { description: info.description }])),
});

@ObjectType({ description: 'An expected outcome that stopped a mutation: a stable code and a message.' })
@Directive('@shareable')
export class UserError implements UserErrorShape {
  @Field(() => UserErrorCode)
  code!: UserErrorCode;

  @Field({ description: 'Human-readable message in the language of the request.' })
  message!: string;

  @Field(() => [String], { nullable: true, description: 'Path of the input field at fault, if any.' })
  field?: string[] | null;
}
