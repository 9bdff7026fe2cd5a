import { Module } from '@nestjs/common';
import { SheetImport } from './sheet-import.js';
import { SheetsController } from './sheets.controller.js';

@Module({ controllers: [SheetsController], providers: [SheetImport] })
export class SheetsModule {}
