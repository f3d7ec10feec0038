import { plansNamed } from '../../app/lists.ts';
import { planPictures, type StatusCounts } from '../../app/planSummary.ts';
import { dueLabel } from '../../cards/format.ts';
import type { SummaryCounts } from '../../cards/models.ts';
import { renderCard } from '../../cards/render.ts';
import { command } from './chatCommand.ts';
import { noPlansText } from './lists.ts';

// The dashboard's categories, one for one: "No date" is not folded into "On track".
const toCard = (label: string, c: StatusCounts): SummaryCounts => ({ label, done: c.done, onTrack: c.onTrack, dueSoon: c.dueSoon, overdue: c.overdue, blocked: c.blocked, noDate: c.noDate });

/** "summary" — one line per plan; "summary BED" — that plan per grid. */
export const summaryCommand = command({
  kinds: ['summary'],
  example: 'summary',
  summary: 'done, on track, due soon, overdue and blocked: per plan, or per grid with "summary BED"',
  async run(turn, intent) {
    if (turn.visible.size === 0) return { text: noPlansText(turn) };
    let plans = turn.directory.plans.filter((p) => turn.visible.has(p.id));
    if (intent.filter.plan) {
      plans = plansNamed(plans, intent.filter.plan);
      if (plans.length === 0) return { text: `No plan you can see is called "${intent.filter.plan}".` };
    }
    const pictures = await planPictures(turn.services.store, turn.today, new Set(plans.map((p) => p.id)));
    const asOf = `as of ${dueLabel(turn.today)}`;
    if (pictures.length === 1) {
      const [p] = pictures;
      return { card: renderCard('summary', { title: `Summary of ${p!.plan.partnership} (${p!.plan.code})`, asOf, plans: [{ partnership: p!.plan.partnership, periodLabel: `${p!.plan.period.start.slice(0, 4)}–${p!.plan.period.end.slice(0, 4)}`, total: toCard('All grids', p!.total), grids: p!.grids.map((g) => toCard(`Grid ${g.number}`, g.counts)) }] }) };
    }
    // Several plans: one line each (a grid table per plan would pass Teams' size limit).
    const total = pictures.reduce((sum, p) => ({ done: sum.done + p.total.done, onTrack: sum.onTrack + p.total.onTrack, dueSoon: sum.dueSoon + p.total.dueSoon, overdue: sum.overdue + p.total.overdue, blocked: sum.blocked + p.total.blocked, noDate: sum.noDate + p.total.noDate, total: sum.total + p.total.total }), { done: 0, onTrack: 0, dueSoon: 0, overdue: 0, blocked: 0, noDate: 0, total: 0 });
    return {
      card: renderCard('summary', {
        title: `Summary of your ${pictures.length} plans`,
        asOf: `${asOf}. For one plan per grid: "summary ${pictures[0]?.plan.code ?? 'BED'}".`,
        plans: [{ partnership: 'All your plans', periodLabel: 'per plan', total: toCard('All plans', total), grids: pictures.map((p) => toCard(`${p.plan.partnership} (${p.plan.code})`, p.total)) }],
      }),
    };
  },
});
