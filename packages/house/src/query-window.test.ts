import { checkQueryWindow } from './query-window';

const at = (iso: string) => new Date(iso);
const badInput = (message: string) => expect.objectContaining({ message, extensions: { code: 'BAD_USER_INPUT' } });

describe('query windows', () => {
  it('takes a window whose end comes after its start, or open on either side', () => {
    expect(() => checkQueryWindow(at('2026-11-26T00:00:00Z'), at('2026-11-26T00:00:01Z'), 'fr')).not.toThrow();
    expect(() => checkQueryWindow(null, at('2026-11-26T00:00:00Z'), 'fr')).not.toThrow();
    expect(() => checkQueryWindow(at('2026-11-26T00:00:00Z'), undefined, 'fr')).not.toThrow();
  });

  it('refuses an empty or reversed window, in the caller’s language', () => {
    const day = at('2026-11-26T00:00:00Z');
    expect(() => checkQueryWindow(day, day, 'fr')).toThrow(badInput('Argument invalide. « to » doit suivre « from ».'));
    expect(() => checkQueryWindow(day, at('2026-11-25T00:00:00Z'), 'en')).toThrow(badInput('Invalid argument. "to" must be after "from".'));
  });

  it('refuses a window longer than its most days', () => {
    const from = at('2026-01-01T00:00:00Z');
    expect(() => checkQueryWindow(from, at('2026-01-31T00:00:00Z'), 'en', { maxDays: 30 })).not.toThrow();
    expect(() => checkQueryWindow(from, at('2026-01-31T00:00:01Z'), 'en', { maxDays: 30 })).toThrow(badInput('Invalid argument. Window of at most 30 days.'));
    expect(() => checkQueryWindow(from, at('2026-01-31T00:00:01Z'), 'fr', { maxDays: 30 })).toThrow(
      badInput('Argument invalide. Fenêtre de 30 jours au plus.'),
    );
  });
});
