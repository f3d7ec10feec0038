// The second pass (issue 19): messages owners, commissioners and admins of the five seed plans would
// type, each with exactly what it must read as. Today is Monday 30 November 2026 (see corpus.ts).
//
// Phrasings chosen NOT to be supported, and why (see docs/readme-parts/conversation.md too):
// - Two answers joined only by a space ("done PB-3 PB-4 delayed"): without a comma, "and" or ";" the
//   second verb could belong to a reason; the message is one answer and the rest stays its words.
// - A note and an answer in one message ("PB-3 done, update on PB-4: …"): the note part is read as the
//   answer's words; notes are sent on their own.
import type { ActionName, AnswerPart, Intent } from '../../../src/domain/reading/intent.ts';

const ref = (r: string): ActionName => ({ kind: 'ref', ref: r });
const code = (c: string): ActionName => ({ kind: 'code', code: c });
const done = (names: ActionName[], sure = true): AnswerPart => ({ kind: 'answer', status: 'done', names, sure });
const delayedTo = (names: ActionName[], newDate: string, reason?: string, sure = true): AnswerPart =>
  ({ kind: 'answer', status: 'delayed', names, newDate, ...(reason ? { reason } : {}), sure });
const delayedBy = (names: ActionName[], amount: number, unit: 'day' | 'week' | 'month', reason?: string, sure = true): AnswerPart =>
  ({ kind: 'answer', status: 'delayed', names, shift: { amount, unit }, ...(reason ? { reason } : {}), sure });
const blocked = (names: ActionName[], reason: string, sure = true): AnswerPart => ({ kind: 'answer', status: 'blocked', names, reason, sure });
const several = (...parts: AnswerPart[]): Intent => ({ kind: 'answers', parts });

/** Group 1: several answers in one message. */
const severalAnswers: [string, Intent][] = [
  ['BED-111 done, PET-6 done too', several(done([code('BED-111')]), done([code('PET-6')]))],
  ['BED-2 done, BED-4 delayed to end of January because the BREC rep left', several(done([code('BED-2')]), delayedTo([code('BED-4')], '2027-01-31', 'because the BREC rep left'))],
  ['PB-3 done; PB-4 blocked: waiting for the PCT and PB-5 delayed by two weeks', several(done([code('PB-3')]), blocked([code('PB-4')], 'waiting for the PCT'), delayedBy([code('PB-5')], 2, 'week'))],
  ['blocked PB-4: waiting for the PCT and the council, done PB-5', several(blocked([code('PB-4')], 'waiting for the PCT and the council'), done([code('PB-5')]))],
  ['done WOR-3, WOR-7 delayed to 31/01/2027 as the provider is late', several(done([code('WOR-3')]), delayedTo([code('WOR-7')], '2027-01-31', 'as the provider is late'))],
  ['IW-1.1.1 done and IW-1.1.4 blocked: no IT budget', several(done([code('IW-1.1.1')]), blocked([code('IW-1.1.4')], 'no IT budget'))],
  ['1.2.3 done, 1.2.4 done', several(done([ref('1.2.3')]), done([ref('1.2.4')]))],
  ['done 3.1.4; delayed 3.6.1 by a month', several(done([ref('3.1.4')]), delayedBy([ref('3.6.1')], 1, 'month'))],
  ['GLOS-8 is done, GLOS-9 is blocked because the lead left', several(done([code('GLOS-8')]), blocked([code('GLOS-9')], 'because the lead left'))],
  ['BED-14 completed. BED-15 delayed to 15 January, waiting on the new contract', several(done([code('BED-14')]), delayedTo([code('BED-15')], '2027-01-15', 'waiting on the new contract'))],
  ['PB-1 and PB-2 done, PB-6 delayed to end of March', several(done([code('PB-1'), code('PB-2')]), delayedTo([code('PB-6')], '2027-03-31'))],
  ['BED-20 finished, also BED-21 blocked: the venue fell through', several(done([code('BED-20')]), blocked([code('BED-21')], 'the venue fell through'))],
  ['done IW-2.1.1, delayed IW-2.1.2 to 30 June', several(done([code('IW-2.1.1')]), delayedTo([code('IW-2.1.2')], '2027-06-30'))],
  ['WOR-10 done then WOR-11 done', several(done([code('WOR-10')]), done([code('WOR-11')]))],
  ['PB-9 done, PB-10 delayed', several(done([code('PB-9')]), { kind: 'invalid-answer', status: 'delayed', names: [code('PB-10')], problem: 'Delayed to when? Give the new date or how long. For example "delayed PB-10 to 31/07/2027 because the venue is booked" or "delayed PB-10 by two weeks".' })],
  ["I've done BED-30, and BED-31 is stuck on the data sharing agreement", several(done([code('BED-30')]), blocked([code('BED-31')], 'the data sharing agreement', false))],
  ['BED-40 done, BED-41 delayed by 3 weeks: the board moved', several(done([code('BED-40')]), delayedBy([code('BED-41')], 3, 'week', 'the board moved'))],
  ['GLOS-2 done; GLOS-3 done; GLOS-4 done', several(done([code('GLOS-2')]), done([code('GLOS-3')]), done([code('GLOS-4')]))],
  ['PB-11 delayed to Friday and PB-12 delayed to 18 December', several(delayedTo([code('PB-11')], '2026-12-04'), delayedTo([code('PB-12')], '2026-12-18'))],
  ['Done BED-66 & BED-68, BED-70 blocked: no budget', several(done([code('BED-66'), code('BED-68')]), blocked([code('BED-70')], 'no budget'))],
];

