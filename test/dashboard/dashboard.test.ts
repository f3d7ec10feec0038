// The commissioner's dashboard, mounted on the bot's own server as a deployment would, and served by
// the local chat: counts per plan and grid, overdue oldest first, the timeline, history and the CSV.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storePlan } from '../../src/app/importPlans.ts';
import type { DashboardView } from '../../src/dashboard/dashboardData.ts';
import type { ActionChange } from '../../src/domain/progress.ts';
import { jane, monday, pageApi, robin, sam, scriptText, startChatDemo, tenantId, testshirePlan, type ChatDemo } from '../localChat/fixture.ts';

let demo: ChatDemo | undefined;
let bot = '';

/** A plan whose words a spreadsheet would take for formulas. */
function formulaPlan() {
  const base = testshirePlan();
  const first = base.actions[0]!;
  return {
    ...base,
    id: 'formula-2025',
    partnership: '=cmd|"/c calc"!A1',
    actions: [{ ...first, id: 'act-f', ref: '9.9', text: '=HYPERLINK("http://evil.example","click")\nsecond line, with "quotes"' }],
  };
}

/** Reads RFC 4180 CSV (quoted cells with doubled quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  return rows;
}

const view = async (base: string): Promise<DashboardView> => (await fetch(`${base}/dashboard/data.json`)).json() as Promise<DashboardView>;
const testshire = (v: DashboardView) => v.plans.find((p) => p.id === 'testshire-2025')!;

beforeAll(async () => {
  // The runtime mounts the dashboard on the bot's own port; in local mode nobody picked sees everything.
  demo = await startChatDemo('dashboard');
  bot = demo.runtime.server.url;
  await storePlan(demo.runtime.services, formulaPlan(), tenantId);
});
afterAll(async () => demo?.close());

describe("the commissioner's dashboard", () => {
  it('counts each plan and grid as of the bot’s today, and lists overdue actions oldest first with owners', async () => {
    const v = await view(bot);
    expect(v.today).toBe(monday);
    const plan = testshire(v);
    expect(plan.total).toEqual({ done: 0, onTrack: 1, dueSoon: 1, overdue: 2, blocked: 0, noDate: 0, total: 4 });
    expect(plan.grids.map((g) => [g.number, g.counts.dueSoon, g.counts.overdue, g.counts.onTrack])).toEqual([[1, 1, 1, 0], [2, 0, 1, 1]]);
    expect(plan.overdue.map((a) => [a.ref, a.daysLate])).toEqual([['2.2', 33], ['1.2', 28]]);
    expect(plan.overdue[1]?.text).toBe(scriptText);
    expect(plan.overdue[1]?.owners).toEqual([{ role: 'SMLO', people: ['Sam Patel'] }, { role: 'SMO', people: [robin.name] }]);
  });

  it('draws the plan year month by month, each action in the month it is due', async () => {
    const { timeline } = testshire(await view(bot));
    expect(timeline.months).toHaveLength(12);
    expect(timeline.months[0]).toMatchObject({ month: '2025-04', label: 'Apr 2025', total: 1, byStatus: { overdue: 1 } });
    expect(timeline.months.filter((m) => m.total > 0).map((m) => m.month)).toEqual(['2025-04', '2025-05', '2025-06', '2025-09']);
    expect(timeline.outside).toBe(0);
  });

  it('moves a count when an owner answers, and keeps the answer in the action’s history', async () => {
    await pageApi(demo!.chat, '/api/say', { personId: sam.id, text: 'done 1.1' });
    const plan = testshire(await view(bot));
    expect(plan.total).toMatchObject({ done: 1, dueSoon: 0, overdue: 2 });
    expect(plan.actions.find((a) => a.ref === '1.1')?.lastAnswer).toBe('Mon 2 Jun 2025, Sam Patel');
    const history = (await (await fetch(`${bot}/dashboard/history.json?plan=testshire-2025&action=act-1-1`)).json()) as ActionChange[];
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ by: { name: 'Sam Patel' }, via: 'typed', to: 'done' });
  });

  it('exports one CSV row per action with status, days late and history, safe to open in a spreadsheet', async () => {
    const res = await fetch(`${bot}/dashboard/actions.csv`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="actions-2025-06-02.csv"');
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['Plan', 'Grid', 'Ref', 'Action', 'Owners', 'Due', 'Status', 'Days late', 'Last answer', 'History', 'Code', 'Latest note']);
    // The code people type in chat is its own column, last so spreadsheets built on the others still work.
    expect(rows.slice(1).map((r) => r[10])).toEqual(expect.arrayContaining(['TES-1.1', 'TES-1.2']));
    expect(rows).toHaveLength(1 + 4 + 1);
    const byRef = new Map(rows.slice(1).map((r) => [r[2], r]));
    expect(byRef.get('1.1')).toEqual(expect.arrayContaining(['Testshire Partnership', '1: Treatment', 'Agree the needs assessment', 'SMLO (Sam Patel)', 'done']));
    expect(byRef.get('1.1')?.[9]).toMatch(/^Mon 2 Jun 2025 Sam Patel: done/);
    expect(byRef.get('1.2')?.slice(3, 8)).toEqual([scriptText, `SMLO (Sam Patel); SMO (${robin.name})`, 'Mon 5 May 2025', 'overdue by 28 days', '28']);
    expect(byRef.get('2.1')?.[4]).toBe('Commissioner (Jane Smith)');
    const formula = byRef.get('9.9')!;
    expect(formula[0]).toBe(`'=cmd|"/c calc"!A1`);
    expect(formula[3]).toBe(`'=HYPERLINK("http://evil.example","click")\nsecond line, with "quotes"`);
  });

  it('serves its page with a strict content policy (framed only by Teams), and is the same from the local chat', async () => {
    const page = await fetch(`${bot}/dashboard`);
    expect(await page.text()).toContain('<title>Plan dashboard');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain('frame-ancestors \'self\' https://teams.microsoft.com');
    expect((await fetch(`${bot}/dashboard/assets/dashboard.js`)).status).toBe(200);
    expect((await fetch(`${bot}/dashboard/data.json`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${demo!.chat.url}/dashboard/data.json`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${bot}/dashboard/vendor/teams.js`)).status).toBe(200);
    expect((await fetch(`${bot}/dashboard/vendor/../../package.json`)).status).toBe(404);
    expect(testshire(await view(demo!.chat.url)).total).toEqual(testshire(await view(bot)).total);
  });
});

describe('in local mode, the viewer is the person picked in the local chat', () => {
  const asPerson = (id: string, path: string, init: RequestInit = {}) => fetch(`${bot}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-viewer': id } });
  const chase = (id: string) => asPerson(id, '/dashboard/escalate', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ verb: 'chase', planId: 'testshire-2025', actionId: 'act-2-2' }),
  });

  it('an owner sees the plans they hold a role in; someone not in the demo, or a host name not this machine’s, is refused', async () => {
    const asSam = (await (await asPerson(sam.id, '/dashboard/data.json')).json()) as { viewer: string; plans: { id: string; canEscalate: boolean }[] };
    expect(asSam.viewer).toBe('Sam Patel');
    expect(asSam.plans.map((p) => [p.id, p.canEscalate]).sort()).toEqual([['formula-2025', false], ['testshire-2025', false]]);
    expect((await fetch(`${bot}/dashboard/data.json?as=${sam.id}`)).status).toBe(200);
    expect((await asPerson('not-a-person', '/dashboard/data.json')).status).toBe(401);
    const rebound = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${bot}/dashboard/data.json`);
      request({ host: url.hostname, port: url.port, path: url.pathname, headers: { host: 'attacker.example:80' } }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject).end();
    });
    // The bot's port refuses a host name not this machine's before the dashboard sees it.
    expect(rebound).toBe(403);
  });

  it('filters by grid, owner and status narrow the lists and the figures alike', async () => {
    const v = (await (await fetch(`${bot}/dashboard/data.json?plan=testshire-2025&grid=1&owner=smo&status=overdue`)).json()) as { plans: { id: string; total: { total: number; overdue: number }; grids: { number: number }[]; narrowed: boolean; planTotal: number; matching: number; actions: { ref: string }[] }[] };
    expect(v.plans.map((p) => p.id)).toEqual(['testshire-2025']);
    expect(v.plans[0]).toMatchObject({ total: { total: 1, overdue: 1 }, narrowed: true, planTotal: 4, matching: 1 });
    expect(v.plans[0]?.grids.map((g) => g.number)).toEqual([1]);
    expect(v.plans[0]?.actions.map((a) => a.ref)).toEqual(['1.2']);
  });

  it('the commissioner chases the owners of a late action: a reminder in their chat, a line in the history; an owner may not', async () => {
    expect((await chase(sam.id)).status).toBe(403);
    const res = await chase(jane.id);
    expect(await res.json()).toEqual({ message: `Chased ${robin.name}.` });
    const history = (await (await fetch(`${bot}/dashboard/history.json?plan=testshire-2025&action=act-2-2`)).json()) as ActionChange[];
    // The same entry the escalation digest's Chase leaves.
    expect(history.at(-1)).toMatchObject({ by: { name: 'Jane Smith' }, via: 'button', summary: `chased: ${robin.name} reminded` });
    expect((await asPerson(jane.id, '/dashboard/escalate', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' })).status).toBe(415);
  });

  it('the commissioner reassigns an action to a person by name: they take its roles, and the history says so as the digest would', async () => {
    const reassign = (id: string, who: string) => asPerson(id, '/dashboard/escalate', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ verb: 'reassign', planId: 'testshire-2025', actionId: 'act-1-1', who }),
    });
    expect((await reassign(sam.id, robin.name)).status).toBe(403);
    const nobody = await reassign(jane.id, 'Nobody Atall');
    expect(nobody.status).toBe(409);
    expect(((await nobody.json()) as { error: string }).error).toContain('I do not know anyone called "Nobody Atall"');
    expect((await reassign(jane.id, '')).status).toBe(400);
    const res = await reassign(jane.id, robin.name);
    expect(res.status).toBe(200);
    const { message } = (await res.json()) as { message: string };
    expect(message.startsWith(`${robin.name} now holds `) && message.endsWith(' and will be reminded.')).toBe(true);
    const history = (await (await fetch(`${bot}/dashboard/history.json?plan=testshire-2025&action=act-1-1`)).json()) as ActionChange[];
    expect(history.at(-1)).toMatchObject({ by: { name: 'Jane Smith' }, via: 'button' });
    expect(history.at(-1)?.summary.startsWith(`reassigned to ${robin.name} (now holds `)).toBe(true);
    const row = testshire(await view(bot)).actions.find((a) => a.actionId === 'act-1-1');
    expect(row?.owners.every((o) => o.people.includes(robin.name))).toBe(true);
  });
});
