// Cards are JSON templates in cards/, expanded with the typed data of src/cards/models.ts.
import { readFileSync } from 'node:fs';
import * as ACData from 'adaptivecards-templating';
import { escapeCardText } from './markdown.ts';
import type { CardData, CardName } from './models.ts';

const cardsDir = new URL('../../cards/', import.meta.url);
const templates = new Map<CardName, ACData.Template>();

function template(name: CardName): ACData.Template {
  let found = templates.get(name);
  if (!found) {
    const json: unknown = JSON.parse(readFileSync(new URL(`${name}.json`, cardsDir), 'utf8'));
    found = new ACData.Template(json);
    templates.set(name, found);
  }
  return found;
}

/** The templating engine throws on null in a binding, so absent values travel as empty strings. */
function withoutNulls(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
}

/**
 * The Adaptive Card (1.5) for `name` filled with `data`. Values are bound as data, never re-read as
 * template text, so "${x}" or "<script>" in a plan's wording reaches the card literally, and Markdown in
 * them ("[Sign in](https://…)") is escaped so it is shown as typed.
 * In the reminder's buttons an absent occurrence is sent as "".
 */
export function renderCard<K extends CardName>(name: K, data: CardData[K]): object {
  const card: unknown = escapeCardText(template(name).expand({ $root: withoutNulls(data) }));
  if (typeof card !== 'object' || card === null) throw new Error(`card template ${name} did not expand to an object`);
  return card;
}

/** Every template name, for tests and tools. */
export const cardNames: readonly CardName[] = [
  'reminder', 'answered', 'digest', 'escalation', 'unheldRoles', 'confirmation', 'welcome', 'status', 'summary', 'list', 'question',
  'importPreview',
  'ownerDigest', 'escalationDigest', 'briefing',
];

/** Input ids on the reminder card, for whoever reads the answers. */
export const reminderInputs = { newDate: 'newDate', delayReason: 'reason', blockedReason: 'blockedReason' } as const;
