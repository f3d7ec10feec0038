/* global document, fetch */
// The commissioner's dashboard: draws /dashboard/data.json. Every piece of plan or people text goes in
// through text nodes (never innerHTML), so a plan that contains markup shows it as text.

const COLUMNS = [
  ['done', 'Done'], ['onTrack', 'On track'], ['dueSoon', 'Due soon'], ['overdue', 'Overdue'],
  ['blocked', 'Blocked'], ['noDate', 'No date'], ['total', 'Total'],
];
const STATUSES = ['done', 'on track', 'due soon', 'overdue', 'blocked'];
const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' });

/** An element with attributes and children (strings become text nodes). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return node;
}

function ownersText(owners) {
  return owners.map((o) => `${o.role} (${o.people.length ? o.people.join(', ') : 'nobody yet'})`).join('; ');
}

function countsTable(plan) {
  const head = el('tr', {}, el('th', { scope: 'col' }, 'Grid'), COLUMNS.map(([, label]) => el('th', { scope: 'col' }, label)));
  const row = (key, label, counts) => el('tr', { 'data-grid': key },
    el('th', { scope: 'row' }, label),
    COLUMNS.map(([field]) => el('td', { 'data-count': field, class: counts[field] > 0 ? `n ${field}` : 'n' }, counts[field])));
  return el('table', { class: 'counts' },
    el('thead', {}, head),
    el('tbody', {}, plan.grids.map((g) => row(String(g.number), `${g.number}. ${g.title}`, g.counts)), row('total', 'Whole plan', plan.total)));
}

/** The first ten overdue actions; the rest behind "N more". */
function overdueList(plan) {
  if (plan.overdue.length === 0) return el('p', { class: 'subtle' }, 'Nothing is overdue.');
  const item = (a) => el('li', { 'data-action': a.actionId },
    el('span', { class: 'ref' }, a.ref), ' ', el('span', { class: 'text' }, a.text),
    el('div', { class: 'subtle' }, `Due ${a.dueLabel} · ${a.daysLate} days late · ${ownersText(a.owners)}`));
  const first = plan.overdue.slice(0, 10);
  const rest = plan.overdue.slice(10);
  return [
    el('ol', { class: 'overdue' }, first.map(item)),
    rest.length ? el('details', {}, el('summary', {}, `${rest.length} more overdue`), el('ol', { class: 'overdue', start: 11 }, rest.map(item))) : null,
  ];
}

function timeline(plan) {
  const max = Math.max(1, ...plan.timeline.months.map((m) => m.total));
  const bars = plan.timeline.months.map((m) => {
    const stack = el('div', { class: 'stack', title: `${m.label}: ${m.total} due` });
    for (const status of STATUSES) {
      const n = m.byStatus[status] ?? 0;
      if (n === 0) continue;
      const part = el('div', { class: `part ${status.replace(' ', '-')}`, title: `${m.label}: ${n} ${status}` });
      part.style.height = `${(n / max) * 100}%`;
      stack.append(part);
    }
    return el('div', { class: 'month', 'data-month': m.month }, stack, el('span', { class: 'total' }, m.total || ''), el('span', { class: 'label' }, m.label.slice(0, 3)));
  });
  const note = plan.timeline.outside > 0 ? el('p', { class: 'subtle' }, `${plan.timeline.outside} due outside the plan period.`) : null;
  const legend = el('p', { class: 'legend' }, STATUSES.map((s) => el('span', { class: `key ${s.replace(' ', '-')}` }, s)));
  return [el('div', { class: 'timeline' }, bars), legend, note];
}

async function showHistory(details, action) {
  if (details.dataset.loaded) return;
  details.dataset.loaded = 'yes';
  const box = details.querySelector('.history');
  box.replaceChildren(el('p', { class: 'subtle' }, 'Loading…'));
  try {
    const res = await fetch(`/dashboard/history.json?plan=${encodeURIComponent(action.planId)}&action=${encodeURIComponent(action.actionId)}`);
    const changes = await res.json();
    box.replaceChildren(changes.length === 0
      ? el('p', { class: 'subtle' }, 'No answers yet.')
      : el('ul', {}, changes.map((c) => el('li', {}, `${LONDON.format(new Date(c.at))} · ${c.by.name} (${c.via}): ${c.summary}`))));
  } catch {
    delete details.dataset.loaded;
    box.replaceChildren(el('p', { class: 'subtle' }, 'Could not load the history.'));
  }
}

function actionList(plan) {
  return el('div', { class: 'actions' }, plan.actions.map((a) => {
    const details = el('details', { 'data-action': a.actionId },
      el('summary', {}, el('span', { class: `status ${a.status.replace(' ', '-')}` }, a.status), ' ',
        el('span', { class: 'ref' }, a.ref), ' ', el('span', { class: 'text' }, a.text)),
      el('div', { class: 'subtle' }, `Grid ${a.grid} · due ${a.dueLabel} · ${a.statusText} · ${ownersText(a.owners)}`,
        a.lastAnswer ? ` · last answer ${a.lastAnswer}` : ''),
      el('div', { class: 'history' }));
    details.addEventListener('toggle', () => { if (details.open) void showHistory(details, a); });
    return details;
  }));
}

function planSection(plan) {
  return el('section', { class: 'plan', 'data-plan': plan.id },
    el('h2', {}, plan.partnership),
    el('p', { class: 'subtle' }, `Plan period ${plan.period.start} to ${plan.period.end}`),
    countsTable(plan),
    el('h3', {}, 'Overdue, oldest first'), overdueList(plan),
    el('h3', {}, 'Due dates across the plan year'), timeline(plan),
    el('h3', {}, 'Every action (open one for its history)'), actionList(plan));
}

async function load() {
  const main = document.getElementById('plans');
  try {
    const res = await fetch('/dashboard/data.json');
    if (!res.ok) throw new Error(String(res.status));
    const view = await res.json();
    document.getElementById('today').textContent = `as of ${view.today}`;
    main.replaceChildren(...(view.plans.length ? view.plans.map(planSection) : [el('p', {}, 'No plans are loaded yet.')]));
    document.body.dataset.ready = 'yes';
  } catch (err) {
    main.replaceChildren(el('p', { class: 'error' }, `Could not load the plans (${err.message}).`));
  }
}

void load();
