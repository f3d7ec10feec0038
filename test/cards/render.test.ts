import { describe, expect, it } from 'vitest';
import { renderCard, cardNames, reminderInputs } from '../../src/cards/render.ts';
import type { ActionCardFields, CardData } from '../../src/cards/models.ts';
import { cardProblems } from './cardCheck.ts';

const action: ActionCardFields = {
  planId: 'isle-of-wight-dat-2011',
  partnership: 'Isle of Wight Drug and Alcohol Action Team',
  gridNumber: 2,
  gridTitle: 'Access and engagement in treatment',
  objective: 'Increase the number of drug users in effective treatment',
  ref: '2.1.3',
  text: 'Review the needs assessment with the SMLO and agree the treatment plan',
  actionId: 'a-2-1-3',
  version: 'W/"datetime\'2011-09-23T09%3A00%3A00Z\'"',
  occurrence: '2011-09-30',
  dueDate: '2011-09-30',
  dueLabel: 'Fri 30 Sep 2011',
  dueDistance: 'in 7 days',
  statusLabel: 'Open',
  owners: [{ role: 'SMLO', people: 'Sam Jones' }, { role: 'DAT Co-ordinator', people: 'nobody yet' }],
};

const digestLine = { n: 0, digest: 'owner|p1|2011-10-03', ref: '2.1.3', text: 'Review the needs assessment', partnership: 'Isle of Wight DAT', dueLabel: 'Fri 30 Sep 2011 · 3 days late', outcome: '', outcomeColor: 'Default' as const, note: '' };
const paging = { digest: 'owner|p1|2011-10-03', page: 0, nextPage: 1, more: 4 };

