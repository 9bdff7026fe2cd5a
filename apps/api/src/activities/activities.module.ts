import { Module } from '@nestjs/common';
import { ActivitiesController } from './activities.controller.js';
import { ActivityHandler } from './activities.handler.js';

/** GET /api/v1/activities/{csos,trainings,cases}: aggregates for the dashboard's activity pages. */
@Module({ controllers: [ActivitiesController], providers: [ActivityHandler] })
export class ActivitiesModule {}
