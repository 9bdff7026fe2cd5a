import { Module } from '@nestjs/common';
import { BreakdownHandler } from './breakdown.handler.js';
import { IndicatorsController } from './indicators.controller.js';
import { IndicatorsHandler, SeriesHandler } from './indicators.handler.js';

@Module({
  controllers: [IndicatorsController],
  providers: [IndicatorsHandler, SeriesHandler, BreakdownHandler],
})
export class IndicatorsModule {}
