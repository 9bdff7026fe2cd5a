import { Module } from '@nestjs/common';
import { CsosController } from './csos.controller.js';

@Module({ controllers: [CsosController] })
export class CsosModule {}
