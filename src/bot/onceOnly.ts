// Teams retries an activity it thinks was lost, with the same id: it is answered as before and acted on
// once. The first request claims the activity id; a repeat waits for that reply and sends it again.
import type { Services } from '../app/services.ts';

const WAIT_MS = 5_000;
const POLL_MS = 100;

/** Runs `handle` once per activity key and returns its reply (JSON text); a repeat gets the same reply. */
export async function onceOnly(services: Services, key: string | null, handle: () => Promise<string>): Promise<{ reply: string; repeat: boolean }> {
  if (key === null) return { reply: await handle(), repeat: false };
  const { chat } = services.store;
  if (await chat.claimActivity(key, services.clock.now().toISOString())) {
    const reply = await handle();
    await chat.saveReply(key, reply);
    return { reply, repeat: false };
  }
  services.logger.info({ key }, 'activity seen before: answered as before, not acted on again');
  for (let waited = 0; waited < WAIT_MS; waited += POLL_MS) {
    const reply = await chat.replyOf(key);
    if (reply !== null) return { reply, repeat: true };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return { reply: JSON.stringify([{ text: 'I am still working on your previous message; nothing was done twice.' }]), repeat: true };
}
