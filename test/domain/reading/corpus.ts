// Messages people in the five seed partnerships would type, each with exactly what it must read as.
// Shared by the reading test and `npm run bench` (section "read"). Today is Monday 30 November 2026.
//
// Phrasings chosen NOT to be supported, and why:
// - Several roles in one assign ("assign SMLO & SMO to Sam"): read as one role "SMLO & SMO", which the
//   actor refuses with the closest names; an assign changes access, so one role at a time is clearer.
// - "covers for me until …" (no role named): which of the person's roles is covered is a guess.
// - A reason written before the verb ("no budget so 1.3.2 is blocked"): the verb must lead or follow the
//   names, or a reason could be read as an answer about another action.
// - "next Friday" said on a Monday is the Friday of next week (11 Dec here), as chrono reads it; "Friday"
//   or "this Friday" is the coming one. People who mean otherwise see the date in the confirmation.
// - Answers that end with "?" ("done 1.2.3?") are questions (the status of 1.2.3), never answers.
// - Typos in people's names are matched, typos inside a reason are kept as written; words of three
//   letters or fewer are never corrected ("dne" is not "done").
// - "blocked" or "delayed" alone is an answer that asks for its reason or date (the bot says what to
//   write); "blocked?", "what's blocked" and the typo "blokced" are the list.
// - "done" followed by more words keeps no note: a done answer carries no reason; a second action named
//   in those words ("done 1.2.3 but 1.2.4 is late") makes the answer a guess to confirm.
// - "what's outstanding?" / "open actions": whether that means "mine" or every open action is a guess;
//   the reply suggests "my actions".
// - A typed "@actionbot" (plain text, not a Teams mention) is not removed; Teams sends real mentions
//   as <at>…</at>, which are.
// - "what does Sam have?" reads as Sam's actions; "what did Sam do last week?" is the changes Sam made
//   (corpusStrangers.ts).
import type { ActionName, Intent, ListFilter, ListKind, Period, Vocabulary } from '../../../src/domain/reading/intent.ts';
import { secondPass } from './corpusSecond.ts';
import { questionCases } from './corpusQuestions.ts';
import { strangerCases } from './corpusStrangers.ts';

export const today = '2026-11-30';

/** What the seed plans name: codes, partnerships, roles; people who hold roles in them. */
export const vocabulary: Vocabulary = {
  plans: [
    { code: 'IW', partnership: 'Isle of Wight DAT' },
    { code: 'BED', partnership: 'Bedfordshire' },
    { code: 'WOR', partnership: 'Worcestershire SMAT' },
    { code: 'GLOS', partnership: 'Gloucestershire Safer and Stronger Communities partnership (GSSCP)' },
    { code: 'PB', partnership: 'Safer Peterborough Partnership' },
  ],
  roles: ['SMLO', 'SMO', 'SPM-CC', 'Commissioner', 'Commissioners', 'JCG Chair', 'BDAT Commissioner', 'Clinical Governance Lead', 'JCM',
    'DAAT Treatment Lead', 'Performance & Information Officer', 'CN Project Manager', 'DAT Team', 'Partnership Manager'],
  people: ['Sam Patel', 'Priya Shah', 'Tom Jones', 'Aisha Khan', 'Gareth Evans'],
};

export interface CorpusCase {
  text: string;
  intent: Intent;
}

const ref = (r: string): ActionName => ({ kind: 'ref', ref: r });
const code = (c: string): ActionName => ({ kind: 'code', code: c });
const done = (names: ActionName[], sure = true): Intent => ({ kind: 'answer', status: 'done', names, sure });
const delayedTo = (names: ActionName[], newDate: string, reason?: string, sure = true): Intent =>
  ({ kind: 'answer', status: 'delayed', names, newDate, ...(reason ? { reason } : {}), sure });
const delayedBy = (names: ActionName[], amount: number, unit: 'day' | 'week' | 'month', reason?: string, sure = true): Intent =>
  ({ kind: 'answer', status: 'delayed', names, shift: { amount, unit }, ...(reason ? { reason } : {}), sure });
const blocked = (names: ActionName[], reason: string, sure = true): Intent => ({ kind: 'answer', status: 'blocked', names, reason, sure });
const list = (kind: ListKind, filter: ListFilter = {}, extra: { period?: Period; groupBy?: 'grid' | 'owner' | 'plan' } = {}): Intent =>
  ({ kind: 'list', list: kind, filter, ...extra });
const period = (from: string, to: string, label: string): Period => ({ from, to, label });
const soon = period('2026-11-30', '2026-12-14', 'due in the next 14 days');
const thisWeek = (label = 'due'): Period => period('2026-11-30', '2026-12-06', `${label} this week`);
const nextWeek = period('2026-12-07', '2026-12-13', 'due next week');
const status = (name: ActionName): Intent => ({ kind: 'status', name });
const unknown = (...suggestions: string[]): Intent => ({ kind: 'unknown', suggestions });
const noReason = (names: ActionName[], example: string): Intent =>
  ({ kind: 'invalid-answer', status: 'blocked', names, problem: `Blocked by what? Add the reason, for example "blocked ${example}: waiting for sign-off from the JCG".` });
const noDate = (names: ActionName[], example: string, problem = 'Delayed to when? Give the new date or how long.'): Intent =>
  ({ kind: 'invalid-answer', status: 'delayed', names, problem: `${problem} For example "delayed ${example} to 31/07/2027 because the venue is booked" or "delayed ${example} by two weeks".` });

