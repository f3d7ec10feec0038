/* global document, fetch, EventSource, AdaptiveCards, CSS */
// The local chat page: plays Teams for the demo people. Messages and cards come from the page's server
// (which is the bot's channel); cards are drawn by the official Adaptive Cards renderer. Text from
// plans and people only ever goes in as text nodes.

const state = { people: [], current: null, unread: new Map() };

/** An element with attributes and children (strings become text nodes). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

async function api(path, body) {
  const res = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(json.error ?? `HTTP ${res.status}`);
  return json;
}

// Plain text only: without a markdown library the renderer writes card text as text, never HTML.
AdaptiveCards.AdaptiveCard.onProcessMarkdown = (_text, result) => { result.didProcess = false; };
const hostConfig = new AdaptiveCards.HostConfig({
  fontFamily: '"Segoe UI", system-ui, -apple-system, sans-serif',
  supportsInteractivity: true,
  actions: { maxActions: 5, buttonSpacing: 8, showCard: { actionMode: 'inline', inlineTopMargin: 12 } },
  // Teams' light theme: the reminder's coloured banner comes from these container styles.
  containerStyles: {
    default: { backgroundColor: '#FFFFFF' },
    emphasis: { backgroundColor: '#F5F5F5' },
    accent: { backgroundColor: '#E8EBFA' },
    good: { backgroundColor: '#E7F2DA' },
    attention: { backgroundColor: '#FCE4E4' },
    warning: { backgroundColor: '#FBF6D9' },
  },
});

function notice(text) {
  document.getElementById('chat').append(el('div', { class: 'entry notice' }, text));
}

async function pressed(entry, action) {
  if (!(action instanceof AdaptiveCards.ExecuteAction)) {
    notice('This page only sends Universal Actions (Action.Execute), as Teams does.');
    return;
  }
  try {
    await api('/api/press', { personId: state.current.id, activityId: entry.id, verb: action.verb, data: action.data ?? {} });
  } catch (err) {
    notice(`Not sent: ${err.message}`);
  }
}

function cardNode(entry, content) {
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = hostConfig;
  card.onExecuteAction = (action) => { void pressed(entry, action); };
  try {
    card.parse(content);
    return el('div', { class: 'card' }, card.render());
  } catch (err) {
    return el('div', { class: 'card error' }, `This card could not be drawn: ${err.message}`);
  }
}

function entryNode(entry) {
  const who = entry.from === 'person' ? state.current.name : entry.from === 'bot' ? 'actionbot' : null;
  return el('div', { class: `entry ${entry.from}`, 'data-id': entry.id },
    who ? el('div', { class: 'who' }, who, ' ', el('time', { class: 'subtle' }, entry.at.slice(11, 16))) : null,
    entry.text ? el('div', { class: 'text' }, entry.text) : null,
    entry.cards.map((c) => cardNode(entry, c)));
}

function show(entry) {
  const chat = document.getElementById('chat');
  const node = entryNode(entry);
  const existing = chat.querySelector(`[data-id="${CSS.escape(entry.id)}"]`);
  if (existing) existing.replaceWith(node);
  else {
    chat.append(node);
    chat.scrollTop = chat.scrollHeight;
  }
}

function drawPeople() {
  const list = document.getElementById('people');
  list.replaceChildren(...state.people.map((p) => {
    const unread = state.unread.get(p.conversationId) ?? 0;
    const button = el('button', { type: 'button', 'data-person': p.id, 'aria-pressed': state.current?.id === p.id ? 'true' : 'false' },
      el('strong', {}, p.name), unread ? el('span', { class: 'badge' }, String(unread)) : null,
      el('span', { class: 'roles' }, p.roles.length ? p.roles.join(', ') : 'no roles'));
    button.addEventListener('click', () => { void choose(p.id); });
    return el('li', {}, button);
  }));
}

async function choose(personId) {
  state.current = state.people.find((p) => p.id === personId) ?? null;
  if (!state.current) return;
  state.unread.delete(state.current.conversationId);
  drawPeople();
  // The dashboard shows what this person may see (in Teams, their sign-on decides).
  document.getElementById('dashboardLink').href = `/dashboard?as=${encodeURIComponent(personId)}`;
  const chat = document.getElementById('chat');
  chat.replaceChildren(el('p', { class: 'subtle' }, `You are ${state.current.name}. Reminders for you arrive here.`));
  for (const entry of await api(`/api/chat?person=${encodeURIComponent(personId)}`)) show(entry);
  document.getElementById('text').disabled = false;
  document.getElementById('send').disabled = false;
  document.getElementById('text').focus();
}

async function refreshState() {
  const s = await api('/api/state');
  state.people = s.people;
  if (state.current) state.current = state.people.find((p) => p.id === state.current.id) ?? null;
  document.getElementById('today').textContent = `Bot's today: ${s.today}`;
  if (!document.getElementById('sweepDate').value) document.getElementById('sweepDate').value = s.today;
  drawPeople();
}

function listen() {
  const events = new EventSource('/api/events');
  events.onmessage = (message) => {
    const { entry } = JSON.parse(message.data);
    if (state.current && entry.conversationId === state.current.conversationId) show(entry);
    else {
      state.unread.set(entry.conversationId, (state.unread.get(entry.conversationId) ?? 0) + 1);
      drawPeople();
    }
  };
}

async function sweep(date) {
  const out = document.getElementById('sweepResult');
  out.textContent = 'sweeping…';
  try {
    const r = await api('/api/sweep', date ? { date } : {});
    out.textContent = `${r.today}: ${r.sent} sent, ${r.skipped} already sent, ${r.failed} failed`;
    await refreshState();
  } catch (err) {
    out.textContent = `sweep failed: ${err.message}`;
  }
}

document.getElementById('compose').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = document.getElementById('text');
  const text = input.value.trim();
  if (!text || !state.current) return;
  input.value = '';
  try {
    await api('/api/say', { personId: state.current.id, text });
  } catch (err) {
    notice(`Not sent: ${err.message}`);
  }
});
document.getElementById('sweep').addEventListener('submit', (event) => {
  event.preventDefault();
  void sweep(document.getElementById('sweepDate').value);
});
document.getElementById('sweepNow').addEventListener('click', () => { void sweep(null); });

listen();
void refreshState().then(() => { document.body.dataset.ready = 'yes'; });
