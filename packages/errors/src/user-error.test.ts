import { inputReason, userError, UserErrorCode } from './index';

describe('userError', () => {
  it('writes a message in the caller’s language, French by default in the registry', () => {
    expect(userError(UserErrorCode.TOO_LONG, 'fr', { params: { minutes: 90 } })).toEqual({
      code: 'TOO_LONG',
      message: 'La durée maximale est de 90 minutes.',
      field: null,
    });
    expect(userError(UserErrorCode.TOO_LONG, 'en', { params: { minutes: 90 }, field: ['input', 'endsAt'] })).toEqual({
      code: 'TOO_LONG',
      message: 'The maximum duration is 90 minutes.',
      field: ['input', 'endsAt'],
    });
  });

  it('puts the reason of an INVALID_INPUT into the caller’s language, with its own parameters', () => {
    const params = { field: 'title.fr', ...inputReason('MAX_CHARACTERS', { max: 200 }) };
    expect(userError(UserErrorCode.INVALID_INPUT, 'fr', { params }).message).toBe('La valeur de « title.fr » est invalide : 200 caractères au plus.');
    expect(userError(UserErrorCode.INVALID_INPUT, 'en', { params }).message).toBe('The value of "title.fr" is invalid: at most 200 characters.');
    expect(userError(UserErrorCode.INVALID_INPUT, 'en', { params: { field: 'slug', ...inputReason('SLUG_FORMAT', { max: 60 }) } }).message).toBe(
      'The value of "slug" is invalid: a-z, 0-9 and hyphens, at most 60.',
    );
  });

  it('passes a reason that is not one of the registry (another subgraph’s words) as it is', () => {
    expect(userError(UserErrorCode.INVALID_INPUT, 'en', { params: { field: 'x', reason: 'as the ledger said' } }).message).toBe(
      'The value of "x" is invalid: as the ledger said.',
    );
  });
});
