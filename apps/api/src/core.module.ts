import { Global, Module, type DynamicModule } from '@nestjs/common';
import { EVENT_STORE } from '@jalon/event-store';
import { AuthService } from './auth/auth.service.js';
import { USER_STORE } from './auth/user-store.js';
import { CommandRunner } from './commands/command-runner.js';
import { StoreFullAlarm } from './http/store-full.js';
import { RecordFactHandler } from './commands/record-fact.handler.js';
import { LOGGER } from './logging/logger.js';
import { ReadModelGate } from './projection/read-model-gate.js';
import { Projector } from './projection/projector.js';
import { ReadModelSnapshots } from './projection/snapshot-keeper.js';
import { READ_AUDIT_STORE } from './read-audit/read-audit-store.js';
import { ReadAudit } from './read-audit/read-audit.service.js';
import { CONFIG, type Runtime } from './runtime.js';

/** The ports and shared services every capability uses, opened by the server before Nest starts. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(runtime: Runtime): DynamicModule {
    const providers = [
      { provide: CONFIG, useValue: runtime.config },
      { provide: EVENT_STORE, useValue: runtime.store },
      { provide: USER_STORE, useValue: runtime.users },
      { provide: READ_AUDIT_STORE, useValue: runtime.readAudit },
      { provide: LOGGER, useValue: runtime.logger },
      Projector,
      ReadModelSnapshots,
      ReadModelGate,
      StoreFullAlarm,
      CommandRunner,
      RecordFactHandler,
      AuthService,
      ReadAudit,
    ];
    return { module: CoreModule, providers, exports: providers.map((p) => ('provide' in p ? p.provide : p)) };
  }
}
