// The soak year with the BOT as its own process (issue 20): `node dist/main.js` with the image's heap
// cap, in local mode, over SOAK_ACTIONS stored actions (default 100,000; same plan shape as the
// in-process soak). The bench drives it only over HTTP, as people would: a sweep a day through the
// local chat's /api/sweep, owners pressing Done / Delayed / Blocked on their digest cards (/api/press),
// a weekly typed question, one 100-action plan file sent and imported. It samples the bot's VmRSS /
// VmHWM (/proc) and heap (the local chat's /api/memory) through the year.
//
// "Steady heap": the median of the heap used right after a full garbage collection (/api/memory?gc=1),
// sampled once a week across the second half of the year, when the bot is between requests. It is
// what the bot's live data needs once warmed up, not what V8 lets garbage grow to under the cap.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { storePlan } from '../src/app/importPlans.ts';
import { addDays } from '../src/domain/calendar.ts';
import type { IsoDate } from '../src/domain/plan.ts';
import { openTableStore } from '../src/store/tableStore.ts';
import { startBenchAzurite } from './support/benchAzurite.ts';
import { benchClock, benchConfig, benchServices } from './support/benchBot.ts';
import { BENCH_TENANT } from './support/benchPeople.ts';
import { freePort, imageHeapCapMb, rssOf, startBotProcess } from './support/botProcess.ts';
import { importPlanText, pressesOn, type CardPress } from './support/botSoakChat.ts';
import { seededRandom } from './support/seededRandom.ts';
import { sized } from './support/smoke.ts';
import { soakDueOf } from './support/soakPlan.ts';
import { BENCH_ROLES, LEAD_ROLE, syntheticPlan } from './support/syntheticPlan.ts';
import type { BenchFigure } from './table.ts';

const STORED = Number(process.env.SOAK_ACTIONS ?? sized(100_000, 300));
// SOAK_DAYS shortens the year (a first look at a size: a full year at 100,000 stored is hours here).
const DAYS = Number(process.env.SOAK_DAYS ?? sized(365, 5));
// The next plan year that starts after today: the bot's start-up catch-up sweep (at the real date) then
// finds nothing due, and the year the bench drives is the only one.
const YEAR_START: IsoDate = `${new Date().getUTCFullYear() + 1}-04-01`;
const PERIOD = { start: YEAR_START, end: addDays(addDays(YEAR_START, 365 * 2), -1) };
const PLAN_ID = 'bench-botsoak';
const PREFIX = 'botsoak';
const SEED = 20261206;
const HEAP_CAP_MB = Number(process.env.SOAK_HEAP_CAP_MB ?? imageHeapCapMb());
const IMPORT_DAY = Math.min(100, Math.floor(DAYS / 3));
/** Never: the bench runs every sweep itself (29 February at midnight, not inside any run). */
const NEVER = '0 0 29 2 *';

const lead = { id: 'bench-commissioner', name: 'Chris Commissioner' };
const officers = BENCH_ROLES.map((_, i) => ({ id: `bench-officer-${i + 1}`, name: `Officer ${i + 1}` }));

/** The bot's log tail, for a failure's message. */
let failureLog = (): string => '';

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`botsoak: ${url} answered HTTP ${res.status}: ${text.slice(0, 300)}; the bot logged: ${failureLog()}`);
  return JSON.parse(text) as T;
}

