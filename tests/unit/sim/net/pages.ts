/** Reads the ```console blocks of a chapter page: each `$ command` with the output printed under it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One command of a console block and the output the page shows for it. */
export interface ConsoleStep {
  command: string;
  output: string;
}

/** The console steps of content/docs/<lang>/<page>.mdx, in page order. */
export function consoleSteps(page: string, lang = 'en'): ConsoleStep[] {
  const text = readFileSync(join(import.meta.dirname, '../../../../content/docs', lang, `${page}.mdx`), 'utf8');
  const steps: ConsoleStep[] = [];
  for (const m of text.matchAll(/```console\n([\s\S]*?)```/g)) {
    for (const line of m[1].split('\n')) {
      if (line.startsWith('$ ')) steps.push({ command: line.slice(2).replace(/\s+#.*$/, ''), output: '' });
      else if (steps.length && line !== '') steps[steps.length - 1].output += line + '\n';
      else if (steps.length && line === '' ) steps[steps.length - 1].output += '\n';
    }
  }
  for (const s of steps) s.output = s.output.replace(/\n+$/, '\n');
  return steps;
}

/** Table output with AGE values and generated name suffixes replaced, and column padding collapsed. */
export function normalizeTable(s: string): string {
  return s
    .split('\n')
    .map((l) =>
      l
        .replace(/\b\d+d(\d+h)?\b|\b\d+h(\d+m)?\b|\b\d+m(\d+s)?\b|\b\d+s\b/g, 'AGE')
        .replace(/-[a-z0-9]{8,10}-[a-z0-9]{5}\b/g, '-HASH-XXXXX')
        .replace(/(kube-flannel-ds|kube-proxy)-[a-z0-9]{5}\b/g, '$1-XXXXX')
        .replace(/\s+/g, ' ')
        .trimEnd(),
    )
    .join('\n');
}
