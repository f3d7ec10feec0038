// The one evaluator of questions answered with figures: a Question (read from the message, or a follow-up
// of the last one) in, one answer out (a title, a line, and facts), scoped to the plans the person may
// see. Counts, progress, comparisons and rankings come from the plans' tallies; the rest (askWork.ts)
// read only what they show.
import { countIn, percent } from '../domain/questionCounts.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { PlanSummary, TallyEntry } from '../domain/ports.ts';
import type { ListKind, Question } from '../domain/reading/intent.ts';
import { escapeMarkdown } from '../cards/markdown.ts';
import type { Caller } from './caller.ts';
import type { Directory } from './directory.ts';
import { askAttention, askChangedBy, askLeave } from './askPeople.ts';
import { askAged, askDoneIn, askSilent, askWork } from './askWork.ts';
import { plansNamed } from './lists.ts';
import { resolveScope, scopedTallies, unknownPlan, type QuestionScope } from './questionScope.ts';
import type { Services } from './services.ts';

/** An answer: the card's title, one composed line (Markdown, words escaped), and facts. */
export interface Figures {
  title: string;
  message: string;
  facts: { title: string; value: string }[];
}

export type QuestionAnswer = { ok: true; figures: Figures } | { ok: false; problem: string };

/** What the evaluator is handed. */
export interface Asking {
  services: Services;
  directory: Directory;
  caller: Caller;
  visible: ReadonlySet<string>;
  today: IsoDate;
}

const NOUN: Record<ListKind, string> = { overdue: 'overdue', due: 'due', blocked: 'blocked', delayed: 'delayed', done: 'done', mine: 'open and yours', all: '' };
export const actionsText = (n: number): string => `${n} action${n === 1 ? '' : 's'}`;
const whereText = (scope: QuestionScope): string => (scope.where.length > 0 ? ` ${scope.where.join(', ')}` : '');
const planName = (p: PlanSummary): string => `${p.partnership} (${p.code})`;

/** Answers `question` for the person asking. */
export async function askQuestion(asking: Asking, question: Question): Promise<QuestionAnswer> {
  if (question.ask === 'compare') return compare(asking, question);
  const scoped = resolveScope(asking.directory, asking.caller, asking.visible, question.ask === 'count' && question.list === 'mine' ? { ...question.filter, mine: true } : question.filter);
  if (!scoped.ok) return scoped;
  const { scope } = scoped;
  switch (question.ask) {
    case 'count': return question.list === 'done' && question.period ? askDoneIn(asking, scope, question.period) : count(asking, scope, question);
    case 'progress': return progress(asking, scope);
    case 'rank': return rank(asking, scope, question.order ?? 'worst');
    case 'changed': return askChangedBy(asking, scope, question);
    case 'attention': return askAttention(asking, scope, question);
    case 'leave': return askLeave(asking, scope);
    case 'work': return askWork(asking, scope, question);
    case 'aged': return askAged(asking, scope, question.olderThan ?? { amount: 3, unit: 'month' });
    case 'silent': return askSilent(asking, scope);
    default: return { ok: false, problem: 'That is a list: ask for it as one ("what\'s overdue?").' };
  }
}

async function count(asking: Asking, scope: QuestionScope, q: Question): Promise<QuestionAnswer> {
  const list = q.list ?? 'all';
  const tallies = await scopedTallies(asking.services.store, asking.caller, scope);
  const per = scope.plans.map((p) => ({ plan: p, n: countIn(tallies.get(p.id) ?? [], list, asking.today, q.period), of: countIn(tallies.get(p.id) ?? [], 'all', asking.today) }));
  const n = per.reduce((s, p) => s + p.n, 0);
  const of = per.reduce((s, p) => s + p.of, 0);
  const what = list === 'due' && q.period ? q.period.label : NOUN[list];
  const title = `${actionsText(n)}${what ? ` ${what}` : ''}${whereText(scope)}`;
  const facts = per.length > 1 ? per.map((p) => ({ title: planName(p.plan), value: `${p.n} of ${p.of}` })) : gridFacts(scope, tallies, list, asking.today, q);
  const share = list === 'all' ? '' : ` That is ${percent(n, of)}% of the ${actionsText(of)}${whereText(scope)}.`;
  const more = list === 'all' ? '' : ` Say "${listAsk(list, scope)}" for the list.`;
  return { ok: true, figures: { title, message: `${escapeMarkdown(title)}.${escapeMarkdown(share)}${escapeMarkdown(more)}`, facts } };
}

function listAsk(list: ListKind, scope: QuestionScope): string {
  const plan = scope.plans.length === 1 ? ` in ${scope.plans[0]?.code}` : '';
  const grid = scope.grid !== undefined ? ` grid ${scope.grid}` : '';
  return `what's ${list === 'mine' ? 'mine' : list}${plan}${grid}`;
}