/** Issue 8's observations, word for word. */
const observed: [string, Intent][] = [
  ['blocked by owner', list('blocked', {}, { groupBy: 'owner' })],
  ['finished actions?', list('done')],
  ['undo', { kind: 'undo' }],
  ['reopen PB-14', { kind: 'reopen', names: [code('PB-14')] }],
  ['not done PB-14', { kind: 'reopen', names: [code('PB-14')] }],
  ['done #b801ad', done([code('b801ad')])],
  ['delayed #b801ad to 30 June because the venue fell through', delayedTo([code('b801ad')], '2027-06-30', 'because the venue fell through')],
  ['done 4.1.1', done([ref('4.1.1')])],
  ['done IW-4.1.1/g4', done([code('IW-4.1.1/g4')])],
  ['done WOR-22/g3', done([code('WOR-22/g3')])],
  ['blocked 1.4.1: the data is due in 30 days', blocked([ref('1.4.1')], 'the data is due in 30 days')],
  ['more', { kind: 'more' }],
  ['next page', { kind: 'more' }],
  ['overdue for grid 2', list('overdue', { grid: 2 })],
  ['overdue in Bedfordshire', list('overdue', { plan: 'BED' })],
  ["what's overdue for Sam Patel?", list('overdue', { person: 'Sam Patel' })],
  ["what's due today?", list('due', {}, { period: period('2026-11-30', '2026-11-30', 'due today') })],
  ['due tomorrow', list('due', {}, { period: period('2026-12-01', '2026-12-01', 'due tomorrow') })],
  ['what is due in January?', list('due', {}, { period: period('2027-01-01', '2027-01-31', 'due in January 2027') })],
  ['roles nobody holds', { kind: 'roles', unheld: true }],
  ['summary', { kind: 'summary', filter: {} }],
  ['done 1.1.2', done([ref('1.1.2')])],
  ['assign SLMO to Sam Patel', { kind: 'assign', role: 'SLMO', person: 'Sam Patel' }],
  ['1.1.3 is done', done([ref('1.1.3')])],
  ["I've done 4.3.2", done([ref('4.3.2')])],
  ["can't do 1.3.2 – no budget", blocked([ref('1.3.2')], 'no budget', false)],
  ['push 1.2.4 back two weeks', delayedBy([ref('1.2.4')], 2, 'week')],
  ['delayed 2.1.2 by two weeks', delayedBy([ref('2.1.2')], 2, 'week')],
  ['✅ done 1.3.2', done([ref('1.3.2')])],
  ['<p>what&#39;s overdue?</p>', list('overdue')],
  ['<at>actionbot</at> help', { kind: 'help' }],
  ['whats ovrdue', list('overdue')],
  ['summery', { kind: 'summary', filter: {} }],
  ['done 3.1.4 and 3.6.1', done([ref('3.1.4'), ref('3.6.1')])],
  ['delayed 1.2 to 30 June because of the audit', delayedTo([ref('1.2')], '2027-06-30', 'because of the audit')],
];

