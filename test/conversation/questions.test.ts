// Questions answered with figures, over real HTTP on the five seed plans: each kind, the follow-ups, and
// unknown names. Every expected number is counted here from the stored actions, not by the evaluator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.ts';
import type { PlanSummary, StoredAction } from '../../src/domain/ports.ts';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness.ts';
import { meet } from '../support/cardPress.ts';
import { demo, person, seedPlans } from '../support/seedWorld.ts';

const TODAY = '2008-11-24';
const jane = person('Jane Smith');
const sam = person('Sam Patel');
let bot: BotHarness;
let plans: PlanSummary[];
let actions: StoredAction[];

const fresh = async (): Promise<StoredAction[]> => (await Promise.all(plans.map((p) => bot.store.actions.listPlanActions(p.id)))).flat();
const planOf = (code: string): PlanSummary => plans.find((p) => p.code === code || (code === 'PB' && p.partnership.includes('Peterborough'))) as PlanSummary;
const inPlan = (code: string) => (a: StoredAction): boolean => a.planId === planOf(code).id;
const overdue = (a: StoredAction): boolean => (a.progress.status === 'open' || a.progress.status === 'delayed') && a.progress.dueDate !== null && a.progress.dueDate < TODAY;
const pct = (n: number, total: number): number => (total === 0 ? 0 : Math.round((n / total) * 100));

beforeAll(async () => {
  bot = await startBotHarness('convquestions', `${TODAY}T10:00:00Z`);
  for (const plan of seedPlans()) await bot.importPlan(plan);
  for (const p of demo.people) await meet(bot, { aadObjectId: p.id, name: p.name }, ...p.roles);
  plans = await bot.store.plans.listPlans();
  actions = await fresh();
}, 120_000);
afterAll(async () => bot?.close());

/** What the bot answered, as text; every reply stays under Teams' 25 KB. */
const ask = async (who: typeof jane, text: string): Promise<string> => {
  const calls = await bot.say(who, text);
  for (const c of calls) expect(Buffer.byteLength(JSON.stringify(c.body))).toBeLessThan(25_000);
  return calls.map(textOf).join('\n');
};

describe('counts', () => {
  it('"how many actions are running late in Worcestershire?" counts WOR\'s overdue actions', async () => {
    const wor = actions.filter(inPlan('WOR'));
    const late = wor.filter(overdue).length;
    expect(late).toBeGreaterThan(0);
    const reply = await ask(jane, 'how many actions are running late in Worcestershire?');
    expect(reply).toContain(`${late} actions overdue in Worcestershire SMAT`);
    expect(reply).toContain(`${pct(late, wor.length)}% of the ${wor.length} actions`);
  });

  it('"how many actions are there in total?" counts every action the commissioner can see', async () => {
    expect(await ask(jane, 'how many actions are there in total?')).toContain(`${actions.length} actions`);
  });

  it('an owner counts only the plans that name a role they hold', async () => {
    const roles = new Set((demo.people.find((p) => p.name === 'Sam Patel')?.roles ?? []).map((r) => r.toLowerCase()));
    const seen = plans.filter((p) => p.roles.some((r) => roles.has(r.name.toLowerCase())));
    expect(seen.length).toBeLessThan(plans.length);
    const n = actions.filter((a) => seen.some((p) => p.id === a.planId)).length;
    expect(await ask(sam, 'how many actions are there in total?')).toContain(`${n} actions`);
  });

  it('"what\'s due in Q4?" and "what\'s due before Christmas?" list what falls due then', async () => {
    const due = (from: string, to: string): number => actions.filter((a) => (a.progress.status === 'open' || a.progress.status === 'delayed') && a.progress.dueDate !== null && a.progress.dueDate >= from && a.progress.dueDate <= to).length;
    const q4 = due('2009-01-01', '2009-03-31');
    const christmas = due(TODAY, '2008-12-24');
    const q4Reply = await ask(jane, "what's due in Q4?");
    expect(q4Reply).toContain('Due in Q4 2008/09');
    expect(q4Reply).toContain(q4 === 0 ? 'Nothing falls due' : `${q4}`);
    expect(await ask(jane, 'how many actions are due before Christmas?')).toContain(`${christmas} actions due before Christmas`);
  });

  it('"what\'s more than 3 months overdue?" counts those due before three months ago', async () => {
    const cutoff = '2008-08-24'; // three months before 24 November
    const n = actions.filter((a) => overdue(a) && (a.progress.dueDate ?? '') < cutoff).length;
    expect(await ask(jane, "what's more than 3 months overdue?")).toContain(`${n} action${n === 1 ? '' : 's'} more than 3 months overdue`);
  });
});