const samples: CardData = {
  reminder: { ...action, kind: 'upcoming' },
  answered: { ...action, answer: 'delayed', statusLabel: 'Delayed', answeredBy: 'Sam Jones', answeredAt: 'Mon 26 Sep 2011 09:12', reason: 'Provider data late', newDueLabel: 'Mon 31 Oct 2011' },
  digest: {
    title: "What's overdue",
    countLabel: '3 actions',
    groups: [
      { heading: 'Grid 2: Access and engagement', items: [
        { ref: '2.1.3', text: 'Review the needs assessment…', dueLabel: 'Fri 30 Sep 2011', dueDistance: '3 days late', owners: 'SMLO: Sam Jones', seen: '' },
        { ref: '', text: 'Agree the treatment plan', dueLabel: 'Sat 1 Oct 2011', dueDistance: '2 days late', owners: 'SMLO: Sam Jones', seen: '' },
      ] },
      { heading: 'Grid 3: Young people', items: [
        { ref: '3.2', text: 'Train school staff', dueLabel: 'Thu 1 Sep 2011', dueDistance: '32 days late', owners: 'YP lead: nobody yet', seen: 'not opened' },
      ] },
    ],
    more: 4,
    emptyText: 'Nothing is overdue.',
  },
  list: {
    title: 'Overdue in Isle of Wight DAT, grid 2: 41 actions', countLabel: 'showing 1–2',
    groups: [{ heading: 'Grid 2: Access and engagement', items: [{ ref: 'IW-2.1.3', text: 'Review the needs assessment…', dueLabel: 'Fri 30 Sep 2011', dueDistance: '3 days late', owners: 'SMLO: Sam Jones', seen: '' }] }],
    more: 39, moreLabel: '39 more: press Show more, or type "more".', emptyText: 'Nothing is overdue.',
    query: JSON.stringify({ list: 'overdue', filter: { plan: 'IW', grid: 2 } }), offset: 2, notice: 'On leave: Alex Jones until Mon 3 Oct 2011',
  },
  question: { title: 'Please confirm', message: 'Mark PB-14 *Develop the user involvement strategy* as done?', facts: [], choices: [{ title: 'Yes', choice: 'yes', asked: '2011-10-03T09:00:00.000Z' }, { title: 'No', choice: 'no', asked: '2011-10-03T09:00:00.000Z' }] },
  escalation: { ...action, headline: '21 days late', dueDistance: '21 days late', reason: null },
  unheldRoles: { countLabel: '2 roles', roles: [{ role: 'SMLO', actions: 12, plans: 'Isle of Wight DAT' }, { role: 'YOT', actions: 1, plans: 'Barnet DAAT' }], hint: 'An admin can assign a role: "assign SMLO to Sam Jones".' },
  confirmation: { title: 'Marked done', message: '2.1.3 is done. Thank you.', tone: 'good', facts: [{ title: 'Next due', value: 'Fri 30 Dec 2011' }] },
  welcome: { personName: 'Sam', botName: 'actionbot', commands: [{ example: "what's overdue", summary: 'Actions past their date' }, { example: 'my actions', summary: 'What you own' }] },
  status: { ...action, statusLabel: 'Blocked', reason: 'Waiting for the PCT', note: 'Met the provider (Sam Jones, Mon 26 Sep 2011)', history: [{ at: 'Mon 26 Sep 2011', by: 'Sam Jones', summary: 'blocked: Waiting for the PCT' }], seen: 'seen Mon 26 Sep 2011 09:14' },
  summary: {
    title: 'Plan summary',
    asOf: 'as of Mon 3 Oct 2011',
    plans: [{
      partnership: 'Isle of Wight DAT', periodLabel: '2011/12',
      total: { label: 'All grids', done: 10, onTrack: 20, dueSoon: 3, overdue: 4, blocked: 1, noDate: 2 },
      grids: [{ label: 'Grid 1: Young people', done: 4, onTrack: 8, dueSoon: 1, overdue: 2, blocked: 0, noDate: 1 }, { label: 'Grid 2: Access', done: 6, onTrack: 12, dueSoon: 2, overdue: 2, blocked: 1, noDate: 1 }],
    }],
  },
  importPreview: {
    title: 'Import somerset-plan.docx?', partnership: 'Somerset DAAT', periodLabel: '2012/13', notices: [], actionsLabel: '12 actions in 2 grids',
    byWhenLabel: 'date 8, recurring 2, ongoing 1, as-required 1', grids: [{ label: 'Grid 1: Commissioning (7 actions)' }],
    leadRoleLabel: 'whoever holds JCM (the plan\'s commissioning lead title with most actions): Jane Smith',
    rolesHeading: 'Roles (2 new)', roles: [{ label: 'DAAT Commissioner: 2 actions (new)' }], hasRevision: true,
    revisionHeading: 'Changes to the stored plan', changes: [{ label: '~ 1.2.2 by when: October 2012 → November 2012' }],
    warningsHeading: 'Warnings (1)', warnings: [{ label: 'line 1: no plan period above the table' }], moreLabel: '', token: 'b7c1',
  },
  importOutcome: { title: 'Plan imported', imported: true, message: 'Imported Somerset DAAT 2012/13: 12 actions.', byLine: 'Jane Smith, Mon 3 Oct 2011 09:12' },
  ownerDigest: {
    ...paging, title: 'Your actions for Mon 3 Oct 2011', countLabel: '2 actions: 1 overdue, 1 due today', hint: 'Answer each one here.',
    sections: [
      { title: 'Overdue', count: 1, color: 'Attention', lines: [digestLine] },
      { title: 'Due today', count: 1, color: 'Warning', lines: [{ ...digestLine, n: 1, ref: '', outcome: 'Done by Sam Jones, Mon 3 Oct 2011 09:12', outcomeColor: 'Good' }] },
    ],
  },
  escalationDigest: {
    ...paging, page: 1, title: 'Needs your attention', countLabel: '1 escalation for Mon 3 Oct 2011', own: 'Also yours today: 2 actions: 1 overdue, 1 due today (below these).', notes: ['Sam Jones has not opened the reminders of Thu 29 Sep 2011 (3 actions).'],
    sections: [{ title: 'Late', count: 1, color: 'Attention', lines: [{ ...digestLine, why: '21 days late', seen: 'owners: not opened', chase: true }] }],
  },
  briefing: {
    title: 'Weekly briefing', asOf: 'Mon 3 Oct 2011',
    plans: [{ partnership: 'Isle of Wight DAT', counts: '40 actions: 12 open, 3 delayed, 2 blocked, 23 done; 5 overdue', changes: 'Since last week: 4 done', grids: [{ rag: 'Red', color: 'Attention', label: 'Grid 1: Young people — 2 overdue' }], oldest: ['2.1.3 Review the needs assessment: 21 days late'] }],
    onLeave: 'Sam Jones until Tue 4 Oct 2011', unreachable: 'nobody', unheld: '1 role: YOT (1 action)',
  },
};

