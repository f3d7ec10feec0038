/* global window, document, fetch, URLSearchParams */
// The commissioner's dashboard: draws /dashboard/data.json for the filters chosen. Every piece of plan
// or people text goes in through text nodes (never innerHTML), so a plan that contains markup shows it
// as text. Every request carries the sign-on headers of dashboardTeams.js.

const COLUMNS = [
  ['done', 'Done'], ['onTrack', 'On track'], ['dueSoon', 'Due soon'], ['overdue', 'Overdue'],
  ['blocked', 'Blocked'], ['noDate', 'No date'], ['total', 'Total'],
];
const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' });
/** "2025-09-16" in the UK form the bot writes: "Tue 16 Sep 2025". */
function ukDay(iso) {
  const d = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${day} ${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
}
const filters = () => ['fPlan', 'fGrid', 'fOwner', 'fStatus'].map((id) => document.getElementById(id));

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

async function call(path, init = {}) {
  const headers = { ...(await window.dashboardAuth.headers()), ...(init.headers ?? {}) };
  const res = await fetch(path, { ...init, headers });
  if (res.status === 401) throw new Error('sign-in needed');
  return res;
}

function notice(text, isError) {
  const box = document.getElementById('notice');
  box.textContent = text;
  box.className = isError ? 'notice error' : 'notice';
  box.hidden = false;
}

/** Downloads a file the server makes (with the sign-on headers, so not a plain link). */
async function download(path, fallbackName) {
  try {
    const res = await call(path);
    if (!res.ok) throw new Error((await res.json()).error ?? String(res.status));
    const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
    const url = URL.createObjectURL(await res.blob());
    const link = el('a', { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    notice(`Downloaded ${name}.`);
  } catch (err) {
    notice(`Could not download: ${err.message}.`, true);
  }
}

function ownersText(owners) {
  return owners.map((o) => `${o.role} (${o.people.length ? o.people.join(', ') : 'nobody yet'})`).join('; ');
}

/**
 * A box that scrolls sideways when its table is wider than the tab (Teams' 375 px): Tab reaches it and
 * the arrow keys scroll it, and a screen reader names it.
 */
function scrollRegion(label, child) {
  return el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': label }, child);
}

function countsTable(plan) {
  const head = el('tr', {}, el('th', { scope: 'col' }, 'Grid'), el('th', { scope: 'col' }, 'RAG'), COLUMNS.map(([, label]) => el('th', { scope: 'col' }, label)));
  const rag = (r) => el('td', { class: 'rag' }, ['red', 'amber', 'green'].map((c) => el('span', { class: `chip ${c}`, 'data-rag': c, title: `${c}: ${r[c]} (${r.percent[c]}%)` }, String(r[c]))));
  const row = (key, label, counts, r) => el('tr', { 'data-grid': key },
    el('th', { scope: 'row' }, label), rag(r),
    COLUMNS.map(([field]) => el('td', { 'data-count': field, class: counts[field] > 0 ? `n ${field}` : 'n' }, counts[field])));
  // The filters narrow these figures too, so the caption says which actions they count.
  const caption = plan.narrowed
    ? `Counts for the filters chosen: ${plan.total.total} of the plan's ${plan.planTotal} actions`
    : `Counts for the whole plan: ${plan.total.total} actions`;
  return scrollRegion(`${plan.partnership}: RAG and counts by grid`, el('table', { class: 'counts' },
    el('caption', { 'data-caption': '' }, caption),
    el('thead', {}, head),
    el('tbody', {}, plan.grids.map((g) => row(String(g.number), `${g.number}. ${g.title}`, g.counts, g.rag)), row('total', 'Whole plan', plan.total, plan.rag))));
}

/** The first ten overdue actions; the rest behind "N more". */
function overdueList(plan) {
  if (plan.overdue.length === 0) return el('p', { class: 'subtle' }, 'Nothing is overdue.');
  const item = (a) => el('li', { 'data-action': a.actionId },
    el('span', { class: 'ref' }, a.ref), ' ', el('span', { class: 'text' }, a.text),
    el('div', { class: 'subtle' }, `Due ${a.dueLabel} · ${a.daysLate} days late · ${ownersText(a.owners)}`,
      a.seen ? [' · ', el('span', { class: a.seen === 'not opened' ? 'seen unread' : 'seen', 'data-seen': '' }, a.seen)] : null));
  const first = plan.overdue.slice(0, 10);
  const rest = plan.overdue.slice(10);
  return [
    el('ol', { class: 'overdue' }, first.map(item)),
    rest.length ? el('details', {}, el('summary', {}, `${plan.overdueCount - 10} more overdue`), el('ol', { class: 'overdue', start: 11 }, rest.map(item))) : null,
  ];
}

/** How an answer came, in words. */
const VIA = { button: 'on a card', typed: 'in the chat', cli: 'from the command line', import: 'by an import' };

async function showHistory(details, action) {
  const box = details.querySelector('.history');
  box.replaceChildren(el('p', { class: 'subtle' }, 'Loading…'));
  try {
    const res = await call(`/dashboard/history.json?plan=${encodeURIComponent(action.planId)}&action=${encodeURIComponent(action.actionId)}`);
    const changes = await res.json();
    box.replaceChildren(changes.length === 0
      ? el('p', { class: 'subtle' }, 'No answers yet.')
      : el('ul', {}, changes.map((c) => el('li', {}, `${LONDON.format(new Date(c.at))} · ${c.by.name} (${VIA[c.via] ?? c.via}): ${c.summary}`))));
  } catch {
    box.replaceChildren(el('p', { class: 'subtle' }, 'Could not load the history.'));
  }
}

/** Chase, reassign, accept a delay, close: the commissioner's buttons, as in the escalation card. */
function escalationButtons(plan, action, details) {
  if (!plan.canEscalate || action.status === 'done') return null;
  const press = async (verb, button, extra = {}) => {
    button.disabled = true;
    try {
      const res = await call('/dashboard/escalate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ verb, planId: action.planId, actionId: action.actionId, ...extra }) });
      const body = await res.json();
      notice(res.ok ? body.message : `Not done: ${body.error}`, !res.ok);
      if (res.ok && (verb === 'close' || verb === 'reassign')) await load();
      else await showHistory(details, action);
    } catch (err) {
      notice(`Not done: ${err.message}.`, true);
    } finally {
      button.disabled = false;
    }
  };
  const button = (verb, label) => {
    const b = el('button', { type: 'button', 'data-verb': verb }, label);
    b.addEventListener('click', () => void press(verb, b));
    return b;
  };
  // Reassign names the person who takes the action's roles, as "Reassign" in the escalation card does.
  const who = el('input', { type: 'text', name: 'who', maxlength: '100', placeholder: 'Give it to (name)', 'aria-label': `Person to give ${action.ref} to` });
  const give = el('button', { type: 'button', 'data-verb': 'reassign' }, 'Reassign');
  give.addEventListener('click', () => {
    if (who.value.trim() === '') notice('Type the name of the person to give it to.', true);
    else void press('reassign', give, { who: who.value.trim() });
  });
  return el('div', { class: 'buttons' }, button('chase', 'Chase the owners'), action.statusText.startsWith('delayed') || action.rag === 'amber' ? button('accept-delay', 'Accept the delay') : null, button('close', 'Close'),
    el('span', { class: 'reassign' }, who, give));
}

/** Who is on leave among the holders of the plans' roles, and until when. */
function leaveNote(onLeave) {
  if (!onLeave || onLeave.length === 0) return null;
  return el('section', { class: 'leave', 'aria-label': 'On leave' }, el('h2', {}, 'On leave'),
    el('ul', {}, onLeave.map((p) => el('li', { 'data-leave': p.name }, `${p.name} until ${p.until}`))));
}

function actionList(plan) {
  const more = plan.matching > plan.actions.length ? el('p', { class: 'subtle' }, `Showing ${plan.actions.length} of ${plan.matching}: narrow the filters, or download the CSV for all.`) : null;
  return [el('div', { class: 'actions' }, plan.actions.map((a) => {
    const details = el('details', { 'data-action': a.actionId },
      el('summary', {}, el('span', { class: `status ${a.status.replace(' ', '-')}` }, a.status), ' ',
        el('span', { class: 'ref' }, a.ref), ' ', el('span', { class: 'text' }, a.text)),
      el('div', { class: 'subtle' }, `Grid ${a.grid} · due ${a.dueLabel} · ${a.statusText} · ${ownersText(a.owners)}`,
        a.lastAnswer ? ` · last answer ${a.lastAnswer}` : ''),
      el('div', { class: 'history' }));
    const buttons = escalationButtons(plan, a, details);
    if (buttons) details.append(buttons);
    details.addEventListener('toggle', () => { if (details.open) void showHistory(details, a); });
    return details;
  })), more];
}

function reportForm(plan) {
  const quarter = el('input', { type: 'text', name: 'quarter', placeholder: 'last quarter ended', size: 12, 'aria-label': 'Quarter, like 2026-Q3', pattern: '\\d{4}-Q[1-4]' });
  const button = (format, label) => {
    const b = el('button', { type: 'button', 'data-report': format }, label);
    b.addEventListener('click', () => {
      const q = quarter.value.trim();
      void download(`/dashboard/report?plan=${encodeURIComponent(plan.id)}&format=${format}${q ? `&quarter=${encodeURIComponent(q)}` : ''}`, `report.${format}`);
    });
    return b;
  };
  return el('div', { class: 'report' }, el('span', {}, 'Board report for '), quarter, button('docx', 'Word'), button('pdf', 'PDF'));
}

function planSection(plan) {
  return el('section', { class: 'plan', 'data-plan': plan.id },
    el('h2', {}, plan.partnership),
    el('p', { class: 'subtle' }, `Plan period ${ukDay(plan.period.start)} to ${ukDay(plan.period.end)}`),
    reportForm(plan),
    countsTable(plan),
    el('h3', {}, 'Overdue, oldest first'), overdueList(plan),
    el('h3', {}, 'Due dates across the plan year'), window.dashboardChart.drawTimeline(plan.timeline),
    el('h3', {}, 'Actions (open one for its history)'), actionList(plan));
}

/** Fills the filter choices from what the viewer may see, keeping what is chosen. */
function fillChoices(choices) {
  const [plan, grid, owner] = filters();
  const keep = (select, options) => {
    const chosen = select.value;
    select.replaceChildren(select.options[0], ...options.map(([value, label]) => el('option', { value }, label)));
    select.value = options.some(([value]) => value === chosen) ? chosen : '';
  };
  keep(plan, choices.plans.map((p) => [p.id, p.partnership]));
  const grids = (plan.value ? choices.plans.filter((p) => p.id === plan.value) : choices.plans).flatMap((p) => p.grids);
  keep(grid, [...new Map(grids.map((g) => [String(g.number), `${g.number}. ${g.title}`])).entries()]);
  keep(owner, choices.owners.map((o) => [o, o]));
}

async function load() {
  const main = document.getElementById('plans');
  document.body.dataset.ready = 'no';
  try {
    const query = new URLSearchParams();
    for (const select of filters()) if (select.value) query.set(select.name, select.value);
    const res = await call(`/dashboard/data.json?${query}`);
    if (!res.ok) throw new Error(String(res.status));
    const view = await res.json();
    document.getElementById('today').textContent = `as of ${ukDay(view.today)}`;
    document.getElementById('viewer').textContent = `· ${view.viewer}`;
    fillChoices(view.choices);
    window.dashboardChart.forget();
    main.replaceChildren(...(view.plans.length ? [leaveNote(view.onLeave), ...view.plans.map(planSection)].filter(Boolean) : [el('p', {}, 'No plans to show: you hold no role in any plan yet.')]));
    document.body.dataset.ready = 'yes';
  } catch (err) {
    main.replaceChildren(el('p', { class: 'error' }, `Could not load the plans (${err.message}).`));
    document.body.dataset.ready = 'error';
  }
}

for (const select of filters()) select.addEventListener('change', () => void load());
document.getElementById('csv').addEventListener('click', () => void download('/dashboard/actions.csv', 'actions.csv'));
void load();
