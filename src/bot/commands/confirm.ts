// "yes" / "no" (typed, or pressed on the question card): applies or drops the answer the bot asked about.
// The answer is applied only if the action is as it was when asked; otherwise the person is told why.
import { renderCard } from '../../cards/render.ts';
import { applyAnswer } from '../answerApply.ts';
import { applyEach } from './answers.ts';
import { chooseChase } from './chase.ts';
import { applySetting } from '../settingsCommands.ts';
import { command, type ChatTurn } from './chatCommand.ts';

// A question left unanswered this long is dropped: "yes" tomorrow should not surprise anyone.
const PENDING_FOR_MS = 60 * 60_000;

/** The outcome of a choice on the pending question: a message, and a card to show in place of the question. */
export async function choose(turn: ChatTurn, choice: string, asked: string | null, via: 'typed' | 'button', activityId?: string): Promise<{ text: string; card: object }> {
  const pending = turn.state.pending;
  const done = (text: string, tone: 'good' | 'default' | 'warning'): { text: string; card: object } => ({ text, card: renderCard('confirmation', { title: tone === 'good' ? 'Saved' : 'Nothing changed', message: text, tone, facts: [] }) });
  const chased = await chooseChase(turn, choice, asked);
  if (chased) return chased;
  // A setting asked about after the last answer question (or pressed by its own button) is the one meant.
  const setting = turn.state.pendingSetting;
  if (setting && (asked === null ? !pending || pending.askedAt < setting.askedAt : asked === setting.askedAt)) {
    turn.state.pendingSetting = null;
    if (Date.parse(setting.askedAt) < turn.services.clock.now().getTime() - PENDING_FOR_MS) return done('I asked that more than an hour ago, so nothing was changed. Please say it again.', 'warning');
    if (choice !== 'yes') return done('OK, nothing was changed.', 'default');
    const r = await applySetting(turn, setting.intent);
    return done(r.message, r.ok ? 'good' : 'warning');
  }
  if (!pending || (asked !== null && asked !== pending.askedAt)) return done('That question is no longer open: nothing was changed.', 'warning');
  turn.state.pending = null;
  if (Date.parse(pending.askedAt) < turn.services.clock.now().getTime() - PENDING_FOR_MS) return done('I asked that more than an hour ago, so nothing was changed. Please answer again.', 'warning');
  if (choice === 'no') return done('OK, nothing was changed.', 'default');
  if (pending.each) {
    const text = await applyEach(turn, pending.each, via);
    return { text, card: renderCard('confirmation', { title: 'Answers', message: text, tone: 'default', facts: [] }) };
  }
  const upTo = choice === 'oldest' ? undefined : pending.upTo;
  const applied = await applyAnswer(turn, pending.targets, pending.answer, { via, checked: true, ...(upTo ? { upTo } : {}), ...(activityId ? { skipActivityId: activityId } : {}) });
  return { text: applied.text, card: applied.card ?? renderCard('confirmation', { title: 'Answer', message: applied.text, tone: 'default', facts: [] }) };
}

export const confirmCommand = command({
  kinds: ['yes', 'no'],
  async run(turn, intent) {
    if (!turn.state.pending && !turn.state.pendingSetting && !turn.state.pendingChase) return { text: intent.kind === 'yes' ? 'There is nothing waiting for a yes.' : 'OK.' };
    return { text: (await choose(turn, intent.kind === 'yes' ? 'yes' : 'no', null, 'typed')).text };
  },
});