/** Answers people type, with codes, references or neither. */
const answers: [string, Intent][] = [
  ['Done 1.1.1', done([ref('1.1.1')])],
  ['done', done([], false)],
  ['Done!', done([], false)],
  ['1.1.2 done, thanks', done([ref('1.1.2')])],
  ['Completed 2.3', done([ref('2.3')])],
  ['finished 3.4 at last', done([ref('3.4')])],
  ["we've finished 1.2", done([ref('1.2')])],
  ['i have completed IW-1.1.4', done([code('IW-1.1.4')])],
  ['PB-14 has been completed', done([code('PB-14')])],
  ['PB-3 and PB-4 are done', done([code('PB-3'), code('PB-4')])],
  ['done PB-3, PB-4', done([code('PB-3'), code('PB-4')])],
  ['done pb-14', done([code('PB-14')])],
  ['done pb14', done([code('PB-14')])],
  ['done #PB-14', done([code('PB-14')])],
  ['done #1.2.3', done([ref('1.2.3')])],
  ['1.2.3 - done', done([ref('1.2.3')])],
  ['done 6a', done([ref('6a')])],
  ['done 8 i', done([ref('8 i')])],
  ['Done GLOS-2b.', done([code('GLOS-2b')])],
  ['mark BED-7 as done', done([code('BED-7')])],
  ['sorted 1.3.2', done([ref('1.3.2')], false)],
  ['done 1.2.3 but 1.2.4 is late', done([ref('1.2.3')], false)],
  ['done today', done([], false)],
  ['✅ 1.3.2', done([ref('1.3.2')], false)],
  ['doen PB-14', done([code('PB-14')], false)],
  ['delayed 1.2.3 to 31/07/2027', delayedTo([ref('1.2.3')], '2027-07-31')],
  ['delay 1.2.3 until 2027-07-31: venue', delayedTo([ref('1.2.3')], '2027-07-31', 'venue')],
  ['delayed to end of July - waiting on funding', delayedTo([], '2027-07-31', 'waiting on funding', false)],
  ['postponed 2.3 to the end of February 2028: leap year', delayedTo([ref('2.3')], '2028-02-29', 'leap year')],
  ['deferred 4a to next Friday because the board moved', delayedTo([ref('4a')], '2026-12-11', 'because the board moved')],
  ['delayed PB-14 to Monday', delayedTo([code('PB-14')], '2026-12-07')],
  ['delayed BED-7 by 3 weeks – staff sickness', delayedBy([code('BED-7')], 3, 'week', 'staff sickness')],
  ['push back 1.2.4 by a month', delayedBy([ref('1.2.4')], 1, 'month')],
  ['pushed 6b back a fortnight', delayedBy([ref('6b')], 2, 'week')],
  ['moved GLOS-5c back to 15 March', delayedTo([code('GLOS-5c')], '2027-03-15')],
  ['move PB-14 to 30 June', delayedTo([code('PB-14')], '2027-06-30')],
  ['postpone 6a until end of July', delayedTo([ref('6a')], '2027-07-31')],
  ['1.3.1 slipped by a week', delayedBy([ref('1.3.1')], 1, 'week', undefined, false)],
  ['slipped 2.3 to end of January', delayedTo([ref('2.3')], '2027-01-31', undefined, false)],
  ['delayed 2.2 to 30/06 because the provider is late', delayedTo([ref('2.2')], '2027-06-30', 'because the provider is late')],
  ['delayed 2.2 till 12/1/27', delayedTo([ref('2.2')], '2027-01-12')],
  ['PB-9 delayed 3 days', delayedBy([code('PB-9')], 3, 'day')],
  ['delayed 1.2 to 3 March, 2 staff off sick', delayedTo([ref('1.2')], '2027-03-03', '2 staff off sick')],
  ['delayed WOR-3.2 to 4th January 2027, tender panel postponed', delayedTo([code('WOR-3.2')], '2027-01-04', 'tender panel postponed')],
  ['blocked 6a waiting for sign-off', blocked([ref('6a')], 'waiting for sign-off')],
  ['blocked: waiting for sign-off', blocked([], 'waiting for sign-off', false)],
  ['PB-14: blocked – waiting for the PCT', blocked([code('PB-14')], 'waiting for the PCT')],
  ['blocked PB-22 because the contract is not signed', blocked([code('PB-22')], 'because the contract is not signed')],
  ['1.2.3 is blocked by the council', blocked([ref('1.2.3')], 'by the council')],
  ['stuck on 1.2.3 – waiting for the PCT', blocked([ref('1.2.3')], 'waiting for the PCT', false)],
  ['1.4.2 waiting for data from NDTMS', blocked([ref('1.4.2')], 'waiting for data from NDTMS', false)],
  ['waiting for sign-off from the JCG', blocked([], 'waiting for sign-off from the JCG', false)],
  ['unable to progress 3.2 - no venue', blocked([ref('3.2')], 'no venue', false)],
  ['on hold 2.1: funding review', blocked([ref('2.1')], 'funding review', false)],
  ["can't do it - no budget", blocked([], 'no budget', false)],
  ['blocked 1.4.1 and 1.4.2: IT system down', blocked([ref('1.4.1'), ref('1.4.2')], 'IT system down')],
  ['blocked for lack of funding', blocked([], 'for lack of funding', false)],
  ["blocked 1.2: need to know what's overdue first", blocked([ref('1.2')], "need to know what's overdue first")],
  ['delayed 1.2 to 30 June: summary report not ready', delayedTo([ref('1.2')], '2027-06-30', 'summary report not ready')],
  ['delayed 1.2 by 2 weeks, roles not assigned yet', delayedBy([ref('1.2')], 2, 'week', 'roles not assigned yet')],
  ['<p>delayed PB-3 to 31/01/2027<br>because the venue fell through</p>', delayedTo([code('PB-3')], '2027-01-31', 'because the venue fell through')],
  ['<div>done&nbsp;IW-1.1.1</div>', done([code('IW-1.1.1')])],
  ['🚫 blocked PB-2: no venue', blocked([code('PB-2')], 'no venue')],
  ['blocked 2.3 - the report is overdue and due next week', blocked([ref('2.3')], 'the report is overdue and due next week')],
  ['delayed by two weeks', delayedBy([], 2, 'week', undefined, false)],
  ['Done 1.2.3\ndone 1.2.4', done([ref('1.2.3')], false)],
  ['done 1.2.3 and 1.2.3', done([ref('1.2.3')])],
  ['<p>blocked PB-14:&nbsp;waiting for the PCT&#39;s sign-off</p>', blocked([code('PB-14')], "waiting for the PCT's sign-off")],
  ['delayed 1.2.3 and 1.2.4 to 30 June', delayedTo([ref('1.2.3'), ref('1.2.4')], '2027-06-30')],
  ['IW-1.1.2 done - monthly report sent', done([code('IW-1.1.2')])],
  ["it's done", done([], false)],
  ["I've finished the report for 1.2.3", done([ref('1.2.3')], false)],
  ['can you mark 1.2.3 as done', done([ref('1.2.3')])],
  ['please tick off PB-14', done([code('PB-14')], false)],
  ['set 1.2.3 to done', done([ref('1.2.3')])],
  ['delayed 1.2.3 – new date 31 March 2027', delayedTo([ref('1.2.3')], '2027-03-31')],
  ['delayed 1.2 to the end of next week', delayedTo([ref('1.2')], '2026-12-11')],
  ["We're blocked on 2.1 - no data", blocked([ref('2.1')], 'no data')],
  ["I can't do 1.3.2 because there's no budget", blocked([ref('1.3.2')], "because there's no budget", false)],
  ['1.2.3 is complete', done([ref('1.2.3')])],
  ['done 1.1.1, 1.1.2 and 1.1.3', done([ref('1.1.1'), ref('1.1.2'), ref('1.1.3')])],
  ['Completed: 2.1.1', done([ref('2.1.1')])],
  ['Done - 2.1.1', done([ref('2.1.1')])],
  ['done 1.2.3, thanks', done([ref('1.2.3')])],
  ['blocked 1.2: waiting for Tom, thanks', blocked([ref('1.2')], 'waiting for Tom')],
  ['delayed - 2.1.1 - 31/03/2027 - awaiting funding', delayedTo([ref('2.1.1')], '2027-03-31', 'awaiting funding')],
  ['2.1.1 blocked (awaiting funding)', blocked([ref('2.1.1')], 'awaiting funding')],
  ['blocked Sam Patel', blocked([], 'Sam Patel', false)],
];

