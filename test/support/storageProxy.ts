// A real HTTP hop between the store and Azurite that can break on purpose: stop listening (the storage
// account is unreachable), drop chosen requests (a write that never lands), or hold chosen requests
// until several have arrived (two writers racing on one row).
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { azuriteConnectionString } from '../../src/store/azurite.ts';

/** What a rule sees of a storage request: the method and the path, e.g. PUT /devstoreaccount1/xActions(...). */
export interface StorageRequest {
  method: string;
  path: string;
  /** The query string, decoded ("$filter=…&$select=…"), or ''. */
  query: string;
}

export type RequestMatch = (req: StorageRequest) => boolean;

/** The running proxy. */
export interface StorageProxy {
  /** Reaches Azurite through the proxy. */
  connectionString: string;
  /** Every request seen, in arrival order. */
  requests: StorageRequest[];
  /** Stops listening: the port refuses connections, like a storage account that is down. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  /** Matching requests get their connection dropped, until `heal()`. */
  cut(match: RequestMatch): void;
  heal(): void;
  /** The next `count` matching requests wait until all `count` have arrived, then go on together. */
  gate(match: RequestMatch, count: number): void;
  /** The next matching request waits until `release()`; `arrived` resolves when it is waiting. */
  hold(match: RequestMatch): { arrived: Promise<void>; release(): void };
  close(): Promise<void>;
}

interface Gate {
  match: RequestMatch;
  waiting: (() => void)[];
  count: number;
  /** How many requests it catches (a gate: count; a hold: one). */
  capacity: number;
  onArrive?: () => void;
}

/** Starts a proxy on a free port of 127.0.0.1 in front of the Azurite on `targetPort`. */
export async function startStorageProxy(targetPort: number): Promise<StorageProxy> {
  const requests: StorageRequest[] = [];
  let cuts: RequestMatch[] = [];
  const gates: Gate[] = [];
  const sockets = new Set<Socket>();

  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const upstream = request({ host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };

  const server = createServer((req, res) => {
    const [path = '', query = ''] = (req.url ?? '').split('?');
    const seen: StorageRequest = { method: req.method ?? '', path: decodeURIComponent(path), query: decodeURIComponent(query) };
    requests.push(seen);
    if (cuts.some((match) => match(seen))) {
      req.socket.destroy();
      return;
    }
    const gate = gates.find((g) => g.count > 0 && g.waiting.length < g.capacity && g.match(seen));
    if (!gate) return forward(req, res);
    req.pause();
    gate.waiting.push(() => { req.resume(); forward(req, res); });
    gate.onArrive?.();
    if (gate.waiting.length >= gate.count) {
      gate.count = 0;
      for (const go of gate.waiting.splice(0)) go();
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = (port: number): Promise<void> => new Promise((resolve, reject) => {
    if (server.listening) return resolve();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => { server.removeListener('error', reject); resolve(); });
  });
  const stop = (): Promise<void> => new Promise((resolve) => {
    if (!server.listening) return resolve();
    for (const socket of sockets) socket.destroy();
    server.close(() => resolve());
  });

  await listen(0);
  const { port } = server.address() as AddressInfo;
  return {
    connectionString: azuriteConnectionString(port),
    requests,
    down: stop,
    up: () => listen(port),
    cut: (match) => { cuts.push(match); },
    heal: () => { cuts = []; },
    gate: (match, count) => { gates.push({ match, waiting: [], count, capacity: count }); },
    hold: (match) => {
      // A gate that only release() opens.
      const gate: Gate = { match, waiting: [], count: Number.POSITIVE_INFINITY, capacity: 1 };
      const arrived = new Promise<void>((resolve) => { gate.onArrive = resolve; });
      gates.push(gate);
      return {
        arrived,
        release: () => {
          gate.count = 0;
          for (const go of gate.waiting.splice(0)) go();
        },
      };
    },
    close: stop,
  };
}

/** The port in an Azurite connection string (…TableEndpoint=http://127.0.0.1:PORT/…). */
export function portOf(connectionString: string): number {
  const port = /127\.0\.0\.1:(\d+)/.exec(connectionString)?.[1];
  if (!port) throw new Error('not a local Azurite connection string');
  return Number(port);
}
