import type { ApolloServer } from '@apollo/server';
import { ANONYMOUS } from '@maison/auth';
import type { Lang } from '@maison/config';
import { codeMessage } from '@maison/errors';
import type { GatewayContext } from '../context';
import { FEED_TEXTS } from './feed-texts';
import type { IcsEvent } from './ics';

/** One operation through the gateway's own query planner: the feed reads what any client could. */
export const CALENDAR_FEED_QUERY = `query CalendarFeed($from: LocalDate!, $to: LocalDate!) {
  calendar(from: $from, to: $to) {
    date
    exhibitionsOnView { id title description startsOn endsOn }
    vernissages { id title vernissage { startsAt endsAt venueName } }
    coworkingEvents { id title description startsAt endsAt room sharedSpace { name } }
    spaceBookings { id title startsAt endsAt space { name } }
  }
}`;

interface Day {
  exhibitionsOnView: { id: string; title: string; description: string | null; startsOn: string; endsOn: string }[] | null;
  vernissages: { id: string; title: string; vernissage: { startsAt: string; endsAt: string; venueName: string } | null }[] | null;
  coworkingEvents:
    | { id: string; title: string; description: string | null; startsAt: string; endsAt: string; room: string | null; sharedSpace: { name: string } | null }[]
    | null;
  spaceBookings: { id: string; title: string | null; startsAt: string; endsAt: string; space: { name: string } | null }[] | null;
}

const DOMAIN = 'la-maison.example';

export class CalendarFeedError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Runs the calendar operation as an anonymous caller and turns its answer into feed entries, each once. */
export async function houseCalendarEvents(apollo: ApolloServer<GatewayContext>, from: string, to: string, lang: Lang, requestId: string): Promise<IcsEvent[]> {
  const response = await apollo.executeOperation(
    { query: CALENDAR_FEED_QUERY, variables: { from, to } },
    { contextValue: { identity: ANONYMOUS, lang, requestId } },
  );
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  const { data, errors } = response.body.singleResult;
  if (!data) {
    const first = errors?.[0];
    const code = String(first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    throw new CalendarFeedError(code === 'BAD_USER_INPUT' ? 400 : 502, code, first?.message ?? codeMessage('INTERNAL_SERVER_ERROR', 'default', lang));
  }
  const label = FEED_TEXTS[lang];
  const events = new Map<string, IcsEvent>();
  for (const day of (data as { calendar: Day[] }).calendar) {
    for (const e of day.exhibitionsOnView ?? []) {
      events.set(`exhibition-${e.id}`, {
        uid: `exhibition-${e.id}@${DOMAIN}`,
        summary: `${label.exhibition}${label.titleSeparator}${e.title}`,
        description: e.description,
        location: 'Le Vivoir',
        firstDay: e.startsOn,
        lastDay: e.endsOn,
        categories: [label.exhibition],
      });
    }
    for (const e of day.vernissages ?? []) {
      if (!e.vernissage) continue;
      events.set(`vernissage-${e.id}`, {
        uid: `vernissage-${e.id}@${DOMAIN}`,
        summary: `${label.vernissage} — ${e.title}`,
        location: e.vernissage.venueName,
        start: new Date(e.vernissage.startsAt),
        end: new Date(e.vernissage.endsAt),
        categories: [label.vernissage],
      });
    }
    for (const e of day.coworkingEvents ?? []) {
      events.set(`coworking-event-${e.id}`, {
        uid: `coworking-event-${e.id}@${DOMAIN}`,
        summary: e.title,
        description: e.description,
        location: e.sharedSpace?.name ?? e.room,
        start: new Date(e.startsAt),
        end: new Date(e.endsAt),
        categories: [label.event],
      });
    }
    for (const b of day.spaceBookings ?? []) {
      if (!b.title) continue;
      events.set(`space-booking-${b.id}`, {
        uid: `space-booking-${b.id}@${DOMAIN}`,
        summary: b.title,
        location: b.space?.name,
        start: new Date(b.startsAt),
        end: new Date(b.endsAt),
        categories: [label.booking],
      });
    }
  }
  return [...events.values()];
}
