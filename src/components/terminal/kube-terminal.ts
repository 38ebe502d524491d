/**
 * `<kube-terminal>`: the interactive part of a terminal demo. The server renders the markup (task,
 * solution, labels in the page's language, the interactive parts at their final size); this
 * element brings it to life without touching the layout, and starts the simulator's worker only
 * when the terminal is seen (once the page is idle) or used. Output is only ever text nodes.
 */
import { parseAnsi } from './ansi.ts';
import { forgetSession, loadSession, saveSession, sessionKey, sessionStore } from './history.ts';
import { applyCompletion, formatColumns, keyAction, LineHistory, type LineAction } from './line-editor.ts';
import type { FromWorker, ToWorker, TranscriptEntry } from './protocol.ts';
import { unwatchScreen, watchScreen, whenIdle } from './on-screen.ts';
import { terminalMessages, type TerminalMessages } from './strings.ts';

/** The time limit of one command unless the element's `timeout-ms` says otherwise. */
const DEFAULT_TIMEOUT_MS = 2000;
const DEFAULT_PROMPT = 'controlplane $ ';
const CONTINUATION_PROMPT = '> ';

interface Queued {
  input: string;
  hang: boolean;
}

interface Running extends Queued {
  id: number;
  entry: HTMLElement;
  /** Set once the worker says the command has started (its command families are loaded). */
  timer?: ReturnType<typeof setTimeout>;
}

/** The terminal custom element; see Terminal.astro for its markup. */
export class KubeTerminal extends HTMLElement {
  #strings: TerminalMessages = terminalMessages('en');
  #log!: HTMLElement;
  #input!: HTMLInputElement;
  #promptEl!: HTMLElement;
  #status!: HTMLElement;
  #worker: Worker | undefined;
  #ready = false;
  #failed = false;
  #restoring = true;
  /** Whether the scenario's checks have failed in this session (so passing again means fixed). */
  #broken = false;
  #queue: Queued[] = [];
  #running: Running | undefined;
  #completing: { id: number; line: string; cursor: number } | undefined;
  /** The log block of a command that continues on the next line (after `cat <<EOF`…). */
  #continuing: HTMLElement | undefined;
  #nextId = 1;
  #prompt = DEFAULT_PROMPT;
  /** The shell's own prompt, to return to when Ctrl+C drops a continued command. */
  #mainPrompt = DEFAULT_PROMPT;
  #history = new LineHistory();
  #replay: string[] = [];
  #key = '';

