// The lists people ask for ("overdue in Bedfordshire, grid 2", "due next week for Sam Patel", "blocked
// by owner"): narrowed to the plans the person can see, then by the filter's plan, grid, person and role.
// The title says what the list holds; a filter that matches nothing says so by name.
import { addDays } from '../domain/calendar.ts';
import type { ListQuery } from '../domain/chatState.ts';
import { roleKey } from '../domain/owners.ts';
import type { IsoDate } from '../domain/plan.ts';
import type { PlanSummary, StoredAction } from '../domain/ports.ts';
import type { ListKind } from '../domain/reading/intent.ts';
import { closest } from './closest.ts';
import type { Caller } from './caller.ts';
import type { Directory } from './directory.ts';
import { dueList, overdueList, loadedList, type Keep, type LazyList } from './lazyList.ts';
import { blocked, mine } from './questions.ts';
import type { Services } from './services.ts';

/** A list ready to show, or why the filter matched nothing. */
export type ListResult = { ok: true; title: string; list: LazyList; emptyText: string } | { ok: false; problem: string };

const LABELS: Record<ListKind, string> = { overdue: 'Overdue', due: 'Due in the next 14 days', blocked: 'Blocked', mine: 'Your open actions', done: 'Done', delayed: 'Delayed', all: 'All actions' };
const EMPTY: Record<ListKind, string> = { overdue: 'Nothing is overdue. 🎉', due: 'Nothing falls due then.', blocked: 'Nothing is blocked.', mine: 'None of your actions are open.', done: 'Nothing is done yet.', delayed: 'Nothing is delayed.', all: 'There are no actions.' };

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The plans a name points at ("BED", "Bedfordshire", "wight"), among `plans`. */
export function plansNamed(plans: PlanSummary[], name: string): PlanSummary[] {
  const wanted = name.trim().toLowerCase();
  const exact = plans.filter((p) => p.code.toLowerCase() === wanted || p.partnership.toLowerCase() === wanted || p.id === wanted);
  return exact.length > 0 ? exact : plans.filter((p) => p.partnership.toLowerCase().includes(wanted));
}

/** The list asked for, narrowed by `keep`. Due lists are read a page at a time from the due index. */
async function listOf(services: Services, caller: Caller, visible: PlanSummary[], query: ListQuery, today: IsoDate, keep: Keep): Promise<LazyList> {
  const { store } = services;
  if (query.list === 'overdue') return overdueList(store, today, keep);
  if (query.list === 'due') return dueList(store, query.period?.from ?? today, query.period?.to ?? addDays(today, 14), keep);
  const fits = (a: StoredAction): boolean => keep({ planId: a.planId, grid: a.action.grid, owners: a.action.owners });
  return loadedList((await base(services, caller, visible, query)).filter(fits));
}

async function base(services: Services, caller: Caller, visible: PlanSummary[], query: ListQuery): Promise<StoredAction[]> {
  const { store } = services;
  switch (query.list) {
    case 'blocked': return blocked(store);
    case 'mine': return mine(store, caller);
    default: {
      const all = (await Promise.all(visible.map((p) => store.actions.listPlanActions(p.id)))).flat();
      const inPeriod = (a: StoredAction): boolean => !query.period || ((a.progress.updatedAt ?? '').slice(0, 10) >= query.period.from && (a.progress.updatedAt ?? '').slice(0, 10) <= query.period.to);
      if (query.list === 'done') return all.filter((a) => a.progress.status === 'done' && inPeriod(a));
      if (query.list === 'delayed') return all.filter((a) => a.progress.status === 'delayed');
      return all;
    }
  }
}

/** Owner roles that pass both the filter so far and `names`. */
function narrow(roles: Set<string> | null, names: string[]): Set<string> {
  const keys = new Set(names.map(roleKey));
  return roles === null ? keys : new Set([...roles].filter((r) => keys.has(r)));
}

/** Runs a list for the caller. */
export async function runList(services: Services, directory: Directory, caller: Caller, visibleIds: ReadonlySet<string>, query: ListQuery, today: IsoDate): Promise<ListResult> {
  const visible = directory.plans.filter((p) => visibleIds.has(p.id));
  const { filter } = query;
  const where: string[] = [];
  let plans = visible;
  if (filter.plan) {
    plans = plansNamed(visible, filter.plan);
    if (plans.length === 0) {
      const yours = visible.map((p) => `${p.partnership} (${p.code})`).join(', ') || 'none';
      return { ok: false, problem: `No plan you can see is called "${filter.plan}". Your plans: ${yours}.` };
    }
    where.push(`in ${plans.map((p) => p.partnership).join(', ')}`);
  }
  if (filter.grid !== undefined) {
    const unknown = unknownGrid(plans, filter.grid);
    if (unknown !== null) return { ok: false, problem: unknown };
    where.push(`${filter.plan ? '' : 'in '}grid ${filter.grid}`);
  }
  let roles: Set<string> | null = null;
  if (filter.person) {
    const wanted = filter.person.trim().toLowerCase();
    const people = directory.people.filter((p) => p.tenantId === caller.tenantId && p.name.toLowerCase().includes(wanted));
    if (people.length === 0) return { ok: false, problem: `I don't know anyone called "${filter.person}" here. People appear once they have installed the bot.` };
    roles = new Set(people.flatMap((p) => directory.rolesOf(caller.tenantId, p.id)).map(roleKey));
    where.push(`for ${people.map((p) => p.name).join(', ')}`);
  }
  if (filter.role) {
    const named = [...new Set(plans.flatMap((p) => p.roles.map((r) => r.name)))];
    const match = named.filter((r) => roleKey(r) === roleKey(filter.role ?? ''));
    if (match.length === 0) {
      const near = closest(filter.role, named, 3);
      return { ok: false, problem: `No plan you can see names a role "${filter.role}".${near.length > 0 ? ` Did you mean ${near.join(', ')}?` : ''}` };
    }
    roles = narrow(roles, match);
    where.push(`owned by ${match[0]}`);
  }
  if (filter.mine && query.list !== 'mine') {
    roles = narrow(roles, caller.roles);
    where.push('yours');
  }
  const planIds = new Set(plans.map((p) => p.id));
  const wanted: Set<string> | null = roles;
  const keep: Keep = (a) => planIds.has(a.planId)
    && (filter.grid === undefined || a.grid === null || a.grid === filter.grid)
    && (wanted === null || a.owners === null || a.owners.some((o) => wanted.has(roleKey(o))));
  const list = await listOf(services, caller, plans, query, today, keep);
  const label = query.list === 'due' && query.period ? capitalise(query.period.label)
    : query.period && query.list !== 'overdue' ? `${LABELS[query.list]} ${query.period.label.replace(/^(?:due|done|overdue|blocked|delayed)\s+/, '')}`
    : LABELS[query.list];
  const title = `${label}${where.length > 0 ? ` ${where.join(', ')}` : ''}`;
  const empty = where.length > 0 ? `${EMPTY[query.list].replace(/ 🎉$/, '')} (${where.join(', ')}).` : EMPTY[query.list];
  return { ok: true, title, list, emptyText: empty };
}

/** A grid no plan has, named as unknown with the grids there are ("0 actions" would read as good news); else null. */
export function unknownGrid(plans: { code?: string; grids: { number: number }[] }[], grid: number): string | null {
  if (plans.some((p) => p.grids.some((g) => g.number === grid))) return null;
  const grids = plans.map((p) => `${p.code ?? ''} ${p.grids.map((g) => g.number).join(', ') || 'none'}`).join('; ');
  return `No plan you can see has a grid ${grid}. The grids there are: ${grids || 'none'}.`;
}
