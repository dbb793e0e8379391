import { randomUUID } from 'node:crypto';
import { contentIds, dateOverlapViolations, overlapViolations, tooMany } from './exhibition-contents.rules';

const A = randomUUID();
const B = randomUUID();

describe('contentIds', () => {
  it('keeps the order, drops repeats (in any case), and reports malformed ids at their position', () => {
    expect(contentIds([A, B.toUpperCase(), A], 'artworkIds')).toEqual({ ids: [A, B], violations: [] });
    expect(contentIds([A, 'x'], 'artistIds').violations).toEqual([{ code: 'NOT_FOUND', field: ['artistIds', '1'] }]);
  });

  it('takes at most 100 ids at once, and an exhibition holds at most 100', () => {
    const many = Array.from({ length: 101 }, () => randomUUID());
    expect(contentIds(many, 'artworkIds').violations.map((v) => v.field)).toEqual([['artworkIds']]);
    expect(contentIds(many.slice(1), 'artworkIds').violations).toEqual([]);
    expect(tooMany('artworkIds', 100)).toBeNull();
    expect(tooMany('artistIds', 101)).toMatchObject({ code: 'INVALID_INPUT', field: ['artistIds'] });
  });
});

describe('overlapViolations', () => {
  const conflicts = [{ artworkId: B, otherTitle: { fr: 'Marées hautes', en: 'High tides' } }];
  it('names the other exhibition, in the caller’s language, on the work’s position', () => {
    expect(overlapViolations(conflicts, [A, B], ['artworkIds'], 'en')).toEqual([
      { code: 'ARTWORK_IN_OTHER_EXHIBITION', field: ['artworkIds', '1'], params: { title: 'High tides' } },
    ]);
    expect(overlapViolations(conflicts, [A], ['artworkIds'], 'fr')).toEqual([]);
  });

  it('on a date change, names each other exhibition once, on the date', () => {
    expect(dateOverlapViolations([...conflicts, { artworkId: A, otherTitle: { fr: 'Marées hautes' } }], ['input', 'endsOn'], 'fr')).toEqual([
      { code: 'ARTWORK_IN_OTHER_EXHIBITION', field: ['input', 'endsOn'], params: { title: 'Marées hautes' } },
    ]);
  });
});
