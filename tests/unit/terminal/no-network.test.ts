/** The worker's network lock (src/components/terminal/no-network.ts) on a stand-in global scope. */
import { describe, expect, it } from 'vitest';
import { lockNetwork, NO_NETWORK } from '../../../src/components/terminal/no-network.ts';

describe('lockNetwork', () => {
  it('makes every network API of the scope throw, constructors included, and leaves the rest', () => {
    const sent: string[] = [];
    class Socket {
      constructor(url: string) {
        sent.push(url);
      }
    }
    const scope = {
      fetch: (url: string) => sent.push(url),
      WebSocket: Socket,
      XMLHttpRequest: Socket,
      EventSource: Socket,
      importScripts: (url: string) => sent.push(url),
      navigator: { sendBeacon: (url: string) => sent.push(url), userAgent: 'x' },
      postMessage: () => 'kept',
    };
    expect(lockNetwork(scope).sort()).toEqual(['EventSource', 'WebSocket', 'XMLHttpRequest', 'fetch', 'importScripts', 'navigator.sendBeacon']);
    const s = scope as unknown as Record<string, (...a: unknown[]) => unknown> & { navigator: { sendBeacon: (u: string) => void } };
    expect(() => s.fetch('https://example.com/')).toThrow(NO_NETWORK);
    expect(() => s.importScripts('https://example.com/x.js')).toThrow(NO_NETWORK);
    expect(() => s.navigator.sendBeacon('https://example.com/')).toThrow(NO_NETWORK);
    for (const Ctor of [scope.WebSocket, scope.XMLHttpRequest, scope.EventSource]) expect(() => new Ctor('wss://example.com/')).toThrow(NO_NETWORK);
    expect(sent).toEqual([]);
    expect(scope.postMessage()).toBe('kept');
    expect('Worker' in scope).toBe(false);
    // The lock cannot be undone by assigning the API back.
    expect(() => {
      'use strict';
      s.fetch = () => 'again';
    }).toThrow(TypeError);
  });
});