const note = (name: ActionName, text: string): Intent => ({ kind: 'note', name, note: text });
const noNote = (name: ActionName, example: string): Intent =>
  ({ kind: 'invalid-note', name, problem: `What is the note? For example "note for ${example}: met the provider, spec agreed".` });

/** Group 2: progress notes, no status change. */
const notes: [string, Intent][] = [
  ['update on BED-14: met the provider, spec agreed', note(code('BED-14'), 'met the provider, spec agreed')],
  ['progress on 1.2.3 - draft sent to the board', note(ref('1.2.3'), 'draft sent to the board')],
  ['note for PB-14: chased the council again', note(code('PB-14'), 'chased the council again')],
  ['BED-14 update: spec agreed', note(code('BED-14'), 'spec agreed')],
  ['add a note to IW-1.1.4: BOMIC replacement quoted', note(code('IW-1.1.4'), 'BOMIC replacement quoted')],
  ['Update on WOR-12: first meeting with the provider held, next one in January', note(code('WOR-12'), 'first meeting with the provider held, next one in January')],
  ['progress update on GLOS-8: half the staff trained', note(code('GLOS-8'), 'half the staff trained')],
  ['quick update on PB-3 - survey closes Friday', note(code('PB-3'), 'survey closes Friday')],
  ['note on IW-2.1.1: waiting for quotes but on track', note(code('IW-2.1.1'), 'waiting for quotes but on track')],
  ['comment on BED-40: the JCG liked the draft', note(code('BED-40'), 'the JCG liked the draft')],
  ['PB-6 progress: two of the three sites visited', note(code('PB-6'), 'two of the three sites visited')],
  ['WOR-3 note: spoke to Priya, all fine', note(code('WOR-3'), 'spoke to Priya, all fine')],
  ['update for 4.1.1: data sharing agreement signed by two partners', note(ref('4.1.1'), 'data sharing agreement signed by two partners')],
  ['<p>update on BED-14: met the provider &amp; agreed the spec</p>', note(code('BED-14'), 'met the provider & agreed the spec')],
  ['add note to GLOS-12 - the board asked for costings', note(code('GLOS-12'), 'the board asked for costings')],
  ['log an update on IW-3.1.4: pathway mapped, sign-off next month', note(code('IW-3.1.4'), 'pathway mapped, sign-off next month')],
  ['news on PB-11: venue booked for March', note(code('PB-11'), 'venue booked for March')],
  ['note for BED-14', noNote(code('BED-14'), 'BED-14')],
  ['add a note to PB-3', noNote(code('PB-3'), 'PB-3')],
  ['update on BED-14', { kind: 'status', name: code('BED-14') }],
  ['update on BED-14: any news?', { kind: 'unknown', suggestions: ["what's overdue?", 'my actions', 'help'] }],
];

