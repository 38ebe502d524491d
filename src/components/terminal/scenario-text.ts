/**
 * The reader-facing text of a scenario (title, task, solution commands) in one language, read
 * from the scenario's data at build time. Fields are either plain or keyed by language:
 * `task: { ja: …, en: … }`; a solution is a list of commands or one block of lines.
 */
import type { TerminalLang } from './strings.ts';

/** What the terminal shows around the screen. */
export interface ScenarioText {
  title: string | undefined;
  task: string | undefined;
  solution: string[];
}

function inLang(value: unknown, lang: TerminalLang): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const byLang = value as Record<string, unknown>;
    if ('ja' in byLang || 'en' in byLang) return byLang[lang] ?? byLang.en ?? byLang.ja;
  }
  return value;
}

function text(value: unknown, lang: TerminalLang): string | undefined {
  const v = inLang(value, lang);
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** Solution commands as a list: `# comments` and blank lines of a block are left out. */
export function solutionCommands(value: unknown, lang: TerminalLang): string[] {
  const v = inLang(value, lang);
  const items = typeof v === 'string' ? v.split('\n') : Array.isArray(v) ? v : [];
  return items
    .map((item) => {
      const raw = inLang(item, lang);
      if (typeof raw === 'string') return raw;
      if (raw && typeof raw === 'object') {
        const { command, cmd, run } = raw as Record<string, unknown>;
        const found = [command, cmd, run].find((c) => typeof c === 'string');
        return typeof found === 'string' ? found : '';
      }
      return '';
    })
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** The title, task and solution of a parsed scenario in one language. */
export function scenarioText(data: unknown, lang: TerminalLang): ScenarioText {
  const fields = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  return {
    title: text(fields.title, lang),
    task: text(fields.task, lang),
    solution: solutionCommands(fields.solution, lang),
  };
}
