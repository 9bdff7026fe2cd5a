import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, findChromium, requireChromium } from './chromium.js';

const root = mkdtempSync(join(tmpdir(), 'jalon-chromium-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A directory holding executables (or plain files) of these names. */
function bin(name: string, files: Record<string, 'exec' | 'plain'>): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const [file, kind] of Object.entries(files)) {
    writeFileSync(join(dir, file), '#!/bin/sh\n');
    chmodSync(join(dir, file), kind === 'exec' ? 0o755 : 0o644);
  }
  return dir;
}

describe('finding Chromium as .ci/run does', () => {
  const both = bin('both', { chromium: 'exec', 'chromium-browser': 'exec' });
  const browserOnly = bin('browser-only', { 'chromium-browser': 'exec' });
  const notExecutable = bin('plain', { chromium: 'plain' });
  const empty = bin('empty', {});

  it('given CHROMIUM_PATH, then that browser, whatever PATH holds', () => {
    const named = join(browserOnly, 'chromium-browser');
    expect(findChromium({ CHROMIUM_PATH: named, PATH: both })).toBe(named);
  });

  it('given CHROMIUM_PATH naming nothing, then none (not a fallback the user did not ask for)', () => {
    expect(findChromium({ CHROMIUM_PATH: join(empty, 'chromium'), PATH: both })).toBeUndefined();
  });

  it('given chromium and chromium-browser on PATH, then chromium', () => {
    expect(findChromium({ PATH: `${empty}:${both}` })).toBe(join(both, 'chromium'));
  });

  it('given only chromium-browser, then chromium-browser', () => {
    expect(findChromium({ PATH: `${notExecutable}:${browserOnly}` })).toBe(join(browserOnly, 'chromium-browser'));
  });

  it('given no browser, then the suite skips outside CI, runs under CI, and requiring one names what was looked for', () => {
    expect(findChromium({ PATH: `${empty}:${notExecutable}` })).toBeUndefined();
    expect(chromiumSkipReason('a suite', { PATH: empty })).toBe('no Chromium (looked for chromium or chromium-browser on PATH)');
    expect(chromiumSkipReason('a suite', { PATH: empty, CI: 'yes' })).toBeUndefined();
    expect(() => requireChromium({ PATH: empty })).toThrow('no Chromium (looked for chromium or chromium-browser on PATH): install it');
  });
});
