const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a value can be a record's id (a UUID, the columns' type). Checked before a lookup, so a
 * malformed id is "not found" instead of a database error on the cast.
 */
export function isRecordId(value: string): boolean {
  return RECORD_ID.test(value);
}
