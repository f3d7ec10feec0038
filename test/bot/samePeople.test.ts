// Two people with the same name: "assign SMLO to Sam Patel" lists both with what tells them apart and a
// reply the bot reads back; a Teams @mention (its id in the activity's entities) or an email picks one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';
import { message, testTenantId, type TeamsPerson } from '../support/teamsActivity.ts';

const jane = { aadObjectId: 'ab000000-0000-4000-8000-000000000001', name: 'Jane Smith' };
const samA = { aadObjectId: 'ab111111-0000-4000-8000-000000000002', name: 'Sam Patel' }; // holds SMO
const samB = { aadObjectId: 'ab222222-0000-4000-8000-000000000003', name: 'Sam Patel' }; // holds nothing
const ghost = { aadObjectId: 'ab333333-0000-4000-8000-000000000004', name: 'Gwen Price' }; // never installed

const plan = handMadePlan('same-2011', 'Testshire DAT', planYear2011, [
  { ref: '1.1', text: 'Agree the needle exchange audit', owners: ['SMLO'], due: '2011-09-01' },
  { ref: '1.2', text: 'Report the waiting times', owners: ['SMO'], due: '2011-09-02' },
  { ref: '1.3', text: 'Train the pharmacists', owners: ['DIP Manager'], due: '2011-09-03' },
]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness('botsamename', '2011-08-01T09:00:00Z');
  await bot.importPlan(plan);
  await meet(bot, jane, 'Commissioner');
  await meet(bot, samA, 'SMO');
  await meet(bot, samB);
});
afterAll(async () => bot?.close());

/** A message as Teams sends it with @mentions: `<at>Name</at>` in the text, the ids in `entities`. */
function withMentions(from: TeamsPerson, text: string, mentioned: TeamsPerson[]) {
  const entities = mentioned.map((p) => ({ type: 'mention', mentioned: { id: `29:${p.aadObjectId}`, name: p.name }, text: `<at>${p.name}</at>` }));
  return { ...message(bot.origin, from, text), textFormat: 'xml', entities };
}

async function post(activity: ReturnType<typeof message>): Promise<string> {
  await bot.post(activity);
  return bot.connector.calls.filter((c) => c.replyToId === activity.id && c.status < 300).map(textOf).join('\n');
}

const holders = async (role: string): Promise<string[]> => (await bot.store.roles.holders(testTenantId, role)).sort();

describe('two people called Sam Patel', () => {
  it('a typed name lists both, with what tells them apart and a reply to type, and changes nothing', async () => {
    const text = await post(message(bot.origin, jane, 'assign SMLO to Sam Patel'));
    expect(text).toContain('2 people match "Sam Patel", so nothing was changed');
    expect(text).toContain('"assign SMLO to Sam Patel (ab111111)" for Sam Patel (holds SMO)');
    expect(text).toContain('"assign SMLO to Sam Patel (ab222222)" for Sam Patel (holds no role yet)');
    expect(await holders('SMLO')).toEqual([]);
  });

  it('the suggested reply, typed back, gives the role to that Sam', async () => {
    const text = await post(message(bot.origin, jane, 'assign SMLO to Sam Patel (ab222222)'));
    expect(text).toBe('Sam Patel now holds SMLO.');
    expect(await holders('SMLO')).toEqual([samB.aadObjectId]);
  });

  it('an @mention picks the person Teams names by id', async () => {
    const text = await post(withMentions(jane, 'unassign SMLO from <at>Sam Patel</at>', [samB]));
    expect(text).toBe('Sam Patel no longer holds SMLO.');
    expect(await post(withMentions(jane, '<at>actionbot</at> assign DIP Manager to <at>Sam Patel</at>', [samA]))).toBe('Sam Patel now holds DIP Manager.');
    expect(await holders('DIP Manager')).toEqual([samA.aadObjectId]);
  });

  it('an @mention of someone who has not installed the bot changes nothing and says why', async () => {
    expect(await post(withMentions(jane, 'assign SMLO to <at>Gwen Price</at>', [ghost]))).toContain('I don\'t know Gwen Price here yet');
    expect(await holders('SMLO')).toEqual([]);
  });

  it('where the directory has their email, it tells them apart and is accepted', async () => {
    const b = await bot.store.people.get(samB.aadObjectId);
    await bot.store.people.save({ ...b!, email: 'sam.patel2@testshire.nhs.uk' }, (await bot.store.people.conversationOf(samB.aadObjectId))!);
    const listed = await post(message(bot.origin, jane, 'assign SMLO to sam patel'));
    expect(listed).toContain('"assign SMLO to sam.patel2@testshire.nhs.uk" for Sam Patel (sam.patel2@testshire.nhs.uk; holds no role yet)');
    expect(await post(message(bot.origin, jane, 'assign SMLO to sam.patel2@testshire.nhs.uk'))).toBe('Sam Patel now holds SMLO.');
    expect(await holders('SMLO')).toEqual([samB.aadObjectId]);
    // A "please" at either end is courtesy, not part of the address (it was read as "….nhs.uk please").
    expect(await post(message(bot.origin, jane, 'please unassign SMLO from sam.patel2@testshire.nhs.uk please'))).toBe('Sam Patel no longer holds SMLO.');
  });
});

describe('mentions Teams did not send', () => {
  it('entities that are not mentions, or mentions without an id or name, are ignored, and the name is read as typed', async () => {
    const activity = { ...message(bot.origin, jane, 'assign SMLO to <at>Sam Patel</at>'), entities: [{ type: 'mention', mentioned: { id: 42, name: {} } }, 'junk', null, { type: 'mention' }] };
    const text = await post(activity as unknown as ReturnType<typeof message>);
    expect(text).not.toContain('something went wrong');
    expect(text).toContain('2 people match "Sam Patel", so nothing was changed');
  });
});

describe('an @mention from another tenant', () => {
  it('never reaches a person of ours', async () => {
    const mallory = { aadObjectId: 'ab444444-0000-4000-8000-000000000005', name: 'Mallory Other' };
    const other = '0b0b0b0b-0000-4000-8000-0000000000ff';
    const activity = { ...withMentions(mallory, 'assign SMO to <at>Sam Patel</at>', [samB]), conversation: { id: 'a:1other', conversationType: 'personal', tenantId: other, isGroup: false, name: '' }, channelData: { tenant: { id: other } } };
    await bot.post(activity);
    expect(await holders('SMO')).toEqual([samA.aadObjectId]);
  });
});
