import { Module } from '@nestjs/common';
import { IndicatorExportController } from './indicator-export.controller.js';

@Module({ controllers: [IndicatorExportController] })
export class ExportsModule {}