/** Answers that cannot be acted on: the problem says what to write. */
const invalid: [string, Intent][] = [
  ['delayed', noDate([], 'PB-14')],
  ['blocked', noReason([], 'PB-14')],
  ['delay', noDate([], 'PB-14')],
  ["I'm blocked", noReason([], 'PB-14')],
  ['stuck on 1.2.3', { ...noReason([ref('1.2.3')], '1.2.3') }],
  ['blocked PB-14', noReason([code('PB-14')], 'PB-14')],
  ['delayed 2.2 until further notice', noDate([ref('2.2')], '2.2')],
  ['delayed to 31/02/2027', noDate([], 'PB-14', '"31/02/2027" is not a date.')],
  ['delayed 1.2 to 31 Sept', noDate([ref('1.2')], '1.2', '"31 Sept" is not a date.')],
  ['delayed 1.2 until next year', noDate([ref('1.2')], '1.2', 'Which day next year?')],
  ['delayed 1.1 to 1 June 2020', noDate([ref('1.1')], '1.1', '1 June 2020 has passed: give a date from today on.')],
  ['delayed to July', { kind: 'invalid-answer', status: 'delayed', names: [], problem: 'Which day of July? For example "delayed PB-14 to end of July" or "delayed PB-14 to 15 July".' }],
];