const stop: Intent = { kind: 'stop' };
const resume: Intent = { kind: 'resume' };
/** Group 3: stop and unsubscribe, and turning reminders back on. */
const stopping: [string, Intent][] = [
  ['stop', stop], ['Stop!', stop], ['unsubscribe', stop], ['Unsubscribe me', stop], ['stop reminders', stop], ['stop all reminders', stop],
  ['stop my reminders please', stop], ['stop messaging me', stop], ['please stop sending me reminders', stop], ['no more reminders', stop],
  ['turn off reminders', stop], ['opt out', stop], ["i don't want reminders", stop], ['stop the digests', stop],
  ['resume', resume], ['start again', resume], ['turn my reminders back on', resume], ["I'm back now, can you turn my reminders back on?", resume],
  ['please turn my reminders back on', resume], ['resubscribe', resume], ['subscribe me again', resume], ['send me reminders again', resume],
  ['switch my reminders back on', resume], ['start my reminders again', resume],
  ['stop reminders until Monday', { kind: 'pause', until: '2026-12-07' }],
];

const one = (p: AnswerPart): Intent => p;
const about = (words: string): Intent => ({ kind: 'answer', status: 'done', names: [], sure: false, about: words });
/** Group 4: actions named by their words, decoration around codes, week-commencing dates. */
const naming: [string, Intent][] = [
  ['Protocols written and agreed by RESULT team members and SMAG - done', about('Protocols written and agreed by RESULT team members and SMAG')],
  ['the RESULT newsletter has gone out, please tick it off', about('RESULT newsletter')],
  ['the treatment leaflet has been published', about('treatment leaflet')],
  ['Needs assessment refresh is complete', about('Needs assessment refresh')],
  ['BME needs assessment findings - completed', about('BME needs assessment findings')],
  ['Care pathway review with providers: finished', about('Care pathway review with providers')],
  ['our harm reduction strategy has been signed off', about('harm reduction strategy')],
  ['peer led training sessions have been held, please tick it off', about('peer led training sessions')],
  ['The new service specification has been agreed, can you mark it as done', about('new service specification')],
  ['data sharing agreement with the police - sorted', about('data sharing agreement with the police')],
  ['Cheers, IW-3.2.2 is sorted now', one(done([code('IW-3.2.2')], false))],
  ['**PET-24** – done ✅', one(done([code('PET-24')]))],
  ['**BED-14** done', one(done([code('BED-14')]))],
  ['`PB-3` is complete', one(done([code('PB-3')]))],
  ['_WOR-7_ finished', one(done([code('WOR-7')]))],
  ['✅ GLOS-4 complete now', one(done([code('GLOS-4')]))],
  ['PB-14 ticked off', one(done([code('PB-14')], false))],
  ['BED-3 finished', one(done([code('BED-3')]))],
  ['IW-1.2.1 now complete', one(done([code('IW-1.2.1')]))],
  ['IW-3.4.3 delayed to w/c 11th Jan', one(delayedTo([code('IW-3.4.3')], '2027-01-11'))],
  ['delay PB-5 to week commencing 18 January', one(delayedTo([code('PB-5')], '2027-01-18'))],
  ['BED-9 moved to w/c 8 Feb because of the election', one(delayedTo([code('BED-9')], '2027-02-08', 'because of the election'))],
  ['IW-3.5.1 will be late - new date end of next month', one(delayedTo([code('IW-3.5.1')], '2026-12-31', undefined, false))],
  ['WOR-2 is going to be late, new date 29 January', one(delayedTo([code('WOR-2')], '2027-01-29', undefined, false))],
  ['delayed GLOS-6 to end of next month', one(delayedTo([code('GLOS-6')], '2026-12-31'))],
  ['delayed BED-12 to w/b 1st Feb: staff shortages', one(delayedTo([code('BED-12')], '2027-02-01', 'staff shortages'))],
];

