// Loaded into the server under test (--expose-gc --require this file): every second a full garbage
// collection, then the heap still in use, one number a line, into the file JALON_HEAP_SAMPLES names.
// The heap after a full collection tells a leak from a heap that only grows because it may.
const { appendFileSync } = require('node:fs');

const file = process.env.JALON_HEAP_SAMPLES;
if (file && typeof globalThis.gc === 'function') {
  setInterval(() => {
    globalThis.gc();
    appendFileSync(file, `${process.memoryUsage().heapUsed}\n`);
  }, 1000).unref();
}
