/**
 * The terminal's words in both languages, in two sets: the labels, which only the server renders
 * (Terminal.astro), and the messages the element writes at run time. The element's script imports
 * only the messages, so the labels never reach the browser as script.
 */

/** The languages the site is written in. */
export type TerminalLang = 'ja' | 'en';

/** What the server writes into a terminal's markup: names, buttons, the hint, the noscript text. */
export interface TerminalLabels {
  terminal: string;
  input: string;
  output: string;
  /** The task's heading, with the language's colon, before the task text. */
  taskLabel: string;
  /** Prefix of a solution ▶ button's name, before the command. */
  runLabel: string;
  reset: string;
  copy: string;
  showSolution: string;
  solution: string;
  keyboardHint: string;
  /** Names of the touch keys (a phone's keyboard has no ↑, ↓, Tab or Ctrl). */
  touchKeys: string;
  keyUp: string;
  keyDown: string;
  keyTab: string;
  keyInterrupt: string;
  noscript: string;
  /**
   * The report of the scenario's checks, one per state; the element picks one at run time and
   * fills `{passed}` and `{total}`, so the words stay in the markup, not in the script.
   */
  checksFailing: string;
  /** Every check of the scenario passes: the fault is fixed. */
  checksPassed: string;
  /** Every check passes and none has failed yet: a scenario to explore, with nothing to fix. */
  checksHolding: string;
}

/** What the element says or announces while it runs. */
export interface TerminalMessages {
  copied: string;
  copyFailed: string;
  /** Name of the ▶ button the element adds to a page's console block. */
  runInTerminal: string;
  starting: string;
  unavailable: string;
  timedOut: (seconds: string) => string;
  restored: (count: number) => string;
}

const labels: Record<TerminalLang, TerminalLabels> = {
  ja: {
    terminal: 'ターミナル',
    input: 'コマンド入力',
    output: 'ターミナルの出力',
    taskLabel: '課題：',
    runLabel: '実行：',
    reset: 'リセット',
    copy: '出力をコピー',
    showSolution: '解答を表示',
    solution: '解答',
    keyboardHint: 'Enterで実行、↑↓で履歴、Tabで補完（空の行ではTabで次へ移動）、Ctrl+Cで行を破棄、Ctrl+Lで画面を消去。',
    touchKeys: 'ターミナルのキー',
    keyUp: '前のコマンド',
    keyDown: '次のコマンド',
    keyTab: '補完',
    keyInterrupt: '中断（Ctrl+C）',
    noscript: 'ターミナルを使うにはJavaScriptを有効にしてください。課題と解答のコマンドは下にあります。',
    checksFailing: 'まだ直っていません（確認 {passed}/{total} 件が通っています）。',
    checksPassed: '直りました！ すべての確認が通りました。',
    checksHolding: 'すべての確認が通っています。壊れているところはありません。',
  },
  en: {
    terminal: 'Terminal',
    input: 'Command input',
    output: 'Terminal output',
    taskLabel: 'Task: ',
    runLabel: 'Run: ',
    reset: 'Reset',
    copy: 'Copy output',
    showSolution: 'Show solution',
    solution: 'Solution',
    keyboardHint: 'Enter runs, ↑↓ recall history, Tab completes (on an empty line Tab moves on), Ctrl+C drops the line, Ctrl+L clears the screen.',
    touchKeys: 'Terminal keys',
    keyUp: 'Previous command',
    keyDown: 'Next command',
    keyTab: 'Complete',
    keyInterrupt: 'Interrupt (Ctrl+C)',
    noscript: 'The terminal needs JavaScript. The task and the solution commands are below.',
    checksFailing: 'Not fixed yet ({passed} of {total} checks pass).',
    checksPassed: 'Fixed! Every check passes.',
    checksHolding: 'Every check passes: nothing here is broken.',
  },
};

const messages: Record<TerminalLang, TerminalMessages> = {
  ja: {
    copied: 'コピーしました。',
    copyFailed: 'コピーできませんでした。出力を選択してコピーしてください。',
    runInTerminal: 'ターミナルで実行',
    starting: 'シミュレーターを起動しています…',
    unavailable: 'シミュレーターを起動できませんでした。',
    timedOut: (s) => `コマンドが${s}秒を超えたため停止し、実行前の状態でターミナルを再起動しました。`,
    restored: (n) => `このセッションのコマンド${n}件を復元しました。`,
  },
  en: {
    copied: 'Copied.',
    copyFailed: 'Could not copy; select the output and copy it instead.',
    runInTerminal: 'Run in the terminal',
    starting: 'Starting the simulator…',
    unavailable: 'The simulator could not start.',
    timedOut: (s) => `The command ran longer than ${s} s and was stopped; the terminal was restarted in the state before it.`,
    restored: (n) => `Restored ${n} command${n === 1 ? '' : 's'} from this session.`,
  },
};

/** The language of a `lang` attribute value (`ja`, `ja-JP`, `en-US`…); English for anything else. */
export function terminalLang(lang: string | null | undefined): TerminalLang {
  return (lang ?? '').toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** The labels the server renders, for one language. */
export function terminalLabels(lang: string | null | undefined): TerminalLabels {
  return labels[terminalLang(lang)];
}

/** The element's run-time messages, for one language. */
export function terminalMessages(lang: string | null | undefined): TerminalMessages {
  return messages[terminalLang(lang)];
}
