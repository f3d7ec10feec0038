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
const READABLE = {
  default: { default: '#242424', subtle: '#595959' },
  accent: { default: '#4349A8', subtle: '#4349A8' },
  good: { default: '#0B6A0B', subtle: '#0B6A0B' },
  warning: { default: '#7A5A00', subtle: '#7A5A00' },
  attention: { default: '#A4262C', subtle: '#A4262C' },
};
const hostConfig = new AdaptiveCards.HostConfig({
  fontFamily: '"Segoe UI", system-ui, -apple-system, sans-serif',
  supportsInteractivity: true,
  actions: { maxActions: 5, buttonSpacing: 8, allowTitleToWrap: true, showCard: { actionMode: 'inline', inlineTopMargin: 12 } },
  // Teams' light theme: the reminder's coloured banner comes from these container styles.
  // Text colours dark enough to read on each of them (WCAG AA, 4.5:1; the renderer's default orange is 2.4:1).
  containerStyles: Object.fromEntries(Object.entries({
    default: '#FFFFFF', emphasis: '#F5F5F5', accent: '#E8EBFA', good: '#E7F2DA', attention: '#FCE4E4', warning: '#FBF6D9',
  }).map(([style, backgroundColor]) => [style, { backgroundColor, foregroundColors: READABLE }])),
});

function notice(text) {
  document.getElementById('chat').append(el('div', { class: 'entry notice' }, text));
}

