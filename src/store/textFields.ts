// Azure caps a string property at 64 KiB (32,768 UTF-16 chars) and an entity at 1 MiB. Long texts
// are split over `name`, `name_1`, `name_2`… with `name_n` holding the count; nothing is cut.
type Row = Record<string, unknown>;

const CHUNK = 32_000;
const ENTITY_BUDGET_CHARS = 450_000; // ~900 KB of UTF-16, under the 1 MiB entity limit with room for keys

/** Puts `value` into `row`, split if longer than one property can hold. */
export function putText(entity: object, name: string, value: string): void {
  const row = entity as Row;
  if (value.length <= CHUNK) {
    row[name] = value;
    return;
  }
  const parts = Math.ceil(value.length / CHUNK);
  row[name] = value.slice(0, CHUNK);
  for (let i = 1; i < parts; i++) row[`${name}_${i}`] = value.slice(i * CHUNK, (i + 1) * CHUNK);
  row[`${name}_n`] = parts;
}

/** The text `putText` stored under `name` (empty when absent). */
export function getText(row: Row, name: string): string {
  const first = row[name];
  const head = typeof first === 'string' ? first : '';
  const parts = row[`${name}_n`];
  if (typeof parts !== 'number') return head;
  let text = head;
  for (let i = 1; i < parts; i++) text += String(row[`${name}_${i}`] ?? '');
  return text;
}

/** JSON of a value, stored with putText. */
export function putJson(row: object, name: string, value: unknown): void {
  putText(row, name, JSON.stringify(value));
}

/** A value putJson stored, or `fallback` when absent. */
export function getJson<T>(row: Row, name: string, fallback: T): T {
  const text = getText(row, name);
  return text === '' ? fallback : (JSON.parse(text) as T);
}

/** Throws a clear error when a row would be over Azure's entity size limit. */
export function checkSize(row: Row, what: string): void {
  let chars = 0;
  for (const [name, value] of Object.entries(row)) chars += name.length + (typeof value === 'string' ? value.length : 8);
  if (chars > ENTITY_BUDGET_CHARS) throw new Error(`${what} is too large for one Azure table row (${chars} chars of text; the limit is about ${ENTITY_BUDGET_CHARS})`);
}
