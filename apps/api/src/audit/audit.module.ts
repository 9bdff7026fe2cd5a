import { Module } from '@nestjs/common';
import { VerifyController } from './verify.controller.js';
import { VerifyHandler } from './verify.handler.js';

@Module({ controllers: [VerifyController], providers: [VerifyHandler] })
export class AuditModule {}
