// `actionbot roles`, run as the real command an admin types (a child process), against the test Azurite:
// assignments land in a tenant (--tenant, else the person's own), and the list shows each tenant apart.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { storePlan } from '../../src/app/importPlans.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import type { Store } from '../../src/domain/ports.ts';
import { handMadePlan, planYear2011 } from '../support/plans.ts';

const root = join(import.meta.dirname, '../..');
const PREFIX = 'clirolestenant';
const connectionString = inject('tablesConnectionString');
const A = 'a1a1a1a1-0000-4000-8000-0000000000aa';
const B = 'b2b2b2b2-0000-4000-8000-0000000000bb';
const sam = 'c3000000-0000-4000-8000-000000000001';
const eve = 'c3000000-0000-4000-8000-000000000002';
const ghost = 'c3000000-0000-4000-8000-000000000003';

function actionbot(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, AZURE_TABLES_CONNECTION_STRING: connectionString, TABLE_PREFIX: PREFIX, LOG_LEVEL: 'silent' };
    execFile('node', ['bin/actionbot.js', 'roles', ...args], { cwd: root, env }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

let store: Store;
beforeAll(async () => {
  store = await openTableStore(connectionString, PREFIX);
  const services = { store, settings: loadConfig({}), clock: { now: () => new Date('2011-08-01T09:00:00Z') }, logger: createLogger('silent') };
  await storePlan(services, handMadePlan('cli-a-2011', 'Testshire DAT', planYear2011, [{ ref: '1.1', text: 'Audit', owners: ['SMLO'], due: '2011-09-01' }]), A);
  await storePlan(services, handMadePlan('cli-b-2011', 'Otherborough DAAT', planYear2011, [{ ref: '9.1', text: 'Clinic', owners: ['SMLO'], due: '2011-09-01' }]), B);
  await store.people.save({ id: sam, tenantId: A, name: 'Sam Patel', reachable: true }, null);
  await store.people.save({ id: eve, tenantId: B, name: 'Eve Hart', reachable: true }, null);
}, 30_000);

describe('actionbot roles', () => {
  it('assigns in the person\'s own tenant, or the one named, and lists each tenant apart', async () => {
    expect((await actionbot('assign', 'SMLO', 'Sam Patel')).stdout).toContain(`assigned SMLO to Sam Patel (tenant ${A})`);
    expect((await actionbot('assign', 'SMLO', 'Eve Hart')).stdout).toContain(`assigned SMLO to Eve Hart (tenant ${B})`);
    expect(await store.roles.holders(A, 'SMLO')).toEqual([sam]);
    expect(await store.roles.holders(B, 'SMLO')).toEqual([eve]);
    // Someone who has not installed the bot, with plans of two tenants: which tenant must be said.
    const unsure = await actionbot('assign', 'SMLO', ghost);
    expect(unsure.code).not.toBe(0);
    expect(unsure.stderr).toContain('--tenant');
    expect((await actionbot('assign', 'SMLO', ghost, '--tenant', A)).code).toBe(0);
    expect(await store.roles.holders(A, 'SMLO')).toEqual([sam, ghost].sort());
    const listA = await actionbot('--tenant', A);
    expect(listA.stdout).toContain(`SMLO (1 actions): Sam Patel, ${ghost} (has not installed the bot yet)`);
    expect(listA.stdout).not.toContain('Eve Hart');
    const all = await actionbot();
    expect(all.stdout).toContain(`Tenant ${B}:\nSMLO (1 actions): Eve Hart`);
    expect((await actionbot('unassign', 'SMLO', ghost, '--tenant', B)).stdout).toContain(`${ghost} did not hold SMLO`);
    expect((await actionbot('unassign', 'SMLO', ghost, '--tenant', A)).code).toBe(0);
    expect(await store.roles.holders(A, 'SMLO')).toEqual([sam]);
  }, 180_000);
});
