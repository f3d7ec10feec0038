// Replies to the reminder-setting intents read from chat: "remind me weekly on Monday", "pause reminders
// until 4 Jan", "I'm on leave until 4 Jan", "resume reminders", "snooze 1.2.3 until Monday",
// "Sam Patel covers SMLO until 4 Jan", "my settings". Each reply says back what was understood; a setting
// read through a typo is asked about first, and a date that will not do is said, never guessed.
import { typeableRef } from '../app/actionCards.ts';
import { mayAnswer, whoToAsk } from '../app/access.ts';
import { findNamed } from '../app/findActions.ts';
import { coverRole, describeSettings, pauseReminders, resumeReminders, setReminderMode, snoozeAction, unsnoozeAction, type SettingsResult } from '../app/reminderSettings.ts';
import { dueLabel } from '../cards/format.ts';
import { renderCard } from '../cards/render.ts';
import { addDays, dayOfWeek } from '../domain/calendar.ts';
import type { PendingSetting } from '../domain/chatState.ts';
import type { IsoDate } from '../domain/plan.ts';
import { modeLabel } from '../domain/personSettings.ts';
import type { StoredAction } from '../domain/ports.ts';
import type { ActionName, Intent, SettingProblem } from '../domain/reading/intent.ts';
import { command, type ChatReply, type ChatTurn } from './commands/chatCommand.ts';
import { personNamed } from './commands/personNamed.ts';

/** The intents handled here. */
export type SettingsIntent = Extract<Intent, { kind: 'remind-me' | 'pause' | 'resume' | 'snooze' | 'unsnooze' | 'cover' | 'my-settings' | 'invalid-setting' }>;

const KINDS = ['remind-me', 'pause', 'resume', 'snooze', 'unsnooze', 'cover', 'my-settings', 'invalid-setting'] as const;

/** True for an intent this file answers. */
export function isSettingsIntent(intent: Intent): intent is SettingsIntent {
  return (KINDS as readonly string[]).includes(intent.kind);
}

/** Finds the actions a person named (by code or the plan's reference), among the plans they can see. */
export type ResolveNames = (names: ActionName[]) => Promise<StoredAction[]>;

/** What a setting did: the card's title, its message, and whether it was saved. */
interface Said { title: string; message: string; ok: boolean }

const card = ({ title, message, ok }: Said): ChatReply => ({ card: renderCard('confirmation', { title, message, tone: ok ? 'good' : 'warning', facts: [] }) });
const said = (title: string, r: SettingsResult): Said => ({ title, ...r });
const nameOf = (n: ActionName): string => (n.kind === 'code' ? n.code : n.ref);

/** Answers a settings intent for `turn.caller`; one read through a typo is asked about first. */
export async function settingsReply(turn: ChatTurn, intent: SettingsIntent, options: { resolve?: ResolveNames } = {}): Promise<ChatReply> {
  if ('sure' in intent && intent.sure === false) return ask(turn, intent);
  return card(await applySetting(turn, intent, options.resolve));
}

/** Saves (or describes) a setting and says what it did. */
export async function applySetting(turn: ChatTurn, intent: SettingsIntent, resolveNames?: ResolveNames): Promise<Said> {
  const { services, caller, today } = turn;
  const resolve: ResolveNames = resolveNames ?? (async (names) => (await Promise.all(names.map((n) => findNamed(services.store, turn.visible, turn.directory.plans, n)))).flat());
  switch (intent.kind) {
    case 'remind-me':
      return withNoRole(turn, said('Reminders', await setReminderMode(services, caller.id, intent.mode)));
    case 'pause':
      return withNoRole(turn, said(intent.leave ? 'On leave' : 'Reminders paused', await pauseReminders(services, caller.id, intent.until, today, intent.leave === true)));
    case 'resume':
      return said('Reminders', await resumeReminders(services, caller.id, today));
    case 'cover': {
      const found = intent.person === 'me' ? { person: turn.directory.person(caller.id) } : personNamed(turn, intent.person, (who) => `${who} covers ${intent.role} until ${dueLabel(intent.until)}`);
      if ('text' in found) return { title: 'Cover', message: found.text ?? '', ok: false };
      if (!found.person) return { title: 'Cover', message: 'I do not know you here yet: nothing was changed.', ok: false };
      return said('Cover', await coverRole(services, turn.directory, caller, found.person, intent.role, intent.until, today));
    }
    case 'my-settings':
      return { title: 'Your reminder settings', message: (await describeSettings(services, caller.id, today, turn.directory, caller.tenantId)).join('\n\n'), ok: true };
    case 'invalid-setting':
      return { title: intent.setting === 'snooze' ? 'Snooze' : intent.setting === 'cover' ? 'Cover' : 'Reminders', message: await problemText(turn, intent, resolve), ok: false };
    case 'snooze': case 'unsnooze': {
      const title = intent.kind === 'snooze' ? 'Snooze' : 'Snooze ended';
      const perName = await Promise.all(intent.names.map(async (n) => (await resolve([n])).filter((a) => mayAnswer(caller, a.planId, a.action, turn.directory))));
      // "snooze 4.1.1" where two of your actions have that reference: which one is a guess, so ask.
      const several = perName.find((f) => f.length > 1);
      if (several) {
        const words = intent.kind === 'snooze' ? `until ${dueLabel(intent.until)}` : '';
        return { title, message: `Several of your actions have that reference, so nothing was changed. Reply with one of these:\n\n${several.map((a) => `- "${intent.kind} ${typeableRef(a)}${words ? ` ${words}` : ''}"`).join('\n')}`, ok: false };
      }
      const found = perName.flat();
      if (found.length === 0) return { title, message: 'I could not find that among your actions: say its reference, like "snooze 1.2.3 until Monday".', ok: false };
      const lines: string[] = [];
      for (const a of found) {
        const r = intent.kind === 'snooze' ? await snoozeAction(services, caller.id, a.planId, a.action.id, intent.until, today) : await unsnoozeAction(services, caller.id, a.planId, a.action.id, today);
        // Past the plan's end the action is not reminded again this plan year: say so.
        const end = turn.directory.plan(a.planId)?.period.end;
        const late = intent.kind === 'snooze' && r.ok && end && intent.until > end ? ` That is after the plan ends (${dueLabel(end)}).` : '';
        lines.push(`${typeableRef(a)}: ${r.message}${late}`);
      }
      return { title, message: lines.join('\n\n'), ok: true };
    }
  }
}

