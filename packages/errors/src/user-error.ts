import type { Lang } from '@maison/config';
import { USER_ERROR_CODES, UserErrorCode } from './codes';

/** An expected outcome that stopped a mutation, as a payload's userErrors carry it (its GraphQL type is @maison/kit's UserError). */
export interface UserError {
  code: UserErrorCode;
  message: string;
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
  return { code, message: formatMessage(code, lang, options.params), field: options.field ?? null };
}
