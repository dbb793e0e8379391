import type { Lang } from '@maison/config';
import { badUserInput } from '@maison/errors';

const DAY_MS = 86_400_000;

/**
 * The window [from, to) of a read: `to` after `from`, and no longer than `maxDays` when given; else
 * BAD_USER_INPUT. A missing end leaves the window open on that side.
 */
export function checkQueryWindow(from: Date | null | undefined, to: Date | null | undefined, lang: Lang, options: { maxDays?: number } = {}): void {
  if (!from || !to) return;
  if (to <= from) throw badUserInput(lang, 'TO_AFTER_FROM');
  const { maxDays } = options;
  if (maxDays !== undefined && to.getTime() - from.getTime() > maxDays * DAY_MS) {
    throw badUserInput(lang, 'WINDOW_TOO_LONG', { days: maxDays });
  }
}
