import { inputReason, UserErrorCode } from '@maison/errors';
import { errorsOf, invalid, ok, refuse } from './outcome';

describe('outcomes', () => {
  it('answers a value, or no value and the violations', () => {
    expect(ok(42)).toEqual({ value: 42, errors: [] });
    expect(refuse({ code: UserErrorCode.NOT_FOUND, field: ['id'] })).toEqual({ value: null, errors: [{ code: 'NOT_FOUND', field: ['id'] }] });
  });

  it('names the field at fault without its input prefix, and the reason with its parameters', () => {
    expect(invalid(['input', 'vernissage', 'startsAt'], inputReason('VERNISSAGE_WINDOW', { days: 14 }))).toEqual({
      code: 'INVALID_INPUT',
      field: ['input', 'vernissage', 'startsAt'],
      params: { field: 'vernissage.startsAt', reason: 'VERNISSAGE_WINDOW', days: 14 },
    });
  });

  it('puts violations into userErrors in the caller’s language', () => {
    const violations = [
      invalid(['input', 'title'], inputReason('MAX_CHARACTERS', { max: 200 })),
      { code: UserErrorCode.TOO_LONG, field: ['input', 'endsAt'], params: { minutes: 120 } },
      { code: UserErrorCode.NOT_ELIGIBLE },
    ];
    expect(errorsOf(violations, 'en')).toEqual([
      { code: 'INVALID_INPUT', message: 'The value of "title" is invalid: at most 200 characters.', field: ['input', 'title'] },
      { code: 'TOO_LONG', message: 'The maximum duration is 120 minutes.', field: ['input', 'endsAt'] },
      { code: 'NOT_ELIGIBLE', message: 'You are not eligible for this booking.', field: null },
    ]);
    expect(errorsOf(violations, 'fr')[0]).toEqual({
      code: 'INVALID_INPUT',
      message: 'La valeur de « title » est invalide : 200 caractères au plus.',
      field: ['input', 'title'],
    });
  });
});
