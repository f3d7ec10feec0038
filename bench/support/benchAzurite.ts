// Each full-run section gets a private Azurite (its figures see no other section's tables). A smoke
// run shares one across sections (each uses its own table prefix): starting Azurite is most of a
// small section's time.
import { startAzurite, type RunningAzurite } from '../../src/store/azurite.ts';
import { SMOKE } from './smoke.ts';

let shared: Promise<RunningAzurite> | null = null;

/** An Azurite for one section; its `stop` leaves a smoke run's shared one running. */
export async function startBenchAzurite(): Promise<RunningAzurite> {
  if (!SMOKE) return startAzurite();
  shared ??= startAzurite();
  return { ...(await shared), stop: async () => undefined };
}

/** Stops the smoke run's shared Azurite, if one was started. */
export async function stopSharedAzurite(): Promise<void> {
  if (shared) await (await shared).stop();
  shared = null;
}
