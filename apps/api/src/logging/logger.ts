import { pino, type Logger } from 'pino';

export const LOGGER = Symbol('LOGGER');

/**
 * Structured logs on stdout, written synchronously so they never interleave with the plain lines
 * the server prints on start. Nothing secret is logged on purpose; the redaction is a safety net.
 */
export function createLogger(level: string, enabled: boolean): Logger {
  return pino(
    {
      level: enabled ? level : 'silent',
      base: { service: 'jalon-api' },
      redact: {
        paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization', '*.headers'],
        censor: '[redacted]',
      },
    },
    pino.destination({ dest: 1, sync: true }),
  );
}
