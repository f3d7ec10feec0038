// "stop", "unsubscribe": reminders pause until the person turns them back on ("resume", "start again",
// "turn my reminders back on"). A bare "stop" while the bot waits for a yes or no is that "no".
import { STOPPED_UNTIL } from '../../app/reminderSettings.ts';
import { renderCard } from '../../cards/render.ts';
import { choose } from './confirm.ts';
import { command } from './chatCommand.ts';

export const stopCommand = command({
  kinds: ['stop'],
  example: 'stop',
  summary: 'no more reminders until you say "resume" ("unsubscribe" works too)',
  async run(turn) {
    if (turn.state.pending || turn.state.pendingSetting || turn.state.pendingChase) return { text: `${(await choose(turn, 'no', null, 'typed')).text} (To stop your reminders, say "stop reminders".)` };
    const settings = await turn.services.store.settings.get(turn.caller.id);
    await turn.services.store.settings.save({ ...settings, pausedUntil: STOPPED_UNTIL, onLeave: false });
    const message = 'Your reminders are stopped: I will send you none until you turn them back on. To start them again, say "resume" (or "turn my reminders back on"). You can still ask me anything and answer your actions here.';
    return { card: renderCard('confirmation', { title: 'Reminders stopped', message, tone: 'good', facts: [] }) };
  },
});
