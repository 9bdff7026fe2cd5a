import { Module } from '@nestjs/common';
import { CsosController } from './csos.controller.js';
import { CsosHandler } from './csos.handler.js';

@Module({ controllers: [CsosController], providers: [CsosHandler] })
export class CsosModule {}
