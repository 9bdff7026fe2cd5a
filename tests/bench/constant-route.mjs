// Preloaded into the API by tests/bench/group-commit.mjs (node --import): adds GET /bench/constant,
// a route that answers a constant JSON object through the same app (helmet, request log, the
// global auth guard with a role check), as the yardstick for GET /api/v1/indicators. Never part
// of the product.
import { createRequire } from 'node:module';
import { join } from 'node:path';

// Nest as the server resolves it (JALON_BENCH_ROOT: another checkout's build, for a before/after).
const require = createRequire(join(process.env.JALON_BENCH_ROOT ?? process.cwd(), 'apps/api/package.json'));
const { Controller, Get, SetMetadata } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');

const CONSTANT = { status: 'ok', note: 'a constant answer for the benchmark' };

class ConstantController {
  constant() {
    return CONSTANT;
  }
}
const method = Object.getOwnPropertyDescriptor(ConstantController.prototype, 'constant');
SetMetadata('jalon:roles', ['admin', 'manager', 'auditor', 'donor'])(ConstantController.prototype, 'constant', method);
Get('constant')(ConstantController.prototype, 'constant', method);
Controller('bench')(ConstantController);

class BenchModule {}

const create = NestFactory.create.bind(NestFactory);
NestFactory.create = (module, ...rest) => create({ module: BenchModule, imports: [module], controllers: [ConstantController] }, ...rest);
