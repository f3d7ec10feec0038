// A TCP port on 127.0.0.1 that nothing listens on now: for Azurite, the local chat's companions, the benches
// and the tests, which must never collide with another run on the same machine.
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1 (the kernel's choice, released before it is returned). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
