import { Module } from '@nestjs/common';
import { LogframeController } from './logframe.controller.js';
import { LogframeHandler } from './logframe.handler.js';

@Module({ controllers: [LogframeController], providers: [LogframeHandler] })
export class LogframeModule {}
