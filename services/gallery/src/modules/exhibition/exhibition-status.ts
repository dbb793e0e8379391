import { registerEnumType } from 'type-graphql';

export enum ExhibitionStatus {
  CURRENT = 'CURRENT',
  UPCOMING = 'UPCOMING',
  PAST = 'PAST',
}
registerEnumType(ExhibitionStatus, {
  name: 'ExhibitionStatus',
  description: 'Where an exhibition stands today, in house time (America/Toronto). Computed, never stored.',
  valuesConfig: {
    CURRENT: { description: 'On view today: startsOn ≤ today ≤ endsOn.' },
    UPCOMING: { description: 'Opens after today.' },
    PAST: { description: 'Closed before today.' },
  },
});

/** The status of [startsOn, endsOn] (local dates, both included) on the local date today. */
export function exhibitionStatus(startsOn: string, endsOn: string, today: string): ExhibitionStatus {
  if (today < startsOn) return ExhibitionStatus.UPCOMING;
  if (today > endsOn) return ExhibitionStatus.PAST;
  return ExhibitionStatus.CURRENT;
}
