// Roles belong to a tenant. Tenant B's commissioner types "assign SMLO to Eve Hart" and "assign Housing
// Officer to Eve Hart"; tenant A's people see only their own tenant's holders on every path that names
// people: lists and cards, status, "who is", "roles", "my actions", the sweep's digests and escalations,
// the dashboard's JSON and its CSV. A role nobody in A holds (Housing Officer) stays uncovered in A.
// Over real HTTP, Teams-shaped, both tenants talking to one bot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storePlan } from '../../src/app/importPlans.ts';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { cardsTo, meet } from '../support/cardPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';
import { installationUpdate, message, testTenantId, type TeamsPerson } from '../support/teamsActivity.ts';

const TENANT_B = '0b0b0b0b-0000-4000-8000-0000000000bb';
// Tenant A.
const jane = { aadObjectId: 'e1000000-0000-4000-8000-000000000001', name: 'Jane Smith' }; // Commissioner
const sam = { aadObjectId: 'e1000000-0000-4000-8000-000000000002', name: 'Sam Patel' }; // SMLO
// Tenant B.
const bob = { aadObjectId: 'e1000000-0000-4000-8000-0000000000b1', name: 'Bob Barker' }; // Commissioner
const eve = { aadObjectId: 'e1000000-0000-4000-8000-0000000000b2', name: 'Eve Hart' }; // given SMLO and Housing Officer in chat

const ours = handMadePlan('tr-ours-2011', 'Testshire DAT', planYear2011, [
  { ref: '1.1', text: 'Agree the needle exchange audit', owners: ['SMLO'], due: '2011-09-01' },
  { ref: '1.2', text: 'Open the housing advice clinic', owners: ['Housing Officer'], due: '2011-09-02' },
]);
const theirs = handMadePlan('tr-theirs-2011', 'Otherborough DAAT', planYear2011, [
  { ref: '9.1', text: 'Train the other pharmacists', owners: ['SMLO'], due: '2011-09-01' },
  { ref: '9.2', text: 'Publish the other directory', owners: ['Housing Officer'], due: '2011-09-05' },
]);
const OUR_TEXTS = ['Agree the needle exchange audit', 'Open the housing advice clinic'];
const THEIR_TEXTS = ['Train the other pharmacists', 'Publish the other directory'];

let bot: BotHarness;
const inB = () => ({ ...bot.origin, tenantId: TENANT_B });

async function say(who: TeamsPerson, text: string, tenantId?: string): Promise<string> {
  const activity = message(tenantId ? { ...bot.origin, tenantId } : bot.origin, who, text);
  const res = await bot.post(activity);
  expect(res.status).toBeLessThan(300);
  return bot.connector.calls.filter((c) => c.replyToId === activity.id && c.status < 300).map(textOf).join('\n');
}
const sayB = (who: TeamsPerson, text: string) => say(who, text, TENANT_B);

beforeAll(async () => {
  bot = await startBotHarness('sectenantroles', '2011-08-01T09:00:00Z');
  await bot.importPlan(ours);
  await storePlan(bot.runtime.services, theirs, TENANT_B);
  await meet(bot, jane, 'Commissioner');
  await meet(bot, sam, 'SMLO');
  for (const person of [bob, eve]) expect((await bot.post(installationUpdate(inB(), person, 'add'))).status).toBeLessThan(300);
  await bot.store.roles.assign(TENANT_B, 'Commissioner', bob.aadObjectId, { id: 'test', name: 'test setup' }, '2011-08-01T09:00:00Z');
  // Tenant B's commissioner gives Eve the roles, in chat, as the issue tells it.
  expect(await sayB(bob, 'assign SMLO to Eve Hart')).toBe('Eve Hart now holds SMLO.');
  expect(await sayB(bob, 'assign Housing Officer to Eve Hart')).toBe('Eve Hart now holds Housing Officer.');
  bot.clock.set('2011-09-12T09:00:00Z');
}, 60_000);
afterAll(async () => bot?.close());