async function pressed(entry, action) {
  const execute = action instanceof AdaptiveCards.ExecuteAction;
  if (!execute && !(action instanceof AdaptiveCards.SubmitAction)) {
    notice('This page sends only Action.Execute and Action.Submit, as Teams does.');
    return;
  }
  try {
    // Execute is an invoke that can replace the card; Submit is a message carrying the card's data.
    if (execute) await api('/api/press', { personId: state.current.id, activityId: entry.id, verb: action.verb, data: action.data ?? {} });
    else await api('/api/submit', { personId: state.current.id, activityId: entry.id, data: action.data ?? {} });
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

/** Teams' limit for a file sent to a bot (the server refuses more, too). */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

function sizeLabel(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Links only to this server's own files (the server gives no other URL; the path keeps the page's origin). */
function fileLink(url, name, label) {
  return el('a', { href: new URL(url, document.baseURI).pathname, download: name, class: 'download' }, label);
}

async function answerConsent(entry, action) {
  try {
    await api('/api/consent', { personId: state.current.id, activityId: entry.id, action });
  } catch (err) {
    notice(`Not sent: ${err.message}`);
  }
}

/** A file sent, offered (Teams' file consent card: Allow / Decline) or delivered (the file card). */
function fileNode(entry, file) {
  if (file.kind === 'sent') return el('div', { class: 'file' }, 'File: ', fileLink(file.url, file.name, file.name), ` (${sizeLabel(file.size)})`);
  if (file.kind === 'info') {
    return el('div', { class: 'file info' }, file.url ? fileLink(file.url, file.name, `Download ${file.name}`) : `${file.name} (not stored here)`,
      file.fileType ? el('span', { class: 'subtle' }, ` · ${file.fileType.toUpperCase()}`) : null);
  }
  const answered = file.answer === 'accept' ? 'You allowed it: the file follows.' : file.answer === 'decline' ? 'You declined it.' : null;
  const button = (action, label) => {
    const b = el('button', { type: 'button', class: action === 'accept' ? 'primary' : null, 'aria-label': `${label}: ${file.name}` }, label);
    b.addEventListener('click', () => { b.disabled = true; void answerConsent(entry, action); });
    return b;
  };
  return el('div', { class: 'file consent', role: 'group', 'aria-label': `actionbot wants to send you ${file.name}` },
    el('div', {}, 'actionbot wants to send you a file: ', el('strong', {}, file.name), ` (${sizeLabel(file.sizeInBytes)})`),
    file.description ? el('div', { class: 'subtle' }, file.description) : null,
    answered ? el('div', { class: 'answer' }, answered) : el('div', { class: 'buttons' }, button('accept', 'Allow'), button('decline', 'Decline')));
}

function entryNode(entry) {
  const who = entry.from === 'person' ? state.current.name : entry.from === 'bot' ? 'actionbot' : null;
  return el('div', { class: `entry ${entry.from}`, 'data-id': entry.id },
    who ? el('div', { class: 'who' }, who, ' ', el('time', { class: 'subtle' }, entry.at.slice(11, 16))) : null,
    entry.text ? el('div', { class: 'text' }, entry.text) : null,
    entry.cards.map((c) => cardNode(entry, c)),
    (entry.files ?? []).map((f) => fileNode(entry, f)));
}

/** Sends each file as Teams would: the server keeps it and gives the bot a download link. */
async function sendFiles(files) {
  if (!state.current) {
    notice('Pick who you are on the left first.');
    return;
  }
  for (const file of files) {
    if (file.size > MAX_FILE_BYTES) {
      notice(`${file.name} is ${sizeLabel(file.size)}: files are limited to 10 MB. Not sent.`);
      continue;
    }
    if (file.size === 0) {
      notice(`${file.name} is empty. Not sent.`);
      continue;
    }
    const query = `person=${encodeURIComponent(state.current.id)}&name=${encodeURIComponent(file.name)}`;
    try {
      const res = await fetch(`/api/file?${query}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file });
      const json = await res.json();
      if (!res.ok) throw new Error(json.error ?? `HTTP ${res.status}`);
    } catch (err) {
      notice(`${file.name} not sent: ${err.message}`);
    }
  }
}

/** Bot messages this page has told the bot were read (Teams sends a read receipt when a message is seen). */
const receipted = new Set();

function receipt(entry) {
  if (entry.from !== 'bot' || !state.current || receipted.has(entry.id) || document.visibilityState === 'hidden') return;
  receipted.add(entry.id);
  void api('/api/read', { personId: state.current.id, activityId: entry.id }).catch(() => receipted.delete(entry.id));
}

function show(entry) {
  receipt(entry);
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
  delete document.body.dataset.chatting;
  state.unread.delete(state.current.conversationId);
  drawPeople();
  // The dashboard shows what this person may see (in Teams, their sign-on decides).
  document.getElementById('dashboardLink').href = `/dashboard?as=${encodeURIComponent(personId)}`;
  const chat = document.getElementById('chat');
  chat.replaceChildren(el('p', { class: 'subtle' }, `You are ${state.current.name}. Reminders for you arrive here.`));
  for (const entry of await api(`/api/chat?person=${encodeURIComponent(personId)}`)) show(entry);
  document.getElementById('text').disabled = false;
  document.getElementById('send').disabled = false;
  document.getElementById('attach').disabled = false;
  document.getElementById('text').focus();
  // Tests (and anyone scripting the page) wait for this: the person's chat is drawn and the controls work.
  document.body.dataset.chatting = personId;
}

/** "2025-09-16" as the bot writes dates: "Tue 16 Sep 2025" (Intl's en-GB would say "Sept"). */
function ukDay(iso) {
  const d = new Date(`${iso}T12:00:00Z`);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${day} ${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
}

async function refreshState() {
  const s = await api('/api/state');
  state.people = s.people;
  if (state.current) state.current = state.people.find((p) => p.id === state.current.id) ?? null;
  document.getElementById('today').textContent = `Bot's today: ${ukDay(s.today)}`;
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
    out.textContent = `${ukDay(r.today)}: ${r.sent} sent, ${r.skipped} already sent, ${r.failed} failed${r.briefingError ? `; the weekly briefing failed: ${r.briefingError}` : ''}`;
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
const picker = document.getElementById('file');
document.getElementById('attach').addEventListener('click', () => picker.click());
picker.addEventListener('change', () => {
  const files = [...picker.files];
  picker.value = '';
  void sendFiles(files);
});
// Dropping a file anywhere on the conversation sends it, as in Teams.
const dropZone = document.querySelector('main');
dropZone.addEventListener('dragover', (event) => {
  if (![...(event.dataTransfer?.types ?? [])].includes('Files')) return;
  event.preventDefault();
  dropZone.classList.add('dropping');
});
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dropping'));
dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('dropping');
  void sendFiles([...(event.dataTransfer?.files ?? [])]);
});
document.getElementById('sweepNow').addEventListener('click', () => { void sweep(null); });

listen();
void refreshState().then(() => { document.body.dataset.ready = 'yes'; });
