// Text exported from a wiki or written in Markdown: tables with " | " between cells, non-breaking
// spaces and curly punctuation. Normalised into the tabbed lines the text reader knows.

/** One line of a pipe table: "| a | b |", "|| a || b ||" or "a | b | c". Null when the line is not one. */
function pipeCells(line: string): string[] | null {
  const trimmed = line.trim();
  const pipes = (trimmed.match(/\|/g) ?? []).length;
  const framed = trimmed.startsWith('|');
  if (pipes < 2 && !(framed && pipes >= 1)) return null;
  if (!framed && !/\s\|\s/.test(trimmed)) return null;
  const inner = trimmed.replace(/^\|+/, '').replace(/\|+$/, '');
  return inner.split(/\s*\|\|?\s*/).map((cell) => cell.trim());
}

/** A Markdown rule under the header: "|---|:---:|". */
function isRule(cells: string[]): boolean {
  return cells.every((cell) => /^:?-{2,}:?$/.test(cell) || cell === '');
}

/** Text with spaces, quotes and dashes as a keyboard types them, and pipe tables as tabbed lines. */
export function normaliseText(text: string): string {
  const plain = text
    .replace(/[\u00a0\u2007\u202f\u2002\u2003\u2009]/g, ' ')
    .replace(/\u200b|\u200c|\u200d|\u2060/g, '')
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"');
  if (!plain.includes('|')) return plain;
  return plain
    .split(/(\r?\n|\r)/)
    .map((line) => {
      const cells = pipeCells(line);
      if (cells === null) return line;
      if (isRule(cells)) return '';
      // A cell's own line breaks, exported as <br>, separate owners or dates.
      return cells.map((cell) => cell.replace(/\s*<br\s*\/?>\s*/gi, '; ')).join('\t');
    })
    .join('');
}
