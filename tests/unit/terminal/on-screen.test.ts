import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for the browser's IntersectionObserver: the test says which elements come into view. */
class FakeObserver {
  static made: FakeObserver[] = [];
  observed = new Set<object>();
  readonly callback: (entries: { target: object; isIntersecting: boolean }[]) => void;
  constructor(callback: (entries: { target: object; isIntersecting: boolean }[]) => void) {
    this.callback = callback;
    FakeObserver.made.push(this);
  }
  observe(el: object): void {
    this.observed.add(el);
  }
  unobserve(el: object): void {
    this.observed.delete(el);
  }
  /** Reports these elements as (not) intersecting, as the browser would for observed ones. */
  report(els: object[], isIntersecting: boolean): void {
    this.callback(els.filter((el) => this.observed.has(el)).map((target) => ({ target, isIntersecting })));
  }
}

async function load() {
  vi.resetModules();
  return import('../../../src/components/terminal/on-screen.ts');
}

describe('watchScreen', () => {
  beforeEach(() => {
    FakeObserver.made = [];
    vi.stubGlobal('IntersectionObserver', FakeObserver);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('uses one observer for every terminal and calls each one once, when it is seen', async () => {
    const { watchScreen } = await load();
    const a = {} as Element;
    const b = {} as Element;
    const seen: string[] = [];
    watchScreen(a, () => seen.push('a'));
    watchScreen(b, () => seen.push('b'));
    expect(FakeObserver.made).toHaveLength(1);
    const observer = FakeObserver.made[0];
    observer.report([a, b], false);
    expect(seen).toEqual([]);
    observer.report([b], true);
    observer.report([b], true);
    expect(seen).toEqual(['b']);
    expect(observer.observed.has(b)).toBe(false);
    observer.report([a], true);
    expect(seen).toEqual(['b', 'a']);
  });

  it('forgets a terminal that is unwatched (used before it was seen)', async () => {
    const { watchScreen, unwatchScreen } = await load();
    const a = {} as Element;
    const seen: string[] = [];
    watchScreen(a, () => seen.push('a'));
    unwatchScreen(a);
    FakeObserver.made[0].report([a], true);
    expect(seen).toEqual([]);
  });

  it('calls at once where the browser has no IntersectionObserver', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const { watchScreen } = await load();
    const seen: string[] = [];
    watchScreen({} as Element, () => seen.push('a'));
    expect(seen).toEqual(['a']);
  });
});

describe('whenIdle', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('waits for an idle period, with a deadline', async () => {
    const calls: { timeout?: number }[] = [];
    let pending: (() => void) | undefined;
    vi.stubGlobal('requestIdleCallback', (task: () => void, options: { timeout?: number }) => {
      calls.push(options);
      pending = task;
      return 1;
    });
    const { whenIdle } = await load();
    let ran = false;
    whenIdle(() => (ran = true));
    expect(ran).toBe(false);
    expect(calls).toEqual([{ timeout: 2000 }]);
    pending?.();
    expect(ran).toBe(true);
  });
});
