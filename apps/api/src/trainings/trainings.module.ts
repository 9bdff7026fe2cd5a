import { Module } from '@nestjs/common';
import { TrainingsController } from './trainings.controller.js';

@Module({ controllers: [TrainingsController] })
export class TrainingsModule {}
