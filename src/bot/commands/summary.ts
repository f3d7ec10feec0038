import { planPictures, type StatusCounts } from '../../app/planSummary.ts';
import { dueLabel } from '../../cards/format.ts';
import type { SummaryCounts } from '../../cards/models.ts';
import { renderCard } from '../../cards/render.ts';
import type { ChatCommand } from './chatCommand.ts';

const toCard = (label: string, c: StatusCounts): SummaryCounts => ({ label, done: c.done, onTrack: c.onTrack + c.noDate, dueSoon: c.dueSoon, overdue: c.overdue, blocked: c.blocked });

/** "summary" — per plan and grid: done, on track, due soon, overdue, blocked. */
export const summaryCommand: ChatCommand = {
  example: 'summary',
  summary: 'per plan and grid: done, on track, due soon, overdue, blocked',
  pattern: /^(?:plan\s+)?(?:summary|dashboard|overview|progress)\s*\??$/i,
  async run(turn) {
    const pictures = await planPictures(turn.services.store, turn.today);
    if (pictures.length === 0) return { text: 'No plans are imported yet.' };
    return {
      card: renderCard('summary', {
        title: 'Plan summary',
        asOf: `as of ${dueLabel(turn.today)}`,
        plans: pictures.map((p) => ({
          partnership: p.plan.partnership,
          periodLabel: `${p.plan.period.start.slice(0, 4)}–${p.plan.period.end.slice(0, 4)}`,
          total: toCard('All grids', p.total),
          grids: p.grids.map((g) => toCard(`Grid ${g.number}`, g.counts)),
        })),
      }),
    };
  },
};
