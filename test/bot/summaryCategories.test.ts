// Issue 18 sharp edge: the summary card and the dashboard count the same actions under the same
// categories. Ongoing work has its own "No date" column on the card, as on the dashboard, instead of
// being folded into "On track".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardView } from '../../src/dashboard/dashboardData.ts';
import { cardOf, startBotHarness, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';

const jane = { aadObjectId: 'e4300000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const plan = handMadePlan('cats', 'Testshire DAT', planYear2011, [
  { ref: '1.1', text: 'Keep the needle exchange stocked', owners: ['SMLO'], due: { kind: 'ongoing' } },
  { ref: '1.2', text: 'Run the outreach van', owners: ['SMLO'], due: { kind: 'ongoing' } },
  { ref: '1.3', text: 'Open the Saturday drop-in', owners: ['SMLO'], due: '2011-12-16' },
  { ref: '1.4', text: 'Audit the pharmacy returns', owners: ['SMLO'], due: '2011-08-16' },
]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('summaryCategories', '2011-09-01T08:00:00Z');
  await bot.importPlan(plan);
  await meet(bot, jane, 'Commissioner');
});
afterAll(async () => bot?.close());

/**
 * The numbers of each row of the summary card, by its label: each grid and the total is a label on its own
 * line (so it fits Teams' narrow width) above a row of six numbers; the column headings are the row "Grid".
 */
function rows(card: unknown): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const cells = (set: { columns?: { items?: { text?: string }[] }[] }): string[] => (set.columns ?? []).map((c) => c.items?.[0]?.text ?? '');
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as { type?: string; items?: { type?: string; text?: string; columns?: { items?: { text?: string }[] }[] }[]; columns?: unknown[] };
      const [label, numbers] = n.items ?? [];
      if (n.type === 'Container' && label?.type === 'TextBlock' && numbers?.type === 'ColumnSet' && cells(numbers).every((c) => /^\d+$/.test(c))) found.set(label.text ?? '', cells(numbers));
      else if (n.type === 'ColumnSet' && cells(n as Parameters<typeof cells>[0])[0] === 'Done') found.set('Grid', cells(n as Parameters<typeof cells>[0]));
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('the summary card', () => {
  it('has the dashboard\'s categories, with the same numbers', async () => {
    const [reply] = await bot.say(jane, 'summary');
    const table = rows(cardOf(reply));
    expect(table.get('Grid')).toEqual(['Done', 'On track', 'Due soon', 'Overdue', 'Blocked', 'No date']);
    const view = await dashboardView(bot.store, '2011-09-01');
    const total = view.plans.find((p) => p.id === 'cats')!.total;
    const totalRow = [...table.entries()].find(([label]) => label !== 'Grid' && !label.startsWith('Grid '))?.[1];
    expect(totalRow).toEqual([total.done, total.onTrack, total.dueSoon, total.overdue, total.blocked, total.noDate].map(String));
    expect(total.noDate).toBe(2);
    expect(total.onTrack).toBe(1);
  });
});
