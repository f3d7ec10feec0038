// Issue 18 sharp edge: the dashboard's history speaks in UK dates ("delayed to Mon 30 Jun 2025"), not ISO.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionChange } from '../../src/domain/progress.ts';
import { pageApi, sam, startChatDemo, type ChatDemo } from '../localChat/fixture.ts';

let demo: ChatDemo | undefined;
beforeAll(async () => { demo = await startChatDemo('historyWords'); });
afterAll(async () => demo?.close());

describe("the dashboard's history of an action", () => {
  it('writes its dates as people read them', async () => {
    await pageApi(demo!.chat, '/api/say', { personId: sam.id, text: 'delayed 1.1 to 30 June because the venue fell through' });
    const history = (await (await fetch(`${demo!.runtime.server.url}/dashboard/history.json?plan=testshire-2025&action=act-1-1`)).json()) as ActionChange[];
    expect(history.at(-1)?.summary).toContain('Mon 30 Jun 2025');
    expect(history.map((c) => c.summary).join('\n')).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  });
});