/** Questions for lists, with filters, periods and grouping. */
const lists: [string, Intent][] = [
  ["what's overdue", list('overdue')],
  ['anything overdue?', list('overdue')],
  ['show me overdue actions', list('overdue')],
  ['list overdue', list('overdue')],
  ['overdue', list('overdue')],
  ['late actions', list('overdue')],
  ['which actions are late?', list('overdue')],
  ['wat is overdue', list('overdue')],
  ["what's overdue in grid 3 by owner", list('overdue', { grid: 3 }, { groupBy: 'owner' })],
  ["what's overdue for me", list('overdue', { mine: true })],
  ['my overdue actions', list('overdue', { mine: true })],
  ['anything overdue in Worcestershire?', list('overdue', { plan: 'WOR' })],
  ['overdue for IW', list('overdue', { plan: 'IW' })],
  ['overdue in the isle of wight', list('overdue', { plan: 'IW' })],
  ['overdue in bedforshire', list('overdue', { plan: 'BED' })],
  ["<at>actionbot</at> what's overdue in Bedfordhsire?", list('overdue', { plan: 'BED' })],
  ['WHAT’S OVERDUE?', list('overdue')],
  ['overdue for PB', list('overdue', { plan: 'PB' })],
  ['overdue for Peterborough', list('overdue', { plan: 'PB' })],
  ['overdue in Glos', list('overdue', { plan: 'GLOS' })],
  ['overdue for Aisha Khan', list('overdue', { person: 'Aisha Khan' })],
  ['overdue for <at>Tom Jones</at>', list('overdue', { person: 'Tom Jones' })],
  ['overdue for Gareth', list('overdue', { person: 'Gareth Evans' })],
  ["what's overdue for Zed Bloggs?", list('overdue', { person: 'Zed Bloggs' })],
  ["what's overdue in Narnia?", list('overdue', { plan: 'Narnia' })],
  ['overdue for Nobody Atall', list('overdue', { person: 'Nobody Atall' })],
  ['overdue for SPM-CC', list('overdue', { role: 'SPM-CC' })],
  ["what's overdue for the JCM?", list('overdue', { role: 'JCM' })],
  ['overdue for the SMLO', list('overdue', { role: 'SMLO' })],
  ["Sam Patel's overdue actions", list('overdue', { person: 'Sam Patel' })],
  ["SMLO's actions", list('all', { role: 'SMLO' })],
  ['overdue by grid', list('overdue', {}, { groupBy: 'grid' })],
  ['overdue by plan', list('overdue', {}, { groupBy: 'plan' })],
  ["what's overdue for PB by owner?", list('overdue', { plan: 'PB' }, { groupBy: 'owner' })],
  ['overdue in grid 2 for Bedfordshire', list('overdue', { grid: 2, plan: 'BED' })],
  ['who is overdue?', list('overdue', {}, { groupBy: 'owner' })],
  ['what is blocked?', list('blocked')],
  ['delayed by owner', list('delayed', {}, { groupBy: 'owner' })],
  ['blocked in grid 2', list('blocked', { grid: 2 })],
  ['overdue actions for the commissioner', list('overdue', { role: 'Commissioner' })],
  ["what's overdue in grid 2 for Bedfordshire by owner?", list('overdue', { grid: 2, plan: 'BED' }, { groupBy: 'owner' })],
  ["Can you show me what's blocked for the SMO please?", list('blocked', { role: 'SMO' })],
  ['what does Sam Patel have?', list('all', { person: 'Sam Patel' })],
  ['SMO overdue', list('overdue', { role: 'SMO' })],
  ["Hi, what's overdue?", list('overdue')],
  ['Good morning! Anything due this week for Priya?', list('due', { person: 'Priya Shah' }, { period: thisWeek() })],
  ['Bedfordshire overdue', list('overdue', { plan: 'BED' })],
  ["what's in grid 2?", list('all', { grid: 2 })],
  ['whats due this wk', list('due', {}, { period: thisWeek() })],
  ['what needs doing this week?', list('due', {}, { period: thisWeek() })],
  ['blocked Sam Patel?', list('blocked', { person: 'Sam Patel' })],
  ["what's blocked in Gloucestershire?", list('blocked', { plan: 'GLOS' })],
  ['blocked actions by owner', list('blocked', {}, { groupBy: 'owner' })],
  ['show blocked', list('blocked')],
  ['whats blokced', list('blocked')],
  ['blokced', list('blocked')],

  ['blocked?', list('blocked')],
  ["what's done?", list('done')],
  ['what has been delayed?', list('delayed')],
  ['delayed actions in Peterborough', list('delayed', { plan: 'PB' })],
  ["what's been done this week?", list('done', {}, { period: period('2026-11-30', '2026-11-30', 'done this week') })],
  ['what did we finish this month?', list('done', {}, { period: period('2026-11-01', '2026-11-30', 'done this month') })],
  ['completed actions in grid 2', list('done', { grid: 2 })],
  ['done for Sam Patel', list('done', { person: 'Sam Patel' })],
  ["what's due this week?", list('due', {}, { period: thisWeek() })],
  ["what's due?", list('due', {}, { period: soon })],
  ['due soon', list('due', {}, { period: soon })],
  ["what's due by Friday?", list('due', {}, { period: period('2026-11-30', '2026-12-04', 'due by Fri 4 Dec 2026') })],
  ["what's due on 4 December?", list('due', {}, { period: period('2026-12-04', '2026-12-04', 'due on Fri 4 Dec 2026') })],
  ['due before 31/12 in Worcestershire', list('due', { plan: 'WOR' }, { period: period('2026-11-30', '2026-12-30', 'due by Wed 30 Dec 2026') })],
  ["what's coming up?", list('due', {}, { period: soon })],
  ["what's due next month for PB?", list('due', { plan: 'PB' }, { period: period('2026-12-01', '2026-12-31', 'due next month') })],
  ['due in January', list('due', {}, { period: period('2027-01-01', '2027-01-31', 'due in January 2027') })],
  ['what is due in November?', list('due', {}, { period: period('2026-11-01', '2026-11-30', 'due in November 2026') })],
  ['anything due in the next 30 days?', list('due', {}, { period: period('2026-11-30', '2026-12-30', 'due in the next 30 days') })],
  ['due within 7 days', list('due', {}, { period: period('2026-11-30', '2026-12-07', 'due in the next 7 days') })],
  ['in the next 14 days', list('due', {}, { period: soon })],
  ["what's due for Priya Shah next week?", list('due', { person: 'Priya Shah' }, { period: nextWeek })],
  ["what's due next week in grid 3?", list('due', { grid: 3 }, { period: nextWeek })],
  ['due for me this week', list('due', { mine: true }, { period: thisWeek() })],
  ["what's on my plate this week?", list('due', { mine: true }, { period: thisWeek() })],
  ['what is due this month in Peterborough?', list('due', { plan: 'PB' }, { period: period('2026-11-30', '2026-11-30', 'due this month') })],
  ['all actions for the SMLO', list('all', { role: 'SMLO' })],
  ['actions in grid 4', list('all', { grid: 4 })],
  ['list actions for Sam Patel', list('all', { person: 'Sam Patel' })],
  ['my actions', list('mine')],
  ['mine', list('mine')],
  ['what have I got', list('mine')],
  ['what do I have', list('mine')],
  ['my tasks', list('mine')],
  ['my actions in Bedfordshire', list('mine', { plan: 'BED' })],
  ["<p>what's overdue for <at>Priya Shah</at>?</p>", list('overdue', { person: 'Priya Shah' })],
];

