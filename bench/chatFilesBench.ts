// Files through the local chat and the real bot: a plan's Word file sent from the page until the
// preview card is in the chat (the bot downloads it from the page's server and reads it), and Allow
// on the board report's consent card until the file card is there (the bot makes the report again and
// uploads it to the page's server).
import { readFile } from 'node:fs/promises';
import { createLogger } from '../src/log.ts';
import { demoClock } from '../src/localChat/demoClock.ts';
import { startLocalChat } from '../src/localChat/server.ts';
import { startRuntime } from '../src/runtime.ts';
import { startBenchAzurite } from './support/benchAzurite.ts';
import { openTableStore } from '../src/store/tableStore.ts';
import { benchConfig } from './support/benchBot.ts';
import { BENCH_TENANT } from './support/benchPeople.ts';
import { percentiles, type BenchFigure } from './table.ts';
import { sized } from './support/smoke.ts';

const RUNS = sized(7, 1);
const WARM_UP = 1;
const lead = { id: 'b0000000-0000-4000-8000-0000000000c1', name: 'Bench Commissioner' };
const docx = new URL('../test/fixtures/office/000_8d414cf89c93b93b.docx', import.meta.url);

async function post(url: string, body: BodyInit, type: string): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': type }, body });
  if (!res.ok) throw new Error(`chat files bench: ${url} answered HTTP ${res.status}`);
  return res.json();
}

export async function run(): Promise<BenchFigure[]> {
  const azurite = await startBenchAzurite();
  try {
    const config = benchConfig({ TABLE_PREFIX: 'chatfiles', SENDS_PER_SECOND: '50' });
    const store = await openTableStore(azurite.connectionString, 'chatfiles');
    const clock = demoClock(new Date('2009-02-02T09:00:00Z'));
    const runtime = await startRuntime(config, { store, clock, logger: createLogger('silent'), schedule: false });
    await store.roles.assign(BENCH_TENANT, config.LEAD_ROLE, lead.id, { id: 'bench', name: 'bench' }, clock.now().toISOString());
    const chat = await startLocalChat({ runtime, people: [lead], tenantId: BENCH_TENANT, port: 0, clock });
    try {
      const bytes = new Uint8Array(await readFile(docx));
      const conversation = () => chat.transcript.list(`a:1${lead.id}`);
      const previews: number[] = [];
      for (let n = 0; n < WARM_UP + RUNS; n++) {
        const started = performance.now();
        await post(`${chat.url}/api/file?person=${lead.id}&name=plan.docx`, bytes, 'application/octet-stream');
        if (!JSON.stringify(conversation().at(-1)?.cards ?? []).includes('Isle of Wight DAT')) throw new Error('chat files bench: no preview card');
        if (n >= WARM_UP) previews.push(Math.round(performance.now() - started));
      }
      // Import the last preview, so there is a plan to report on.
      const preview = conversation().at(-1);
      const importAction = (preview?.cards[0] as { actions: { type: string; title: string; verb?: string; data: object }[] }).actions.find((a) => a.title === 'Import');
      if (!importAction) throw new Error('chat files bench: the preview has no Import button');
      // Import is an Action.Execute (an invoke, as Teams sends it); a card with only Action.Submit would come as a message.
      if (importAction.type === 'Action.Execute') await post(`${chat.url}/api/press`, JSON.stringify({ personId: lead.id, activityId: preview?.id, verb: importAction.verb, data: importAction.data }), 'application/json');
      else await post(`${chat.url}/api/submit`, JSON.stringify({ personId: lead.id, activityId: preview?.id, data: importAction.data }), 'application/json');
      if ((await store.plans.listPlans()).length === 0) throw new Error(`chat files bench: Import stored no plan; the bot said: ${JSON.stringify(conversation().at(-1)?.cards ?? null).slice(0, 400)}`);
      const consents: number[] = [];
      for (let n = 0; n < WARM_UP + RUNS; n++) {
        await post(`${chat.url}/api/say`, JSON.stringify({ personId: lead.id, text: 'board report as Word' }), 'application/json');
        const offer = conversation().at(-1);
        if (!offer?.files?.some((f) => f.kind === 'consent')) throw new Error(`chat files bench: no file consent card; the bot said: ${JSON.stringify(offer?.text ?? offer?.cards ?? null).slice(0, 400)}`);
        const started = performance.now();
        await post(`${chat.url}/api/consent`, JSON.stringify({ personId: lead.id, activityId: offer.id, action: 'accept' }), 'application/json');
        if (!conversation().at(-1)?.files?.some((f) => f.kind === 'info' && f.url)) throw new Error('chat files bench: no file card');
        if (n >= WARM_UP) consents.push(Math.round(performance.now() - started));
      }
      const p = percentiles(previews);
      const c = percentiles(consents);
      process.stderr.write(`  chatfiles: plan file to preview: median ${p.median} ms, p95 ${p.p95} ms; Allow to file card: median ${c.median} ms, p95 ${c.p95} ms\n`);
      return [
        { key: 'chatfiles.preview.medianMs', label: `local chat: Word plan (69 actions) sent to preview card, median of ${RUNS}`, value: p.median, unit: 'ms' },
        { key: 'chatfiles.preview.p95Ms', label: `local chat: Word plan sent to preview card, p95 of ${RUNS}`, value: p.p95, unit: 'ms' },
        { key: 'chatfiles.report.medianMs', label: `local chat: Allow on the board report (Word) to file card, median of ${RUNS}`, value: c.median, unit: 'ms' },
        { key: 'chatfiles.report.p95Ms', label: `local chat: Allow on the board report to file card, p95 of ${RUNS}`, value: c.p95, unit: 'ms' },
      ];
    } finally {
      await chat.close();
      await runtime.stop();
    }
  } finally {
    await azurite.stop();
  }
}
