/**
 * Nesting of a JSON value, walked with an explicit stack (never recursion): a scalar is 0, `{}` and
 * `[]` are 1, `{ "a": { "a": 1 } }` is 2. Stops as soon as the depth passes `stopAbove`, so a
 * hostile value costs no more than the limit it breaks.
 */
export function jsonDepth(value: unknown, stopAbove = Number.POSITIVE_INFINITY): number {
  let max = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    const level = depth + 1;
    if (level > max) max = level;
    if (max > stopAbove) return max;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: level });
    }
  }
  return max;
}

/** The variables of a request as the gateway received them: a POST body's, or a GET's `variables` parameter. */
export function requestVariables(method: string | undefined, url: string | undefined, body: unknown): unknown {
  if (method === 'GET') {
    const raw = new URL(url ?? '/', 'http://localhost').searchParams.get('variables');
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return undefined; // Apollo Server answers invalid JSON itself (BAD_REQUEST)
    }
  }
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>).variables : undefined;
}
