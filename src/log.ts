// Structured logs. Secrets and tokens are redacted wherever they appear in a logged object.
import { pino, type Logger } from 'pino';

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
  return destination ? pino(options, destination as pino.DestinationStream) : pino(options);
}
