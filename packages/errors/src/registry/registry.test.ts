import {
  GRAPHQL_ERROR_CODES,
  GRAPHQL_JS_MESSAGES,
  INPUT_REASONS,
  placeholdersOf,
  render,
  SCALAR_PROBLEMS,
  SIGNATURE_PROBLEMS,
  USER_ERROR_CODES,
  UserErrorCode,
  type Message,
} from './index';

/** Every message of the registry, named for the failure report. */
function allMessages(): [string, Message][] {
  const out: [string, Message][] = Object.entries(USER_ERROR_CODES).map(([code, m]) => [`userErrors ${code}`, m]);
  for (const [code, entry] of Object.entries(GRAPHQL_ERROR_CODES)) {
    for (const [name, m] of Object.entries(entry.messages)) out.push([`${code} ${name}`, m]);
    for (const [reason, m] of Object.entries((entry as { reasons?: Record<string, Message> }).reasons ?? {})) out.push([`${code} reason ${reason}`, m]);
  }
  for (const [table, entries] of Object.entries({ INPUT_REASONS, SCALAR_PROBLEMS, SIGNATURE_PROBLEMS, GRAPHQL_JS_MESSAGES })) {
    for (const [name, m] of Object.entries(entries)) out.push([`${table} ${name}`, m]);
  }
  return out;
}

describe('the registry of codes and messages', () => {
  it('has every user error code, each with a description and a message in French and in English', () => {
    expect(Object.keys(USER_ERROR_CODES).sort()).toEqual(Object.values(UserErrorCode).sort());
    for (const [code, entry] of Object.entries(USER_ERROR_CODES)) {
      expect([code, entry.description.length > 10, entry.fr.length > 0, entry.en.length > 0]).toEqual([code, true, true, true]);
    }
  });

  it('gives every GraphQL code a description and an HTTP status, and every code the house writes a message', () => {
    for (const [code, entry] of Object.entries(GRAPHQL_ERROR_CODES)) {
      expect([code, entry.description.length > 10, entry.httpStatus >= 200 && entry.httpStatus < 600]).toEqual([code, true, true]);
      const reasons = Object.keys((entry as { reasons?: object }).reasons ?? {});
      if (entry.writtenBy === 'house') expect([code, Object.keys(entry.messages).length + reasons.length > 0]).toEqual([code, true]);
      else expect([code, Object.keys(entry.messages)]).toEqual([code, []]);
      // A code with variants names its first one 'default' (what a bare builder gives), unless it has only reasons.
      if (Object.keys(entry.messages).length > 0) expect([code, Object.keys(entry.messages)[0]]).toEqual([code, 'default']);
    }
  });

  it('describes every variant and every reason, which a code picks among several', () => {
    for (const [code, entry] of Object.entries(GRAPHQL_ERROR_CODES)) {
      for (const [name, m] of Object.entries(entry.messages as Record<string, Message>))
        if (name !== 'default') expect([code, name, Boolean(m.description)]).toEqual([code, name, true]);
      for (const [reason, m] of Object.entries((entry as { reasons?: Record<string, Message> }).reasons ?? {}))
        expect([code, reason, Boolean(m.description)]).toEqual([code, reason, true]);
    }
  });

  it('writes every message in both languages, with the same parameters in each, and never the same text for a sentence', () => {
    for (const [name, m] of allMessages()) {
      expect([name, m.fr.trim().length > 0, m.en.trim().length > 0]).toEqual([name, true, true]);
      expect([name, placeholdersOf(m.fr).sort()]).toEqual([name, placeholdersOf(m.en).sort()]);
      // A sentence reads differently in French; only symbols and names (UUID, "≥ {min}") may be the same.
      if (/[a-z]{4,} [a-z]{4,}/i.test(m.en)) expect([name, m.fr]).not.toEqual([name, m.en]);
    }
  });

  it('keeps each language to itself: no "fr / en" message', () => {
    for (const [name, m] of allMessages()) expect([name, / \/ [A-Za-z]/.test(m.fr) || / \/ [A-Za-z]/.test(m.en)]).toEqual([name, false]);
  });

  it('renders a message with its parameters, and leaves an unknown one as written', () => {
    const depth = GRAPHQL_ERROR_CODES.DEPTH_LIMIT_EXCEEDED.messages.default;
    expect(render(depth, 'fr', { actual: 11, limit: 10 })).toBe('La profondeur de la requête (11) dépasse la limite de 10.');
    expect(render(depth, 'en', { actual: 11, limit: 10 })).toBe('Query depth 11 exceeds the limit of 10.');
    expect(render(depth, 'en', { limit: 10 })).toBe('Query depth {actual} exceeds the limit of 10.');
    expect(render(GRAPHQL_ERROR_CODES.BAD_USER_INPUT.messages.SCALAR_VARIABLE, 'fr', { name: 'from', scalar: 'DateTime', problem: 'p' })).toBe(
      'La variable « $from » n’est pas un DateTime valide : p.',
    );
  });

  it('fills every parameter of every message when given them all', () => {
    for (const [name, m] of allMessages()) {
      const params = Object.fromEntries(placeholdersOf(m.fr).map((p) => [p, `<${p}>`]));
      for (const lang of ['fr', 'en'] as const) {
        const text = render(m, lang, params);
        expect([name, lang, /\{\w+\}/.test(text)]).toEqual([name, lang, false]);
        for (const p of Object.keys(params)) expect([name, lang, text.includes(`<${p}>`)]).toEqual([name, lang, true]);
      }
    }
  });
});
