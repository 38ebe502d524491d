import { describe, expect, it } from 'vitest';
import { forgetSession, loadSession, MAX_HISTORY, saveSession, sessionKey } from '../../../src/components/terminal/history.ts';

const memory = () => {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
};

describe('terminal session storage', () => {
  it('keys a demo by page, scenario and index', () => {
    expect(sessionKey('/en/playground/', 'default', 0)).not.toBe(sessionKey('/en/playground/', 'default', 1));
    expect(sessionKey('/en/playground/', 'default', 0)).not.toBe(sessionKey('/ja/playground/', 'default', 0));
  });

  it('round-trips, forgets, and survives garbage', () => {
    const store = memory();
    const key = sessionKey('/p/', 'default', 0);
    expect(loadSession(store, key)).toEqual({ replay: [], history: [] });
    saveSession(store, key, { replay: ['ssh node01'], history: ['ssh node01', 'sleep 99'] });
    expect(loadSession(store, key)).toEqual({ replay: ['ssh node01'], history: ['ssh node01', 'sleep 99'] });
    forgetSession(store, key);
    expect(loadSession(store, key)).toEqual({ replay: [], history: [] });
    store.setItem(key, '{not json');
    expect(loadSession(store, key)).toEqual({ replay: [], history: [] });
    store.setItem(key, JSON.stringify({ replay: [1], history: [] }));
    expect(loadSession(store, key)).toEqual({ replay: [], history: [] });
    expect(loadSession(undefined, key)).toEqual({ replay: [], history: [] });
  });

  it('keeps the whole replay (it is the state) but only the newest history lines', () => {
    const store = memory();
    const many = Array.from({ length: MAX_HISTORY + 10 }, (_, i) => `echo ${i}`);
    saveSession(store, 'k', { replay: many, history: many });
    const back = loadSession(store, 'k');
    expect(back.replay).toHaveLength(many.length);
    expect(back.history).toHaveLength(MAX_HISTORY);
    expect(back.history.at(-1)).toBe(`echo ${many.length - 1}`);
  });

  it('does not throw when storage does', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); }, removeItem: () => { throw new Error('x'); } };
    expect(loadSession(broken, 'k')).toEqual({ replay: [], history: [] });
    expect(() => saveSession(broken, 'k', { replay: [], history: [] })).not.toThrow();
    expect(() => forgetSession(broken, 'k')).not.toThrow();
  });
});
