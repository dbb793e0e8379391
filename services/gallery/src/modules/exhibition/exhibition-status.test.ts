import { exhibitionStatus, ExhibitionStatus } from './exhibition-status';

describe('the status of an exhibition', () => {
  it('is CURRENT from its first to its last day, both included', () => {
    expect(exhibitionStatus('2026-06-01', '2026-06-30', '2026-06-01')).toBe(ExhibitionStatus.CURRENT);
    expect(exhibitionStatus('2026-06-01', '2026-06-30', '2026-06-30')).toBe(ExhibitionStatus.CURRENT);
    expect(exhibitionStatus('2026-06-01', '2026-06-01', '2026-06-01')).toBe(ExhibitionStatus.CURRENT);
  });

  it('is UPCOMING before its first day and PAST after its last', () => {
    expect(exhibitionStatus('2026-06-01', '2026-06-30', '2026-05-31')).toBe(ExhibitionStatus.UPCOMING);
    expect(exhibitionStatus('2026-06-01', '2026-06-30', '2026-07-01')).toBe(ExhibitionStatus.PAST);
  });
});
