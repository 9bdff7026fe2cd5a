import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ThrottlerModule } from '@nestjs/throttler';
import { ActivitiesModule } from './activities/activities.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthModule } from './auth/auth.module.js';
import { loginThrottle } from './auth/login-throttle.js';
import { CasesModule } from './cases/cases.module.js';
import { ChangesModule } from './changes/changes.module.js';
import { CoreModule } from './core.module.js';
import { CsosModule } from './csos/csos.module.js';
import { EventsModule } from './events/events.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { HealthModule } from './health/health.module.js';
import { IatiModule } from './iati/iati.module.js';
import { ProblemFilter } from './http/problem.filter.js';
import { IndicatorsModule } from './indicators/indicators.module.js';
import { LogframeModule } from './logframe/logframe.module.js';
import { ReadAuditModule } from './read-audit/read-audit.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { RestatementModule } from './restatement/restatement.module.js';
import { SheetsModule } from './sheets/sheets.module.js';
import type { Runtime } from './runtime.js';
import { TrainingsModule } from './trainings/trainings.module.js';

@Module({})
export class AppModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(runtime),
        CqrsModule.forRoot(),
        ThrottlerModule.forRoot(loginThrottle(runtime.config.loginLimit)),
        ...dashboard(runtime.dashboardDir),
        HealthModule,
        AuthModule,
        CsosModule,
        TrainingsModule,
        CasesModule,
        IndicatorsModule,
        LogframeModule,
        EventsModule,
        AuditModule,
        ExportsModule,
        IatiModule,
        ReportsModule,
        SheetsModule,
        RestatementModule,
        ReadAuditModule,
        ChangesModule,
        ActivitiesModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}

/** The dashboard's build at `/`, when it has been built; /api stays the API's (and its 404s). */
function dashboard(rootPath: string | undefined): DynamicModule[] {
  if (!rootPath) return [];
  return [ServeStaticModule.forRoot({ rootPath, exclude: /^\/api(\/|$)/ })];
}