  connectedCallback(): void {
    if (this.#key) return;
    // The server labelled the markup in the chapter's language; messages follow the column's `lang`.
    this.#strings = terminalMessages(this.closest<HTMLElement>('[lang]')?.lang ?? document.documentElement.lang);
    this.#log = this.#part('log');
    this.#input = this.#part('input') as HTMLInputElement;
    this.#promptEl = this.#part('prompt');
    this.#status = this.#part('status');

    const index = [...document.querySelectorAll('kube-terminal')].indexOf(this);
    const hint = this.querySelector<HTMLElement>('.kt-hint');
    if (hint) {
      hint.id = `kt-hint-${index}`;
      this.#input.setAttribute('aria-describedby', hint.id);
    }
    this.#key = sessionKey(location.pathname, this.scenario, index);
    const saved = loadSession(sessionStore(), this.#key);
    this.#replay = saved.replay;
    this.#history = new LineHistory(saved.history);

    this.#part('form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.#submitLine();
    });
    this.#input.addEventListener('keydown', (event) => this.#onKey(event));
    this.#part('reset').addEventListener('click', () => this.reset());
    for (const key of this.querySelectorAll<HTMLButtonElement>('[data-key]')) {
      // Tapping a key must not take the focus from the input, or the phone's keyboard closes.
      key.addEventListener('pointerdown', (event) => event.preventDefault());
      key.addEventListener('click', () => {
        this.#perform(key.dataset.key as Exclude<LineAction, 'submit'>);
        this.#input.focus();
      });
    }
    this.#part('copy').addEventListener('click', () => void this.#copy());
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLElement>('[data-run-command]');
      if (button && this.contains(button)) this.runCommand(button.dataset.runCommand ?? '');
    });
    // Clicking the screen (not a selection) puts the caret in the input, as a terminal would.
    this.#part('screen').addEventListener('click', (event) => {
      if ((event.target as Element).closest('button, input, a')) return;
      if (!window.getSelection()?.toString()) this.#input.focus();
    });
    this.addEventListener('focusin', () => this.#boot());
    this.addEventListener('pointerdown', () => this.#boot());
    // Seen at load (a terminal high on the page): the worker waits until the page is idle, so
    // that starting it does not compete with the page's own loading.
    watchScreen(this, () => whenIdle(() => this.#boot()));
  }

  disconnectedCallback(): void {
    unwatchScreen(this);
  }

  /** The scenario's name (`default` when the attribute is absent). */
  get scenario(): string {
    return this.getAttribute('scenario') || 'default';
  }

  /**
   * Runs a command as if typed (the ▶ buttons call this). A command of several lines (a heredoc,
   * `\` continuations) is sent line by line, as a terminal receives it: an `<input>` holds one line.
   */
  runCommand(command: string): void {
    if (!command) return;
    for (const line of command.split('\n')) this.#enqueue(line);
  }

  /** Back to the scenario's start: clears the screen, the history and the saved session. */
  reset(): void {
    this.#stopWorker();
    this.#queue = [];
    this.#replay = [];
    this.#history.clear();
    forgetSession(sessionStore(), this.#key);
    this.#log.replaceChildren();
    this.#input.value = '';
    this.#setPrompt(DEFAULT_PROMPT);
    this.#restoring = false;
    this.#failed = false;
    this.#boot();
  }

  #part(name: string): HTMLElement {
    const el = this.querySelector<HTMLElement>(`[data-part="${name}"]`);
    if (!el) throw new Error(`kube-terminal: missing [data-part="${name}"]`);
    return el;
  }

  get #timeoutMs(): number {
    const value = Number(this.getAttribute('timeout-ms'));
    return Number.isFinite(value) && value > 0 ? value : DEFAULT_TIMEOUT_MS;
  }

  #boot(): void {
    if (this.#worker || this.#failed) return;
    unwatchScreen(this);
    this.#ready = false;
    this.#log.setAttribute('aria-busy', 'true');
    this.#say(this.#strings.starting);
    try {
      this.#worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'kubesim' });
    } catch {
      this.#fail();
      return;
    }
    const worker = this.#worker;
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      if (worker === this.#worker) this.#onMessage(event.data);
    });
    worker.addEventListener('error', () => {
      if (worker === this.#worker) this.#fail();
    });
    this.#post({ type: 'init', scenario: this.scenario, replay: this.#replay, live: document.querySelector('figure[data-live]') !== null });
  }

  #stopWorker(): void {
    if (this.#running) clearTimeout(this.#running.timer);
    this.#running = undefined;
    this.#continuing = undefined;
    this.#completing = undefined;
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#ready = false;
  }

  #fail(): void {
    this.#stopWorker();
    this.#failed = true;
    this.#log.removeAttribute('aria-busy');
    this.#note(this.#strings.unavailable);
    this.#say('');
  }

  /**
   * Tells the reader whether the scenario's fault is fixed, from the simulator's own checks.
   * "Fixed" only once something was broken: at the start, or by the reader's own commands.
   */
  #showChecks(checks: boolean[], brokenAtStart?: boolean): void {
    const report = this.querySelector<HTMLElement>('[data-part="checks"]');
    if (!report) return;
    if (brokenAtStart !== undefined) this.#broken = brokenAtStart;
    const passed = checks.filter(Boolean).length;
    if (passed < checks.length) this.#broken = true;
    const state = passed < checks.length ? 'failing' : this.#broken ? 'passed' : 'holding';
    report.dataset.state = state;
    report.textContent = (report.dataset[state] ?? '').replace('{passed}', String(passed)).replace('{total}', String(checks.length));
  }

  #post(message: ToWorker): void {
    this.#worker?.postMessage(message);
  }

  #onMessage(message: FromWorker): void {
    if ((message.type === 'ready' || message.type === 'result') && message.state) {
      // Live diagrams listen for this; they may sit anywhere on the page, so the event bubbles.
      this.dispatchEvent(new CustomEvent('kube-terminal:state', { detail: message.state, bubbles: true }));
    }
    if (message.type === 'ready' && message.checks) this.#showChecks(message.checks, message.brokenAtStart);
    if (message.type === 'result' && message.checks) this.#showChecks(message.checks);
    switch (message.type) {
      case 'started': {
        const running = this.#running;
        if (!running || running.id !== message.id) return;
        running.timer = setTimeout(() => this.#abandon(this.#strings.timedOut(String(this.#timeoutMs / 1000))), this.#timeoutMs);
        break;
      }
      case 'ready':
        this.#ready = true;
        this.#log.removeAttribute('aria-busy');
        this.#say('');
        if (this.#restoring && message.transcript.length > 0) {
          for (const entry of message.transcript) this.#showEntry(entry);
          this.#note(this.#strings.restored(message.transcript.length));
        }
        this.#restoring = false;
        this.#setPrompt(message.prompt);
        this.#next();
        break;
      case 'result': {
        const running = this.#running;
        if (!running || running.id !== message.id) return;
        clearTimeout(running.timer);
        this.#running = undefined;
        this.#continuing = undefined;
        this.#replay.push(message.entry.input);
        this.#save();
        this.#appendOutput(running.entry, message.entry);
        this.#setPrompt(message.prompt);
        this.#next();
        break;
      }
      case 'more': {
        const running = this.#running;
        if (!running || running.id !== message.id) return;
        clearTimeout(running.timer);
        this.#running = undefined;
        this.#continuing = running.entry;
        this.#setPrompt(message.prompt);
        this.#next();
        break;
      }
      case 'completions':
        this.#onCompletions(message.id, message.candidates);
        break;
      case 'fail':
        this.#fail();
        break;
    }
  }

  #onKey(event: KeyboardEvent): void {
    const input = this.#input;
    const hasSelection = input.selectionStart !== input.selectionEnd;
    const action = keyAction(event, input.value, hasSelection);
    if (!action || action === 'submit') return; // Enter submits the form (and the phone's "Go" key too).
    event.preventDefault();
    this.#perform(action);
  }

  /** What a terminal key does, typed or tapped (the touch keys). */
  #perform(action: Exclude<LineAction, 'submit'>): void {
    const input = this.#input;
    switch (action) {
      case 'history-up': {
        const line = this.#history.up(input.value);
        if (line !== undefined) this.#setLine(line);
        break;
      }
      case 'history-down': {
        const line = this.#history.down();
        if (line !== undefined) this.#setLine(line);
        break;
      }
      case 'complete':
        this.#requestCompletion();
        break;
      case 'interrupt':
        this.#interrupt();
        break;
      case 'clear-screen':
        this.#log.replaceChildren();
        break;
    }
  }

  #setLine(line: string, cursor = line.length): void {
    this.#input.value = line;
    this.#input.setSelectionRange(cursor, cursor);
  }

  #submitLine(): void {
    const input = this.#input.value;
    this.#input.value = '';
    this.#enqueue(input);
  }

  #enqueue(input: string): void {
    this.#history.push(input);
    this.#save();
    if (input.trim() === 'reset' && !this.#continuing && this.#queue.length === 0) {
      this.reset();
      return;
    }
    this.#queue.push({ input, hang: this.hasAttribute('data-test-hang') });
    this.#boot();
    this.#next();
  }

  /** Runs the next queued line once the simulator is free. */
  #next(): void {
    if (!this.#ready || this.#running) return;
    const item = this.#queue.shift();
    if (!item) return;
    const entry = this.#continuing ?? this.#commandLine(this.#prompt, item.input);
    if (this.#continuing) this.#continueLine(entry, item.input);
    else if (item.input.trim() === '') {
      this.#next();
      return;
    }
    const id = this.#nextId++;
    this.#running = { ...item, id, entry };
    this.#post({ type: 'run', id, input: item.input, hang: item.hang || undefined, columns: this.#columns() });
  }

  /** Ctrl+C: stops a running command, else drops the line being typed, printing `^C` as bash does. */
  #interrupt(): void {
    if (this.#running) {
      this.#abandon('^C');
      return;
    }
    const entry = this.#continuing ?? this.#commandLine(this.#prompt, this.#input.value);
    if (this.#continuing) {
      this.#continueLine(entry, this.#input.value);
      this.#continuing = undefined;
      this.#post({ type: 'cancel' });
      this.#setPrompt(this.#mainPrompt);
    }
    entry.append('^C');
    this.#input.value = '';
    this.#history.push('');
  }

  /**
   * Stops the command being run: the worker is terminated (a loop cannot be interrupted any
   * other way) and a new one replays the commands that finished, which is the state before it.
   */
  #abandon(message: string): void {
    const running = this.#running;
    if (!running) return;
    this.#stopWorker();
    if (message === '^C') running.entry.append('^C');
    else this.#note(message);
    this.#boot();
  }

  #requestCompletion(): void {
    this.#boot();
    if (!this.#ready || this.#running) return;
    const line = this.#input.value;
    const cursor = this.#input.selectionStart ?? line.length;
    const id = this.#nextId++;
    this.#completing = { id, line, cursor };
    this.#post({ type: 'complete', id, line, cursor });
  }

  #onCompletions(id: number, candidates: string[]): void {
    const asked = this.#completing;
    this.#completing = undefined;
    // The reader kept typing: the answer is for a line that no longer exists.
    if (!asked || asked.id !== id || this.#input.value !== asked.line) return;
    const done = applyCompletion(asked.line, asked.cursor, candidates);
    if (done.list.length > 0) {
      const entry = this.#commandLine(this.#prompt, asked.line);
      entry.append('\n' + formatColumns(done.list, this.#columns()));
    }
    this.#setLine(done.line, done.cursor);
  }

  /** How many characters fit across the screen: the width `ls` fits its columns to, and the completion listing's. */
  #columns(): number {
    const fontSize = parseFloat(getComputedStyle(this.#log).fontSize) || 16;
    return Math.max(20, Math.floor(this.#log.clientWidth / (fontSize * 0.6)) - 2);
  }

  #setPrompt(prompt: string): void {
    this.#prompt = prompt || DEFAULT_PROMPT;
    if (this.#prompt !== CONTINUATION_PROMPT) this.#mainPrompt = this.#prompt;
    this.#promptEl.textContent = this.#prompt;
  }

  /** Adds `prompt + command` as a new block of the log and returns it (output goes inside). */
  #commandLine(prompt: string, input: string): HTMLElement {
    const entry = document.createElement('div');
    entry.className = 'kt-entry';
    const [first, ...more] = input.split('\n');
    entry.append(this.#promptSpan(prompt), first);
    for (const line of more) this.#continueLine(entry, line);
    this.#log.append(entry);
    this.#scroll();
    return entry;
  }

  /** A further line of a command, after bash's `> `. */
  #continueLine(entry: HTMLElement, line: string): void {
    entry.append('\n', this.#promptSpan(CONTINUATION_PROMPT), line);
    this.#scroll();
  }

  #promptSpan(prompt: string): HTMLElement {
    const span = document.createElement('span');
    span.className = 'kt-entry-prompt';
    span.textContent = prompt;
    return span;
  }

  #showEntry(entry: TranscriptEntry): void {
    this.#appendOutput(this.#commandLine(entry.prompt, entry.input), entry);
  }

  /** Writes a command's output under its line; `clear`'s escape empties the screen first. */
  #appendOutput(target: HTMLElement, result: TranscriptEntry): void {
    const text = (result.chunks ? result.chunks.map((c) => c.text).join('') : result.stdout + result.stderr).replace(/\n$/, '');
    if (!text) return;
    let block = target;
    block.append('\n');
    for (const piece of parseAnsi(text)) {
      if (piece.kind === 'clear') {
        this.#log.replaceChildren();
        block = document.createElement('div');
        block.className = 'kt-entry';
        this.#log.append(block);
        continue;
      }
      if (!piece.bold && piece.fg === undefined) {
        block.append(piece.text);
        continue;
      }
      const span = document.createElement('span');
      if (piece.bold) span.classList.add('kt-bold');
      if (piece.fg !== undefined) span.classList.add(`kt-fg-${piece.fg}`);
      span.textContent = piece.text;
      block.append(span);
    }
    // After `clear` the block may hold only the newline that preceded the escape.
    if (block !== target && block.textContent?.trim() === '') block.remove();
    this.#scroll();
  }

  /** A one-line message from the terminal itself (not from a command). */
  #note(text: string): void {
    const note = document.createElement('div');
    note.className = 'kt-note';
    note.textContent = text;
    this.#log.append(note);
    this.#scroll();
  }

  /** A short status next to the buttons (starting…, copied). */
  #say(text: string): void {
    this.#status.textContent = text;
  }

  #scroll(): void {
    this.#log.scrollTop = this.#log.scrollHeight;
  }

  #save(): void {
    saveSession(sessionStore(), this.#key, { replay: this.#replay, history: [...this.#history.entries] });
  }

  async #copy(): Promise<void> {
    const text = [...this.#log.children].map((el) => el.textContent ?? '').join('\n');
    try {
      await navigator.clipboard.writeText(text);
      this.#say(this.#strings.copied);
    } catch {
      const range = document.createRange();
      range.selectNodeContents(this.#log);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      this.#say(this.#strings.copyFailed);
    }
  }
}
