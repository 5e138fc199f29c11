/** A JSON object (not an array, not null): what a parsed document's mapping is, before its fields are checked. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
