// Reminder settings: how often, a pause while on leave, a snooze of one action, cover for a role.
import type { IsoDate } from '../plan.ts';
import { afterShift, readDate, readShift, WEEKDAY, weekdayNumber } from './dates.ts';
import type { Intent, ReminderMode } from './intent.ts';
import { readNames } from './names.ts';
import { codesOf, type Reading } from './reading.ts';
import { cleanRole, matchPerson, matchRole } from './vocabulary.ts';

const DAILY = /^(?:daily|every\s+(?:day|morning|weekday|working\s+day)|each\s+day|once\s+a\s+day)$/i;
const WEEKLY = new RegExp(String.raw`^(?:weekly|every\s+week|once\s+a\s+week)(?:\s+on\s+${WEEKDAY})?$|^(?:(?:weekly\s+)?on|every|each)\s+${WEEKDAY}$`, 'i');
const OVERDUE_ONLY = /^(?:only\s+)?(?:when|if|about|for)\s+(?:(?:something|anything|it|an\s+action|actions|things)\s+(?:is|are|'s|goes|go|becomes?)\s+|i\s+have\s+(?:anything|something)\s+|i'm\s+)?overdue(?:\s+only)?$|^(?:only\s+)?(?:about\s+)?overdue(?:\s+(?:actions|ones|things))?(?:\s+only)?$/i;
const REMIND = /\bremind\b|\breminders?\b|\bdigests?\b/i;
// The words around how often: "please remind me", "send me my", "reminders".
const ASKING = /\b(?:please|can\s+you|could\s+you|i\s+want|i'd\s+like|i\s+would\s+like|send\s+me|send|get|my|remind\s+me|reminders?|digests?|the|to\s+be\s+reminded)\b/gi;

/** How often `words` asks for reminders ("daily", "weekly on Monday", "only when overdue"). */
function modeOf(words: string): ReminderMode | null {
  const w = words.trim().replace(/^(?:me\s+)?(?:reminders?\s+)?/i, '');
  if (DAILY.test(w)) return { kind: 'daily' };
  const weekly = WEEKLY.exec(w);
  if (weekly) return { kind: 'weekly', weekday: weekly[1] || weekly[2] ? weekdayNumber(weekly[1] ?? weekly[2] ?? '') : 1 };
  if (OVERDUE_ONLY.test(w)) return { kind: 'overdue-only' };
  return null;
}

/** A date (or a span from today) that is the whole of `s`: "until 4 Jan", "for a week". */
function until(s: string, today: IsoDate): IsoDate | null {
  const text = s.trim();
  const to = /^(?:until|till|til|to|through|thru|up\s+to|back\s+on|back)\s+/i.exec(text);
  if (to) {
    const date = readDate(text.slice(to[0].length), today);
    return date && 'date' in date && date.rest.trim() === '' && date.date > today ? date.date : null;
  }
  const shift = readShift(text);
  return shift && shift.rest.trim() === '' ? afterShift(today, shift.shift) : null;
}

const PAUSE = /^(?:(?:please\s+)?(?:pause|stop|mute|hold|suspend|silence|turn\s+off|no)\s+(?:my\s+|the\s+|all\s+)?(?:reminders?|digests?|messages|notifications)|(?:i'm|im|i\s+am|i'll\s+be|i\s+will\s+be)\s+(?:on\s+(?:annual\s+|sick\s+|parental\s+|maternity\s+|paternity\s+)?(?:leave|holiday|holidays)|away|off(?:\s+work)?|out\s+of\s+(?:the\s+)?office|ooo))\s+(.+)$/i;
const SNOOZE = /^(?:snooze|hush|quiet)\s+(.+)$/i;
const COVER = /^(.+?)\s+(?:covers|is\s+covering|will\s+cover|to\s+cover|covering|will\s+be\s+covering|is\s+standing\s+in\s+(?:as|for))\s+(?:for\s+)?(?:the\s+)?(.+?)\s+((?:until|till|til|to|through)\s+.+)$/i;

/** Reminder settings, or null. */
export function readSettings(r: Reading): Intent | null {
  const pause = PAUSE.exec(r.text);
  if (pause) {
    const date = until(pause[1] ?? '', r.today);
    return date ? { kind: 'pause', until: date } : null;
  }
  const snooze = SNOOZE.exec(r.text);
  if (snooze) {
    const { names, rest } = readNames(snooze[1] ?? '', codesOf(r));
    const date = names.length > 0 ? until(rest, r.today) : null;
    return date ? { kind: 'snooze', names, until: date } : null;
  }
  const cover = COVER.exec(r.text);
  if (cover) {
    const date = until(cover[3] ?? '', r.today);
    const who = (cover[1] ?? '').trim();
    if (!date || /^(?:me|myself|i)$/i.test(cover[2] ?? '')) return null;
    const name = matchPerson(who, r.vocabulary) ?? who;
    return { kind: 'cover', person: name, role: matchRole(cover[2] ?? '', r.vocabulary) ?? cleanRole(cover[2] ?? ''), until: date };
  }
  if (!REMIND.test(r.text)) return null;
  const mode = modeOf(r.text.replace(ASKING, ' ').replace(/\s+/g, ' '));
  return mode ? { kind: 'remind-me', mode } : null;
}
