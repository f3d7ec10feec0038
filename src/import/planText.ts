// Small readers for the text inside plan cells: markup left by the PDF extraction, references,
// and the tell-tale signs that a cell is broken across lines or is OCR noise.

/** Removes extraction markup (`**`, `<b>`, `<i>`, `<ul …>`, `#` headings, superscripts) from one line. */
export function stripMarkup(line: string): string {
  return line
    .replace(/\$\s*(\d*)\s*\^\{\\rm\s*(\w+)\}\s*\$/g, '$1$2')
    .replace(/\s*<sup>\s*([^<]*?)\s*<\/sup>/gi, '$1')
    .replace(/<\/?[a-z]+\b[^>]*>/gi, ' ')
    .replace(/\*\*/g, ' ')
    .replace(/\*([^*\t]+)\*/g, '$1')
    .replace(/^\s*#{1,6}\s+/, '');
}

/** Collapses whitespace and drops bullet characters: the text as a person would read it. */
export function cleanText(text: string): string {
  return stripMarkup(text).replace(/[•●▪◦\uf0b7\uf0a7]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The row's own reference ("1.1.1", "3.8." → "3.8", "6a", "8 i") and the text after it. */
export function readRef(text: string): { ref: string | null; rest: string } {
  const trimmed = text.trim();
  const patterns = [/^(\d+(?:\.\d+)+)\.?(?:\s+|$)/, /^(\d{1,2}[a-z])(?:\s+|$)/, /^(\d{1,2} [a-z])\s+(?=[A-Z])/];
  for (const pattern of patterns) {
    const match = pattern.exec(trimmed);
    if (match?.[1] !== undefined) return { ref: match[1], rest: trimmed.slice(match[0].length) };
  }
  return { ref: null, rest: trimmed };
}

const WHEN_WORDS =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b\d{2,4}\b|\b(quarter|quarterly|monthly|weekly|annual|annually|yearly|ongoing|on going|required|appropriate|review|starting|q[1-4])\b/i;

/** Whether a fragment reads like a "By when" (a month, a year, "Quarterly", "Ongoing"…). */
export function looksLikeWhen(text: string): boolean {
  return WHEN_WORDS.test(text);
}

/** Ends mid-sentence: "…and", "…to", a trailing comma or "&": the next line carries on. */
export function endsDangling(text: string): boolean {
  return /(?:\b(?:and|or|to|the|of|for|in|with|a|an|by|at|on)|[,&/-])\s*$/i.test(text.trim());
}

/** OCR noise such as "to 27 to 27 to 27 to": the same pair of words three times running. */
export function isGarbage(text: string): boolean {
  const words = text.trim().split(/\s+/);
  for (let i = 0; i + 5 < words.length; i += 1) {
    const pair = `${words[i]} ${words[i + 1]}`;
    if (pair === `${words[i + 2]} ${words[i + 3]}` && pair === `${words[i + 4]} ${words[i + 5]}`) return true;
  }
  return false;
}

/** Dates written in a "By when" cell ("April 2010 Sept 2010" → two), for sharing out among sub-actions. */
export function dateMentions(byWhen: string): string[] {
  return byWhen.match(/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{2,4}\b/gi) ?? [];
}
