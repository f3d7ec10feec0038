// Proactive sends per second through botbuilder to a local connector that never throttles:
// 2,000 cards across 200 conversations, pacing raised out of the way. Goal: at least 200 a second.
import type { ConversationReference } from 'botbuilder';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { createAdapter } from '../src/bot/server.ts';
import { BotMessenger } from '../src/bot/messenger.ts';
import { renderCard } from '../src/cards/render.ts';
import { startConnector } from '../test/support/connector.ts';
import { percentiles, type BenchFigure } from './table.ts';
import { sized } from './support/smoke.ts';

const conversations = 200;
const sendsEach = sized(10, 1);
const inFlight = 32;

export async function run(): Promise<BenchFigure[]> {
  const connector = await startConnector();
  try {
    const adapter = createAdapter(loadConfig({}), createLogger('silent'));
    const unlimited = { perSecond: 1e9, burst: 1e9 };
    const messenger = new BotMessenger(adapter, { appId: '', limits: { perConversation: [unlimited], overall: unlimited } });
    const card = renderCard('confirmation', { title: 'Reminder', message: 'Review the needs assessment', tone: 'default', facts: [] });
    const reference = (i: number): Partial<ConversationReference> => ({
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: `a:1bench-${i}`, conversationType: 'personal', isGroup: false, name: '' },
      bot: { id: '28:actionbot', name: 'actionbot' },
    });
    const jobs = Array.from({ length: conversations * sendsEach }, (_, n) => n % conversations);
    // Warm up connections and botbuilder's lazy set-up so the timing measures steady sending.
    await Promise.all(Array.from({ length: inFlight }, (_, i) => messenger.send(reference(i), card)));
    connector.clear();

    const latencies: number[] = [];
    const started = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: inFlight }, async () => {
      while (next < jobs.length) {
        const conversation = jobs[next++] ?? 0;
        const t0 = performance.now();
        await messenger.send(reference(conversation), card);
        latencies.push(performance.now() - t0);
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    const delivered = connector.calls.filter((c) => c.kind === 'send' && c.status < 400).length;
    if (delivered !== jobs.length) throw new Error(`send bench: ${delivered} of ${jobs.length} cards arrived`);
    const { median, p95 } = percentiles(latencies);
    return [
      { key: 'send.perSecond', label: `proactive card sends per second (${jobs.length} to ${conversations} chats, ${inFlight} at once)`, value: jobs.length / seconds, unit: '/s' },
      { key: 'send.medianMs', label: 'one send, median', value: median, unit: 'ms' },
      { key: 'send.p95Ms', label: 'one send, 95th percentile', value: p95, unit: 'ms' },
    ];
  } finally {
    await connector.close();
  }
}
