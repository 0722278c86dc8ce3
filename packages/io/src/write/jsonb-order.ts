/**
 * Orders object keys the way PostgreSQL's jsonb stores them (shorter keys first, then bytewise).
 * A store that compares a record read back from jsonb with a new input by `JSON.stringify` then
 * sees equal records as equal, so re-importing an unchanged person changes nothing.
 */
export function jsonbKeyOrder<T>(value: T): T {
  if (Array.isArray(value)) return value.map(jsonbKeyOrder) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => {
    const la = Buffer.byteLength(a);
    const lb = Buffer.byteLength(b);
    if (la !== lb) return la - lb;
    return Buffer.compare(Buffer.from(a), Buffer.from(b));
  });
  return Object.fromEntries(entries.map(([k, v]) => [k, jsonbKeyOrder(v)])) as T;
}
