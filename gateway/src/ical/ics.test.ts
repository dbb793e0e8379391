import ICAL from 'ical.js';
import { buildCalendar, escapeText, foldLine } from './ics';

describe('RFC 5545 text', () => {
  it('escapes backslashes, semicolons, commas and newlines', () => {
    expect(escapeText('a\\b; c, d\ne')).toBe('a\\\\b\\; c\\, d\\ne');
  });

  it('folds lines at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .map((p, i) => (i === 0 ? p : p.slice(1)))
        .join(''),
    ).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('writes a calendar that a real parser reads back: times in UTC, all-day entries, accents', () => {
    const text = buildCalendar({
      name: 'La Maison',
      description: 'Calendrier',
      now: new Date('2026-11-26T12:00:00Z'),
      events: [
        {
          uid: 'a@x',
          summary: 'Dîner, « communautaire »; ouvert',
          start: new Date('2026-12-01T16:30:00Z'),
          end: new Date('2026-12-01T18:30:00Z'),
          location: 'Cuisine partagée',
        },
        { uid: 'b@x', summary: 'Exposition : Marées', firstDay: '2026-11-20', lastDay: '2026-12-31', description: `Ligne 1\nLigne 2 ${'é'.repeat(80)}` },
      ],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => [e.uid, e.summary, e.location])).toEqual([
      ['a@x', 'Dîner, « communautaire »; ouvert', 'Cuisine partagée'],
      ['b@x', 'Exposition : Marées', null],
    ]);
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2026-12-01T16:30:00.000Z');
    expect(events[1]!.startDate.isDate).toBe(true);
    expect(events[1]!.startDate.toString()).toBe('2026-11-20');
    expect(events[1]!.endDate.toString()).toBe('2027-01-01');
    expect(events[1]!.description).toBe(`Ligne 1\nLigne 2 ${'é'.repeat(80)}`);
  });
});
