// Teams sends a message as HTML ("<p>what&#39;s overdue?</p>", "<at>Sam Patel</at>"): turn it into the
// plain words the person typed, so every reader sees one spelling of quotes, dashes and spaces.

/** A message as plain text, with what the markup told us. */
export interface PlainMessage {
  /** The words, single-spaced, without trailing punctuation ("?" included). */
  text: string;
  /** The message ended with "?": whatever it says, it is a question. */
  asked: boolean;
  /** People @mentioned in it (their display names), in order; they are also left in `text`. */
  mentions: string[];
  /** A tick emoji (✅ ✔️ ☑️) was in it: a bare name with a tick is a loose "done". */
  ticked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '-', mdash: '-', lsquo: "'", rsquo: "'", ldquo: '"', rdquo: '"', hellip: '...' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const TICKS = /[\u2705\u2714\u2611]/u;
// Emoji and the invisible joiners and variation selectors that come with them.
const EMOJI = /\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\u200d|\ufe0e|\ufe0f|\u20e3/gu;
const INVISIBLE = /[\u200b\u200c\u2060\ufeff\u00ad]/g;

/**
 * Plain text of a message as Teams sent it. A mention at the very start of someone who is not a person
 * the reader knows is the bot being addressed ("<at>actionbot</at> help") and is dropped; other mentions
 * stay as the person's name.
 */
export function normalise(raw: string, isPerson: (name: string) => boolean): PlainMessage {
  const mentions: string[] = [];
  let s = raw.replace(/<at\b[^>]*>([\s\S]*?)<\/at>/gi, (_whole, inner: string) => {
    const name = decodeEntities(inner.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
    mentions.push(name);
    return `\ue000${mentions.length - 1}\ue001`;
  });
  s = s.replace(/<(?:br|\/p|\/div|\/li|\/h\d)\b[^>]*>/gi, ' ').replace(/<[^>]*>/g, '');
  s = decodeEntities(s)
    .replace(INVISIBLE, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033«»]/g, '"')
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[\u2192\u27f6]/g, '->');
  const ticked = TICKS.test(s);
  s = s.replace(EMOJI, ' ').replace(TICKS, ' ').replace(/\s+/g, ' ').trim();

  // The bot addressed by name: a leading mention of nobody the person can see.
  const lead = /^\ue000(\d+)\ue001\s*[,:]?\s*/.exec(s);
  if (lead && !isPerson(mentions[Number(lead[1])] ?? '')) s = s.slice(lead[0].length);
  const kept: string[] = [];
  s = s.replace(/\ue000(\d+)\ue001/g, (_w, i: string) => {
    const name = mentions[Number(i)] ?? '';
    kept.push(name);
    return name;
  });

  const end = /[\s.!?,;:]*$/.exec(s);
  const trailing = end?.[0] ?? '';
  const asked = trailing.includes('?');
  // "…1.2.3." keeps no dot; "..." and "!!" go too.
  return { text: s.slice(0, s.length - trailing.length).trim(), asked, mentions: kept, ticked };
}
