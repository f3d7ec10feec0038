// The store contract against a real Azurite, plus what only the table store has to get right.
import { describe, expect, inject, it } from 'vitest';
import { TableClient } from '@azure/data-tables';
import { openTableStore } from '../../src/store/tableStore.ts';
import { storeContract } from './contract.ts';
import { action, plan, startOf } from './fixtures.ts';

const connectionString = inject('tablesConnectionString');
const PREFIX = 'ts';

describe('the Azure Table store (Azurite)', () => {
  storeContract((name) => openTableStore(connectionString, `${PREFIX}${name}`), (name) => {
    // Role rows as written before roles had tenants: PartitionKey the role as compared, no tenantId.
    const roles = TableClient.fromConnectionString(connectionString, `${PREFIX}${name}Roles`, { allowInsecureConnection: true });
    return {
      writeOldRole: async (_name, role, personId) => {
        await roles.upsertEntity({ partitionKey: role.trim().toLowerCase(), rowKey: personId, role, personId, assignedBy: 'aad-old', assignedAt: '2008-01-01T09:00:00Z' });
      },
      oldRoleRows: async () => {
        let count = 0;
        for await (const row of roles.listEntities()) if (typeof row.tenantId !== 'string') count += 1;
        return count;
      },
    };
  });

  it('keeps the due index in tables of their own, one per month', async () => {
    const store = await openTableStore(connectionString, `${PREFIX}months`);
    await store.plans.savePlan(plan('p', [action('a1', '1', 'One', ['SMO'], '2008-09-11'), action('a2', '2', 'Two', ['SMO'], '2009-01-02')]), startOf('2008-11-24'), '2008-11-24T09:00:00Z');
    const sept = TableClient.fromConnectionString(connectionString, `${PREFIX}monthsDue200809`, { allowInsecureConnection: true });
    const rows = [];
    for await (const row of sept.listEntities()) rows.push(row.rowKey);
    expect(rows).toEqual(['2008-09-11|p|a1']);
  });

  it('trusts the action row when the due index is stale, and tidies the index', async () => {
    const store = await openTableStore(connectionString, `${PREFIX}stale`);
    await store.plans.savePlan(plan('p', [action('a1', '1', 'One', ['SMO'], '2008-09-11')]), startOf('2008-11-24'), '2008-11-24T09:00:00Z');
    const sept = TableClient.fromConnectionString(connectionString, `${PREFIX}staleDue200809`, { allowInsecureConnection: true });
    // A pointer left behind by a crashed update, and the action row written since: it is due on the 11th, not the 1st.
    await sept.upsertEntity({ partitionKey: 'p|0000', rowKey: '2008-09-01|p|a1', planId: 'p', actionId: 'a1', buckets: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const actions = TableClient.fromConnectionString(connectionString, `${PREFIX}staleActions`, { allowInsecureConnection: true });
    await actions.updateEntity({ partitionKey: 'p|0000', rowKey: 'a1' }, 'Merge');
    expect((await store.actions.dueBy('2008-11-24')).map((s) => s.progress.dueDate)).toEqual(['2008-09-11']);
    const left = [];
    for await (const row of sept.listEntities()) left.push(row.rowKey);
    expect(left).toEqual(['2008-09-11|p|a1']);
  });

  it('keeps plan and action ids with characters Azure forbids in keys', async () => {
    const store = await openTableStore(connectionString, `${PREFIX}keys`);
    const id = 'wight/2008#draft?~1\\x|y';
    await store.plans.savePlan(plan(id, [action('1.1/a#?', '1', 'One', ['SMO'], '2008-09-11')]), startOf('2008-11-24'), '2008-11-24T09:00:00Z');
    expect((await store.actions.get(id, '1.1/a#?'))?.action.id).toBe('1.1/a#?');
    expect((await store.actions.dueBy('2008-11-24')).map((s) => s.planId)).toEqual([id]);
    expect((await store.plans.listPlans()).map((p) => p.id)).toEqual([id]);
    const reminder = `${id}|1.1/a#?|2008-09-11|due|aad\n`;
    expect(await store.reminders.claim(reminder, { planId: id, actionId: '1.1/a#?', audience: 'owners', personId: 'aad' }, '2008-09-11T08:00:00Z', 60_000)).toBe(true);
    expect(await store.reminders.claim(reminder, { planId: id, actionId: '1.1/a#?', audience: 'owners', personId: 'aad' }, '2008-09-11T08:00:01Z', 60_000)).toBe(false);
  });

  it('refuses a prefix Azure would not accept as a table name, without echoing the connection string', async () => {
    await expect(openTableStore(connectionString, 'bad-prefix')).rejects.toThrow(/letters and digits/);
    const failure = await openTableStore('AccountName=x;AccountKey=secretkey;TableEndpoint=nonsense', 'ok').catch((err: unknown) => err as Error);
    expect(String(failure)).not.toContain('secretkey');
  });
});
