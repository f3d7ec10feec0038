// Structured logs: JSON lines in production (one object per line, for the platform's log store),
// readable lines when a person runs the bot in a terminal. Secrets and tokens are redacted wherever
// they appear in a logged object; errors are logged under `err` with their stack and cause.
import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';

export type { Logger };

/** A logger at the given level; `destination` lets tests capture output. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    redact: {
      paths: ['*.authorization', '*.Authorization', 'headers.authorization', '*.token', '*.password', '*.MicrosoftAppPassword', '*.connectionString', 'AZURE_TABLES_CONNECTION_STRING'],
      censor: '[redacted]',
    },
  };
  if (destination) return pino(options, destination as pino.DestinationStream);
  // A terminal gets readable lines (on the same stream); anything else, e.g. a container's log, gets JSON.
  const pretty = process.stdout.isTTY ? prettyPrinter() : null;
  if (pretty) return pino(options, pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }));
  return pino(options);
}

/** pino-pretty, a development tool: loaded only for a terminal, and absent from the production image (JSON then). */
function prettyPrinter(): typeof PinoPretty | null {
  try {
    return createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
  } catch {
    return null;
  }
}
