// STOPGAP until src/domain/reading/readMessage lands: the old command patterns and typed-answer reader
// mapped onto the Intent contract, so the acting side works end to end meanwhile. Delete at the merge.
import type { ActionName, Intent, ListFilter, ListKind, Message } from '../domain/reading/intent.ts';
import { addDays, dayOfWeek, isoDate, lastDayOfMonth } from '../domain/calendar.ts';
import { readReply } from '../domain/typedReply.ts';

const CODE = /(?:^|\s)(#?[A-Za-z]{2,4}\d?-[\w.]+(?:\/g\d+)?|#[0-9a-f]{4,})(?=$|[\s:,;])/i;

function filterIn(text: string): ListFilter {
  const filter: ListFilter = {};
  const plan = /\bin\s+([A-Za-z][\w ]*?)(?=,|\s+grid\b|\s+for\b|\s+by\b|\?|$)/i.exec(text)?.[1];
  if (plan && !/^(the next|\d)/i.test(plan)) filter.plan = plan.trim();
  const grid = /\bgrid\s+(\d+)/i.exec(text)?.[1];
  if (grid) filter.grid = Number(grid);
  const person = /\bfor\s+([A-Z][\w' -]*?)(?=\?|,|$)/.exec(text)?.[1];
  if (person && !/^grid\b/i.test(person)) filter.person = person.trim();
  return filter;
}

function periodOf(when: string, today: string): { from: string; to: string; label: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const sunday = addDays(today, (7 - dayOfWeek(today)) % 7);
  const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
  if (when === 'today') return { from: today, to: today, label: 'due today' };
  if (when === 'this week') return { from: today, to: sunday, label: 'due this week' };
  if (when === 'next week') return { from: addDays(sunday, 1), to: addDays(sunday, 7), label: 'due next week' };
  if (when === 'this month') return { from: today, to: lastDayOfMonth(y, m), label: 'due this month' };
  if (when === 'next month') return { from: isoDate(ny, nm, 1), to: lastDayOfMonth(ny, nm), label: 'due next month' };
  return { from: today, to: addDays(today, 14), label: 'due in the next 14 days' };
}

/** Reads a message as the stopgap can. */
export function interimRead(message: Message): Intent {
  const text = message.text.replace(/^\s*<at>[^<]*<\/at>/i, '').replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim();
  const lower = text.toLowerCase().replace(/[?!.]+$/, '').trim();
  if (/^(help|hi|hello|start|\?)$/.test(lower)) return { kind: 'help' };
  if (/^(yes|y|confirm|yes please)$/.test(lower)) return { kind: 'yes' };
  if (/^(no|n|cancel)$/.test(lower)) return { kind: 'no' };
  if (/^undo$/.test(lower)) return { kind: 'undo' };
  if (/^(more|next page|show more|next)$/.test(lower)) return { kind: 'more' };
  if (/^(summary|overview|progress)$/.test(lower)) return { kind: 'summary', filter: {} };
  if (/^roles$/.test(lower)) return { kind: 'roles' };
  const code = CODE.exec(text)?.[1];
  const name: ActionName | null = code ? { kind: 'code', code } : null;
  const reopen = /^reopen\s+(\S+)$/i.exec(text);
  if (reopen) return { kind: 'reopen', names: [name ?? { kind: 'ref', ref: reopen[1] ?? '' }] };
  const status = /^status\s+(\S+)$/i.exec(text);
  if (status) return { kind: 'status', name: name ?? { kind: 'ref', ref: status[1] ?? '' } };
  const assign = /^(assign|unassign)\s+(.+?)\s+(?:to|from)\s+(.+)$/i.exec(text);
  if (assign) return { kind: assign[1]?.toLowerCase() === 'assign' ? 'assign' : 'unassign', role: assign[2] ?? '', person: assign[3] ?? '' };
  const who = /^who(?:'s| is| holds)?\s+(?:the\s+)?(.+?)\??$/i.exec(text);
  if (who) return { kind: 'who', role: who[1] ?? '' };
  const groupBy = /\bby\s+(owner|person|role)\b/i.test(text) ? 'owner' as const : undefined;
  const list = (kind: ListKind, period?: { from: string; to: string; label: string }): Intent => ({ kind: 'list', list: kind, filter: filterIn(text), ...(period ? { period } : {}), ...(groupBy ? { groupBy } : {}) });
  if (/^(what'?s |what is |show )?(overdue|late)\b/i.test(text)) return list('overdue');
  if (/^(what'?s |what is )blocked\b|^blocked( actions)?\??$/i.test(text)) return list('blocked');
  if (/^my actions$/i.test(lower)) return list('mine');
  const when = /\bdue\s+(today|this week|next week|this month|next month|soon)\b/i.exec(text)?.[1]?.toLowerCase();
  if (when) return list('due', periodOf(when, message.today));
  const stripped = code ? text.replace(code, '').replace(/\s+/g, ' ').trim() : text;
  const reply = readReply(stripped, message.today);
  if (reply?.kind === 'invalid') return { kind: 'invalid-answer', status: 'done', names: name ? [name] : [], problem: reply.problem };
  if (reply) {
    const names: ActionName[] = name ? [name] : reply.ref ? [{ kind: 'ref', ref: reply.ref }] : [];
    return { kind: 'answer', status: reply.kind, names, ...(reply.newDate ? { newDate: reply.newDate } : {}), ...(reply.reason ? { reason: reply.reason } : {}), sure: true };
  }
  return { kind: 'unknown', suggestions: ['help', "what's overdue?", 'my actions'] };
}