describe("tenant B's assignments name nobody in tenant A", () => {
  it('the store keeps them in tenant B only', async () => {
    expect(await bot.store.roles.holders(testTenantId, 'SMLO')).toEqual([sam.aadObjectId]);
    expect(await bot.store.roles.holders(TENANT_B, 'SMLO')).toEqual([eve.aadObjectId]);
    expect(await bot.store.roles.holders(testTenantId, 'Housing Officer')).toEqual([]);
  });

  it("the overdue list (its cards' owners) names only A's holders; Housing Officer is nobody yet", async () => {
    const text = await say(jane, "what's overdue?");
    expect(text).toContain('Agree the needle exchange audit');
    expect(text).toContain('SMLO (Sam Patel)');
    expect(text).toContain('Housing Officer (nobody yet)');
    expect(text).not.toContain('Eve Hart');
    for (const t of THEIR_TEXTS) expect(text).not.toContain(t);
  });

  it('status of one action names only A\'s holders', async () => {
    const text = await say(jane, 'status TES-1.1');
    expect(text).toContain('Sam Patel');
    expect(text).not.toContain('Eve Hart');
    const unheld = await say(jane, 'status TES-1.2');
    expect(unheld).toContain('nobody');
    expect(unheld).not.toContain('Eve Hart');
  });

  it('"who is" and "roles" answer per tenant; a role held only in B is unheld in A', async () => {
    expect(await say(jane, 'who is SMLO?')).toBe('SMLO: Sam Patel');
    expect(await say(jane, 'who is Housing Officer?')).toContain('Nobody holds Housing Officer yet');
    const roles = await say(jane, 'roles');
    expect(roles).not.toContain('Eve Hart');
    expect(roles).toContain('**Housing Officer** (1 action; TES): _nobody_');
    expect(await say(jane, 'roles nobody holds')).toContain('Housing Officer');
    expect(await sayB(bob, 'who is SMLO?')).toBe('SMLO: Eve Hart');
    expect(await sayB(bob, 'roles nobody holds')).toBe('Every role in your plans is held by someone.');
  });

  it('"my actions" of a holder in B lists only B\'s plan, and Sam\'s only A\'s', async () => {
    const eves = await sayB(eve, 'my actions');
    for (const t of THEIR_TEXTS) expect(eves).toContain(t);
    for (const t of OUR_TEXTS) expect(eves).not.toContain(t);
    const sams = await say(sam, 'my actions');
    expect(sams).toContain('Agree the needle exchange audit');
    for (const t of [...THEIR_TEXTS, 'Open the housing advice clinic', 'Eve Hart']) expect(sams).not.toContain(t);
  });

  it("the sweep's digests and escalations reach and name only each plan's own tenant", async () => {
    // The due days (owners' reminders) and a week on (the commissioners' escalations).
    for (const day of ['2011-09-01', '2011-09-02', '2011-09-05', '2011-09-12']) await bot.sweep(`${day}T08:00:00Z`);
    bot.clock.set('2011-09-12T09:00:00Z');
    const to = (p: TeamsPerson): string => cardsTo(bot, p).map(textOf).join('\n');
    expect(to(sam)).toContain('Agree the needle exchange audit');
    expect(to(eve)).toContain('Train the other pharmacists');
    for (const t of OUR_TEXTS) expect(to(eve)).not.toContain(t);
    for (const t of THEIR_TEXTS) expect(to(sam)).not.toContain(t);
    // The commissioners' escalations: each names only their own tenant's people.
    expect(to(jane)).toContain('Open the housing advice clinic');
    for (const name of ['Eve Hart', 'Bob Barker']) expect(to(jane)).not.toContain(name);
    for (const t of OUR_TEXTS) expect(to(bob)).not.toContain(t);
    expect(to(bob)).not.toContain('Sam Patel');
  });

  it("the dashboard's JSON and CSV name only each plan's tenant's holders", async () => {
    const get = async (path: string, as?: TeamsPerson): Promise<Response> => fetch(`${bot.runtime.server.url}/dashboard/${path}${as ? `?as=${as.aadObjectId}` : ''}`);
    const owners = async (as?: TeamsPerson) => {
      const view = (await (await get('data.json', as)).json()) as { plans: { id: string; overdue: { ref: string; owners: { role: string; people: string[] }[] }[] }[] };
      return Object.fromEntries(view.plans.flatMap((p) => p.overdue.map((a) => [`${p.id} ${a.ref}`, a.owners])));
    };
    expect(await owners(jane)).toEqual({
      'tr-ours-2011 1.1': [{ role: 'SMLO', people: ['Sam Patel'] }],
      'tr-ours-2011 1.2': [{ role: 'Housing Officer', people: [] }],
    });
    expect(await owners(bob)).toEqual({
      'tr-theirs-2011 9.1': [{ role: 'SMLO', people: ['Eve Hart'] }],
      'tr-theirs-2011 9.2': [{ role: 'Housing Officer', people: ['Eve Hart'] }],
    });
    // The local operator sees both plans, each with its own tenant's people.
    expect(await owners()).toMatchObject({ 'tr-ours-2011 1.1': [{ role: 'SMLO', people: ['Sam Patel'] }], 'tr-theirs-2011 9.1': [{ role: 'SMLO', people: ['Eve Hart'] }] });
    const csv = await (await get('actions.csv', jane)).text();
    expect(csv).toContain('SMLO (Sam Patel)');
    expect(csv).toContain('Housing Officer (nobody yet)');
    expect(csv).not.toContain('Eve Hart');
    const theirCsv = await (await get('actions.csv', bob)).text();
    expect(theirCsv).toContain('SMLO (Eve Hart)');
    expect(theirCsv).not.toContain('Sam Patel');
  });

  it("B's commissioner cannot take A's holder off a role, nor give B's role to A's people", async () => {
    expect(await sayB(bob, 'unassign SMLO from Sam Patel')).toContain('I don\'t know anyone called "Sam Patel"');
    expect(await sayB(bob, 'assign SMLO to Sam Patel')).toContain('I don\'t know anyone called "Sam Patel"');
    expect(await bot.store.roles.holders(testTenantId, 'SMLO')).toEqual([sam.aadObjectId]);
    expect(await bot.store.roles.holders(TENANT_B, 'SMLO')).toEqual([eve.aadObjectId]);
  });

  it("B's commissioner grants nothing in A: cover, Reassign, lead role and merge stay in B", async () => {
    expect(await sayB(bob, 'Sam Patel covers SMLO until 20 Dec')).toContain('I don\'t know anyone called "Sam Patel"');
    expect(await sayB(bob, 'lead role for TES is SMLO')).toContain('I don\'t know a plan "TES" of yours');
    // The dashboard's Reassign on A's action: not a plan B's commissioner can see.
    const press = await fetch(`${bot.runtime.server.url}/dashboard/escalate?as=${bob.aadObjectId}`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ verb: 'reassign', planId: 'tr-ours-2011', actionId: 'tr-ours-2011-1.2', who: 'Eve Hart' }),
    });
    expect(press.status).toBe(404);
    expect(await bot.store.roles.holders(testTenantId, 'Housing Officer')).toEqual([]);
    // A merge in B rewrites B's plan and B's holders only.
    expect(await sayB(bob, 'roles merge SMLO into Housing Officer')).toContain('Merged "SMLO" into "Housing Officer": Otherborough DAAT (1 action); 1 assignment moved.');
    expect((await bot.store.actions.get('tr-ours-2011', 'tr-ours-2011-1.1'))?.action.owners).toEqual(['SMLO']);
    expect(await bot.store.roles.holders(testTenantId, 'SMLO')).toEqual([sam.aadObjectId]);
    expect(await bot.store.roles.holders(TENANT_B, 'SMLO')).toEqual([]);
    expect(await bot.store.roles.holders(TENANT_B, 'Housing Officer')).toEqual([eve.aadObjectId]);
    expect(await say(jane, 'who is SMLO?')).toBe('SMLO: Sam Patel');
  });
});
