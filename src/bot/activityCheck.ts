// An activity is untrusted input: its shape is checked before the bot acts on it, so a malformed one
// gets HTTP 400 with the reason (not a TypeError reported as a storage fault).

const isText = (v: unknown): boolean => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why an activity cannot be handled, or null when its shape is sound. */
export function activityProblem(body: unknown): string | null {
  if (!isObject(body)) return 'the body must be one activity object';
  if (!isText(body.type) || body.type === '') return 'type must be a non-empty string';
  for (const field of ['from', 'conversation', 'recipient'] as const) {
    const part = body[field];
    if (!isObject(part) || !isText(part.id)) return `${field}.id must be a string`;
  }
  if (!isText(body.serviceUrl)) return 'serviceUrl must be a string';
  if (body.id !== undefined && !isText(body.id)) return 'id must be a string';
  if (body.type === 'message') {
    if (body.text !== undefined && body.text !== null && !isText(body.text)) return 'text must be a string';
    if (body.value !== undefined && body.value !== null && !isObject(body.value)) return 'value must be an object';
    if ((body.text === undefined || body.text === null) && (body.value === undefined || body.value === null) && body.attachments === undefined) return 'a message needs text or a value';
    if (body.entities !== undefined && !Array.isArray(body.entities)) return 'entities must be a list';
  }
  if (body.type === 'invoke' && !isText(body.name)) return 'an invoke needs a name';
  return null;
}
