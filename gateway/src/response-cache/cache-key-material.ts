/**
 * JSON text of a value, written with an explicit stack instead of recursion, so a value nested
 * ten thousand levels deep is serialised rather than overflowing the call stack (JSON.stringify
 * recurses). Same output as JSON.stringify for what a parsed JSON body can hold.
 */
export function serializeIteratively(value: unknown): string {
  const out: string[] = [];
  // Each item is either a value still to write or a piece of punctuation already decided.
  const todo: ({ value: unknown } | { text: string })[] = [{ value }];
  while (todo.length > 0) {
    const item = todo.pop()!;
    if ('text' in item) {
      out.push(item.text);
      continue;
    }
    const current = item.value;
    if (current === null || typeof current !== 'object') {
      out.push(JSON.stringify(current) ?? 'null');
      continue;
    }
    const parts: ({ value: unknown } | { text: string })[] = [];
    if (Array.isArray(current)) {
      parts.push({ text: '[' });
      current.forEach((child, index) => {
        if (index > 0) parts.push({ text: ',' });
        parts.push({ value: child });
      });
      parts.push({ text: ']' });
    } else {
      parts.push({ text: '{' });
      const entries = Object.entries(current).filter(([, child]) => child !== undefined);
      entries.forEach(([key, child], index) => {
        parts.push({ text: `${index > 0 ? ',' : ''}${JSON.stringify(key)}:` });
        parts.push({ value: child });
      });
      parts.push({ text: '}' });
    }
    for (let i = parts.length - 1; i >= 0; i -= 1) todo.push(parts[i]!);
  }
  return out.join('');
}
