// Authority follows the plan. One tenant runs two plans: Worcestershire (lead role JCM, Pat Lee) and
// Peterborough (lead role SPM-CC, Sue Brown). Sue may manage Peterborough's roles, never Worcestershire's:
// she cannot cover, assign, unassign, Reassign, merge or re-point Worcestershire's lead role JCM, nor a role
// only Worcestershire names, and each refusal says who can. An admin may; an admin of another tenant may
// not, even claiming this tenant. Over real HTTP, Teams-shaped, plus the dashboard's escalation button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storePlan } from '../../src/app/importPlans.ts';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';
import { installationUpdate, message, testTenantId, type TeamsPerson } from '../support/teamsActivity.ts';

const TENANT_B = '0c0c0c0c-0000-4000-8000-0000000000cc';
const pat = { aadObjectId: 'a7000000-0000-4000-8000-000000000001', name: 'Pat Lee' }; // JCM: Worcestershire's commissioner
const sue = { aadObjectId: 'a7000000-0000-4000-8000-000000000002', name: 'Sue Brown' }; // SPM-CC: Peterborough's commissioner
const sam = { aadObjectId: 'a7000000-0000-4000-8000-000000000003', name: 'Sam Patel' }; // SMLO (Worcestershire only)
const kim = { aadObjectId: 'a7000000-0000-4000-8000-000000000004', name: 'Kim Wu' }; // Housing Officer (Peterborough)
const nia = { aadObjectId: 'a7000000-0000-4000-8000-000000000005', name: 'Nia Owen' }; // no role
const ann = { aadObjectId: 'a7000000-0000-4000-8000-000000000006', name: 'Ann Admin' }; // admin of this tenant
const bea = { aadObjectId: 'a7000000-0000-4000-8000-0000000000b1', name: 'Bea Elsewhere' }; // admin of tenant B

const wor = handMadePlan('pa-wor-2011', 'Worcestershire SMAT', planYear2011, [
  { ref: '1.1', text: 'Complete the clinical governance self assessment', owners: ['SMLO'], due: '2011-09-01' },
  { ref: '1.2', text: 'Finalise the review documentation', owners: ['JCM'], due: '2011-09-01' },
  // Peterborough's commissioner contributes to Worcestershire: she sees this plan, and must not run it.
  { ref: '1.3', text: 'Share the cutting crime figures', owners: ['SPM-CC'], due: '2011-09-01' },
]);
const pet = handMadePlan('pa-pet-2011', 'Safer Peterborough Partnership', planYear2011, [
  { ref: '2.1', text: 'Agree the housing pathway', owners: ['Housing Officer'], due: '2011-09-01' },
  // An action of Peterborough owned by Worcestershire's lead role: Reassign must not hand JCM on.
  { ref: '2.2', text: 'Report to the joint commissioning group', owners: ['JCM'], due: '2011-09-01' },
  { ref: '2.3', text: 'Set the cutting crime targets', owners: ['SPM-CC'], due: '2011-09-01' },
]);

const WHO_RUNS_WOR = "Only Worcestershire SMAT's commissioner (JCM: Pat Lee) or an admin (Ann Admin)";

let bot: BotHarness;

async function say(who: TeamsPerson, text: string, tenantId?: string): Promise<string> {
  const activity = message(tenantId ? { ...bot.origin, tenantId } : bot.origin, who, text);
  expect((await bot.post(activity)).status).toBeLessThan(300);
  return bot.connector.calls.filter((c) => c.replyToId === activity.id && c.status < 300).map(textOf).join('\n');
}
const holders = async (role: string): Promise<string[]> => (await bot.store.roles.holders(testTenantId, role)).sort();
const leadOf = async (planId: string): Promise<string | null | undefined> => (await bot.store.plans.listPlans()).find((p) => p.id === planId)?.leadRole;