function gridFacts(scope: QuestionScope, tallies: Map<string, TallyEntry[]>, list: ListKind, today: IsoDate, q: Question): Figures['facts'] {
  const [plan] = scope.plans;
  if (!plan || scope.grid !== undefined) return [];
  const tally = tallies.get(plan.id) ?? [];
  return plan.grids.map((g) => {
    const mine = tally.filter((e) => e.grid === g.number);
    return { title: `Grid ${g.number}`, value: `${countIn(mine, list, today, q.period)} of ${countIn(mine, 'all', today)}` };
  });
}

/** Done, overdue, blocked and due soon of a tally, as one line. */
function standing(tally: TallyEntry[], today: IsoDate): { line: string; done: number; total: number; late: number } {
  const total = countIn(tally, 'all', today);
  const done = countIn(tally, 'done', today);
  const late = countIn(tally, 'overdue', today) + countIn(tally, 'blocked', today);
  const line = `${done} of ${total} done (${percent(done, total)}%) · ${countIn(tally, 'overdue', today)} overdue · ${countIn(tally, 'blocked', today)} blocked · ${countIn(tally, 'due', today)} due in the next 14 days`;
  return { line, done, total, late };
}

async function progress(asking: Asking, scope: QuestionScope): Promise<QuestionAnswer> {
  const tallies = await scopedTallies(asking.services.store, asking.caller, scope);
  const all = [...tallies.values()].flat();
  const whole = standing(all, asking.today);
  const title = `${percent(whole.done, whole.total)}% complete${whereText(scope) || ' across your plans'}`;
  const facts = scope.plans.length === 1 && scope.grid === undefined
    ? (scope.plans[0]?.grids ?? []).map((g) => ({ title: `Grid ${g.number} ${g.title}`.trim(), value: standing(all.filter((e) => e.grid === g.number), asking.today).line }))
    : scope.plans.map((p) => ({ title: planName(p), value: standing(tallies.get(p.id) ?? [], asking.today).line }));
  return { ok: true, figures: { title, message: escapeMarkdown(`${whole.line}.`), facts } };
}

async function compare(asking: Asking, q: Question): Promise<QuestionAnswer> {
  const visible = asking.directory.plans.filter((p) => asking.visible.has(p.id));
  const plans: PlanSummary[] = [];
  for (const name of q.plans ?? []) {
    const found = plansNamed(visible, name);
    if (found.length === 0) return { ok: false, problem: unknownPlan(name, visible) };
    for (const p of found) if (!plans.includes(p)) plans.push(p);
  }
  const scoped = resolveScope(asking.directory, asking.caller, asking.visible, q.filter, plans.length > 0 ? plans : visible);
  if (!scoped.ok) return scoped;
  const { scope } = scoped;
  if (scope.plans.length === 0) return { ok: false, problem: 'You can see no plans to compare.' };
  const tallies = await scopedTallies(asking.services.store, asking.caller, scope);
  const rows = scope.plans.map((p) => ({ plan: p, ...standing(tallies.get(p.id) ?? [], asking.today) }));
  const ahead = [...rows].sort((a, b) => percent(b.done, b.total) - percent(a.done, a.total))[0];
  const title = rows.length === 2 ? `${rows[0]?.plan.partnership} and ${rows[1]?.plan.partnership} side by side` : `${rows.length} plans side by side`;
  const message = ahead ? `Furthest along: ${escapeMarkdown(ahead.plan.partnership)}, ${percent(ahead.done, ahead.total)}% done.` : '';
  return { ok: true, figures: { title, message, facts: rows.map((r) => ({ title: planName(r.plan), value: r.line })) } };
}

async function rank(asking: Asking, scope: QuestionScope, order: 'worst' | 'best'): Promise<QuestionAnswer> {
  if (scope.plans.length === 0) return { ok: false, problem: 'You can see no plans to rank.' };
  const tallies = await scopedTallies(asking.services.store, asking.caller, scope);
  // Worst: the largest share of actions overdue or blocked; a tie goes to the smaller share done.
  const rows = scope.plans.map((p) => ({ plan: p, ...standing(tallies.get(p.id) ?? [], asking.today) }))
    .sort((a, b) => percent(b.late, b.total) - percent(a.late, a.total) || percent(a.done, a.total) - percent(b.done, b.total) || a.plan.code.localeCompare(b.plan.code));
  if (order === 'best') rows.reverse();
  const [top] = rows;
  const title = `Your plans, ${order} first`;
  const message = top ? `${order === 'worst' ? 'Doing worst' : 'Doing best'}: ${escapeMarkdown(top.plan.partnership)}, with ${percent(top.late, top.total)}% of its actions overdue or blocked and ${percent(top.done, top.total)}% done. Ranked by the share of actions overdue or blocked${scope.grid !== undefined ? ` in grid ${scope.grid}` : ''}.` : '';
  return { ok: true, figures: { title, message, facts: rows.map((r, i) => ({ title: `${i + 1}. ${planName(r.plan)}`, value: `${percent(r.late, r.total)}% overdue or blocked (${r.late} of ${r.total}) · ${percent(r.done, r.total)}% done` })) } };
}

