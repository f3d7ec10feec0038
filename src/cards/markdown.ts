// Adaptive Card TextBlocks and FactSet facts render a Markdown subset (bold, italic, lists, links), so
// words from plans and people are escaped: "[Sign in](https://…)" is shown as typed, never as a link.

/** Characters that start emphasis, code, links or autolinks anywhere in a line. */
const INLINE = /[\\*_`[\]<>~]/g;
/** What makes a line a list item or heading: "- ", "+ ", "1. ", "2) ", "# " ("1.2.3" and "-5" are not). */
const LINE_START = /^(\s*)([-+#]|\d+[.)])(?=\s|$)/gm;

/**
 * `text` with Markdown made literal by backslash escapes (CommonMark escapes any ASCII punctuation).
 * Parentheses are left alone: with "[" and "]" escaped no link can form, and "(BED)" stays clean on
 * renderers that show escapes as typed.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE, (c) => `\\${c}`)
    .replace(LINE_START, (_m, space: string, mark: string) => `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`);
}

/** The TextBlock id of a message composed in Markdown by the bot, whose composer escapes the words in it. */
export const COMPOSED_MESSAGE_ID = 'message';

/** Escapes every TextBlock text and fact of an expanded card, but for a composed message. */
export function escapeCardText(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(escapeCardText);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).map(([key, value]): [string, unknown] => [key, escapeCardText(value)]);
  const out = Object.fromEntries(entries) as Record<string, unknown>;
  if (out.type === 'TextBlock' && typeof out.text === 'string' && out.id !== COMPOSED_MESSAGE_ID) out.text = escapeMarkdown(out.text);
  if (out.type === 'FactSet' && Array.isArray(out.facts)) {
    out.facts = (out.facts as unknown[]).map((f) => (typeof f === 'object' && f !== null ? Object.fromEntries(Object.entries(f).map(([k, v]) => [k, (k === 'title' || k === 'value') && typeof v === 'string' ? escapeMarkdown(v) : v])) : f));
  }
  return out;
}

/** The words of an escaped card as a Markdown renderer shows them, for a page that shows card text as
 *  plain text (the local chat): what Teams would display, without the backslashes. */
export function unescapeCardText(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(unescapeCardText);
  if (typeof node !== 'object' || node === null) return node;
  const out = Object.fromEntries(Object.entries(node).map(([key, value]): [string, unknown] => [key, unescapeCardText(value)])) as Record<string, unknown>;
  const plain = (text: string): string => text.replace(/\\([\\*_`[\]<>~\-+#.)])/g, '$1');
  if (out.type === 'TextBlock' && typeof out.text === 'string') out.text = plain(out.text);
  if (out.type === 'FactSet' && Array.isArray(out.facts)) {
    out.facts = (out.facts as unknown[]).map((f) => (typeof f === 'object' && f !== null ? Object.fromEntries(Object.entries(f).map(([k, v]) => [k, typeof v === 'string' ? plain(v) : v])) : f));
  }
  return out;
}
