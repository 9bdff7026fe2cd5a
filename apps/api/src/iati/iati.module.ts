import { Module } from '@nestjs/common';
import { IatiController } from './iati.controller.js';

@Module({ controllers: [IatiController] })
export class IatiModule {}
