// Who "assign SMLO to …" means: a Teams @mention (its id), an email or UPN where the directory has one, a
// name with the short id the bot gave when two people share it ("Sam Patel (6f1c2a10)"), or a name.
import type { Person } from '../../domain/progress.ts';
import type { ChatTurn } from './chatCommand.ts';

/** The one person meant, or what to tell the caller (nobody, or several to choose from). */
export type PersonFound = { person: Person } | { text: string };

const SHORT_ID = /^(?:(.*?)\s*\(\s*)?([0-9a-f]{8})\s*\)?$/i;

/** The short id people type back to tell two people of one name apart. */
export const shortId = (person: Person): string => person.id.slice(0, 8).toLowerCase();

/**
 * Finds the person `written` names among the caller's tenant; `again` is the message with a person put in
 * ("assign SMLO to", or a function of the person for a message that names them first).
 */
export function personNamed(turn: ChatTurn, written: string, again: string | ((who: string) => string)): PersonFound {
  const here = turn.directory.people.filter((p) => p.tenantId === turn.caller.tenantId);
  const text = written.replace(/<\/?at>/gi, '').trim();
  const mentioned = turn.mentions.find((m) => m.name.toLowerCase() === text.toLowerCase()) ?? (turn.mentions.length === 1 ? turn.mentions[0] : undefined);
  if (mentioned) {
    const person = here.find((p) => p.id === mentioned.aadObjectId || p.id === mentioned.id || p.teamsId === mentioned.id);
    return person ? { person } : { text: `I don't know ${mentioned.name} here yet: people appear once they have installed the bot in Teams. Nothing was changed.` };
  }
  if (text.includes('@')) {
    const byEmail = here.filter((p) => p.email !== undefined && p.email === text.toLowerCase());
    if (byEmail.length === 1 && byEmail[0]) return { person: byEmail[0] };
  }
  const short = SHORT_ID.exec(text);
  if (short?.[2]) {
    const byId = here.filter((p) => shortId(p) === short[2]?.toLowerCase() && (!short[1] || p.name.toLowerCase() === short[1].toLowerCase()));
    if (byId.length === 1 && byId[0]) return { person: byId[0] };
  }
  const wanted = text.toLowerCase();
  const exact = here.filter((p) => p.name.toLowerCase() === wanted || p.email === wanted);
  const found = exact.length > 0 ? exact : here.filter((p) => p.name.toLowerCase().includes(wanted));
  if (found.length === 1 && found[0]) return { person: found[0] };
  if (found.length === 0) return { text: `I don't know anyone called "${text}". People appear here once they have installed the bot in Teams.` };
  return { text: severalText(turn, text, found.slice(0, 10), again) };
}

/** Several people match: each with what tells them apart, and a reply the bot reads back. */
function severalText(turn: ChatTurn, text: string, found: Person[], again: string | ((who: string) => string)): string {
  const lines = found.map((p) => {
    const roles = turn.directory.rolesOf(turn.caller.tenantId, p.id);
    const about = [p.email, roles.length > 0 ? `holds ${roles.slice(0, 4).join(', ')}${roles.length > 4 ? ', …' : ''}` : 'holds no role yet'].filter(Boolean).join('; ');
    const who = p.email ?? `${p.name} (${shortId(p)})`;
    return `"${typeof again === 'string' ? `${again} ${who}` : again(who)}" for ${p.name} (${about})`;
  });
  return `${found.length} people match "${text}", so nothing was changed. Which one? Reply ${lines.join(', or ')}. An @mention of them works too.`;
}
