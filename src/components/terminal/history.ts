/**
 * What a terminal remembers across reloads of the page, in sessionStorage: the commands that ran
 * (replayed silently to rebuild the state and the transcript) and the ↑/↓ history.
 */

/** One demo's saved session. */
export interface SavedSession {
  /** Commands that ran to completion, in order: replaying them rebuilds the state. */
  replay: string[];
  /** Every submitted line, for ↑/↓ (includes commands stopped by the time limit). */
  history: string[];
}

/** The subset of the Web Storage API used here (so tests can pass a Map-backed fake). */
export type SessionStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** ↑/↓ history keeps the newest lines only (the replay list is kept whole: it is the state). */
export const MAX_HISTORY = 500;

const PREFIX = 'kube-notes:terminal:';

/** The storage key of one demo: page path, scenario and the terminal's index on the page. */
export function sessionKey(path: string, scenario: string, index: number): string {
  return `${PREFIX}${path}|${scenario}|${index}`;
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The saved session, or an empty one when nothing (or something unreadable) is stored. */
export function loadSession(store: SessionStore | undefined, key: string): SavedSession {
  try {
    const raw = store?.getItem(key);
    if (raw) {
      const data: unknown = JSON.parse(raw);
      if (data && typeof data === 'object') {
        const { replay, history } = data as Record<string, unknown>;
        if (isStrings(replay) && isStrings(history)) return { replay, history };
      }
    }
  } catch {
    // Unreadable or blocked storage: start afresh.
  }
  return { replay: [], history: [] };
}

/** Stores a session (keeping the newest MAX_HISTORY lines of the ↑/↓ history). */
export function saveSession(store: SessionStore | undefined, key: string, session: SavedSession): void {
  try {
    store?.setItem(
      key,
      JSON.stringify({ replay: session.replay, history: session.history.slice(-MAX_HISTORY) }),
    );
  } catch {
    // Full or disabled storage: the session simply does not survive a reload.
  }
}

/** Forgets a demo's session (Reset). */
export function forgetSession(store: SessionStore | undefined, key: string): void {
  try {
    store?.removeItem(key);
  } catch {
    // Nothing to forget when storage is unavailable.
  }
}

/** sessionStorage, or undefined where touching it throws (sandboxed frames, disabled storage). */
export function sessionStore(): SessionStore | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
