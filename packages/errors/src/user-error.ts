import type { Lang } from '@maison/config';
import { INPUT_REASONS, type InputReason } from './registry/input-reasons';
import { render, type ParamsArg, type ParamValue } from './registry/message';
import { USER_ERROR_CODES, UserErrorCode } from './registry/user-error-codes';

/** An expected outcome that stopped a mutation (its GraphQL type is the kit's UserError). */
export interface UserError {
  code: UserErrorCode;
  message: string;
  field?: string[] | null;
}

export type MessageParams = Record<string, ParamValue>;

/** The params of an INVALID_INPUT: which reason, with the reason's own parameters. */
export type InputReasonParams = MessageParams & { reason: InputReason };

/** Names why a field is invalid: inputReason('MAX_CHARACTERS', { max: 200 }). */
export function inputReason<R extends InputReason>(reason: R, ...[params]: ParamsArg<(typeof INPUT_REASONS)[R]>): InputReasonParams {
  return { ...(params as MessageParams | undefined), reason };
}

const isInputReason = (value: ParamValue | undefined): value is InputReason => typeof value === 'string' && Object.hasOwn(INPUT_REASONS, value);

/** The message of a user error in the caller's language; INVALID_INPUT's reason is put into that language too. */
export function formatMessage(code: UserErrorCode, lang: Lang, params: MessageParams = {}): string {
  const reason = params.reason;
  const filled = code === UserErrorCode.INVALID_INPUT && isInputReason(reason) ? { ...params, reason: render(INPUT_REASONS[reason], lang, params) } : params;
  return render(USER_ERROR_CODES[code], lang, filled);
}

export function userError(code: UserErrorCode, lang: Lang, options: { field?: string[]; params?: MessageParams } = {}): UserError {
  return { code, message: formatMessage(code, lang, options.params), field: options.field ?? null };
}