const talk = (topic: 'hello' | 'thanks' | 'bye' | 'about'): Intent => ({ kind: 'small-talk', topic });
const me = (topic: 'who' | 'roles' | 'commissioner' | 'next-deadline' | 'dashboard'): Intent => ({ kind: 'about-me', topic });
/** Group 6: day one and small talk. */
const dayOne: [string, Intent][] = [
  ['Hello there!', talk('hello')], ['good morning all', talk('hello')], ['hey bot', talk('hello')], ['Morning team', talk('hello')],
  ['thank you', talk('thanks')], ['thanks very much', talk('thanks')], ['cheers', talk('thanks')], ['great, thanks', talk('thanks')], ['brilliant', talk('thanks')],
  ['many thanks for your help', talk('thanks')], ['ok thanks', talk('thanks')],
  ['bye', talk('bye')], ['goodbye', talk('bye')], ['see you tomorrow', talk('bye')], ['have a good weekend', talk('bye')],
  ['what is this?', talk('about')], ['who are you?', talk('about')], ['what does this bot do?', talk('about')], ['why am I getting these?', talk('about')],
  ['who am I?', me('who')], ['whoami', me('who')], ['do you know who I am?', me('who')],
  ['what are my roles?', me('roles')], ['my roles', me('roles')], ['which roles do I hold?', me('roles')], ['what is my role?', me('roles')],
  ['who is my commissioner?', me('commissioner')], ["who's my commissioner", me('commissioner')], ['who do I report to?', me('commissioner')],
  ["what's my next deadline?", me('next-deadline')], ['when is my next deadline?', me('next-deadline')], ['what do I need to do next?', me('next-deadline')],
  ["where's the dashboard?", me('dashboard')], ['how do I find the dashboard?', me('dashboard')], ['is there a dashboard?', me('dashboard')],
  ['how do I get a new plan into the bot?', { kind: 'import-help' }], ['can I upload our new action plan?', { kind: 'import-help' }],
  ['where do I upload the plan?', { kind: 'import-help' }],
  ['who is my line manager?', { kind: 'unknown', suggestions: ['who is SMLO?'] }],
];

/** Group 7: settings in common words. */
const settings: [string, Intent][] = [
  ["I'm on annual leave from today until Monday 4th January - back then!", { kind: 'pause', until: '2027-01-04', leave: true }],
  ['Could you just send me my reminders once a week, on Fridays?', { kind: 'remind-me', mode: { kind: 'weekly', weekday: 5 } }],
  ['please switch my reminders back to every working day', { kind: 'remind-me', mode: { kind: 'daily' } }],
  ['Can I get reminders only when something is overdue?', { kind: 'remind-me', mode: { kind: 'overdue-only' } }],
  ['can you snooze PET-5 until Monday 21 December please', { kind: 'snooze', names: [code('PET-5')], until: '2026-12-21' }],
  ['Alex Jones is covering SMLO for me until Friday 18 December', { kind: 'cover', person: 'Alex Jones', role: 'SMLO', until: '2026-12-18' }],
  ['Sam Patel is covering JCM for me until 8 January', { kind: 'cover', person: 'Sam Patel', role: 'JCM', until: '2027-01-08' }],
  ['Priya Shah will cover the SMO for me until end of December', { kind: 'cover', person: 'Priya Shah', role: 'SMO', until: '2026-12-31' }],
  ['could you send me my reminders once a week, on Mondays', { kind: 'remind-me', mode: { kind: 'weekly', weekday: 1 } }],
  ['can you just remind me weekly on Thursdays please', { kind: 'remind-me', mode: { kind: 'weekly', weekday: 4 } }],
  ['switch my reminders to daily', { kind: 'remind-me', mode: { kind: 'daily' } }],
  ['change my reminders to weekly', { kind: 'remind-me', mode: { kind: 'weekly', weekday: 1 } }],
  ["I'm on leave from today until 4 Jan, thanks", { kind: 'pause', until: '2027-01-04', leave: true }],
  ["I'm off from now until Friday - see you then", { kind: 'pause', until: '2026-12-04', leave: true }],
  ['could you snooze BED-14 for a week please', { kind: 'snooze', names: [code('BED-14')], until: '2026-12-07' }],
  ['please snooze 1.2.3 until 14/12/2026', { kind: 'snooze', names: [ref('1.2.3')], until: '2026-12-14' }],
  ['can I get reminders only about overdue actions', { kind: 'remind-me', mode: { kind: 'overdue-only' } }],
];