/** Status, summary, roles and reports. */
const questions: [string, Intent][] = [
  ['status PB-14', status(code('PB-14'))],
  ['status of 1.2.3', status(ref('1.2.3'))],
  ["what's happening with 1.2.3", status(ref('1.2.3'))],
  ['how is PB-14 going?', status(code('PB-14'))],
  ['is PB-14 done?', status(code('PB-14'))],
  ['done 1.2.3?', status(ref('1.2.3'))],
  ['PB-14?', status(code('PB-14'))],
  ['PB-14', status(code('PB-14'))],
  ['show IW-4.1.1/g2', status(code('IW-4.1.1/g2'))],
  ['details 6a', status(ref('6a'))],
  ['1.2.3 status', status(ref('1.2.3'))],
  ['tell me about PB-14', status(code('PB-14'))],
  ["what's the status of PB-14?", status(code('PB-14'))],
  ['any update on WOR-22/g3', status(code('WOR-22/g3'))],
  ['where are we with BED-12', status(code('BED-12'))],
  ['stauts PB-14', status(code('PB-14'))],
  ['plan summary', { kind: 'summary', filter: {} }],
  ['overview', { kind: 'summary', filter: {} }],
  ['how are we doing?', { kind: 'summary', filter: {} }],
  ['summary for Bedfordshire', { kind: 'summary', filter: { plan: 'BED' } }],
  ['summary for PB', { kind: 'summary', filter: { plan: 'PB' } }],
  ['summary grid 2', { kind: 'summary', filter: { grid: 2 } }],
  ['summry for bedfordshire', { kind: 'summary', filter: { plan: 'BED' } }],
  ['show me the sumary', { kind: 'summary', filter: {} }],
  ['roles', { kind: 'roles' }],
  ['show roles', { kind: 'roles' }],
  ['unheld roles', { kind: 'roles', unheld: true }],
  ['which roles have nobody', { kind: 'roles', unheld: true }],
  ['vacant roles', { kind: 'roles', unheld: true }],
  ['who is SMLO?', { kind: 'who', role: 'SMLO' }],
  ["who's the commissioner", { kind: 'who', role: 'Commissioner' }],
  ['who holds SMLO', { kind: 'who', role: 'SMLO' }],
  ['who has the SMO role', { kind: 'who', role: 'SMO' }],
  ['who is the Clinical Governance Lead?', { kind: 'who', role: 'Clinical Governance Lead' }],
  ['report', { kind: 'report' }],
  ['quarterly report', { kind: 'report' }],
  ['board report for Q3', { kind: 'report', quarter: 'Q3' }],
  ['board report for 2026 Q3', { kind: 'report', quarter: '2026-Q3' }],
  ['report for Bedfordshire 2026-Q3', { kind: 'report', quarter: '2026-Q3', plan: 'BED' }],
  ['board report for Q2 as PDF', { kind: 'report', quarter: 'Q2', format: 'pdf' }],
  ['report for Peterborough in Word', { kind: 'report', plan: 'PB', format: 'docx' }],
  ['report for Peterborough Q2', { kind: 'report', quarter: 'Q2', plan: 'PB' }],
];

/** Commands: roles, undo and reopen, confirmations, paging, help. */
const commands: [string, Intent][] = [
  ['assign SMO to Priya Shah', { kind: 'assign', role: 'SMO', person: 'Priya Shah' }],
  ['assign the JCG Chair role to Tom Jones', { kind: 'assign', role: 'JCG Chair', person: 'Tom Jones' }],
  ['give SMLO to <at>Sam</at>', { kind: 'assign', role: 'SMLO', person: 'Sam Patel' }],
  ['make Aisha Khan the SMLO', { kind: 'assign', role: 'SMLO', person: 'Aisha Khan' }],
  ['assign SMLO & SMO to Sam', { kind: 'assign', role: 'SMLO & SMO', person: 'Sam Patel' }],
  ['unassign SMLO from Sam', { kind: 'unassign', role: 'SMLO', person: 'Sam Patel' }],
  ['assign SMLO to Sam please', { kind: 'assign', role: 'SMLO', person: 'Sam Patel' }],
  ['please assign SMLO to Sam', { kind: 'assign', role: 'SMLO', person: 'Sam Patel' }],
  ['unassign SMO from Priya Shah pls', { kind: 'unassign', role: 'SMO', person: 'Priya Shah' }],
  ['who is SMLO please', { kind: 'who', role: 'SMLO' }],
  ['set lead role for IW to SMLO please', { kind: 'lead-role', plan: 'IW', role: 'SMLO' }],
  ['what is the lead role of each plan?', { kind: 'lead-role', plan: '' }],
  ['who are the commissioners?', { kind: 'lead-role', plan: '' }],
  ['lead roles', { kind: 'lead-role', plan: '' }],
  ['assign SMLO to Sam Patel (6f1c2a10)', { kind: 'assign', role: 'SMLO', person: 'Sam Patel (6f1c2a10)' }],
  ['assign SMLO to sam.patel@nhs.net', { kind: 'assign', role: 'SMLO', person: 'sam.patel@nhs.net' }],
  ['assign SMLO to <at>Sam Patel</at>', { kind: 'assign', role: 'SMLO', person: 'Sam Patel' }],
  ['unassign SMO from Priya Shah', { kind: 'unassign', role: 'SMO', person: 'Priya Shah' }],
  ['remove SMLO from <at>Sam Patel</at>', { kind: 'unassign', role: 'SMLO', person: 'Sam Patel' }],
  ['roles merge "Commissioners" into "Commissioner"', { kind: 'merge-roles', from: 'Commissioners', into: 'Commissioner' }],
  ['merge Commissioners into Commissioner', { kind: 'merge-roles', from: 'Commissioners', into: 'Commissioner' }],
  ['merge “DAT Team” into “DAT team”', { kind: 'merge-roles', from: 'DAT Team', into: 'DAT team' }],
  ['lead role for WOR is JCM', { kind: 'lead-role', plan: 'WOR', role: 'JCM' }],
  ['set the lead role for Worcestershire to JCM', { kind: 'lead-role', plan: 'WOR', role: 'JCM' }],
  ['lead role of Peterborough: SPM-CC', { kind: 'lead-role', plan: 'PB', role: 'SPM-CC' }],
  ["WOR's lead role is jcm", { kind: 'lead-role', plan: 'WOR', role: 'JCM' }],
  ['change the commissioner role for Bedfordshire to BDAT Commissioner', { kind: 'lead-role', plan: 'BED', role: 'BDAT Commissioner' }],
  ['make SPM-CC the lead role for PB', { kind: 'lead-role', plan: 'PB', role: 'SPM-CC' }],
  ['lead role for GLOS?', { kind: 'lead-role', plan: 'GLOS' }],
  ["what's the lead role for Worcestershire", { kind: 'lead-role', plan: 'WOR' }],
  ["what is WOR's lead role?", { kind: 'lead-role', plan: 'WOR' }],
  ['who commissions WOR?', { kind: 'lead-role', plan: 'WOR' }],
  ['who is the commissioner for Peterborough', { kind: 'lead-role', plan: 'PB' }],
  ['lead role for Somerset is JCM', { kind: 'lead-role', plan: 'Somerset', role: 'JCM' }],
  ['undo that', { kind: 'undo' }],
  ['oops', { kind: 'undo' }],
  ['undo import', { kind: 'undo-import' }],
  ['undo the import', { kind: 'undo-import' }],
  ['import', { kind: 'import-help' }],
  ['how do I import a plan?', { kind: 'import-help' }],
  ['upload our new plan', { kind: 'import-help' }],
  ['reopen PB-14 and PB-15', { kind: 'reopen', names: [code('PB-14'), code('PB-15')] }],
  ['re-open 1.2.3', { kind: 'reopen', names: [ref('1.2.3')] }],
  ['mark PB-14 as not done', { kind: 'reopen', names: [code('PB-14')] }],
  ['PB-14 isn\'t done', { kind: 'reopen', names: [code('PB-14')] }],
  ['PB-14 isn’t done yet', { kind: 'reopen', names: [code('PB-14')] }],
  ['1.2.3 is not done', { kind: 'reopen', names: [ref('1.2.3')] }],
  ['reopen PB-14 please', { kind: 'reopen', names: [code('PB-14')] }],
  ['yes', { kind: 'yes' }],
  ['yep', { kind: 'yes' }],
  ['Yes please!', { kind: 'yes' }],
  ['ok', { kind: 'yes' }],
  ['no', { kind: 'no' }],
  ['nope', { kind: 'no' }],
  ['cancel', { kind: 'no' }],
  ['show more', { kind: 'more' }],
  ['next', { kind: 'more' }],
  ['help', { kind: 'help' }],
  ['hi', { kind: 'help' }],
  ['Good morning', { kind: 'help' }],
  ['what can you do?', { kind: 'help' }],
  ['hlep', { kind: 'help' }],
  ['<at>actionbot</at>', { kind: 'help' }],
];