async function get<T>(url: string): Promise<T> {
  const res = await fetch(url);
  const text = await res.text();
  if (!res.ok) throw new Error(`botsoak: ${url} answered HTTP ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

interface ChatLine { id: string; from: string; text: string | null; cards: object[] }
interface Memory { rssMb: number; heapUsedMb: number }
interface SweepReport { due: number; sent: number; failed: number; briefingError: string | null }

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? 0 : sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** Runs the year against the bot process and reports its memory. */
export async function runBotSoak(): Promise<BenchFigure[]> {
  const started = performance.now();
  const azurite = await startBenchAzurite();
  const folder = await mkdtemp(path.join(tmpdir(), 'botsoak-'));
  try {
    const config = benchConfig({ TABLE_PREFIX: PREFIX });
    const store = await openTableStore(azurite.connectionString, PREFIX);
    const at = `${YEAR_START}T08:00:00Z`;
    const dueOf = soakDueOf({ stored: STORED, days: DAYS, yearStart: YEAR_START, planEnd: PERIOD.end, owners: BENCH_ROLES.length });
    await storePlan(benchServices(store, benchClock(at), config), syntheticPlan({ id: PLAN_ID, count: STORED, period: PERIOD, dueOf }), BENCH_TENANT);
    const by = { id: 'bench', name: 'bench' };
    await store.roles.assign(BENCH_TENANT, LEAD_ROLE, lead.id, by, at);
    for (const [i, role] of BENCH_ROLES.entries()) await store.roles.assign(BENCH_TENANT, role, officers[i]?.id ?? '', by, at);
    // The local chat's people: the bot is installed for each (their chats point at the page's server).
    const rolesFile = path.join(folder, 'people.json');
    await writeFile(rolesFile, JSON.stringify({ tenantId: BENCH_TENANT, people: [lead, ...officers].map((p) => ({ ...p, roles: [] })) }));
    process.stderr.write(`  botsoak: ${STORED.toLocaleString('en-GB')} actions stored in ${((performance.now() - started) / 1000).toFixed(1)} s; starting the bot (heap cap ${HEAP_CAP_MB} MB)\n`);

    const chatPort = await freePort();
    const bot = await startBotProcess(HEAP_CAP_MB, {
      AZURE_TABLES_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: PREFIX, DEMO_PLANS: '', DEMO_ROLES: rolesFile,
      LOCAL_CHAT_PORT: String(chatPort), REMINDER_CRON: NEVER, BRIEFING_CRON: NEVER, LOG_LEVEL: process.env.SOAK_LOG_LEVEL ?? 'error',
    });
    failureLog = bot.stderr;
    const chat = `http://127.0.0.1:${chatPort}`;
    try {
      // The local chat starts after the bot's server, once every person is installed.
      for (let tries = 0; !(await fetch(`${chat}/api/state`).then((r) => r.ok, () => false)); tries++) {
        if (tries > 600) throw new Error(`botsoak: the local chat did not start: ${bot.stderr()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const random = seededRandom(SEED);
      const seen = new Set<string>();
      const tally = { due: 0, sent: 0, failed: 0, cards: 0, presses: 0, saved: 0, refused: 0, questions: 0, imported: 0, briefingFailures: 0, sweepMs: 0, answerMs: 0, otherMs: 0 };
      const heapSamples: number[] = [];
      const steady: number[] = [];
      let peakHeap = 0;
      const yearStart = performance.now();

      const newCards = async (personId: string): Promise<ChatLine[]> => {
        const lines = await get<ChatLine[]>(`${chat}/api/chat?person=${personId}`);
        const fresh = lines.filter((l) => !seen.has(l.id));
        for (const l of fresh) seen.add(l.id);
        return fresh.filter((l) => l.from === 'bot' && l.cards.length > 0);
      };

      for (let day = 0; day < DAYS; day++) {
        const today = addDays(YEAR_START, day);
        let mark = performance.now();
        const report = await post<SweepReport>(`${chat}/api/sweep`, { date: today });
        tally.sweepMs += performance.now() - mark;
        mark = performance.now();
        tally.due += report.due;
        tally.sent += report.sent;
        tally.failed += report.failed;
        if (report.briefingError) {
          if (tally.briefingFailures === 0) process.stderr.write(`  botsoak: the weekly briefing failed on ${today}: ${report.briefingError}\n`);
          tally.briefingFailures += 1;
        }
        // Owners answer some lines of today's cards: 40% done, 15% delayed, 5% blocked (seeded).
        for (const officer of officers) {
          for (const card of await newCards(officer.id)) {
            tally.cards += 1;
            for (const press of pressesOn(card.cards)) {
              const answer = chosen(press, random(), today, random);
              if (!answer) continue;
              const result = await post<{ status: number; type: string | null }>(`${chat}/api/press`, { personId: officer.id, activityId: card.id, verb: answer.verb, data: answer.data });
              tally.presses += 1;
              if (result.type === 'application/vnd.microsoft.card.adaptive') tally.saved += 1;
              else tally.refused += 1;
            }
          }
        }
        await newCards(lead.id);
        tally.answerMs += performance.now() - mark;
        mark = performance.now();
        // A typed question once a week, from a different owner each time.
        if (day % 7 === 3) {
          const who = officers[Math.floor(day / 7) % officers.length];
          await post(`${chat}/api/say`, { personId: who?.id, text: "what's overdue?" });
          tally.questions += 1;
        }
        if (day === IMPORT_DAY) tally.imported = await importPlanText(chat, lead.id, store, YEAR_START);
        tally.otherMs += performance.now() - mark;
        const memory = await get<Memory>(`${chat}/api/memory`);
        heapSamples.push(memory.heapUsedMb);
        peakHeap = Math.max(peakHeap, memory.heapUsedMb);
        if (day >= DAYS / 2 && (DAYS < 56 || day % 7 === 6)) steady.push((await get<Memory>(`${chat}/api/memory?gc=1`)).heapUsedMb);
        if (day % 30 === 29 || day === DAYS - 1 || process.env.SOAK_EVERY_DAY) {
          const rss = rssOf(bot.pid);
          process.stderr.write(`  botsoak: day ${day + 1} (${today}), ${((performance.now() - yearStart) / 1000).toFixed(0)} s; bot RSS ${rss.rss} MB (peak ${rss.peak} MB), heap ${memory.heapUsedMb} MB; cards ${tally.cards}, answers ${tally.saved}; in sweeps ${(tally.sweepMs / 1000).toFixed(0)} s, answers ${(tally.answerMs / 1000).toFixed(0)} s, questions and import ${(tally.otherMs / 1000).toFixed(0)} s\n`);
        }
      }
      const yearSeconds = (performance.now() - yearStart) / 1000;
      const end = rssOf(bot.pid);
      const steadyHeap = Math.round(median(steady) * 10) / 10;
      if (tally.imported !== 100) throw new Error(`botsoak: the import stored ${tally.imported} actions, not 100`);
      if (tally.sent === 0 || tally.saved === 0) throw new Error(`botsoak: nothing happened (sent ${tally.sent}, answers saved ${tally.saved})`);
      process.stderr.write(`  botsoak: bot peak RSS ${end.peak} MB, steady heap ${steadyHeap} MB, peak heap ${peakHeap} MB; year ${yearSeconds.toFixed(0)} s\n`);
      const run = `${STORED.toLocaleString('en-GB')} stored, ${DAYS} daily sweeps, bot process (dist/main.js, heap cap ${HEAP_CAP_MB} MB)`;
      return [
        { key: 'soak.botPeakRssMb', label: `bot's peak RSS (VmHWM) over the year: ${run}; answers and a 100-action import included`, value: end.peak, unit: 'MB' },
        { key: 'soak.botSteadyHeapMb', label: `bot's steady heap: median heap used after a full GC, weekly over the second half of the year (daily in a run under 8 weeks; ${steady.length} samples)`, value: steadyHeap, unit: 'MB' },
        { key: 'soak.botPeakHeapMb', label: "bot's most heap used at the end of a day (no forced GC)", value: peakHeap, unit: 'MB' },
        { key: 'soak.botEndRssMb', label: "bot's RSS at the end of the year", value: end.rss, unit: 'MB' },
        { key: 'soak.botSent', label: `reminders the bot's sweeps sent over the year (due ${tally.due}, failed ${tally.failed})`, value: tally.sent, unit: '' },
        { key: 'soak.botCards', label: 'digest cards that reached owners in the local chat', value: tally.cards, unit: '' },
        { key: 'soak.botAnswers', label: `answers pressed and saved on digest cards (of ${tally.presses} presses; ${tally.questions} typed questions)`, value: tally.saved, unit: '' },
        { key: 'soak.botBriefingFailures', label: 'sweeps whose weekly briefing failed (must be 0)', value: tally.briefingFailures, unit: '' },
        { key: 'soak.botYearSeconds', label: 'wall time of the year against the bot process', value: Math.round(yearSeconds), unit: 's' },
      ];
    } finally {
      await bot.stop();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
    await azurite.stop();
  }
}

/** What an owner does with one digest line: press Done, Delayed or Blocked, or nothing. */
function chosen(press: CardPress, r: number, today: IsoDate, random: () => number): { verb: string; data: Record<string, unknown> } | null {
  const i = String(press.line);
  if (r < 0.4 && press.done) return { verb: press.done.verb, data: press.done.data };
  if (r < 0.55 && press.delayed) return { verb: press.delayed.verb, data: { ...press.delayed.data, [`newDate${i}`]: addDays(today, 7 + Math.floor(random() * 50)), [`reason${i}`]: 'the provider is late' } };
  if (r < 0.6 && press.blocked) return { verb: press.blocked.verb, data: { ...press.blocked.data, [`blocked${i}`]: 'waiting for the PCT' } };
  return null;
}
