import { describe, expect, it } from 'vitest';
import { SseParser } from './sse.js';

describe('reading server-sent events', () => {
  it('given a head event split across chunks, when fed, then it comes out once, whole', () => {
    const p = new SseParser();
    expect(p.push('event: head\ndata: {"posi')).toEqual([]);
    expect(p.push('tion":3,"hash":"ab"}\n\n')).toEqual([{ event: 'head', data: '{"position":3,"hash":"ab"}' }]);
  });

  it('given comments and CRLF line ends, when fed, then comments are dropped and events kept in order', () => {
    const p = new SseParser();
    const out = p.push(': keep-alive\r\n\r\nevent: head\r\ndata: 1\r\n\r\nevent: head\ndata: 2\n\n');
    expect(out).toEqual([
      { event: 'head', data: '1' },
      { event: 'head', data: '2' },
    ]);
  });

  it('given data without an event name, when fed, then it is a "message" and multi-line data joins with newlines', () => {
    expect(new SseParser().push('data: a\ndata: b\n\n')).toEqual([{ event: 'message', data: 'a\nb' }]);
  });
});
