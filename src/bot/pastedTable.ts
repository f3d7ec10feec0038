// A table pasted into the chat. Teams sends a message's HTML as an attachment of contentType
// "text/html" (beside the plain `text`), and some clients put the HTML in `text` itself. This finds
// the HTML that holds a table; whether it is a plan is the importer's call (a header it recognises).
// A Markdown or pipe table typed or pasted as plain text ("| Action | Lead | By when |") is turned
// into the same HTML, lines above it kept as paragraphs, so it is offered as a plan the same way.
import { z } from 'zod';

/** The largest pasted HTML read: a 150-row plan table is about 100 KB of HTML. */
export const MAX_PASTED_HTML = 1024 * 1024;

const htmlAttachment = z.object({ contentType: z.literal('text/html'), content: z.string() });

/** The message's HTML holding a table (the text/html attachment, else `text`, else a pipe table in `text`), or null. */
export function pastedTableHtml(text: unknown, attachments: unknown): string | null {
  return htmlTable(text, attachments) ?? pipeTableHtml(text);
}

function htmlTable(text: unknown, attachments: unknown): string | null {
  const candidates = [
    ...(Array.isArray(attachments) ? attachments : []).flatMap((a: unknown) => {
      const parsed = htmlAttachment.safeParse(a);
      return parsed.success ? [parsed.data.content] : [];
    }),
    ...(typeof text === 'string' ? [text] : []),
  ];
  return candidates.find((html) => html.length <= MAX_PASTED_HTML && /<table[\s>]/i.test(html)) ?? null;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ', '#39': "'", apos: "'" };

/** One line of a pipe table ("| a | b |", "a | b | c"), its cells; null for any other line. */
function pipeCells(line: string): string[] | null {
  const trimmed = line.trim();
  const pipes = (trimmed.match(/\|/g) ?? []).length;
  if (pipes < 2 && !(trimmed.startsWith('|') && pipes >= 1)) return null;
  if (!trimmed.startsWith('|') && !/\s\|\s/.test(trimmed)) return null;
  return trimmed.replace(/^\|+/, '').replace(/\|+$/, '').split(/\s*\|\|?\s*/).map((cell) => cell.trim());
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** HTML for a message whose text holds a pipe table of two rows or more (the Markdown rule row dropped), or null. */
export function pipeTableHtml(text: unknown): string | null {
  if (typeof text !== 'string' || text.length > MAX_PASTED_HTML || !text.includes('|')) return null;
  // Teams may send the typed text as HTML paragraphs: back to lines first.
  const plain = text.replace(/<(?:br|\/p|\/div)\b[^>]*>/gi, '\n').replace(/<[^>]*>/g, '').replace(/&(#39|[a-z]+);/gi, (whole, name: string) => ENTITY[name.toLowerCase()] ?? whole);
  const lines = plain.split(/\r?\n|\r/);
  const rows = lines.map(pipeCells);
  if (rows.filter((r) => r !== null && !r.every((c) => /^:?-{2,}:?$/.test(c) || c === '')).length < 2) return null;
  let html = '';
  let open = false;
  lines.forEach((line, i) => {
    const cells = rows[i];
    if (cells && cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '')) return;
    if (cells) html += `${open ? '' : '<table>'}<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
    else if (line.trim()) html += `${open ? '</table>' : ''}<p>${escapeHtml(line.trim())}</p>`;
    open = cells !== null ? true : line.trim() ? false : open;
  });
  return `${html}${open ? '</table>' : ''}`;
}
