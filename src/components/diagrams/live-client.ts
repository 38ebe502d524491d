/**
 * Browser side of live diagrams: waits for a terminal's `kube-terminal:state` event and then
 * toggles classes and texts on the diagrams' SVG elements. Does nothing until that event fires.
 */
import { liveFacts, type LiveFacts, type LiveState, type LiveWords } from '../../lib/diagrams/live-keys.ts';

/** The event a `<kube-terminal>` dispatches (bubbling) after each command, `detail` being a LiveState. */
export const STATE_EVENT = 'kube-terminal:state';

/** Applies facts to one figure. */
export function applyFacts(figure: Element, facts: LiveFacts): void {
  const on = new Set(facts.on);
  const off = new Set(facts.off);
  figure.classList.add('kd-following');
  for (const el of figure.querySelectorAll<SVGElement>('[data-live-key]')) {
    const key = el.dataset.liveKey ?? '';
    el.classList.toggle('kd-on', on.has(key));
    el.classList.toggle('kd-off', off.has(key));
  }
  for (const el of figure.querySelectorAll<SVGTextElement>('[data-live-text]')) {
    const value = facts.text[el.dataset.liveText ?? ''];
    if (value === undefined || el.textContent === value) continue;
    el.textContent = value;
    el.removeAttribute('textLength');
    el.removeAttribute('lengthAdjust');
    const max = Number(el.dataset.maxWidth);
    // A longer name than the static picture's is narrowed to its box rather than spilling out.
    if (max > 0 && el.getComputedTextLength() > max) {
      el.setAttribute('textLength', String(max));
      el.setAttribute('lengthAdjust', 'spacingAndGlyphs');
    }
  }
}

function parse<T>(text: string | undefined, fallback: T): T {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** Listens for terminal states on `doc` and updates every live figure that follows that terminal. */
export function followTerminals(doc: Document): void {
  const w = window as Window & { __kdFollowing?: boolean };
  if (w.__kdFollowing) return;
  w.__kdFollowing = true;
  doc.addEventListener(STATE_EVENT, (event) => {
    const state = (event as CustomEvent<LiveState>).detail;
    if (!state || !Array.isArray(state.pvcs)) return;
    const scenario = (event.target as Element | null)?.getAttribute?.('scenario') ?? '';
    for (const figure of doc.querySelectorAll<HTMLElement>('figure[data-live]')) {
      const wanted = figure.dataset.live ?? '';
      if (wanted && wanted !== scenario) continue;
      const words = parse<LiveWords>(figure.dataset.liveWords, {} as LiveWords);
      const claims = parse<string[]>(figure.dataset.liveClaims, []);
      applyFacts(figure, liveFacts(state, words, claims));
    }
  });
}