/** A person who holds no role is told that reminders have nothing to remind them of yet. */
function withNoRole(turn: ChatTurn, result: Said): Said {
  if (!result.ok || turn.caller.roles.length > 0 || turn.caller.isAdmin) return result;
  const ask = whoToAsk(turn.caller, turn.directory, turn.services.settings);
  return { ...result, message: `${result.message} You hold no role yet, so there is nothing to remind you of${ask.length > 0 ? `: ask ${ask.join(' or ')} to give you one` : ''}.` };
}

/** What is wrong with a setting's date, with what to type instead. */
async function problemText(turn: ChatTurn, intent: Extract<Intent, { kind: 'invalid-setting' }>, resolve: ResolveNames): Promise<string> {
  const p: SettingProblem = intent.problem;
  const named = intent.names ? (await resolve(intent.names)).map(typeableRef)[0] ?? nameOf(intent.names[0] as ActionName) : '';
  const example = intent.setting === 'snooze' ? `snooze ${named} until 4 Jan` : intent.setting === 'cover' ? 'Sam Patel covers SMLO until 4 Jan' : 'pause reminders until 4 Jan';
  const nothing = 'Nothing was changed.';
  switch (p.kind) {
    case 'unreadable': return `${p.problem.charAt(0).toUpperCase()}${p.problem.slice(1)}. ${nothing} Say the day, like "${example}".`;
    case 'passed': return `${dueLabel(p.date)} ${p.date === turn.today ? 'is today' : 'has passed'}. ${nothing}`;
    case 'just-passed': return `${dueLabel(p.date)} has passed. ${nothing} If you mean next year's, say "until ${dueLabel(p.next)}".`;
    case 'no-date': return `Until when? Reply "snooze ${named} for a week" or "snooze ${named} until ${dueLabel(nextMonday(turn.today))}": it comes back once on that day. ${nothing}`;
    case 'starts-later': return `Reminders can be paused from today only, so nothing was changed. Say "I'm on leave until ${dueLabel(p.until)}" to pause them from now, or say it on ${dueLabel(p.from)}.`;
  }
}

/** The Monday after today, for an example date. */
const nextMonday = (today: IsoDate): IsoDate => addDays(today, ((8 - dayOfWeek(today)) % 7) || 7);

/** A guessed setting: say what was understood and save it only after "yes". */
function ask(turn: ChatTurn, intent: PendingSetting['intent']): ChatReply {
  const askedAt = turn.services.clock.now().toISOString();
  const rest: PendingSetting['intent'] = { ...intent };
  delete rest.sure;
  turn.state.pendingSetting = { intent: rest, askedAt };
  const what = intent.kind === 'remind-me' ? `Remind you ${modeLabel(intent.mode)}`
    : intent.kind === 'pause' ? `${intent.leave ? 'On leave, with no reminders' : 'Pause reminders'} until ${dueLabel(intent.until)}`
      : intent.kind === 'snooze' ? `Snooze ${intent.names.map(nameOf).join(', ')} until ${dueLabel(intent.until)} (no reminders about it before then)`
        : `${intent.person === 'me' ? 'You cover' : `${intent.person} covers`} ${intent.role} until ${dueLabel(intent.until)}`;
  const choices = [{ title: 'Yes', choice: 'yes', asked: askedAt }, { title: 'No', choice: 'no', asked: askedAt }];
  return { card: renderCard('question', { title: 'Please confirm', message: `${what}? Nothing changes until you say yes.`, facts: [], choices }) };
}

/** The chat command for the settings intents, for src/bot/commands/index.ts's list. */
export const settingsCommand = command({
  kinds: [...KINDS],
  example: 'remind me weekly on Monday',
  summary: 'how often reminders come; also "pause reminders until 4 Jan", "snooze BED-14 until Monday", "Sam Patel covers SMLO until 4 Jan", "my settings"',
  run: (turn, intent) => settingsReply(turn, intent as SettingsIntent),
});
