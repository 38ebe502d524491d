/**
 * Every command the chapters show (bash blocks and the `$ ` lines of console blocks) and every
 * command of the original notes runs in the simulator as a reader would type it: in page order,
 * in the demo's scenario, with the page's files saved. Each must be known to the sandbox, print
 * no internal error, exit 0 (or fail the way the page shows), and print something when the
 * tool prints. What cannot run is listed in chapter-commands.yaml with a reason; an entry that
 * no longer applies fails the test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { createSimulator, scenarioNames, type Simulator } from '../../../src/sim/index.ts';
import { pageCommands, type PageCommand } from './commands.ts';
import { pagesOf, readPage } from './docs.ts';

interface Step { page: string; command: string; scenario?: string; fresh?: boolean; host?: string; setup?: string[]; occurrence?: number; why: string }
interface Fail { command: string; page?: string; scenario?: string; exitCode: number; reason: string }
interface Exception { command: string; page?: string; reason: string }
interface Data { seedScenarios: Record<string, string>; steps: Step[]; fails: Fail[]; exceptions: Exception[] }

const data = yaml.load(readFileSync(join(import.meta.dirname, 'chapter-commands.yaml'), 'utf8')) as Data;
// A copy of the original notes (shared/seed/cluster-management.ja.md), so CI reads the same text.
const SEED = join(import.meta.dirname, 'seed-notes.ja.md');

/** A command as one line: continuations joined, for names and the data file. */
const oneLine = (command: string): string =>
  command.replace(/\\\n\s*/g, ' ').replace(/[ \t]+/g, ' ').replace(/ #\s.*$/, '').trim();

// Output that only the sandbox prints, or a crash of a command's code.
const SANDBOX_TEXT = /kubesim:|command not found in this sandbox|\b(TypeError|ReferenceError|RangeError|SyntaxError)\b|\[object Object\]|\bundefined\b|\bNaN\b/;
// A console block whose output is an error shows the command failing on purpose.
const SHOWN_FAILING = /^(error:|Error( from server)?\b)|command terminated with exit code|could not be found|can't resolve/m;
// Commands that print nothing when they work.
const SILENT = /^(mkdir|cp|mv|rm|chown|chmod|export|cd|ssh|exit|sleep|sed -i|cat >|systemctl (daemon-reload|restart|start|stop|enable|disable)\b|ip netns (add|del))/;

interface Ran {
  page: string;
  cmd: PageCommand;
  name: string;
  exception: Exception | undefined;
  fail: Fail | undefined;
  stdout: string;
  stderr: string;
  exitCode: number;
  host: string;
  setupErrors: string[];
}

const matches = (entry: { command: string; page?: string }, page: string, command: string) =>
  (entry.page === undefined || entry.page === page) && oneLine(entry.command) === command;

/** The seed notes' section number of each line ("4.2"), for their scenario. */
function seedSections(source: string): (line: number) => string {
  const marks: [number, string][] = [];
  source.split('\n').forEach((l, n) => {
    const m = /^#{2,4}\s+(\d+(?:\.\d+)*)\./.exec(l);
    if (m) marks.push([n + 1, m[1]]);
  });
  return (line) => [...marks].reverse().find(([at]) => at < line)?.[1] ?? '';
}

/** Runs a page's commands in order and records what each printed. */
function runPage(page: string, source: string): Ran[] {
  let commands = pageCommands(source);
  if (page === 'seed') {
    const section = seedSections(source);
    commands = commands.map((c) => {
      const number = section(c.line);
      const key = Object.keys(data.seedScenarios).filter((k) => number === k || number.startsWith(k + '.')).sort((a, b) => b.length - a.length)[0];
      return { ...c, scenario: data.seedScenarios[key] ?? 'default' };
    });
  }
  const sessions = new Map<string, { sim: Simulator; files: Map<string, string> }>();
  const blockScenario = new Map<number, string>();
  const seen = new Map<string, number>();
  const out: Ran[] = [];
  for (const cmd of commands) {
    const line = oneLine(cmd.command);
    const count = (seen.get(line) ?? 0) + 1;
    seen.set(line, count);
    const step = data.steps.find((s) => matches(s, page, line) && (s.occurrence ?? 1) === count);
    if (step?.scenario && oneLine(cmd.blockFirst) === line) blockScenario.set(cmd.block, step.scenario);
    const scenario = blockScenario.get(cmd.block) ?? cmd.scenario;
    const setupErrors: string[] = [];
    if (step?.fresh) sessions.delete(scenario);
    let session = sessions.get(scenario);
    if (!session) {
      session = { sim: createSimulator({ scenario }), files: new Map() };
      sessions.set(scenario, session);
    }
    const { sim, files } = session;
    for (const file of cmd.files) {
      // Absolute titles are excerpts of system files (etcd.yaml): a reader edits those by hand.
      if (file.name.startsWith('/') || files.get(file.name) === file.content) continue;
      const saved = sim.run(`cat > '${file.name}' <<'KUBE_NOTES_PAGE_FILE'\n${file.content}KUBE_NOTES_PAGE_FILE`);
      if (saved.exitCode !== 0) setupErrors.push(`could not save ${file.name}: ${saved.stderr}`);
      files.set(file.name, file.content);
    }
    if (step?.host) {
      const start = sim.scenario.start;
      for (let i = 0; i < 3 && sim.host() !== step.host && sim.host() !== start; i++) sim.run('exit');
      if (sim.host() !== step.host) sim.run(`ssh ${step.host}`);
      if (sim.host() !== step.host) setupErrors.push(`could not get to ${step.host}`);
    }
    for (const s of step?.setup ?? []) {
      const r = sim.run(s);
      if (r.exitCode !== 0) setupErrors.push(`setup "${s}" failed: ${r.stderr}`);
    }
    const exception = data.exceptions.find((e) => matches(e, page, line));
    const fail = data.fails.find((f) => matches(f, page, line) && (f.scenario === undefined || f.scenario === scenario));
    const host = sim.host();
    const r = sim.run(cmd.command);
    const name = `${page} #${cmd.section} [${scenario}@${host}]: ${line}`;
    out.push({ page, cmd, name, exception, fail, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, host, setupErrors });
  }
  return out;
}

/** What is wrong with one command's run (empty: nothing). */
function problems(ran: Ran): string[] {
  const { cmd, stdout, stderr, exitCode } = ran;
  const found = [...ran.setupErrors];
  const both = stdout + stderr;
  if (SANDBOX_TEXT.test(both)) found.push(`sandbox or internal text in the output:\n${both}`);
  const shownFailing = cmd.expected !== undefined && SHOWN_FAILING.test(cmd.expected);
  const wantCode = ran.fail?.exitCode ?? (shownFailing ? undefined : 0);
  if (wantCode !== undefined && exitCode !== wantCode) found.push(`exit code ${exitCode}, expected ${wantCode}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
  if (wantCode === undefined && exitCode === 0) found.push(`the page shows it failing, but it exited 0:\n${both}`);
  const prints = cmd.expected !== undefined ? cmd.expected.trim() !== '' : !SILENT.test(oneLine(cmd.command));
  if (prints && both.trim() === '') found.push('printed nothing');
  if (!prints && cmd.expected !== undefined && both.trim() !== '' && exitCode === 0 && stdout.trim() !== '') {
    found.push(`the page shows no output, but it printed:\n${both}`);
  }
  return found;
}

function suite(title: string, pages: [string, string][]) {
  describe(title, () => {
    const runs = pages.flatMap(([page, source]) => runPage(page, source));
    it('finds commands to run', () => expect(runs.length).toBeGreaterThan(0));
    for (const ran of runs) {
      if (ran.exception) continue;
      it(ran.name, () => {
        const found = problems(ran);
        if (found.length > 0) expect.fail(`${ran.name}\n${found.join('\n')}`);
      });
    }
    it('lists exceptions that still apply', () => {
      const stale = runs.filter((r) => r.exception && problems(r).length === 0).map((r) => `${r.name} (now runs: drop it from chapter-commands.yaml)`);
      expect(stale).toEqual([]);
    });
  });
}

const mdxPages = (locale: string): [string, string][] =>
  pagesOf(locale).map((p): [string, string] => [p, readPage(locale, p)]).filter(([, s]) => pageCommands(s).length > 0);

suite('every command of the chapters runs in the simulator', mdxPages('en'));

describe('the chapters show the same commands in both languages', () => {
  for (const [page, source] of mdxPages('ja')) {
    it(page, () => {
      const en = pageCommands(readPage('en', page)).map((c) => oneLine(c.command));
      expect(en).toEqual(pageCommands(source).map((c) => oneLine(c.command)));
    });
  }
});

suite('every command of the original notes runs in the simulator', [['seed', readFileSync(SEED, 'utf8')]]);

describe('chapter-commands.yaml', () => {
  const all: [string, string][] = [...mdxPages('en'), ['seed', readFileSync(SEED, 'utf8')]];
  const commands = all.flatMap(([page, source]) => pageCommands(source).map((c) => ({ page, line: oneLine(c.command) })));
  const present = (e: { command: string; page?: string }) => commands.some((c) => matches(e, c.page, c.line));
  it('names only commands the pages still show', () => {
    const entries = [...data.steps, ...data.fails, ...data.exceptions];
    expect(entries.filter((e) => !present(e)).map((e) => e.command)).toEqual([]);
  });
  it('names existing scenarios', () => {
    const names = [...data.steps.map((s) => s.scenario), ...Object.values(data.seedScenarios)].filter((s) => s !== undefined);
    expect(names.filter((n) => !scenarioNames().includes(n))).toEqual([]);
  });
  it('gives every exception and failure a reason', () => {
    expect([...data.fails, ...data.exceptions].filter((e) => !e.reason?.trim()).map((e) => e.command)).toEqual([]);
  });
});
