// Replies to the reminder-setting intents read from chat: "remind me weekly on Monday", "pause reminders
// until 4 Jan", "I'm on leave until 4 Jan", "resume reminders", "snooze 1.2.3 until Monday",
// "Sam Patel covers SMLO until 4 Jan", "my settings". Each reply says back what was understood.
import { typeableRef } from '../app/actionCards.ts';
import { mayAnswer } from '../app/access.ts';
import { findNamed } from '../app/findActions.ts';
import { coverRole, describeSettings, pauseReminders, resumeReminders, setReminderMode, snoozeAction } from '../app/reminderSettings.ts';
import { renderCard } from '../cards/render.ts';
import type { StoredAction } from '../domain/ports.ts';
import type { ActionName, Intent } from '../domain/reading/intent.ts';
import { command, type ChatReply, type ChatTurn } from './commands/chatCommand.ts';

/** The intents handled here. */
export type SettingsIntent = Extract<Intent, { kind: 'remind-me' | 'pause' | 'resume' | 'snooze' | 'cover' | 'my-settings' }>;

const KINDS = new Set(['remind-me', 'pause', 'resume', 'snooze', 'cover', 'my-settings']);

/** True for an intent this file answers. */
export function isSettingsIntent(intent: Intent): intent is SettingsIntent {
  return KINDS.has(intent.kind);
}

/** Finds the actions a person named (by code or the plan's reference), among the plans they can see. */
export type ResolveNames = (names: ActionName[]) => Promise<StoredAction[]>;

function card(title: string, message: string, ok: boolean): ChatReply {
  return { card: renderCard('confirmation', { title, message, tone: ok ? 'good' : 'warning', facts: [] }) };
}

/**
 * Answers a settings intent for `turn.caller`. `onLeave` says whether "pause" was said as leave
 * ("I'm on leave until …"): the reader marks that, and the commissioner's lists show it.
 */
export async function settingsReply(turn: ChatTurn, intent: SettingsIntent, options: { onLeave?: boolean; resolve?: ResolveNames } = {}): Promise<ChatReply> {
  const { services, caller, today } = turn;
  switch (intent.kind) {
    case 'remind-me': {
      const r = await setReminderMode(services, caller.id, intent.mode);
      return card('Reminders', r.message, r.ok);
    }
    case 'pause': {
      const r = await pauseReminders(services, caller.id, intent.until, today, options.onLeave ?? false);
      return card(options.onLeave ? 'On leave' : 'Reminders paused', r.message, r.ok);
    }
    case 'resume': {
      const r = await resumeReminders(services, caller.id);
      return card('Reminders', r.message, r.ok);
    }
    case 'cover': {
      const r = await coverRole(services, turn.directory, caller, intent.person, intent.role, intent.until, today);
      return card('Cover', r.message, r.ok);
    }
    case 'my-settings':
      return card('Your reminder settings', (await describeSettings(services, caller.id, today, turn.directory)).join('\n\n'), true);
    case 'snooze': {
      const resolve: ResolveNames = options.resolve ?? (async (names) => (await Promise.all(names.map((n) => findNamed(services.store, turn.visible, turn.directory.plans, n)))).flat());
      const found = (await resolve(intent.names)).filter((a) => mayAnswer(caller, a.planId, a.action, turn.directory));
      if (found.length === 0) return card('Snooze', 'I could not find that among your actions: say its reference, like "snooze 1.2.3 until Monday".', false);
      const said: string[] = [];
      for (const a of found) {
        const r = await snoozeAction(services, caller.id, a.planId, a.action.id, intent.until, today);
        said.push(`${typeableRef(a)}: ${r.message}`);
      }
      return card('Snooze', said.join('\n\n'), true);
    }
  }
}

/**
 * The chat command for the settings intents, for src/bot/commands/index.ts's list. A pause said as leave
 * ("I'm on leave until …") is leave when the reader marks it (`leave: true` on the intent).
 */
export const settingsCommand = command({
  kinds: ['remind-me', 'pause', 'resume', 'snooze', 'cover', 'my-settings'],
  example: 'remind me weekly on Monday',
  summary: 'how often reminders come; also "pause reminders until 4 Jan", "snooze BED-14 until Monday", "Sam Patel covers SMLO until 4 Jan", "my settings"',
  run: (turn, intent) => settingsReply(turn, intent, { onLeave: (intent as { leave?: unknown }).leave === true }),
});
