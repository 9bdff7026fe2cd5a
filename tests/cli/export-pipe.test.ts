/**
 * `jalon export | READER` where the reader leaves early (`| head`, an import that refuses): the
 * export ends promptly on the broken pipe, with exit 0 and nothing on stderr, instead of waiting
 * for a reader that is gone. The pipe is a real one between two processes, as a shell makes it.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_MAIN, jalon, scratch, type Run } from './jalon.js';

const tmp = scratch();
const store = tmp.store('demo');
afterAll(() => tmp.remove());

/** `jalon export --store STORE | node -e READER`; resolves with the exporter's run and how long it took. */
function exportInto(reader: string): Promise<{ exported: Run; ms: number; readerOutput: string }> {
  const started = Date.now();
  const env = { ...process.env, JALON_STORE: '' };
  const exporter = spawn(process.execPath, [CLI_MAIN, 'export', '--store', store], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const consumer = spawn(process.execPath, ['-e', reader], { stdio: [exporter.stdout, 'pipe', 'inherit'] });
  exporter.stdout.destroy(); // this process keeps no end of the pipe: the consumer is its only reader
  let readerOutput = '';
  consumer.stdout.setEncoding('utf8').on('data', (chunk: string) => (readerOutput += chunk));
  const consumed = new Promise<void>((done) => consumer.on('close', () => done()));
  return new Promise((done, failed) => {
    let stderr = '';
    exporter.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    exporter.on('error', failed);
    exporter.on('close', async (code) => {
      await consumed;
      done({ exported: { code, stdout: '', stderr }, ms: Date.now() - started, readerOutput });
    });
  });
}

describe('jalon export into a pipe', () => {
  let size = 0;
  beforeAll(async () => {
    expect((await jalon(['demo', '--store', store])).code).toBe(0);
    size = Buffer.byteLength((await jalon(['export', '--store', store])).stdout);
  });

  it('given an export larger than a pipe holds, when the reader exits without reading, then export ends with exit 0 and says nothing', async () => {
    expect(size, 'the export must overflow the 64 KiB pipe buffer for this test to mean anything').toBeGreaterThan(128 * 1024);
    const { exported } = await exportInto('process.exit(3)');
    expect(exported).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('given a reader that takes the first line only, when it exits, then export ends with exit 0 and the line was whole', async () => {
    const reader = `process.stdin.once('data', (d) => { process.stdout.write(String(d).split('\\n')[0]); process.exit(0); });`;
    const { exported, readerOutput } = await exportInto(reader);
    expect(exported).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readerOutput)).toMatchObject({ position: 1 });
  });

  it('given a reader that reads everything, when the export is done, then every byte arrived', async () => {
    const reader = `let n = 0; process.stdin.on('data', (d) => (n += d.length)).on('end', () => process.stdout.write(String(n)));`;
    const { exported, readerOutput } = await exportInto(reader);
    expect(exported.code).toBe(0);
    expect(Number(readerOutput)).toBe(size);
  });
});
