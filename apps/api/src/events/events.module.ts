import { Module } from '@nestjs/common';
import { EventsController } from './events.controller.js';
import { ExportHandler } from './export.handler.js';
import { ImportHandler } from './import.handler.js';
import { ListEventsHandler } from './list.handler.js';

@Module({
  controllers: [EventsController],
  providers: [ListEventsHandler, ExportHandler, ImportHandler],
})
export class EventsModule {}