function texts(card: object): string[] {
  const found: string[] = [];
  JSON.stringify(card, (key, value: unknown) => {
    if ((key === 'text' || key === 'value' || key === 'title') && typeof value === 'string') found.push(value);
    return value;
  });
  return found;
}

describe('card templates', () => {
  it.each(cardNames)('the %s card is a valid Adaptive Card 1.5 for Teams', (name) => {
    expect(cardProblems(renderCard(name, samples[name]))).toEqual([]);
  });

  // Words are escaped after templating, so Markdown written in a template would show as "\*\*" in Teams.
  it.each(cardNames)('the %s card shows no escaped Markdown of its own template', (name) => {
    expect(JSON.stringify(renderCard(name, samples[name]))).not.toMatch(/\\\\\*\\\\\*/);
  });

  it('the check itself catches a 1.6 element, a duplicate input id and a binding left unexpanded', () => {
    const bad = { type: 'AdaptiveCard', version: '1.5', body: [
      { type: 'Carousel', pages: [] },
      { type: 'Input.Text', id: 'reason', label: 'Why', isRequired: true, errorMessage: 'x' },
      { type: 'Input.Text', id: 'reason', label: 'Why', isRequired: true, errorMessage: 'x' },
      { type: 'TextBlock', text: '${missing}' },
    ] };
    const problems = cardProblems(bad).join('\n');
    expect(problems).toMatch(/Carousel/);
    expect(problems).toMatch(/duplicate input id reason/);
    expect(problems).toMatch(/unexpanded binding/);
  });

  it("the SMLO's upcoming reminder shows the plan, grid, due date and owners, with Done, Delayed and Blocked", () => {
    const card = renderCard('reminder', samples.reminder);
    const words = texts(card);
    expect(words).toContain('Coming up: due in 7 days');
    expect(words).toContain('Grid 2: Access and engagement in treatment');
    expect(words).toContain('2.1.3  Review the needs assessment with the SMLO and agree the treatment plan');
    expect(words).toContain('Fri 30 Sep 2011 (in 7 days)');
    expect(words).toEqual(expect.arrayContaining(['SMLO', 'Sam Jones', 'DAT Co-ordinator', 'nobody yet']));
    const json = JSON.stringify(card);
    for (const verb of ['done', 'delayed', 'blocked']) expect(json).toContain(`"verb":"${verb}"`);
    expect(json).toContain('"data":{"planId":"isle-of-wight-dat-2011","actionId":"a-2-1-3","occurrence":"2011-09-30","dueDate":"2011-09-30","version":');
    for (const id of Object.values(reminderInputs)) expect(json).toContain(`"id":"${id}"`);
  });

  it('an overdue reminder says how late it is and an undated action sends an empty occurrence', () => {
    const card = renderCard('reminder', { ...samples.reminder, kind: 'overdue', dueDistance: '3 days late', occurrence: null, objective: null });
    const words = texts(card);
    expect(words).toContain('Overdue: 3 days late');
    expect(words.some((w) => w.startsWith('Objective'))).toBe(false);
    expect(JSON.stringify(card)).toContain('"occurrence":""');
    expect(cardProblems(card)).toEqual([]);
  });

  it('an answered card has no buttons left and says who answered', () => {
    const card = renderCard('answered', samples.answered) as { actions?: unknown };
    expect(card.actions).toBeUndefined();
    expect(texts(card)).toEqual(expect.arrayContaining(['Delayed to Mon 31 Oct 2011', 'Sam Jones, Mon 26 Sep 2011 09:12', 'Provider data late']));
  });

  it('a digest lists each action under its group and says how many were left off', () => {
    const words = texts(renderCard('digest', samples.digest));
    expect(words).toEqual(expect.arrayContaining(['Grid 2: Access and engagement', 'Grid 3: Young people', '3.2  Train school staff', 'Agree the treatment plan', '32 days late', 'and 4 more']));
    const empty = texts(renderCard('digest', { ...samples.digest, groups: [], more: 0, countLabel: '0 actions' }));
    expect(empty).toContain('Nothing is overdue.');
    expect(empty.some((w) => w.includes('more'))).toBe(false);
  });

  it("text from a plan stays text: '<script>' and '${x}' reach the card literally", () => {
    const hostile = 'Run <script>alert(1)</script> for ${planId} and @{x} ${if(true, 1, 2)}';
    const card = renderCard('reminder', { ...samples.reminder, ref: null, text: hostile, owners: [{ role: '${role}', people: '${people}' }] });
    const words = texts(card);
    // Bound literally, with "<" and ">" escaped so a Markdown renderer cannot read them as an autolink.
    expect(words).toContain('Run \\<script\\>alert(1)\\</script\\> for ${planId} and @{x} ${if(true, 1, 2)}');
    expect(words).toEqual(expect.arrayContaining(['${role}', '${people}']));
    const problems = cardProblems(card).filter((p) => !p.includes('unexpanded binding'));
    expect(problems).toEqual([]);
  });

  it('a digest line has Done, Delayed, Blocked and Snooze with inputs named after the line; an answered line has none', () => {
    const card = renderCard('ownerDigest', samples.ownerDigest);
    const json = JSON.stringify(card);
    for (const verb of ['digest.done', 'digest.delayed', 'digest.blocked', 'digest.snooze']) expect(json.split(`"verb":"${verb}"`).length - 1).toBe(verb === 'digest.snooze' ? 6 : 2); // each with its Action.Submit fallback
    for (const id of ['newDate0', 'reason0', 'blocked0', 'snooze0']) expect(json).toContain(`"id":"${id}"`);
    expect(texts(card)).toEqual(expect.arrayContaining(['Overdue (1)', 'Done by Sam Jones, Mon 3 Oct 2011 09:12', 'Show the other 4']));
    const escalation = JSON.stringify(renderCard('escalationDigest', samples.escalationDigest));
    for (const verb of ['escalation.chase', 'escalation.reassign', 'escalation.accept', 'escalation.close']) expect(escalation).toContain(`"verb":"${verb}"`);
    expect(escalation).toContain('Back to the most urgent');
  });

  it('Markdown in a plan\'s words or a reason is shown as typed: no link, no bold, no list', () => {
    const card = renderCard('status', { ...samples.status, text: '[Sign in](https://example.com) **now**', reason: '- _see_ #2', history: [], seen: '' });
    const words = texts(card);
    expect(words.some((w) => w.includes('\\[Sign in\\](https://example.com) \\*\\*now\\*\\*'))).toBe(true);
    expect(JSON.stringify(card)).not.toMatch(/(?<!\\)\]\(https/);
  });

  it('summary counts are written as text', () => {
    const words = texts(renderCard('summary', samples.summary));
    expect(words).toEqual(expect.arrayContaining(['Isle of Wight DAT (2011/12)', 'Grid 2: Access', 'All grids', '20', '12']));
  });
});
