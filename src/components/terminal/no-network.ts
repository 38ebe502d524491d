/**
 * The simulator's worker has no network: curl, nslookup or `kubectl apply -f https://…` are
 * simulated, and nothing a reader types may reach a real server. Every way a worker can send a
 * request is replaced by a function that throws. The module loader stays: the worker's chunks
 * (scenarios, command families) come by dynamic import(), which none of these is.
 */

/** The message every blocked API throws. */
export const NO_NETWORK = 'kubesim: no network in this sandbox';

/** Globals that send requests: fetch, XHR, sockets, server-sent events, classic and nested workers, the Cache API's add(). */
const BLOCKED = ['fetch', 'XMLHttpRequest', 'WebSocket', 'WebTransport', 'EventSource', 'importScripts', 'Worker', 'SharedWorker', 'caches'] as const;

// A function declaration, not an arrow: `new WebSocket(…)` must throw this error, not "not a constructor".
function refuse(): never {
  throw new TypeError(NO_NETWORK);
}

/** Replaces the network APIs of `scope` (a worker's global scope) that exist there; returns their names. */
export function lockNetwork(scope: object): string[] {
  const locked: string[] = [];
  for (const name of BLOCKED) {
    if (!(name in scope)) continue;
    Object.defineProperty(scope, name, { value: refuse, writable: false, configurable: false, enumerable: false });
    locked.push(name);
  }
  const nav = (scope as { navigator?: object }).navigator;
  if (nav && 'sendBeacon' in nav) {
    Object.defineProperty(nav, 'sendBeacon', { value: refuse, writable: false, configurable: false });
    locked.push('navigator.sendBeacon');
  }
  return locked;
}
