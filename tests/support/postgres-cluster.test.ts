/** Which PostgreSQL binaries the throwaway clusters use when JALON_PG_BIN is not set. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newestPgBin } from './postgres-cluster.js';

describe('newestPgBin', () => {
  let root = '';
  const install = (version: string, binaries = ['initdb', 'pg_ctl']) => {
    mkdirSync(join(root, version, 'bin'), { recursive: true });
    for (const binary of binaries) writeFileSync(join(root, version, 'bin', binary), '');
  };
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('given 9.6, 15 and 17 installed, picks 17 (by number: "9.6" sorts after "17" as text)', () => {
    root = mkdtempSync(join(tmpdir(), 'jalon-pgbin-'));
    install('9.6');
    install('15');
    install('17');
    expect(newestPgBin(root)).toBe(join(root, '17', 'bin'));
  });

  it('skips a version without pg_ctl (a client-only package) and names that are not versions', () => {
    root = mkdtempSync(join(tmpdir(), 'jalon-pgbin-'));
    install('15');
    install('18', ['initdb']);
    install('extras');
    expect(newestPgBin(root)).toBe(join(root, '15', 'bin'));
  });

  it('with none installed, names the glob it looked for (the skip reason shows it)', () => {
    root = mkdtempSync(join(tmpdir(), 'jalon-pgbin-'));
    expect(newestPgBin(root)).toBe(`${root}/*/bin`);
    expect(newestPgBin(join(root, 'missing'))).toBe(`${join(root, 'missing')}/*/bin`);
  });
});