/** Reminder settings. */
const settings: [string, Intent][] = [
  ['remind me daily', { kind: 'remind-me', mode: { kind: 'daily' } }],
  ['daily reminders', { kind: 'remind-me', mode: { kind: 'daily' } }],
  ['remnd me daily', { kind: 'remind-me', mode: { kind: 'daily' }, sure: false }],
  ['remind me weekly on Monday', { kind: 'remind-me', mode: { kind: 'weekly', weekday: 1 } }],
  ['remind me every Friday', { kind: 'remind-me', mode: { kind: 'weekly', weekday: 5 } }],
  ['remind me weekly', { kind: 'remind-me', mode: { kind: 'weekly', weekday: 1 } }],
  ['remind me every Weds', { kind: 'remind-me', mode: { kind: 'weekly', weekday: 3 } }],
  ['weekly reminders on Thursday please', { kind: 'remind-me', mode: { kind: 'weekly', weekday: 4 } }],
  ['remind me only when overdue', { kind: 'remind-me', mode: { kind: 'overdue-only' } }],
  ['only remind me about overdue actions', { kind: 'remind-me', mode: { kind: 'overdue-only' } }],
  ['pause reminders until 4 Jan', { kind: 'pause', until: '2027-01-04' }],
  ['pause reminders for two weeks', { kind: 'pause', until: '2026-12-14' }],
  ['stop reminders until 2027-01-04', { kind: 'pause', until: '2027-01-04' }],
  ["I'm on leave until 4 Jan", { kind: 'pause', until: '2027-01-04', leave: true }],
  ['I’m on annual leave until 04/01/2027', { kind: 'pause', until: '2027-01-04', leave: true }],
  ["I'm away until Friday", { kind: 'pause', until: '2026-12-04', leave: true }],
  ['resume reminders', { kind: 'resume' }],
  ["I'm back", { kind: 'resume' }],
  ['snooze PB-14 until Monday', { kind: 'snooze', names: [code('PB-14')], until: '2026-12-07' }],
  ['snooze PB-14 for a week', { kind: 'snooze', names: [code('PB-14')], until: '2026-12-07' }],
  ['snooze 1.2.3 until 14/12/2026', { kind: 'snooze', names: [ref('1.2.3')], until: '2026-12-14' }],
  ['snooze IW-1.1.2 for 3 days', { kind: 'snooze', names: [code('IW-1.1.2')], until: '2026-12-03' }],
  ['Sam Patel covers SMLO until 4 Jan', { kind: 'cover', person: 'Sam Patel', role: 'SMLO', until: '2027-01-04' }],
  ['Priya Shah is covering SMO until 4 January', { kind: 'cover', person: 'Priya Shah', role: 'SMO', until: '2027-01-04' }],
  ['<at>Tom Jones</at> will cover the JCM until end of December', { kind: 'cover', person: 'Tom Jones', role: 'JCM', until: '2026-12-31' }],
  ['my settings', { kind: 'my-settings' }],
  ['what are my settings?', { kind: 'my-settings' }],
  // Found by a stranger pass (test/stranger/settingsAsTyped.test.ts): leave without "I'm", coming back, typos.
  ['away until Monday', { kind: 'pause', until: '2026-12-07', leave: true }],
  ['on leave until 4 Jan', { kind: 'pause', until: '2027-01-04', leave: true }],
  ['ooo until 4 Jan', { kind: 'pause', until: '2027-01-04', leave: true }],
  ["I'm off till the 4th of Jan", { kind: 'pause', until: '2027-01-04', leave: true }],
  ["I'm back on 5/1", { kind: 'pause', until: '2027-01-05', leave: true }],
  ['<p>I&#39;m on leave until 4&nbsp;Jan&nbsp;🌴</p>', { kind: 'pause', until: '2027-01-04', leave: true }],
  ["I'm on leav until 4 Jan", { kind: 'pause', until: '2027-01-04', leave: true, sure: false }],
  ['pause for a week', { kind: 'pause', until: '2026-12-07' }],
  ["I'm on leave until 4 Jan 2030", { kind: 'pause', until: '2030-01-04', leave: true, sure: false }],
  ['cancel my leave', { kind: 'resume' }],
  ['unmute', { kind: 'resume' }],
  ['back to daily', { kind: 'remind-me', mode: { kind: 'daily' } }],
  ['remind me every Monday morning', { kind: 'remind-me', mode: { kind: 'weekly', weekday: 1 } }],
  ['remind me on Mondays', { kind: 'remind-me', mode: { kind: 'weekly', weekday: 1 } }],
  ['remnd me weekly', { kind: 'remind-me', mode: { kind: 'weekly', weekday: 1 }, sure: false }],
  ['snoze PB-14 until Monday', { kind: 'snooze', names: [code('PB-14')], until: '2026-12-07', sure: false }],
  ['<at>actionbot</at> snooze 1.2.3 for a week', { kind: 'snooze', names: [ref('1.2.3')], until: '2026-12-07' }],
  ['remind me about PB-14 on Monday', { kind: 'snooze', names: [code('PB-14')], until: '2026-12-07', sure: false }],
  ['unsnooze PB-14', { kind: 'unsnooze', names: [code('PB-14')] }],
  ['cancel the snooze on 1.2.3', { kind: 'unsnooze', names: [ref('1.2.3')] }],
  ["I'll cover SMLO until 4 Jan", { kind: 'cover', person: 'me', role: 'SMLO', until: '2027-01-04' }],
  ['Sam Patel covers SMLO for two weeks', { kind: 'cover', person: 'Sam Patel', role: 'SMLO', until: '2026-12-14' }],
];

