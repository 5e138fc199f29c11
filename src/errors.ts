/**
 * A mistake the user can fix: bad input, a request that resolves to nothing,
 * a compat-file that fails its schema. Shown as its message alone (no stack),
 * and the CLI exits with status 2 for it.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/** Quote a user-supplied value for a message, keeping control characters visible. */
export function quote(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return typeof value === 'string' ? JSON.stringify(shown) : shown;
}

/** What a parsed YAML/JSON value is, for "expected X, got Y" messages. */
export function describeValue(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object' && v !== null) return 'a mapping';
  if (v === null || v === undefined) return 'nothing';
  return `the value ${quote(v)}`;
}

/** "a, b or c" */
export function listWords(items: readonly string[], last = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}
