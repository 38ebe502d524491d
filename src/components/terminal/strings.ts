/**
 * The terminal's UI labels in both languages. Server-rendered labels come from here, and so do the
 * few messages the element writes at run time (it picks the language from `<html lang>`).
 */

/** The languages the site is written in. */
export type TerminalLang = 'ja' | 'en';

/** Every label and message the terminal shows or announces. */
export interface TerminalStrings {
  terminal: string;
  input: string;
  output: string;
  task: string;
  /** `task` with the language's colon, before the task text. */
  taskLabel: string;
  /** Prefix of a solution ▶ button's name, before the command. */
  runLabel: string;
  reset: string;
  copy: string;
  copied: string;
  copyFailed: string;
  showSolution: string;
  solution: string;
  run: string;
  runInTerminal: string;
  starting: string;
  unavailable: string;
  timedOut: (seconds: string) => string;
  restored: (count: number) => string;
  /** The scenario's checks: not all pass yet (`passed` of `total`). */
  checksFailing: (passed: number, total: number) => string;
  /** Every check of the scenario passes: the fault is fixed. */
  checksPassed: string;
  keyboardHint: string;
  /** Names of the touch keys (a phone's keyboard has no ↑, ↓, Tab or Ctrl). */
  touchKeys: string;
  keyUp: string;
  keyDown: string;
  keyTab: string;
  keyInterrupt: string;
}

const ja: TerminalStrings = {
  terminal: 'ターミナル',
  input: 'コマンド入力',
  output: 'ターミナルの出力',
  task: '課題',
  taskLabel: '課題：',
  runLabel: '実行：',
  reset: 'リセット',
  copy: '出力をコピー',
  copied: 'コピーしました。',
  copyFailed: 'コピーできませんでした。出力を選択してコピーしてください。',
  showSolution: '解答を表示',
  solution: '解答',
  run: '実行',
  runInTerminal: 'ターミナルで実行',
  starting: 'シミュレーターを起動しています…',
  unavailable: 'シミュレーターを起動できませんでした。',
  timedOut: (s) => `コマンドが${s}秒を超えたため停止し、実行前の状態でターミナルを再起動しました。`,
  restored: (n) => `このセッションのコマンド${n}件を復元しました。`,
  checksFailing: (passed, total) => `まだ直っていません（確認 ${passed}/${total} 件が通っています）。`,
  checksPassed: '直りました！ すべての確認が通りました。',
  keyboardHint: 'Enterで実行、↑↓で履歴、Tabで補完（空の行ではTabで次へ移動）、Ctrl+Cで行を破棄、Ctrl+Lで画面を消去。',
  touchKeys: 'ターミナルのキー',
  keyUp: '前のコマンド',
  keyDown: '次のコマンド',
  keyTab: '補完',
  keyInterrupt: '中断（Ctrl+C）',
};

const en: TerminalStrings = {
  terminal: 'Terminal',
  input: 'Command input',
  output: 'Terminal output',
  task: 'Task',
  taskLabel: 'Task: ',
  runLabel: 'Run: ',
  reset: 'Reset',
  copy: 'Copy output',
  copied: 'Copied.',
  copyFailed: 'Could not copy; select the output and copy it instead.',
  showSolution: 'Show solution',
  solution: 'Solution',
  run: 'Run',
  runInTerminal: 'Run in the terminal',
  starting: 'Starting the simulator…',
  unavailable: 'The simulator could not start.',
  timedOut: (s) => `The command ran longer than ${s} s and was stopped; the terminal was restarted in the state before it.`,
  restored: (n) => `Restored ${n} command${n === 1 ? '' : 's'} from this session.`,
  checksFailing: (passed, total) => `Not fixed yet (${passed} of ${total} checks pass).`,
  checksPassed: 'Fixed! Every check passes.',
  keyboardHint: 'Enter runs, ↑↓ recall history, Tab completes (on an empty line Tab moves on), Ctrl+C drops the line, Ctrl+L clears the screen.',
  touchKeys: 'Terminal keys',
  keyUp: 'Previous command',
  keyDown: 'Next command',
  keyTab: 'Complete',
  keyInterrupt: 'Interrupt (Ctrl+C)',
};

/** The language of a `lang` attribute value (`ja`, `ja-JP`, `en-US`…); English for anything else. */
export function terminalLang(lang: string | null | undefined): TerminalLang {
  return (lang ?? '').toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/**
 * What a terminal says in its `<noscript>`, apart from the labels: only the server renders it, and
 * the element's script, which takes the labels along, never needs it.
 */
const noscript: Record<TerminalLang, string> = {
  ja: 'ターミナルを使うにはJavaScriptを有効にしてください。課題と解答のコマンドは下にあります。',
  en: 'The terminal needs JavaScript. The task and the solution commands are below.',
};

/** The `<noscript>` text for one language. */
export function terminalNoscript(lang: string | null | undefined): string {
  return noscript[terminalLang(lang)];
}

/** The labels for one language. */
export function terminalStrings(lang: string | null | undefined): TerminalStrings {
  return terminalLang(lang) === 'ja' ? ja : en;
}

/** The labels that are plain strings (the ones markup can name in `data-l10n`). */
export type TextKey = { [K in keyof TerminalStrings]: TerminalStrings[K] extends string ? K : never }[keyof TerminalStrings];
