// The tab's "seen …" / "not opened" beside each overdue action is read alongside the actions, from the due
// index's marks. A mark written before marks carried owners cannot start its read early: its label comes
// once the action is read, so every overdue row of a commissioner's view still has one.
import { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DashboardView } from '../../src/dashboard/dashboardData.ts';
import { jane, robin, sam, startChatDemo, type ChatDemo } from '../localChat/fixture.ts';

const PREFIX = 'seenearly';
let demo: ChatDemo;

beforeAll(async () => { demo = await startChatDemo(PREFIX); });
afterAll(async () => demo?.close());

const viewAs = async (personId: string): Promise<DashboardView> =>
  (await fetch(`${demo.runtime.server.url}/dashboard/data.json`, { headers: { 'x-viewer': personId } })).json() as Promise<DashboardView>;

describe('seen labels on the tab', () => {
  it('every overdue row of the commissioner has one, a mark without owners included; an owner gets none', async () => {
    const day = '2025-06-02';
    const key = `owner|${robin.id}|${day}`;
    await demo.store.digests.recordSent({
      key, kind: 'owner', personId: robin.id, day, notes: [], activityId: 'a1', conversationId: 'c1', sentAt: `${day}T08:00:00Z`, seenAt: null,
      lines: [{ planId: 'testshire-2025', actionId: 'act-2-2', occurrence: null, dueDate: '2025-04-30', section: 'overdue', ref: '2.2', text: 'x', partnership: 'Testshire' }],
    });
    await demo.store.digests.markSeen(key, `${day}T08:14:00Z`);
    // act-2-2's mark as an older bot wrote it: no grid, no owners.
    const due = TableClient.fromConnectionString(inject('tablesConnectionString'), `${PREFIX}Due202504`, { allowInsecureConnection: true });
    let stripped = 0;
    for await (const mark of due.listEntities<Record<string, unknown>>()) {
      if (mark.actionId !== 'act-2-2') continue;
      await due.upsertEntity({ partitionKey: mark.partitionKey as string, rowKey: mark.rowKey as string, planId: mark.planId, actionId: mark.actionId, buckets: mark.buckets }, 'Replace');
      stripped += 1;
    }
    expect(stripped).toBe(1);

    const plan = (await viewAs(jane.id)).plans.find((p) => p.id === 'testshire-2025');
    const labels = new Map(plan?.overdue.map((r) => [r.actionId, r.seen]));
    expect(labels.size).toBeGreaterThan(1);
    expect(labels.get('act-2-2')).toBe('seen Mon 2 Jun 2025 09:14');
    expect(new Set([...labels].filter(([id]) => id !== 'act-2-2').map(([, seen]) => seen))).toEqual(new Set(['not opened']));

    const owners = (await viewAs(sam.id)).plans.find((p) => p.id === 'testshire-2025');
    expect(owners?.overdue.length).toBeGreaterThan(0);
    expect(owners?.overdue.every((r) => r.seen === undefined)).toBe(true);
  });
});