/** Settings whose date will not do, or is missing: the reply says why and changes nothing. */
const settingProblems: [string, Intent][] = [
  ["I'm on leave", { kind: 'invalid-setting', setting: 'pause', problem: { kind: 'no-date' } }],
  ['pause reminders', { kind: 'invalid-setting', setting: 'pause', problem: { kind: 'no-date' } }],
  ['stop reminding me about 1.2.3', { kind: 'invalid-setting', setting: 'snooze', problem: { kind: 'no-date' }, names: [ref('1.2.3')] }],
  ['pause reminders until 31/2', { kind: 'invalid-setting', setting: 'pause', problem: { kind: 'unreadable', problem: '"31/2" is not a date' } }],
  ['pause reminders until Friday 4 Jan', { kind: 'invalid-setting', setting: 'pause', problem: { kind: 'unreadable', problem: '4 January 2027 is a Monday, not a Friday' } }],
  ["I'm on leave until 1 Jan 2026", { kind: 'invalid-setting', setting: 'pause', problem: { kind: 'passed', date: '2026-01-01' } }],
  ["I'm on leave until 20 Nov", { kind: 'invalid-setting', setting: 'pause', problem: { kind: 'just-passed', date: '2026-11-20', next: '2027-11-20' } }],
  ["I'm on holiday next week", { kind: 'invalid-setting', setting: 'pause', problem: { kind: 'starts-later', from: '2026-12-07', until: '2026-12-14' } }],
  ["I'm on leave from 20 Dec to 4 Jan", { kind: 'invalid-setting', setting: 'pause', problem: { kind: 'starts-later', from: '2026-12-20', until: '2027-01-04' } }],
  ['Sam Patel covers SMLO until 1 Jan 2020', { kind: 'invalid-setting', setting: 'cover', problem: { kind: 'passed', date: '2020-01-01' } }],
];

/** Neither a question nor an answer: the closest commands. */
const neither: [string, Intent][] = [
  ["what's the weather like?", unknown("what's overdue?", 'my actions', 'help')],
  ['snooze reminders', unknown('pause reminders until 4 Jan', 'snooze PB-14 for a week')],
  ['remind me', unknown('remind me weekly on Monday')],
  ['I haven’t done 4.3.2 yet', unknown('done PB-14')],
  ['staus', unknown('status PB-14')],
  ['done 1.2.3 - what next?', unknown('done PB-14')],
  ['can you mark 1.2.3 as done?', unknown('done PB-14')],
  // A mistyped first word with an action named after it: the message itself, corrected, comes first.
  ['dun IW-1.2.2', unknown('done IW-1.2.2', "what's overdue?", 'my actions')],
];

export const corpus: CorpusCase[] = [...observed, ...answers, ...invalid, ...lists, ...questions, ...commands, ...settings, ...settingProblems, ...neither, ...secondPass, ...questionCases, ...strangerCases]
  .map(([text, intent]) => ({ text, intent }));
