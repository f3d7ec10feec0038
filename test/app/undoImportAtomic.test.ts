// "undo import" is refused while a newer import of the plan stands (it names who and when), and is all or
// nothing like any plan change: storage failing between its transactions leaves the newer version as it was.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Caller } from '../../src/app/caller.ts';
import { confirmImport, previewImport, undoImport } from '../../src/app/importPreview.ts';
import type { Services } from '../../src/app/services.ts';
import type { Store } from '../../src/domain/ports.ts';
import { readPlanBytes } from '../../src/import/readPlanBytes.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { portOf, startStorageProxy, type StorageProxy, type StorageRequest } from '../support/storageProxy.ts';

const connectionString = inject('tablesConnectionString');
const csvName = 'somerset-daat-plan-2012-13.csv';
const v1 = readFileSync(join(import.meta.dirname, '../fixtures/layouts', csvName), 'utf8');
const v2 = v1.replace('Issue the invitation to tender,October 2012', 'Issue the invitation to tender,November 2012');
const v3 = v2.replace(/^2\.1\.5,.*\r\n/m, '');
const settings = { LEAD_ROLE: 'Commissioner', ADMINS: [] } as unknown as Services['settings'];
const cat: Caller = { id: 'aad-cat', name: 'Cat Commissioner', tenantId: 'tenant-1', roles: ['Commissioner'], leads: ['somerset-daat-2012'], isLead: true, isAdmin: false };
const jane: Caller = { ...cat, id: 'aad-jane', name: 'Jane Smith' };
const isBatch = (req: StorageRequest): boolean => req.method === 'POST' && req.path.endsWith('/$batch');

let proxy: StorageProxy;
beforeAll(async () => { proxy = await startStorageProxy(portOf(connectionString)); });
afterAll(async () => proxy?.close());

async function importAs(services: Services, caller: Caller, text: string, at: string): Promise<void> {
  (services.clock as unknown as { at: string }).at = at;
  const answer = await previewImport(services, caller, { name: csvName, bytes: new Uint8Array(Buffer.from(text)) }, readPlanBytes);
  if (!('preview' in answer)) throw new Error(answer.message);
  expect((await confirmImport(services, caller, answer.preview.token)).message).toMatch(/^Imported/);
}

/** What readers see of the plan, ETags included. */
async function seen(store: Store) {
  const id = 'somerset-daat-2012';
  return Promise.all([store.plans.listPlans(), store.plans.getPlan(id), store.actions.listPlanActions(id), store.actions.tally(id), store.actions.dueBy('2013-12-31'), store.actions.ofRoles('tenant-1', ['DAAT Commissioner']), store.actions.findByRef('1.2.2')]);
}

describe('undo import', () => {
  it('is refused while a newer import stands, is all or nothing, and works in order once the newer one is undone', async () => {
    const store = await openTableStore(proxy.connectionString, 'undoAtomic');
    const clock = { at: '', now() { return new Date(this.at); } };
    const services = { store, clock, settings } as unknown as Services;
    await importAs(services, cat, v1, '2012-05-10T09:00:00Z');
    await importAs(services, cat, v2, '2012-05-10T10:30:00Z');
    await importAs(services, jane, v3, '2012-05-10T13:02:00Z');
    const code = (await store.plans.listPlans())[0]?.code;

    // Cat's import is older than Jane's: undoing it would throw Jane's away.
    clock.at = '2012-05-10T13:10:00Z';
    const before = await seen(await openTableStore(connectionString, 'undoAtomic'));
    expect((await undoImport(services, cat)).message).toBe(`${code} was imported again at 14:02 by Jane Smith after this import; undo that one first. Nothing was changed.`);
    expect(await seen(await openTableStore(connectionString, 'undoAtomic'))).toEqual(before);

    // Jane's undo fails from its second transaction on: every reader still sees her version.
    let count = 0;
    proxy.cut((req) => isBatch(req) && ++count >= 2);
    try {
      await expect(undoImport(services, jane)).rejects.toThrow();
    } finally {
      proxy.heal();
    }
    expect(count).toBeGreaterThanOrEqual(2);
    expect(await seen(await openTableStore(connectionString, 'undoAtomic'))).toEqual(before);

    // Asked again, it is done; then Cat's, which puts the plan back to its first version.
    expect((await undoImport(services, jane)).message).toBe('Undone: somerset-daat-2012: 11 kept (0 changed), 1 added, 0 removed.');
    expect((await store.plans.getPlan('somerset-daat-2012'))?.actions.find((a) => a.ref === '1.2.2')?.byWhenRaw).toBe('November 2012');
    expect((await undoImport(services, cat)).message).toMatch(/^Undone: somerset-daat-2012: 12 kept \(1 changed\)/);
    const back = await store.plans.getPlan('somerset-daat-2012');
    expect(back?.actions).toHaveLength(12);
    expect(back?.actions.find((a) => a.ref === '1.2.2')?.byWhenRaw).toBe('October 2012');
  });
});
