/**
 * What a demo page downloads once its reader runs its demos: the page's own scripts, the worker
 * core, the default scenario and each scenario the page's terminals run with what it needs
 * before its first prompt (browser.ts initChunks), and the chunks of the commands (line-scan.ts).
 * Each file counts once, as the browser fetches it once for all the page's workers.
 */
import { initChunks, OnDemandScenarios, scenarioLoaders } from '../../sim/browser.ts';
import { chunksForLine, type ChunkName, type ScriptAt } from '../../sim/commands/line-scan.ts';
import { createSimulator } from '../../sim/index.ts';
import { CHUNK_NAMES } from '../../sim/commands/lazy.ts';
import { sumGzip, type ChunkSize, type WorkerChunks } from './worker-load.ts';

/** The JS a demo page has downloaded by some point, gzip bytes, with the files after the page's own. */
export interface DemoLoad {
  total: number;
  files: ChunkSize[];
}

const scenarios = new OnDemandScenarios(scenarioLoaders);

/** The chunk names a scenario loads before its first prompt (browser.ts initChunks). */
export async function scenarioNeeds(name: string): Promise<ChunkName[]> {
  await scenarios.prepare(name);
  const needs = initChunks(name, scenarios);
  return needs === 'all' ? CHUNK_NAMES : [...needs];
}

/**
 * The page's JS (`pageGzip`, before interaction) plus what the worker fetches to run `commands`
 * in the page's `terminals` (scenario names; the default scenario is always fetched).
 */
export async function demoLoad(w: WorkerChunks, pageGzip: number, terminals: readonly string[], commands: readonly string[]): Promise<DemoLoad> {
  const files = new Set<string>(w.core);
  const chunks = new Set<ChunkName>();
  for (const name of new Set(['default', ...terminals])) {
    w.scenario(name).forEach((f) => files.add(f));
    (await scenarioNeeds(name)).forEach((c) => chunks.add(c));
  }
  const scriptAt = scriptsOf(terminals);
  for (const command of commands) {
    const needs = chunksForLine(command, scriptAt);
    (needs === 'all' ? CHUNK_NAMES : [...needs]).forEach((c) => chunks.add(c));
  }
  w.chunks(chunks).forEach((f) => files.add(f));
  const sized = w.sized(files);
  return { total: pageGzip + sumGzip(sized), files: sized.sort((a, b) => b.gzip - a.gzip) };
}

/**
 * What a path runs at the start of the page's scenarios, as the worker asks its simulator
 * (Simulator.scriptAt): the scripts of all of them, or undefined when one has no such file.
 */
function scriptsOf(terminals: readonly string[]): ScriptAt {
  const sims = [...new Set(['default', ...terminals])].map((scenario) => createSimulator({ scenario }));
  return (path) => {
    const scripts = sims.map((sim) => sim.scriptAt(path));
    return scripts.includes(undefined) ? undefined : scripts.join('\n');
  };
}

/** The scenario of each `<kube-terminal>` of a built page, in page order. */
export function terminalScenarios(html: string): string[] {
  return [...html.matchAll(/<kube-terminal[^>]*\sscenario="([^"]+)"/g)].map((m) => m[1]);
}

/** The URL of a docs page from its locale and source path (`storage/index.mdx` → `/en/storage/`). */
export function pageUrl(locale: string, source: string): string {
  return `/${locale}/${source.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '')}/`.replace('//', '/');
}
