// The real API plus one test-only route, GET /api/v1/bench/constant, answering a constant JSON body
// the size of GET /api/v1/indicators through the same guards, filters and serialisation: the floor
// that the indicators route is compared with. It never ships: only the bench starts this file.
// Configured as `jalon serve` is (PORT, JALON_STORE, JALON_ADMIN_PASSWORD, JALON_DEMO).
import 'reflect-metadata';
import { Controller, Get } from '@nestjs/common';
import { AppModule } from '../../../apps/api/dist/app.module.js';
import { startServer } from '../../../apps/api/dist/server.js';

const CONSTANT = {
  asOf: '2016-12-31',
  position: 1_000_000,
  indicators: Array.from({ length: 13 }, (_, i) => ({
    code: `${1 + Math.floor(i / 4)}.${1 + (i % 4)}`, objective: `OS${1 + Math.floor(i / 4)}`, unit: 'count',
    value: 1234 + i, baseline: 0, target: 2000, expected: 1800, status: 'amber',
  })),
};

class ConstantController {
  constant() {
    return CONSTANT;
  }
}
Get()(ConstantController.prototype, 'constant', Object.getOwnPropertyDescriptor(ConstantController.prototype, 'constant'));
Controller('api/v1/bench/constant')(ConstantController);

// The server builds its module with AppModule.forRoot: the bench's copy adds the controller.
const forRoot = AppModule.forRoot.bind(AppModule);
AppModule.forRoot = (runtime) => {
  const module = forRoot(runtime);
  return { ...module, controllers: [...(module.controllers ?? []), ConstantController] };
};

const server = await startServer();
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close().finally(() => process.exit(0)));
