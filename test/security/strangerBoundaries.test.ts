// The boundaries tried as an attacker and a careless user would, against the whole bot over real HTTP,
// Teams-shaped. Tenant A runs Worcestershire (lead role JCM, Pat Lee, who is also in ADMINS) and
// Peterborough (lead role SPM-CC, Sue Brown); tenant B runs Otherborough (lead role Commissioner, Bob).
// Pat writing from tenant B is a stranger there: her record keeps tenant A, and neither her roles nor her
// admin right follow her. Another tenant's people press A's cards, a card's ids are tampered with, an
// activity is replayed, the two tenant fields of an activity disagree, and Reassign is pressed on the
// chat digest for another plan's lead role and another tenant's person.
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storePlan } from '../../src/app/importPlans.ts';
import { STRANGER } from '../../src/bot/personRecord.ts';
import { cardOf, startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { answerText, cardsTo, meet } from '../support/cardPress.ts';
import { pressDigest } from '../support/digestPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';
import { cardAction, installationUpdate, message, testTenantId, type TeamsPerson } from '../support/teamsActivity.ts';

const TENANT_B = '0d0d0d0d-0000-4000-8000-0000000000dd';
const pat = { aadObjectId: 'a8000000-0000-4000-8000-000000000001', name: 'Pat Lee' }; // JCM (Worcestershire) and admin, tenant A
const sue = { aadObjectId: 'a8000000-0000-4000-8000-000000000002', name: 'Sue Brown' }; // SPM-CC (Peterborough)
const sam = { aadObjectId: 'a8000000-0000-4000-8000-000000000003', name: 'Sam Patel' }; // SMLO, tenant A
const nia = { aadObjectId: 'a8000000-0000-4000-8000-000000000004', name: 'Nia Owen' }; // no role, tenant A
const bob = { aadObjectId: 'a8000000-0000-4000-8000-0000000000b1', name: 'Bob Barker' }; // Commissioner, tenant B
const eve = { aadObjectId: 'a8000000-0000-4000-8000-0000000000b2', name: 'Eve Hart' }; // SMLO, tenant B

const wor = handMadePlan('sb-wor-2011', 'Worcestershire SMAT', planYear2011, [
  { ref: '1.1', text: 'Complete the clinical governance self assessment', owners: ['SMLO'], due: '2011-09-01' },
  { ref: '1.2', text: 'Finalise the review documentation', owners: ['JCM'], due: '2011-09-01' },
  { ref: '1.3', text: 'Publish the annual report', owners: ['JCM'], due: '2011-12-01' },
]);
const pet = handMadePlan('sb-pet-2011', 'Safer Peterborough Partnership', planYear2011, [
  { ref: '2.1', text: 'Agree the housing pathway', owners: ['Housing Officer'], due: '2011-09-01' },
  // Owned by Worcestershire's lead role: Reassign on Sue's digest must not hand JCM on.
  { ref: '2.2', text: 'Report to the joint commissioning group', owners: ['JCM'], due: '2011-09-01' },
]);
const oth = handMadePlan('sb-oth-2011', 'Otherborough DAAT', planYear2011, [
  { ref: '9.1', text: 'Train the other pharmacists', owners: ['SMLO'], due: '2011-09-01' },
]);

let bot: BotHarness;
const inB = () => ({ ...bot.origin, tenantId: TENANT_B });

/** What the bot sent back because of `activity` (its replies, in any conversation). */
function repliesTo(activity: Partial<Activity>): string {
  return bot.connector.calls.filter((c) => c.replyToId === activity.id && c.status < 300).map(textOf).join('\n');
}
async function say(who: TeamsPerson, text: string, tenantId?: string): Promise<string> {
  const activity = message(tenantId ? { ...bot.origin, tenantId } : bot.origin, who, text);
  expect((await bot.post(activity)).status).toBeLessThan(300);
  return repliesTo(activity);
}
const sayB = (who: TeamsPerson, text: string) => say(who, text, TENANT_B);
/** An Action.Execute press: the message or card text Teams shows. */
async function pressAs(who: TeamsPerson, verb: string, data: Record<string, unknown>, tenantId?: string): Promise<string> {
  const res = await bot.post(cardAction(tenantId ? { ...bot.origin, tenantId } : bot.origin, who, verb, data));
  const body = (res.body ?? {}) as { value?: unknown };
  return typeof body.value === 'string' ? body.value : JSON.stringify(body.value ?? '');
}
const holders = async (tenant: string, role: string): Promise<string[]> => (await bot.store.roles.holders(tenant, role)).sort();
const statusOf = async (planId: string, actionId: string) => (await bot.store.actions.get(planId, actionId))?.progress.status;

beforeAll(async () => {
  bot = await startBotHarness('secstranger', '2011-08-01T09:00:00Z', { ADMINS: pat.aadObjectId });
  await storePlan(bot.runtime.services, wor, testTenantId, 'JCM');
  await storePlan(bot.runtime.services, pet, testTenantId, 'SPM-CC');
  await storePlan(bot.runtime.services, oth, TENANT_B, 'Commissioner');
  await meet(bot, pat, 'JCM');
  await meet(bot, sue, 'SPM-CC');
  await meet(bot, sam, 'SMLO');
  await meet(bot, nia);
  for (const person of [bob, eve]) expect((await bot.post(installationUpdate(inB(), person, 'add'))).status).toBeLessThan(300);
  await bot.store.roles.assign(TENANT_B, 'Commissioner', bob.aadObjectId, { id: 'test', name: 'test setup' }, '2011-08-01T09:00:00Z');
  await bot.store.roles.assign(TENANT_B, 'SMLO', eve.aadObjectId, { id: 'test', name: 'test setup' }, '2011-08-01T09:00:00Z');
  bot.clock.set('2011-09-12T09:00:00Z');
}, 60_000);
afterAll(async () => bot?.close());

describe('a known person writing from another tenant is a stranger there', () => {
  it("Pat (tenant A's commissioner and an admin) writing from tenant B keeps her tenant, and is no admin there", async () => {
    // As an admin of B she could have made Eve B's commissioner, or taken Bob off it.
    expect(await sayB(pat, 'assign Commissioner to Eve Hart')).toBe(STRANGER);
    expect(await sayB(pat, 'unassign Commissioner from Bob Barker')).toBe(STRANGER);
    expect(await holders(TENANT_B, 'Commissioner')).toEqual([bob.aadObjectId]);
    // Nothing of hers in A is read or changed from B: lists, settings, her last answer, her imports.
    expect(await say(pat, 'WOR-1.3 delayed to 30 Dec 2011 because the printer moved')).toContain('Saved');
    for (const text of ["what's overdue?", 'my settings', 'stop', 'undo', 'undo import', 'who am I?']) expect(await sayB(pat, text)).toBe(STRANGER);
    expect(await statusOf('sb-wor-2011', 'sb-wor-2011-1.3')).toBe('delayed');
    expect((await bot.store.settings.get(pat.aadObjectId))?.pausedUntil ?? null).toBeNull();
    // Her record, and her standing in A, are as they were.
    expect(await bot.store.people.get(pat.aadObjectId)).toMatchObject({ tenantId: testTenantId, reachable: true });
    expect(await say(sue, 'who is JCM?')).toBe('JCM: Pat Lee');
    expect(await say(pat, 'assign SMLO to Nia Owen')).toBe('Nia Owen now holds SMLO.');
    expect(await say(pat, 'unassign SMLO from Nia Owen')).toBe('Nia Owen no longer holds SMLO.');
  });

  it('her removing the app in tenant B leaves her reachable in A, and her personal chat of A is kept', async () => {
    const before = await bot.store.people.conversationOf(pat.aadObjectId);
    expect((await bot.post(installationUpdate(inB(), pat, 'remove'))).status).toBeLessThan(300);
    expect((await bot.post(installationUpdate(inB(), pat, 'add'))).status).toBeLessThan(300);
    expect(await bot.store.people.get(pat.aadObjectId)).toMatchObject({ tenantId: testTenantId, reachable: true });
    expect(await bot.store.people.conversationOf(pat.aadObjectId)).toEqual(before);
  });

  it('"who is JCM" and "status WOR-1.1" from tenant B name nobody of tenant A', async () => {
    const who = await sayB(bob, 'who is JCM?');
    expect(who).not.toContain('Pat Lee');
    const status = await sayB(bob, 'status WOR-1.1');
    expect(status).not.toMatch(/clinical governance|Sam Patel|Worcestershire/);
    expect(await sayB(eve, 'status WOR-1.1')).not.toMatch(/clinical governance|Sam Patel/);
    expect(await sayB(pat, 'status WOR-1.1')).not.toMatch(/clinical governance|Sam Patel/);
  });

  it('a message whose conversation names one tenant and channelData another is ignored', async () => {
    const activity = message(inB(), pat, 'assign SMLO to Eve Hart');
    const forged = { ...activity, conversation: { ...activity.conversation!, tenantId: testTenantId } };
    expect((await bot.post(forged)).status).toBeLessThan(300);
    expect(repliesTo(forged)).toBe('');
    const other = message(bot.origin, bob, 'status WOR-1.1');
    const forged2 = { ...other, conversation: { ...other.conversation!, tenantId: TENANT_B } };
    expect((await bot.post(forged2)).status).toBeLessThan(300);
    expect(repliesTo(forged2)).toBe('');
    expect(await holders(testTenantId, 'SMLO')).toEqual([sam.aadObjectId]);
  });
});

describe('cards pressed by the wrong people, with the wrong ids, or twice', () => {
  const card = async (planId: string, actionId: string) => {
    const stored = (await bot.store.actions.get(planId, actionId))!;
    return { planId, actionId, occurrence: stored.progress.occurrence ?? '', dueDate: stored.progress.dueDate ?? '', version: stored.etag };
  };

  it("another tenant's person pressing an old card of tenant A changes nothing", async () => {
    const data = await card('sb-wor-2011', 'sb-wor-2011-1.1');
    for (const who of [bob, eve]) {
      const answer = await pressAs(who, 'done', data, TENANT_B);
      expect(answer).not.toMatch(/Saved|clinical governance|Sam Patel/);
    }
    // Pat from tenant B, the plan's commissioner at home: nothing there either.
    expect(await pressAs(pat, 'done', data, TENANT_B)).not.toContain('Saved');
    expect(await statusOf('sb-wor-2011', 'sb-wor-2011-1.1')).toBe('open');
    expect(await bot.store.actions.history('sb-wor-2011', 'sb-wor-2011-1.1')).toEqual([]);
  });

  it("a card answer whose planId or actionId was changed to another plan's is refused", async () => {
    const mine = await card('sb-wor-2011', 'sb-wor-2011-1.1');
    const other = await card('sb-pet-2011', 'sb-pet-2011-2.1');
    expect(await pressAs(sam, 'done', { ...mine, planId: other.planId, actionId: other.actionId, version: other.version })).not.toContain('Saved');
    expect(await pressAs(sam, 'done', { ...mine, planId: other.planId })).not.toContain('Saved');
    const theirs = await card('sb-oth-2011', 'sb-oth-2011-9.1');
    expect(await pressAs(sam, 'done', theirs)).not.toContain('Saved');
    expect(await statusOf('sb-pet-2011', 'sb-pet-2011-2.1')).toBe('open');
    expect(await statusOf('sb-oth-2011', 'sb-oth-2011-9.1')).toBe('open');
  });

  it('the same activity sent twice (done by a card, delayed typed) is acted on once and answered the same', async () => {
    const typed = message(bot.origin, sam, 'WOR-1.1 delayed to 30 Nov 2011 because the auditor left');
    expect((await bot.post(typed)).status).toBeLessThan(300);
    expect((await bot.post(typed)).status).toBeLessThan(300);
    const history = await bot.store.actions.history('sb-wor-2011', 'sb-wor-2011-1.1');
    expect(history.map((c) => c.to)).toEqual(['delayed']);
    const press = cardAction(bot.origin, sam, 'done', await card('sb-wor-2011', 'sb-wor-2011-1.1'));
    const first = await bot.post(press);
    const second = await bot.post(press);
    expect(second.body).toEqual(first.body);
    expect((await bot.store.actions.history('sb-wor-2011', 'sb-wor-2011-1.1')).map((c) => c.to)).toEqual(['delayed', 'done']);
  });
});

describe("Reassign on the chat digest's button", () => {
  it("refuses another plan's lead role and another tenant's people", async () => {
    for (const day of ['2011-09-01', '2011-09-08', '2011-09-15']) await bot.sweep(`${day}T08:00:00Z`);
    bot.clock.set('2011-09-15T10:00:00Z');
    const digest = cardsTo(bot, sue).map(cardOf).filter((c) => JSON.stringify(c).includes('escalation.reassign')).at(-1);
    expect(digest).toBeDefined();
    const record = (await bot.store.digests.ofPerson(sue.aadObjectId, 10)).find((d) => d.key.startsWith('escalation|'));
    const lineOf = (actionId: string): number => record?.lines.findIndex((l) => l.actionId === actionId) ?? -1;
    const jcm = lineOf('sb-pet-2011-2.2');
    const housing = lineOf('sb-pet-2011-2.1');
    expect(jcm).toBeGreaterThanOrEqual(0);
    expect(housing).toBeGreaterThanOrEqual(0);
    const lead = answerText(await pressDigest(bot, sue, digest, 'escalation.reassign', jcm, { [`person${jcm}`]: 'Nia Owen' }));
    expect(lead).toContain("Only Worcestershire SMAT's commissioner (JCM: Pat Lee) or an admin (Pat Lee) can hand on JCM.");
    const stranger = answerText(await pressDigest(bot, sue, digest, 'escalation.reassign', housing, { [`person${housing}`]: 'Eve Hart' }));
    expect(stranger).toContain('I do not know anyone called "Eve Hart"');
    expect(await holders(testTenantId, 'JCM')).toEqual([pat.aadObjectId]);
    expect(await holders(testTenantId, 'Housing Officer')).toEqual([]);
    expect(await holders(TENANT_B, 'Housing Officer')).toEqual([]);
    // Tenant B's commissioner pressing Sue's digest: not his.
    const press = cardAction(inB(), bob, 'escalation.reassign', { d: record?.key, i: housing, [`person${housing}`]: 'Bob Barker' });
    const res = await bot.post(press);
    expect(JSON.stringify(res.body)).toContain('that digest is not yours');
    expect(await holders(TENANT_B, 'Housing Officer')).toEqual([]);
    // The path works: a person of her own tenant takes a role of her own plan.
    const given = answerText(await pressDigest(bot, sue, digest, 'escalation.reassign', housing, { [`person${housing}`]: 'Nia Owen' }));
    expect(given).toContain('Reassigned to Nia Owen by Sue Brown');
  });
});

describe('Pat writing from tenant B reaches nothing of hers through her own cards and digests', () => {
  it('her digest buttons pressed from tenant B change nothing', async () => {
    const record = (await bot.store.digests.ofPerson(pat.aadObjectId, 10)).find((d) => d.key.startsWith('escalation|'));
    expect(record).toBeDefined();
    const i = record!.lines.findIndex((l) => l.actionId === 'sb-wor-2011-1.2');
    expect(i).toBeGreaterThanOrEqual(0);
    const before = await bot.store.actions.history('sb-wor-2011', 'sb-wor-2011-1.2');
    const answer = await pressAs(pat, 'escalation.close', { d: record!.key, i }, TENANT_B);
    expect(answer).not.toContain('Closed by');
    expect(await bot.store.actions.history('sb-wor-2011', 'sb-wor-2011-1.2')).toEqual(before);
  });
});

describe("the dashboard, as tenant B's people, for tenant A's plan", () => {
  const get = async (path: string, as: TeamsPerson): Promise<{ status: number; text: string }> => {
    const res = await fetch(`${bot.runtime.server.url}/dashboard/${path}${path.includes('?') ? '&' : '?'}as=${as.aadObjectId}`);
    return { status: res.status, text: await res.text() };
  };

  it('shows, exports and escalates nothing of it', async () => {
    const A = /clinical governance|Worcestershire|Peterborough|Pat Lee|Sam Patel|Sue Brown/;
    for (const who of [bob, eve]) {
      const data = await get('data.json?plan=sb-wor-2011', who);
      expect(data.text).not.toMatch(A);
      expect((await get('actions.csv?plan=sb-wor-2011', who)).text).not.toMatch(A);
      const history = await get('history.json?plan=sb-wor-2011&action=sb-wor-2011-1.1', who);
      expect(history.status).toBe(404);
      expect((await get('report?plan=sb-wor-2011&format=docx', who)).status).toBe(404);
    }
    // The path works: Pat, at home, sees her plan.
    expect((await get('data.json', pat)).text).toContain('Worcestershire');
  });
});
