import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/** Routes Nest's own messages into pino; its chatty bootstrap lines go to debug. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly pinoLog: Logger) {}

  log(message: unknown, context?: string): void {
    this.pinoLog.debug({ context }, String(message));
  }

  error(message: unknown, trace?: string, context?: string): void {
    this.pinoLog.error({ context, trace }, String(message));
  }

  warn(message: unknown, context?: string): void {
    this.pinoLog.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.pinoLog.trace({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.pinoLog.trace({ context }, String(message));
  }
}
