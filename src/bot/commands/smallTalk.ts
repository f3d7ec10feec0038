// Day-one replies: greetings, thanks and goodbyes get a short friendly line; "who am I", "my roles", "my
// commissioner", "my next deadline" and "where is the dashboard" get real answers from the plans the
// person may see.
import { typeableRef } from '../../app/actionCards.ts';
import { holdersIn, leadRoleOf } from '../../app/access.ts';
import { mine } from '../../app/questions.ts';
import { dueLabel, shorten } from '../../cards/format.ts';
import { escapeMarkdown } from '../../cards/markdown.ts';
import { command, type ChatTurn } from './chatCommand.ts';

const first = (turn: ChatTurn): string => turn.caller.name.split(/\s+/)[0] ?? '';

export const smallTalkCommand = command({
  kinds: ['small-talk'],
  async run(turn, intent) {
    if (intent.topic === 'hello') return { text: `Hello ${first(turn)}! Ask me "what's overdue?" or "my actions", answer with "done BED-14", or type "help" for everything I can do.` };
    if (intent.topic === 'thanks') return { text: 'You\'re welcome.' };
    if (intent.topic === 'bye') return { text: `Bye for now, ${first(turn)}. Your reminders carry on as set ("my settings" shows them).` };
    return { text: 'I am actionbot: I keep your partnership\'s action plans up to date. I remind owners of what is due, take answers ("done BED-14", "delayed BED-14 to 30 June because …", "update on BED-14: …"), and answer questions ("what\'s overdue?", "how many actions are late in Worcestershire?"). Type "help" for the full list.' };
  },
});

export const aboutMeCommand = command({
  kinds: ['about-me'],
  example: 'who am I?',
  summary: 'who I think you are, your roles ("my roles"), "who is my commissioner?", "what\'s my next deadline?", "where\'s the dashboard?"',
  async run(turn, intent) {
    const { caller, directory } = turn;
    const roles = caller.roles;
    const plans = directory.plans.filter((p) => turn.visible.has(p.id));
    switch (intent.topic) {
      case 'who': {
        const what = [caller.isAdmin ? 'an admin' : '', caller.isLead ? 'a commissioner' : ''].filter(Boolean).join(' and ');
        return { text: `You are ${escapeMarkdown(caller.name)}${what ? `, ${what}` : ''}. ${roles.length > 0 ? `Your roles: ${roles.map(escapeMarkdown).join(', ')}.` : 'You hold no role in any plan yet: your commissioner can assign you one.'} You can see ${plans.length} plan${plans.length === 1 ? '' : 's'}${plans.length ? ` (${plans.map((p) => escapeMarkdown(p.partnership)).join(', ')})` : ''}.` };
      }
      case 'roles':
        return { text: roles.length > 0 ? `Your roles: ${roles.map(escapeMarkdown).join(', ')}. "my actions" lists what they own.` : 'You hold no role in any plan yet, so no actions are yours. Your commissioner can assign you one ("who commissions BED?" says who that is).' };
      case 'commissioner': {
        const lines = plans.map((p) => {
          const role = leadRoleOf(p, turn.services.settings.LEAD_ROLE);
          const who = holdersIn(p.id, role, directory).map((h) => h.name);
          return `- ${escapeMarkdown(p.partnership)}: ${escapeMarkdown(role)} (${who.length > 0 ? who.map(escapeMarkdown).join(', ') : 'nobody holds it yet'})`;
        });
        return { text: lines.length > 0 ? `The commissioner of each plan you can see:\n\n${lines.join('\n')}` : 'You can see no plans yet, so you have no commissioner here.' };
      }
      case 'next-deadline': {
        const open = (await mine(turn.services.store, caller)).filter((a) => turn.visible.has(a.planId) && a.progress.dueDate !== null);
        const late = open.filter((a) => (a.progress.dueDate ?? '') < turn.today);
        const next = open.find((a) => (a.progress.dueDate ?? '') >= turn.today);
        if (open.length === 0) return { text: 'None of your actions has a date ahead. "my actions" lists what you own.' };
        const line = (a: typeof open[number]): string => `${typeableRef(a)} ${escapeMarkdown(shorten(a.action.text, 80))}, due ${dueLabel(a.progress.dueDate ?? '')}`;
        return { text: `${next ? `Your next deadline: ${line(next)}.` : 'Nothing of yours is due from today on.'}${late.length > 0 ? ` ${late.length} of yours ${late.length === 1 ? 'is' : 'are'} already overdue, the oldest ${line(late[0] as typeof open[number])}: say "my actions" to see them.` : ''}` };
      }
      default:
        return { text: 'The dashboard is the Dashboard tab of actionbot in Teams: open your chat with actionbot and choose Dashboard at the top (it shows every plan you can see, with a CSV download). Here, "summary" gives the same figures in a card.' };
    }
  },
});
