// The importer fed with damaged copies of the five seed plans: it never throws (except PlanFormatError
// for text with no grid at all), never hangs, and every line that looks like an action row ends up in
// an action or is named, by its line, in a warning. Nothing is lost silently.
import { describe, expect, it } from 'vitest';
import { classifyLine } from '../../src/import/lineKinds.ts';
import { parsePlan } from '../../src/import/parsePlan.ts';
import { PlanFormatError } from '../../src/import/planFormatError.ts';
import { stripMarkup } from '../../src/import/planText.ts';
import type { Plan } from '../../src/domain/plan.ts';
import { damage } from '../support/damage.ts';
import { seedFiles, seedText, type SeedName } from './seeds.ts';

const CASES_PER_SEED = 40;
// Letters and digits only: whatever the importer does with junk, spacing and punctuation, words survive.
const squeeze = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * The lines that must not vanish: lines with a tab read as a table row (or an objective carrying
 * cells), and inside a table, lines that lost their tabs. A lone cell right under a bare "Objective 9"
 * is that objective's title broken onto the next line, not a row.
 */
function rowLines(text: string): { line: number; cells: string[] }[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  let afterBareObjective = false;
  let inTable = false;
  return lines.flatMap((raw, i) => {
    const kind = classifyLine(raw);
    if (kind.kind === 'blank' || kind.kind === 'furniture') return [];
    const titleGoesOn = afterBareObjective;
    afterBareObjective = kind.kind === 'objective' && kind.cells.every((c) => c.trim() === '');
    const tableBefore = inTable;
    if (kind.kind === 'header' || kind.kind === 'row') inTable = true;
    else if (['grid', 'priorities', 'outcomes', 'glossary', 'objective'].includes(kind.kind)) inTable = false;
    if (!/[a-z]{2}/i.test(raw)) return [];
    const filled = stripMarkup(raw).split('\t').filter((c) => c.trim() !== '');
    const isRow = (kind.kind === 'row' && !(titleGoesOn && filled.length === 1))
      || (kind.kind === 'objective' && kind.cells.some((c) => c.trim() !== ''))
      || (kind.kind === 'prose' && tableBefore);
    if (!isRow) return [];
    const cells = filled.map((c) => squeeze(c.replace(/^\s*Objective\s*\d+/i, ''))).filter((c) => c.length > 0);
    return [{ line: i + 1, cells }];
  });
}

/** Row lines whose words are in no action and whose line no warning names. */
function lostRows(text: string, plan: Plan): number[] {
  const kept = plan.actions.flatMap((a) => [a.objective ?? '', a.text, a.byWhenRaw, a.ownersRaw, `${a.ref ?? ''}${a.text}`]).map(squeeze).join('|');
  const warned = new Set(plan.warnings.map((w) => w.line));
  return rowLines(text).filter(({ line, cells }) => !warned.has(line) && !cells.some((cell) => kept.includes(cell.slice(0, 24)))).map((r) => r.line);
}

const cases = (Object.keys(seedFiles) as SeedName[]).flatMap((name) =>
  Array.from({ length: CASES_PER_SEED }, (_, i) => ({ name, seed: 1000 * (Object.keys(seedFiles).indexOf(name) + 1) + i })));

describe('the importer on damaged documents', () => {
  it('reads the undamaged seeds with no row lost (the yardstick for the damaged ones)', () => {
    for (const name of Object.keys(seedFiles) as SeedName[]) {
      const text = seedText(name);
      expect(lostRows(text, parsePlan(text, name)), name).toEqual([]);
    }
  });

  it.each(cases)('$name, damage seed $seed: no throw, no hang, no silent loss', ({ name, seed }) => {
    const { text, what } = damage(seedText(name), seed);
    let plan: Plan;
    try {
      plan = parsePlan(text, `${name}-${seed}`);
    } catch (err) {
      expect(err, what.join('; ')).toBeInstanceOf(PlanFormatError);
      return;
    }
    expect(lostRows(text, plan), what.join('; ')).toEqual([]);
    for (const w of plan.warnings) expect(w.line).toBeGreaterThanOrEqual(1);
  }, 1000);

  it('a document that is only junk is refused with PlanFormatError, not a crash', () => {
    const junk = Array.from({ length: 2000 }, (_, i) => String.fromCharCode((i * 7919) % 0xd7ff)).join('');
    expect(() => parsePlan(junk, 'junk')).toThrow(PlanFormatError);
  });
});
