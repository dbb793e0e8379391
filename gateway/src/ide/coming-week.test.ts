import { toComingWeek } from './coming-week';

describe('toComingWeek', () => {
  it('moves local dates so the earliest is today, keeping the span', () => {
    expect(toComingWeek({ from: '2026-11-26', to: '2026-12-02' }, '2027-03-10')).toEqual({ from: '2027-03-10', to: '2027-03-16' });
  });

  it('moves instants by whole days at the same wall clock of the house, with the offset of their new day', () => {
    const moved = toComingWeek({ from: '2026-11-26T00:00:00-05:00', to: '2026-12-03T09:30:00-05:00' }, '2027-07-01');
    expect(moved).toEqual({ from: '2027-07-01T00:00:00-04:00', to: '2027-07-08T09:30:00-04:00' });
  });

  it('takes the earliest date of dates and instants alike, and leaves other values as they are', () => {
    const moved = toComingWeek({ to: '2026-12-02', from: '2026-11-30T12:00:00Z', first: 10, slug: 'cuisine' }, '2026-12-07');
    expect(moved).toEqual({ to: '2026-12-09', from: '2026-12-07T07:00:00-05:00', first: 10, slug: 'cuisine' });
  });

  it('returns variables without dates unchanged', () => {
    const variables = { slug: 'cuisine', day: '2026-13-01' };
    expect(toComingWeek(variables, '2026-12-07')).toBe(variables);
  });
});
