/* eslint-disable @typescript-eslint/no-require-imports */
// The copy of negotiator Apollo Server requires (`new negotiator_1.default({ headers: { accept } })`).
const Negotiator = require(require.resolve('negotiator', { paths: [require.resolve('@apollo/server')] })) as {
  prototype: { mediaType: MediaType & { memoized?: true }; request: { headers: { accept?: string } } };
};
/* eslint-enable @typescript-eslint/no-require-imports */

type MediaType = (this: { request: { headers: { accept?: string } } }, available?: string[]) => string | undefined;

/** Accept headers remembered at most (a browser sends one or two; beyond this, negotiated each time). */
export const MEDIA_TYPE_KEYS = 256;

/**
 * Apollo Server negotiates the media types of every request anew: its pipeline asks negotiator
 * which incremental-delivery format the Accept header prefers even when there is no Accept header
 * and no @defer (requestPipeline.js, `useLegacyIncremental`), and its HTTP layer asks again for the
 * answer's content type. Parsing the header is 1.5 % of the gateway's CPU on a write. The answer
 * depends on the header's text and the list offered, nothing else: remembered per pair here.
 */
export function memoizedMediaType(original: MediaType): MediaType {
  const known = new Map<string, string | undefined>();
  return function (this: { request: { headers: { accept?: string } } }, available?: string[]) {
    if (!available) return original.call(this, available);
    const key = `${this.request.headers.accept ?? ''}\n${available.join('\n')}`;
    if (known.has(key)) return known.get(key);
    const chosen = original.call(this, available);
    if (known.size < MEDIA_TYPE_KEYS) known.set(key, chosen);
    return chosen;
  };
}

/** Puts the memoized negotiation where Apollo Server's negotiator looks it up (once per process). */
export function installMediaTypeMemo(): void {
  const prototype = Negotiator.prototype;
  if (prototype.mediaType.memoized) return;
  prototype.mediaType = Object.assign(memoizedMediaType(prototype.mediaType), { memoized: true as const });
}
