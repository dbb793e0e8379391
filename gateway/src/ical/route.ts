import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { LANGS, negotiateLang, type Lang } from '@maison/config';
import { codeMessage } from '@maison/errors';
import { addDays, isLocalDate, todayInHouse } from '@maison/house';
import { sendJson } from '@maison/http';
import type { GatewayContext } from '../context';
import { buildCalendar } from './ics';
import { FEED_NAME, FEED_TEXTS } from './feed-texts';
import { CalendarFeedError, houseCalendarEvents } from './house-calendar';

export const DEFAULT_FEED_DAYS = 30;

/**
 * GET /calendar.ics?from=YYYY-MM-DD&to=YYYY-MM-DD&lang=fr|en — the public house calendar as an
 * RFC 5545 feed a phone can subscribe to. By default, today and the next 30 days.
 */
export async function serveCalendarFeed(apollo: ApolloServer<GatewayContext>, req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const queryLang = url.searchParams.get('lang');
  const lang: Lang = queryLang && LANGS.includes(queryLang as Lang) ? (queryLang as Lang) : negotiateLang(req.headers['accept-language']);
  res.setHeader('content-language', lang);
  const from = url.searchParams.get('from') ?? todayInHouse();
  const problem = (key: 'FEED_DATES' | 'FEED_LANG') =>
    sendJson(res, 400, { errors: [{ message: codeMessage('BAD_USER_INPUT', key, lang), extensions: { code: 'BAD_USER_INPUT' } }] });
  if (!isLocalDate(from)) return problem('FEED_DATES');
  const to = url.searchParams.get('to') ?? addDays(from, DEFAULT_FEED_DAYS);
  if (!isLocalDate(to)) return problem('FEED_DATES');
  if (queryLang && !LANGS.includes(queryLang as Lang)) return problem('FEED_LANG');
  try {
    const events = await houseCalendarEvents(apollo, from, to, lang, requestId);
    const body = buildCalendar({ name: FEED_NAME, description: FEED_TEXTS[lang].description, events });
    res.writeHead(200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="la-maison.ics"',
      'cache-control': 'public, max-age=300',
      'content-length': Buffer.byteLength(body),
      'x-request-id': requestId,
    });
    res.end(body);
  } catch (error) {
    if (error instanceof CalendarFeedError) return sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
    throw error;
  }
}