describe('progress, comparisons and rankings', () => {
  beforeAll(async () => {
    // Three Bedfordshire actions done, so progress is not zero.
    const open = actions.filter(inPlan('BED')).filter((a) => a.progress.status === 'open' && a.action.code).slice(0, 3);
    for (const a of open) await ask(jane, `done ${a.action.code}`);
    actions = await fresh();
  });

  it('"what percentage of the Bedfordshire plan is complete?" is its done share', async () => {
    const bed = actions.filter(inPlan('BED'));
    const done = bed.filter((a) => a.progress.status === 'done').length;
    expect(done).toBeGreaterThanOrEqual(3);
    const reply = await ask(jane, 'what percentage of the Bedfordshire plan is complete?');
    expect(reply).toContain(`${pct(done, bed.length)}% complete in Bedfordshire`);
    expect(reply).toContain(`${done} of ${bed.length} done`);
  });

  it('"how are we getting on with Peterborough?" gives Peterborough\'s share done, per grid', async () => {
    const pb = actions.filter(inPlan('PB'));
    const done = pb.filter((a) => a.progress.status === 'done').length;
    const reply = await ask(jane, 'how are we getting on with Peterborough?');
    expect(reply).toContain(`${pct(done, pb.length)}% complete in Safer Peterborough Partnership`);
    expect(reply).toContain('Grid 1');
  });

  it('"compare Bedfordshire and Worcestershire" puts both side by side', async () => {
    const reply = await ask(jane, 'compare Bedfordshire and Worcestershire');
    for (const code of ['BED', 'WOR']) {
      const mine = actions.filter(inPlan(code));
      expect(reply).toContain(`${mine.filter((a) => a.progress.status === 'done').length} of ${mine.length} done`);
      expect(reply).toContain(`${mine.filter(overdue).length} overdue`);
    }
  });

  it('"which partnership is doing worst?" names the plan with the largest share overdue or blocked', async () => {
    const share = (p: PlanSummary): number => {
      const mine = actions.filter((a) => a.planId === p.id);
      return pct(mine.filter((a) => overdue(a) || a.progress.status === 'blocked').length, mine.length);
    };
    const doneShare = (p: PlanSummary): number => pct(actions.filter((a) => a.planId === p.id && a.progress.status === 'done').length, actions.filter((a) => a.planId === p.id).length);
    const worst = [...plans].sort((a, b) => share(b) - share(a) || doneShare(a) - doneShare(b) || a.code.localeCompare(b.code))[0] as PlanSummary;
    expect(await ask(jane, 'which partnership is doing worst?')).toContain(`Doing worst: ${worst.partnership}`);
  });
});

describe('history and people', () => {
  it('"what\'s changed since last week?" lists the answers given since', async () => {
    bot.clock.set(`${addDays(TODAY, 1)}T09:00:00Z`);
    const reply = await ask(jane, "what's changed since last week?");
    expect(reply).toContain('3 changes to 3 actions since');
    expect(reply).toContain('done 3');
    bot.clock.set(`${TODAY}T10:00:00Z`);
  });

  it('"what is Alex Jones working on?" counts what his roles own that is overdue or blocked, oldest first', async () => {
    const roles = new Set((demo.people.find((p) => p.name === 'Alex Jones')?.roles ?? []).map((r) => r.toLowerCase()));
    const open = actions.filter((a) => a.progress.status !== 'done' && a.action.owners.some((o) => roles.has(o.toLowerCase())));
    expect(open.length).toBeGreaterThan(0);
    const reply = await ask(jane, 'what is Alex Jones working on?');
    expect(reply).toContain(`Alex Jones's work: ${open.filter(overdue).length} overdue, ${open.filter((a) => a.progress.status === 'blocked').length} blocked`);
    const byDue = (a: StoredAction, b: StoredAction): number => (a.progress.dueDate ?? '').localeCompare(b.progress.dueDate ?? '');
    const first = open.filter(overdue).sort(byDue)[0] ?? open.filter((a) => (a.progress.dueDate ?? '') >= TODAY).sort(byDue)[0];
    expect(reply).toContain(first?.action.text.slice(0, 30));
  });

  it('"who hasn\'t replied to their reminders?" counts overdue actions nobody answered since they fell due', async () => {
    const silent = actions.filter(overdue).filter((a) => (a.progress.updatedAt ?? '').slice(0, 10) < (a.progress.dueDate ?? ''));
    expect(await ask(jane, "who hasn't replied to their reminders?")).toContain(`not answered about ${silent.length} actions overdue`);
  });
});

describe('follow-ups and unknown names', () => {
  it('"and for Bedfordshire?" then "just grid 2" change one part of the last question', async () => {
    await ask(jane, 'how many actions are running late in Worcestershire?');
    const bed = actions.filter(inPlan('BED'));
    expect(await ask(jane, 'and for Bedfordshire?')).toContain(`${bed.filter(overdue).length} actions overdue in Bedfordshire`);
    const grid2 = bed.filter((a) => a.action.grid === 2);
    const reply = await ask(jane, 'just grid 2');
    expect(reply).toContain(`${grid2.filter(overdue).length} actions overdue in Bedfordshire, grid 2`);
    expect(reply).toContain(`of the ${grid2.length} actions`);
  });

  it('a follow-up to a list runs the list again for the new plan', async () => {
    await ask(jane, "what's overdue in Worcestershire?");
    const reply = await ask(jane, 'what about Peterborough?');
    expect(reply).toContain('Overdue in Safer Peterborough Partnership');
  });

  it('a follow-up with nothing asked before says how to ask', async () => {
    expect(await ask(person('Priya Shah'), 'and for Bedfordshire?')).toContain('There is no question to follow up yet');
  });

  it('an unknown plan, grid, person or role is named as unknown, with what exists', async () => {
    const plan = await ask(jane, 'how many actions are overdue in Narnia?');
    expect(plan).toContain('No plan you can see is called "Narnia"');
    expect(plan).toContain('Bedfordshire (BED)');
    expect(await ask(jane, 'what percentage of grid 9 is complete?')).toContain('No plan you can see has a grid 9');
    const who = await ask(jane, 'what is Bob Smith working on?');
    expect(who).toContain('I don\'t know anyone called "Bob Smith"');
    expect(who).toContain('Alex Jones');
    expect(await ask(jane, 'compare Bedfordshire and Narnia')).toContain('No plan you can see is called "Narnia"');
  });
});
