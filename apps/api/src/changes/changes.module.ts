import { Module } from '@nestjs/common';
import { ChangesController } from './changes.controller.js';

/** GET /api/v1/changes (CONTRACT.md, "Live updates"). */
@Module({ controllers: [ChangesController] })
export class ChangesModule {}
