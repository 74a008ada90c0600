/** A UTF-16 surrogate without its pair: text no UTF-8 encoder, validator or database can take. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isWellFormedText = (text: string): boolean => !LONE_SURROGATE.test(text);

const isPlainContainer = (value: unknown): value is Record<string, unknown> | unknown[] => {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * The path (`contact.email`, `rows.3.note`) of the first string, or key, in a parsed JSON body or
 * query that is not well-formed Unicode; null when all are. Walks with its own stack, so depth
 * costs memory, not the call stack. Anything but plain objects, arrays and strings (a CSV stream,
 * a Buffer) is not looked into.
 */
export function malformedTextPath(value: unknown, root = ''): string | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (!isWellFormedText(current)) return path;
    } else if (isPlainContainer(current)) {
      for (const [key, child] of Object.entries(current)) {
        const childPath = path ? `${path}.${key}` : key;
        if (!isWellFormedText(key)) return childPath;
        stack.push([child, childPath]);
      }
    }
  }
  return null;
}
