import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';
import { message, testTenantId, type TeamsPerson } from '../support/teamsActivity.ts';

const commissioner = { aadObjectId: 'b2000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const admin = { aadObjectId: 'b2000000-0000-4000-8000-000000000002', name: 'Ada Admin' };
const sam = { aadObjectId: 'b2000000-0000-4000-8000-000000000003', name: 'Sam Patel' };
const janeDoe = { aadObjectId: 'b2000000-0000-4000-8000-000000000004', name: 'Jane Doe' };

const plan = handMadePlan('roles-2011', 'Testshire DAT', planYear2011, [
  { ref: '1.1.1', text: 'Agree the needle exchange audit', owners: ['SMLO'], due: '2011-09-30' },
  { ref: '1.1.2', text: 'Report the treatment waiting times', owners: ['SMLO', 'SMO'], due: '2011-10-31' },
  { ref: '1.1.3', text: 'Review the DIP pathway', owners: ['DIP Manager'], due: '2011-11-30' },
]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('botroles', '2011-09-01T09:00:00Z', { ADMINS: admin.aadObjectId });
  await bot.importPlan(plan);
  await meet(bot, commissioner, 'Commissioner');
  await Promise.all([admin, sam, janeDoe].map((p) => meet(bot, p)));
});
afterAll(async () => bot?.close());

async function ask(person: TeamsPerson, text: string): Promise<string> {
  const replies = await bot.say(person, text);
  return replies.map(textOf).join('\n');
}
const holdersOf = async (role: string): Promise<string[]> => (await bot.store.roles.holders(testTenantId, role)).sort();

describe('roles in chat', () => {
  it('"roles" lists every role in the plans, its actions and who holds it', async () => {
    const text = await ask(commissioner, 'roles');
    expect(text).toContain('**SMLO** (2 actions; TES): _nobody_');
    expect(text).toContain('**SMO** (1 action; TES): _nobody_');
    expect(text).toContain('**DIP Manager** (1 action; TES): _nobody_');
    // Sam holds no role yet: he sees no plan, and is told who to ask.
    expect(await ask(sam, 'roles')).toBe('You hold no role in any plan here yet, so there is nothing to show you. Ask Jane Smith or Ada Admin to give you one (e.g. "assign SMLO to Sam Patel").');
  });

  it('the commissioner assigns SMLO to Jane Smith, and "who is SMLO?" says so', async () => {
    expect(await ask(commissioner, 'assign SMLO to Jane Smith')).toBe('Jane Smith now holds SMLO.');
    expect(await holdersOf('SMLO')).toEqual([commissioner.aadObjectId]);
    expect(await ask(commissioner, 'who is SMLO?')).toBe('SMLO: Jane Smith');
    expect(await ask(commissioner, 'roles')).toContain('**SMLO** (2 actions; TES): Jane Smith');
  });

  it('an admin (ADMINS) may assign roles too', async () => {
    expect(await ask(admin, 'assign SMO to Sam Patel')).toBe('Sam Patel now holds SMO.');
    expect(await holdersOf('SMO')).toEqual([sam.aadObjectId]);
  });

  it('anyone else is refused and nothing changes', async () => {
    expect(await ask(sam, 'assign DIP Manager to Sam Patel')).toBe('Only the commissioner or an admin of your plans can assign roles.');
    expect(await ask(sam, 'unassign SMLO from Jane Smith')).toBe('Only the commissioner or an admin of your plans can assign roles.');
    expect(await holdersOf('DIP Manager')).toEqual([]);
    expect(await holdersOf('SMLO')).toEqual([commissioner.aadObjectId]);
  });

  it('"unassign SMLO from Jane Smith" takes the role away', async () => {
    expect(await ask(commissioner, 'unassign SMLO from Jane Smith')).toBe('Jane Smith no longer holds SMLO.');
    expect(await holdersOf('SMLO')).toEqual([]);
    expect(await ask(sam, 'who is SMLO?')).toBe('Nobody holds SMLO yet. The commissioner can type "assign SMLO to <name>".');
    expect(await ask(commissioner, 'unassign SMLO from Jane Smith')).toBe('Jane Smith did not hold SMLO.');
  });

  it('a name that matches two people is not guessed', async () => {
    const text = await ask(commissioner, 'assign SMLO to Jane');
    expect(text).toContain('2 people match "Jane", so nothing was changed. Which one?');
    expect(await holdersOf('SMLO')).toEqual([]);
  });

  it('assigns by @mention, as Teams sends it: <at> text plus a mention entity', async () => {
    // Teams lets the sender shorten a mention to a first name; the entity still names the person.
    const activity = {
      ...message(bot.origin, commissioner, 'assign SMLO to <at>Jane</at>'),
      entities: [{ type: 'mention', text: '<at>Jane</at>', mentioned: { id: `29:${janeDoe.aadObjectId}`, name: 'Jane Doe' } }],
    };
    const res = await bot.post(activity);
    expect(res.status).toBe(200);
    const reply = bot.connector.calls.find((c) => c.replyToId === activity.id);
    expect(textOf(reply)).toBe('Jane Doe now holds SMLO.');
    expect(await holdersOf('SMLO')).toEqual([janeDoe.aadObjectId]);
  });

  it('a role named in no plan is said so', async () => {
    expect(await ask(sam, 'who is Head of Nothing?')).toBe('No plan of yours names a role "Head of Nothing". Type "roles" to see them.');
  });

  it('"assign SLMO …" (a typo: no plan names SLMO) is refused with the closest names, and nobody gets it', async () => {
    expect(await ask(commissioner, 'assign SLMO to Sam Patel')).toBe('No plan of yours names a role "SLMO", so nobody was given it. Did you mean SMLO or SMO? e.g. "assign SMLO to Sam Patel"');
    expect(await holdersOf('SLMO')).toEqual([]);
  });
});