/** Group 1 and 2 neighbours across the five seed plans: the same shapes with each plan's codes. */
const PLANS = ['IW', 'BED', 'WOR', 'GLOS', 'PB'];
const neighbours: [string, Intent][] = PLANS.flatMap((p, i): [string, Intent][] => {
  const [a, b, c] = [`${p}-${i + 21}`, `${p}-${i + 22}`, `${p}-${i + 23}`];
  return [
    [`${a} done, ${b} done too`, several(done([code(a)]), done([code(b)]))],
    [`${a} done and ${b} blocked: waiting for the provider`, several(done([code(a)]), blocked([code(b)], 'waiting for the provider'))],
    [`done ${a}; ${b} delayed by two weeks; ${c} done`, several(done([code(a)]), delayedBy([code(b)], 2, 'week'), done([code(c)]))],
    [`${a} completed, ${c} delayed to 29 January because the board moved`, several(done([code(a)]), delayedTo([code(c)], '2027-01-29', 'because the board moved'))],
    [`${b} blocked: no budget, ${c} done`, several(blocked([code(b)], 'no budget'), done([code(c)]))],
    [`update on ${a}: met the provider, spec agreed`, note(code(a), 'met the provider, spec agreed')],
    [`progress on ${b} - first draft with the JCG`, note(code(b), 'first draft with the JCG')],
    [`note for ${c}: waiting for the figures from NDTMS`, note(code(c), 'waiting for the figures from NDTMS')],
    [`${a} update: training booked for all staff`, note(code(a), 'training booked for all staff')],
    [`add a note to ${b}: partners agreed the approach`, note(code(b), 'partners agreed the approach')],
    [`**${a}** done`, one(done([code(a)]))],
    [`${b} delayed to w/c 11th Jan`, one(delayedTo([code(b)], '2027-01-11'))],
    [`${c} will be late - new date end of next month`, one(delayedTo([code(c)], '2026-12-31', undefined, false))],
    [`snooze ${a} until Monday 21 December please`, { kind: 'snooze', names: [code(a)], until: '2026-12-21' }],
    [`Cheers, ${b} is sorted now`, one(done([code(b)], false))],
    [`${a} finished, ${b} finished`, several(done([code(a)]), done([code(b)]))],
    [`${c} delayed to end of February, ${a} done`, several(delayedTo([code(c)], '2027-02-28'), done([code(a)]))],
    [`${a} done. ${b} blocked because the lead left`, several(done([code(a)]), blocked([code(b)], 'because the lead left'))],
    [`${b} and ${c} done, ${a} delayed by a month`, several(done([code(b), code(c)]), delayedBy([code(a)], 1, 'month'))],
    [`quick update on ${c} - consultation closes Friday`, note(code(c), 'consultation closes Friday')],
    [`comment on ${a}: JCG happy with progress`, note(code(a), 'JCG happy with progress')],
    [`news on ${b}: recruitment started`, note(code(b), 'recruitment started')],
    [`note for ${a}`, noNote(code(a), a)],
    [`\`${c}\` is complete`, one(done([code(c)]))],
    [`_${a}_ finished`, one(done([code(a)]))],
    [`${a} now complete`, one(done([code(a)]))],
    [`${b} ticked off`, one(done([code(b)], false))],
    [`delay ${c} to week commencing 18 January`, one(delayedTo([code(c)], '2027-01-18'))],
    [`could you snooze ${b} for a week please`, { kind: 'snooze', names: [code(b)], until: '2026-12-07' }],
    [`update on ${c}`, { kind: 'status', name: code(c) }],
    [`${c} is going to be late, new date 29 January`, one(delayedTo([code(c)], '2027-01-29', undefined, false))],
  ];
});

export const secondPass: [string, Intent][] = [...severalAnswers, ...notes, ...stopping, ...naming, ...dayOne, ...settings, ...neighbours];
