import { Directive, Field, ObjectType } from 'type-graphql';
import type { Lang } from '@maison/config';
import { USER_ERROR_CODES, UserErrorCode } from './codes';

@ObjectType({ description: 'An expected outcome that stopped a mutation: a stable code and a message.' })
@Directive('@shareable')
export class UserError {
  @Field(() => UserErrorCode)
  code!: UserErrorCode;

  @Field({ description: 'Human-readable message in the language of the request.' })
  message!: string;

  @Field(() => [String], { nullable: true, description: 'Path of the input field at fault, if any.' })
  field?: string[] | null;
}

export type MessageParams = Record<string, string | number>;

export function formatMessage(code: UserErrorCode, lang: Lang, params: MessageParams = {}): string {
  const template = USER_ERROR_CODES[code][lang];
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in params ? String(params[key]) : match));
}

export function userError(
  code: UserErrorCode,
  lang: Lang,
  options: { field?: string[]; params?: MessageParams } = {},
): UserError {
  const error = new UserError();
  error.code = code;
  error.message = formatMessage(code, lang, options.params);
  error.field = options.field ?? null;
  return error;
}