/** The dashboard's escalation button, pressed as `who` (local mode: the person picked). */
async function escalate(who: TeamsPerson, body: Record<string, string>): Promise<{ status: number; text: string }> {
  const res = await fetch(`${bot.runtime.server.url}/dashboard/escalate?as=${who.aadObjectId}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, text: await res.text() };
}

/** Nothing about Worcestershire's lead role or its holders moved. */
async function worcestershireIntact(): Promise<void> {
  expect(await holders('JCM')).toEqual([pat.aadObjectId]);
  expect(await holders('SMLO')).toEqual([sam.aadObjectId]);
  expect(await leadOf('pa-wor-2011')).toBe('JCM');
  expect(await leadOf('pa-pet-2011')).toBe('SPM-CC');
  expect((await bot.store.actions.get('pa-wor-2011', 'pa-wor-2011-1.1'))?.action.owners).toEqual(['SMLO']);
  expect((await bot.store.actions.get('pa-pet-2011', 'pa-pet-2011-2.2'))?.action.owners).toEqual(['JCM']);
}

beforeAll(async () => {
  bot = await startBotHarness('secplanauthority', '2011-08-01T09:00:00Z', { ADMINS: `${ann.aadObjectId},${bea.aadObjectId}` });
  await storePlan(bot.runtime.services, wor, testTenantId, 'JCM');
  await storePlan(bot.runtime.services, pet, testTenantId, 'SPM-CC');
  await meet(bot, pat, 'JCM');
  await meet(bot, sue, 'SPM-CC');
  await meet(bot, sam, 'SMLO');
  await meet(bot, kim, 'Housing Officer');
  await meet(bot, nia);
  await meet(bot, ann);
  expect((await bot.post(installationUpdate({ ...bot.origin, tenantId: TENANT_B }, bea, 'add'))).status).toBeLessThan(300);
  bot.clock.set('2011-09-12T09:00:00Z');
}, 60_000);
afterAll(async () => bot?.close());

describe("Peterborough's commissioner cannot take over Worcestershire", () => {
  it('"I\'ll cover JCM until 20 Dec" is refused, naming who can', async () => {
    expect(await say(sue, "I'll cover JCM until 20 Dec")).toContain(`${WHO_RUNS_WOR} can arrange cover for JCM. Nothing was changed.`);
    expect(await say(sue, 'Nia Owen covers JCM until 20 Dec')).toContain(`${WHO_RUNS_WOR} can arrange cover for JCM.`);
    expect(await say(sue, 'Nia Owen covers SMLO until 20 Dec')).toContain('Only Worcestershire SMAT\'s commissioner (JCM: Pat Lee), an admin (Ann Admin) or someone who holds SMLO can arrange cover for SMLO.');
    expect((await bot.store.settings.covers()).filter((c) => c.role === 'JCM' || c.role === 'SMLO')).toEqual([]);
    await worcestershireIntact();
  });

  it('assign and unassign of JCM, or of a role only Worcestershire names, are refused', async () => {
    expect(await say(sue, 'assign JCM to Sue Brown')).toBe(`${WHO_RUNS_WOR} can assign JCM. Nothing was changed.`);
    expect(await say(sue, 'assign jcm to Nia Owen')).toBe(`${WHO_RUNS_WOR} can assign JCM. Nothing was changed.`);
    expect(await say(sue, 'unassign JCM from Pat Lee')).toBe(`${WHO_RUNS_WOR} can unassign JCM. Nothing was changed.`);
    expect(await say(sue, 'assign SMLO to Nia Owen')).toBe(`${WHO_RUNS_WOR} can assign SMLO. Nothing was changed.`);
    expect(await say(sue, 'unassign SMLO from Sam Patel')).toBe(`${WHO_RUNS_WOR} can unassign SMLO. Nothing was changed.`);
    await worcestershireIntact();
  });

  it('"lead role for WOR is SPM-CC" is refused, naming who can', async () => {
    expect(await say(sue, 'lead role for WOR is SPM-CC')).toBe(`${WHO_RUNS_WOR} can change the lead role of WOR. Nothing was changed.`);
    await worcestershireIntact();
  });

  it('roles merge of JCM, or of a role Worcestershire names, is refused', async () => {
    expect(await say(sue, 'roles merge JCM into SPM-CC')).toBe(`${WHO_RUNS_WOR} can merge JCM into SPM-CC. Nothing was changed.`);
    expect(await say(sue, 'roles merge SPM-CC into JCM')).toBe(`${WHO_RUNS_WOR} can merge SPM-CC into JCM. Nothing was changed.`);
    expect(await say(sue, 'roles merge SMLO into Housing Officer')).toBe(`${WHO_RUNS_WOR} can merge SMLO into Housing Officer. Nothing was changed.`);
    await worcestershireIntact();
    expect(await holders('SPM-CC')).toEqual([sue.aadObjectId]);
  });

  it("Reassign never hands on Worcestershire's lead role, nor reaches Worcestershire's actions", async () => {
    // Her own plan's action owned by JCM: the escalation button refuses, naming who can.
    const own = await escalate(sue, { verb: 'reassign', planId: 'pa-pet-2011', actionId: 'pa-pet-2011-2.2', who: 'Nia Owen' });
    expect(own.status).toBeGreaterThanOrEqual(400);
    expect(own.text).toContain(`${WHO_RUNS_WOR} can hand on JCM.`);
    // Worcestershire's actions (she sees the plan through SPM-CC): not hers to reassign.
    for (const actionId of ['pa-wor-2011-1.1', 'pa-wor-2011-1.2', 'pa-wor-2011-1.3']) {
      const theirs = await escalate(sue, { verb: 'reassign', planId: 'pa-wor-2011', actionId, who: 'Nia Owen' });
      expect(theirs.status).toBe(403);
      expect(theirs.text).toContain("only the plan’s commissioner or an admin can do that: Worcestershire SMAT's commissioner (JCM: Pat Lee)");
    }
    await worcestershireIntact();
    expect(await holders('SPM-CC')).toEqual([sue.aadObjectId]);
    expect(await bot.store.actions.history('pa-pet-2011', 'pa-pet-2011-2.2')).toEqual([]);
  });

  it("another tenant's admin is no admin here", async () => {
    expect(await say(bea, 'assign JCM to Nia Owen', TENANT_B)).toBe('Only the commissioner or an admin of your plans can assign roles.');
    expect(await say(bea, 'unassign JCM from Pat Lee', TENANT_B)).toBe('Only the commissioner or an admin of your plans can assign roles.');
    expect(await say(bea, 'lead role for WOR is SPM-CC', TENANT_B)).not.toContain('is now commissioned');
    expect(await say(bea, "I'll cover JCM until 20 Dec", TENANT_B)).not.toContain('covers JCM until');
    expect(await say(bea, 'roles merge JCM into SPM-CC', TENANT_B)).not.toContain('Merged');
    await worcestershireIntact();
  });
});

describe('those who manage a plan still manage it', () => {
  it("Peterborough's commissioner manages Peterborough's roles", async () => {
    expect(await say(sue, 'assign SPM-CC to Nia Owen')).toBe('Nia Owen now holds SPM-CC.');
    expect(await say(sue, 'unassign SPM-CC from Nia Owen')).toBe('Nia Owen no longer holds SPM-CC.');
    expect(await say(sue, 'assign Housing Officer to Nia Owen')).toBe('Nia Owen now holds Housing Officer.');
    const reassigned = await escalate(sue, { verb: 'reassign', planId: 'pa-pet-2011', actionId: 'pa-pet-2011-2.1', who: 'Sam Patel' });
    expect(reassigned.text).toContain('Sam Patel now holds Housing Officer');
  });

  it("Worcestershire's commissioner arranges cover for JCM and may hand on its lead role", async () => {
    expect(await say(pat, 'Nia Owen covers JCM until 20 Dec')).toContain('Nia Owen covers JCM until');
    expect(await holders('JCM')).toEqual([pat.aadObjectId, nia.aadObjectId].sort());
    expect(await say(pat, 'lead role for WOR is SMLO')).toContain('WOR (Worcestershire SMAT) is now commissioned by whoever holds SMLO: Sam Patel');
    expect(await say(sam, 'lead role for WOR is JCM')).toContain('is now commissioned by whoever holds JCM');
  });

  it('an admin of the tenant may give any plan\'s lead role', async () => {
    expect(await say(ann, 'assign SPM-CC to Kim Wu')).toBe('Kim Wu now holds SPM-CC.');
    expect(await say(ann, 'unassign JCM from Nia Owen')).toBe('Nia Owen no longer holds JCM.');
    expect(await holders('JCM')).toEqual([pat.aadObjectId]);
  });
});
