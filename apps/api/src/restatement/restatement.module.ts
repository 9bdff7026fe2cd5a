import { Module } from '@nestjs/common';
import { RestatementController } from './restatement.controller.js';
import { RestatementHandler } from './restatement.handler.js';

@Module({ controllers: [RestatementController], providers: [RestatementHandler] })
export class RestatementModule {}
