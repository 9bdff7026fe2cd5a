import { Module } from '@nestjs/common';
import { TrainingsController } from './trainings.controller.js';
import { TrainingsHandler } from './trainings.handler.js';

@Module({ controllers: [TrainingsController], providers: [TrainingsHandler] })
export class TrainingsModule {}
