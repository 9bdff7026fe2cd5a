import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller.js';
import { CasesHandler } from './cases.handler.js';

@Module({ controllers: [CasesController], providers: [CasesHandler] })
export class CasesModule {}
