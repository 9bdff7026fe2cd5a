import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';

describe('readConfig', () => {
  it('has the defaults of CONTRACT.md', () => {
    expect(readConfig({}, {})).toMatchObject({
      port: 3000,
      store: 'sqlite:./data/jalon.db',
      demo: true,
      adminPassword: undefined,
      smallCellThreshold: 5,
      tokenTtlHours: 12,
      logLevel: 'info',
    });
  });

  it('reads the environment', () => {
    const config = readConfig(
      {},
      { PORT: '0', JALON_STORE: 'sqlite:/tmp/j.db', JALON_DEMO: '0', JALON_SMALL_CELL: '11', JALON_TOKEN_TTL_HOURS: '0.5' },
    );
    expect(config).toMatchObject({ port: 0, store: 'sqlite:/tmp/j.db', demo: false, smallCellThreshold: 11, tokenTtlHours: 0.5 });
  });

  it('lets explicit options win over the environment', () => {
    expect(readConfig({ port: 8080, demo: true }, { PORT: '1', JALON_DEMO: '0' })).toMatchObject({ port: 8080, demo: true });
  });

  it('refuses settings it cannot read, naming them', () => {
    expect(() => readConfig({}, { PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({}, { JALON_SMALL_CELL: '0' })).toThrow(/JALON_SMALL_CELL/);
    expect(() => readConfig({}, { JALON_DEMO: 'maybe' })).toThrow(/JALON_DEMO/);
    expect(() => readConfig({}, { LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
