// A table pasted into the chat. Teams sends a message's HTML as an attachment of contentType
// "text/html" (beside the plain `text`), and some clients put the HTML in `text` itself. This finds
// the HTML that holds a table; whether it is a plan is the importer's call (a header it recognises).
import { z } from 'zod';

/** The largest pasted HTML read: a 150-row plan table is about 100 KB of HTML. */
export const MAX_PASTED_HTML = 1024 * 1024;

const htmlAttachment = z.object({ contentType: z.literal('text/html'), content: z.string() });

/** The message's HTML holding a table (the text/html attachment, else `text`), or null. */
export function pastedTableHtml(text: unknown, attachments: unknown): string | null {
  const candidates = [
    ...(Array.isArray(attachments) ? attachments : []).flatMap((a: unknown) => {
      const parsed = htmlAttachment.safeParse(a);
      return parsed.success ? [parsed.data.content] : [];
    }),
    ...(typeof text === 'string' ? [text] : []),
  ];
  return candidates.find((html) => html.length <= MAX_PASTED_HTML && /<table[\s>]/i.test(html)) ?? null;
}
