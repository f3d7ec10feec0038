// Reminder settings: how often, a pause while on leave, a snooze of one action, cover for a role.
import { addDays, dayOfWeek, daysBetween, isoDate, isValidIsoDate } from '../calendar.ts';
import type { IsoDate } from '../plan.ts';
import { afterShift, readDate, readShift, WEEKDAY, weekdayNumber } from './dates.ts';
import type { ActionName, Intent, ReminderMode, SettingProblem } from './intent.ts';
import { readNames } from './names.ts';
import { codesOf, type Reading } from './reading.ts';
import { cleanRole, matchPerson, matchRole } from './vocabulary.ts';

const DAILY = /^(?:daily|every\s+(?:day|morning|weekday|working\s+day)|each\s+day|once\s+a\s+day)$/i;
const WEEKLY = new RegExp(String.raw`^(?:weekly|every\s+week|once\s+a\s+week)(?:\s+on\s+${WEEKDAY})?$|^(?:(?:weekly\s+)?on|every|each)\s+${WEEKDAY}$`, 'i');
const OVERDUE_ONLY = /^(?:only\s+)?(?:when|if|about|for)\s+(?:(?:something|anything|it|an\s+action|actions|things)\s+(?:is|are|'s|goes|go|becomes?)\s+|i\s+have\s+(?:anything|something)\s+|i'm\s+)?overdue(?:\s+only)?$|^(?:only\s+)?(?:about\s+)?overdue(?:\s+(?:actions|ones|things))?(?:\s+only)?$/i;
// "go back to daily" names no reminders but asks for them all the same.
const REMIND = /\bremind\b|\breminders?\b|\bdigests?\b|^(?:go\s+)?back\s+to\s+/i;
// The words around how often: "please remind me", "send me my", "reminders", "again", "in the morning".
const ASKING = /\b(?:please|can\s+you|could\s+you|can\s+i|could\s+i|switch|change|just|i\s+want|i'd\s+like|i\s+would\s+like|send\s+me|send|get|my|remind\s+me|reminders?|digests?|the|to\s+be\s+reminded|again|(?:go\s+)?back\s+to|(?:in\s+the\s+)?mornings?)\b/gi;

/** How often `words` asks for reminders ("daily", "weekly on Monday", "only when overdue"). */
function modeOf(words: string): ReminderMode | null {
  const w = words.trim().replace(/^(?:me\s+)?(?:reminders?\s+)?/i, '');
  if (DAILY.test(w)) return { kind: 'daily' };
  const weekly = WEEKLY.exec(w);
  if (weekly) return { kind: 'weekly', weekday: weekly[1] || weekly[2] ? weekdayNumber(weekly[1] ?? weekly[2] ?? '') : 1 };
  if (OVERDUE_ONLY.test(w)) return { kind: 'overdue-only' };
  return null;
}

/** A date that will do, what is wrong with the one written, or null when `s` is not a date at all. */
type Until = { date: IsoDate; far?: true } | { problem: SettingProblem } | null;

// A day written with its year ("4 Jan 2027", "4/1/27", ISO) is taken as written, even far ahead.
const HAS_YEAR = /\b\d{4}\b|\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b/;

/** A date (or a span from today) that is the whole of `s`: "until 4 Jan", "for a week", "on Monday". */
function until(s: string, today: IsoDate): Until {
  const text = s.trim();
  const to = /^(?:until|till|til|to|through|thru|up\s+to|back\s+on|back|on|in)\s+/i.exec(text);
  if (to) {
    const written = text.slice(to[0].length);
    const read = readDate(written, today);
    if (read && 'problem' in read) return { problem: { kind: 'unreadable', problem: read.problem } };
    if (!read || read.rest.trim() !== '') return null;
    if (read.date <= today) return { problem: { kind: 'passed', date: read.date } };
    // "until 20 Nov" on 24 Nov: a day that has just gone, not one a year off.
    const lastYear = isoDate(Number(read.date.slice(0, 4)) - 1, Number(read.date.slice(5, 7)), Number(read.date.slice(8, 10)));
    if (!HAS_YEAR.test(written) && daysBetween(today, read.date) > 183 && isValidIsoDate(lastYear)) return { problem: { kind: 'just-passed', date: lastYear, next: read.date } };
    // More than a year off ("until 4 Jan 2030") is more likely a slip of the year: asked, not saved.
    return daysBetween(today, read.date) > 366 ? { date: read.date, far: true } : { date: read.date };
  }
  const shift = readShift(text);
  if (shift && shift.rest.trim() === '') return { date: afterShift(today, shift.shift) };
  if (/^tomorrow$/i.test(text)) return { date: addDays(today, 1) };
  return null;
}

const I_AM = String.raw`(?:i'm|im|i\s+am|i'll\s+be|i\s+will\s+be|i'm\s+going\s+to\s+be)`;
// "I'm on leave", "on annual leave", "ooo", "away": said with or without "I'm".
const LEAVE = new RegExp(String.raw`^(?:${I_AM}\s+)?(?:on\s+(?:annual\s+|sick\s+|parental\s+|maternity\s+|paternity\s+)?(?:leave|holidays?|vacation)|(?:annual\s+)?leave|holidays?|away|off(?:\s+work)?|out\s+of\s+(?:the\s+)?office|ooo)\s+(.+)$`, 'i');
// "I'm back on 5/1", "back Monday": away until that day.
const BACK = new RegExp(String.raw`^(?:${I_AM}\s+)?back(?:\s+at\s+work|\s+in\s+the\s+office)?\s+(?:on\s+)?(.+)$`, 'i');
const PAUSE = /^(?:please\s+)?(?:(?:pause|mute|silence|hold|suspend)(?:\s+(?:my\s+|the\s+|all\s+)?(?:reminders?|digests?|messages|notifications))?|(?:stop|turn\s+off|no)\s+(?:my\s+|the\s+|all\s+)?(?:reminders?|digests?|messages|notifications))\s+(.+)$/i;
const SNOOZE = /^(?:snooze|hush|quiet|mute)\s+(.+)$/i;
const UNSNOOZE = /^(?:un-?snooze|cancel\s+(?:the\s+|my\s+)?snooze(?:\s+(?:on|of|for))?|resume|unmute)\s+(.+)$/i;
// "stop reminding me about 1.2.3 (until …)": a snooze, and the date is asked for when missing.
const STOP_ABOUT = /^(?:stop|don't|dont|do\s+not|no\s+more)\s+(?:reminding\s+me|remind\s+me|reminders?|nagging\s+me)\s+(?:about|of|for|on)\s+(.+)$/i;
// "remind me about 1.2.3 on Monday": read as a snooze until then, which is a guess.
const REMIND_ABOUT = /^remind\s+me\s+(?:about|of)\s+(.+)$/i;
const COVER = /^(.+?)\s+(?:covers|is\s+covering|will\s+cover|to\s+cover|covering|will\s+be\s+covering|is\s+standing\s+in\s+(?:as|for)|cover)\s+(?:for\s+)?(?:the\s+)?(.+?)\s+((?:until|till|til|to|through)\s+.+|for\s+(?:a|an|one|two|three|four|five|six|\d{1,2})\s+(?:days?|weeks?|fortnights?|months?))$/i;
const ME = /^(?:i|i'll|i'm|im|me|myself)$/i;

// "I'm on leave", "pause reminders": no date, so the reply asks until when.
const NO_DATE = new RegExp(String.raw`^(?:(?:${I_AM}\s+)?(?:on\s+(?:annual\s+)?(?:leave|holidays?)|away|off\s+work|out\s+of\s+(?:the\s+)?office|ooo)|(?:pause|mute|stop|turn\s+off|silence)\s+(?:my\s+|the\s+|all\s+)?(?:reminders?|digests?))$`, 'i');

// Settings said in common words: "could you just …", "from today until …", "- back then!", "once a week,
// on Fridays", "switch my reminders back to …": tidied to the plain wording the readers below know.
const TIDY: [RegExp, string][] = [
  [/^(?:(?:can|could|would|will)\s+(?:you|i)\s+(?:please\s+)?(?:just\s+)?|please\s+|just\s+|i'd\s+like\s+(?:you\s+)?to\s+|i\s+want\s+(?:you\s+)?to\s+)+/i, ''],
  [/\s*[-–,;]\s*(?:(?:i'll\s+be\s+|i\s+will\s+be\s+|i'm\s+)?back\s+then|see\s+you\s+then|thanks?|thank\s+you|cheers)\b.*$/i, ''],
  [/\s+(?:please|thanks|thank\s+you)$/i, ''],
  [/\bfrom\s+(?:today|now|tomorrow)\s+(?=until|till|to\b)/i, ''],
  [/\bonce\s+a\s+week,?\s+on\s+/i, 'weekly on '],
  [/\bget\s+(?=reminders?\s+only)/i, ''],
  [/^(?:switch|change|set|put|turn)\s+(?=my\s+reminders|reminders)/i, ''],
  [/^((?:my\s+)?reminders?)\s+(?:to|over\s+to)\s+(?=daily|weekly|every|once|only)/i, '$1 '],
];

/** Reminder settings, or null. */
export function readSettings(said: Reading): Intent | null {
  const r = { ...said, text: TIDY.reduce((t, [pattern, to]) => t.replace(pattern, to), said.text).trim() };
  if (NO_DATE.test(r.text)) return { kind: 'invalid-setting', setting: 'pause', problem: { kind: 'no-date' } };
  const guess = r.guessed ? { sure: false as const } : {};
  const sure = (read: { far?: true }) => (r.guessed || read.far ? { sure: false as const } : {});
  const back = BACK.exec(r.text);
  const leave = LEAVE.exec(r.text) ?? back;
  const pause = leave ?? PAUSE.exec(r.text);
  if (pause) {
    const words = pause[1] ?? '';
    const read = until(back ? `until ${words}` : words, r.today) ?? startsLater(words, r.today);
    // Leave is said as leave: the commissioner's lists say who is away, a plain pause does not.
    if (read) return 'problem' in read ? { kind: 'invalid-setting', setting: 'pause', problem: read.problem } : { kind: 'pause', until: read.date, ...(leave ? { leave: true } : {}), ...sure(read) };
  }
  const unsnooze = UNSNOOZE.exec(r.text);
  if (unsnooze) {
    const { names, rest } = readNames(unsnooze[1] ?? '', codesOf(r));
    if (names.length > 0 && rest.trim() === '') return { kind: 'unsnooze', names };
  }
  const remindAbout = REMIND_ABOUT.exec(r.text);
  const snooze = SNOOZE.exec(r.text) ?? STOP_ABOUT.exec(r.text) ?? remindAbout;
  if (snooze) return readSnooze(r, snooze[1] ?? '', r.guessed || snooze === remindAbout);
  const cover = COVER.exec(r.text);
  if (cover) {
    const read = until(cover[3] ?? '', r.today);
    const who = (cover[1] ?? '').trim();
    if (read && 'problem' in read) return { kind: 'invalid-setting', setting: 'cover', problem: read.problem };
    if (read && !/^(?:me|myself|i)$/i.test(cover[2] ?? '')) {
      const person = ME.test(who) ? 'me' : (matchPerson(who, r.vocabulary) ?? who);
      // "X is covering SMLO for me until …": "for me" says whose role, not which.
      const written = (cover[2] ?? '').replace(/\s+for\s+(?:me|us)$/i, '');
      return { kind: 'cover', person, role: matchRole(written, r.vocabulary) ?? cleanRole(written), until: read.date, ...sure(read) };
    }
  }
  if (!REMIND.test(r.text)) return null;
  const mode = modeOf(r.text.replace(ASKING, ' ').replace(/\s+/g, ' '));
  return mode ? { kind: 'remind-me', mode, ...guess } : null;
}

/** "on holiday next week", "from 20 Dec to 4 Jan": a pause that starts later, which cannot be set yet. */
function startsLater(words: string, today: IsoDate): Until {
  if (/^next\s+week$/i.test(words)) {
    const monday = addDays(today, ((8 - dayOfWeek(today)) % 7) || 7);
    return { problem: { kind: 'starts-later', from: monday, until: addDays(monday, 7) } };
  }
  const span = /^(?:from\s+)?(.+?)\s+(?:-|to|until|till|til)\s+(.+)$/i.exec(words);
  const from = span ? readDate(span[1] ?? '', today) : null;
  const to = span ? until(`until ${span[2] ?? ''}`, today) : null;
  if (!from || !('date' in from) || from.rest.trim() !== '' || !to) return null;
  if ('problem' in to) return to;
  return from.date <= today ? to : { problem: { kind: 'starts-later', from: from.date, until: to.date } };
}

/** "snooze 1.2.3 for a week"; with no date, or one that will not do, the reply asks for one. */
function readSnooze(r: Reading, words: string, guessed: boolean): Intent | null {
  const { names, rest } = readNames(words, codesOf(r));
  if (names.length === 0) return null;
  const problem = (p: SettingProblem, n: ActionName[]): Intent => ({ kind: 'invalid-setting', setting: 'snooze', problem: p, names: n });
  if (rest.trim() === '') return problem({ kind: 'no-date' }, names);
  const read = until(rest, r.today);
  if (!read) return null;
  return 'problem' in read ? problem(read.problem, names) : { kind: 'snooze', names, until: read.date, ...(guessed || read.far ? { sure: false as const } : {}) };
}
