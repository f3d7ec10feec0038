// Checks a card the way Teams would see it, offline: the official Adaptive Cards renderer parses and
// validates it at schema version 1.5, and a structural pass checks what the renderer lets through.
import { createRequire } from 'node:module';

interface ParseEvent { message: string }
interface RendererModule {
  AdaptiveCard: new () => {
    parse(json: object, context: object): void;
    validateProperties(): { validationEvents: ParseEvent[] };
  };
  SerializationContext: new (version: object) => { eventCount: number; getEventAt(i: number): ParseEvent };
  Versions: { v1_5: object };
}

// The renderer's lib/ is extensionless ESM that Node cannot load; its UMD bundle parses fine without a DOM.
const renderer = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as RendererModule;

const elementTypes = new Set([
  'TextBlock', 'Image', 'Media', 'RichTextBlock', 'TextRun', 'ActionSet', 'Container', 'ColumnSet', 'Column',
  'FactSet', 'ImageSet', 'Table', 'TableRow', 'TableCell',
  'Input.Text', 'Input.Number', 'Input.Date', 'Input.Time', 'Input.Toggle', 'Input.ChoiceSet',
]);
const actionTypes = new Set(['Action.OpenUrl', 'Action.Submit', 'Action.ShowCard', 'Action.ToggleVisibility', 'Action.Execute']);

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function walk(node: Json, path: string, visit: (node: { [key: string]: Json }, path: string) => void): void {
  if (Array.isArray(node)) node.forEach((child, i) => walk(child, `${path}[${i}]`, visit));
  else if (node !== null && typeof node === 'object') {
    visit(node, path);
    for (const [key, child] of Object.entries(node)) walk(child, `${path}.${key}`, visit);
  }
}

/** Every problem found in `card`; empty when Teams (Adaptive Cards 1.5) would take it. */
export function cardProblems(card: object): string[] {
  const problems: string[] = [];
  const json = JSON.parse(JSON.stringify(card)) as Json;

  const parsed = new renderer.AdaptiveCard();
  const context = new renderer.SerializationContext(renderer.Versions.v1_5);
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`renderer: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents) problems.push(`renderer: ${event.message}`);

  if (typeof json !== 'object' || json === null || Array.isArray(json) || json.type !== 'AdaptiveCard' || json.version !== '1.5') {
    problems.push('top level must be an AdaptiveCard of version "1.5"');
  }
  const ids = new Set<string>();
  walk(json, '$', (node, path) => {
    const type = node.type;
    if (typeof type === 'string' && type !== 'AdaptiveCard' && !elementTypes.has(type) && !actionTypes.has(type)) {
      problems.push(`${path}: type ${type} is not in Adaptive Cards 1.5`);
    }
    if (typeof type === 'string' && type.startsWith('Input.')) {
      if (typeof node.id !== 'string') problems.push(`${path}: input without id`);
      else if (ids.has(node.id)) problems.push(`${path}: duplicate input id ${node.id}`);
      else ids.add(node.id);
    }
    if (type === 'Action.Execute') {
      const fallback = node.fallback;
      if (typeof node.verb !== 'string') problems.push(`${path}: Action.Execute without verb`);
      if (typeof fallback !== 'object' || fallback === null || Array.isArray(fallback) || fallback.type !== 'Action.Submit') {
        problems.push(`${path}: Action.Execute without an Action.Submit fallback`);
      } else if (JSON.stringify({ verb: node.verb, ...(node.data as object) }) !== JSON.stringify(fallback.data)) {
        problems.push(`${path}: the fallback must carry the same data plus the verb`);
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('$') && key !== '$schema') problems.push(`${path}.${key}: template property left in the card`);
      if (typeof value === 'string' && value.includes('${')) problems.push(`${path}.${key}: unexpanded binding ${value}`);
    }
  });
  return problems;
}
