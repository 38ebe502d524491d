/**
 * Every command a chapter shows with its output (```console blocks) prints that output in the
 * simulator, so the pages and kubesim cannot drift apart. Blocks of one page and scenario run in
 * one simulator, in page order, as a reader following the text would (the page's titled YAML
 * files are saved first). A block that cannot be reproduced carries `check=false reason="…"`.
 */
import { describe, expect, it } from 'vitest';
import { outline, withoutComments } from '../../../src/lib/mdx-outline.ts';
import { consoleBlocks, mergeStreams, parseConsole, sameOutput, unifiedDiff, type ConsoleBlock } from '../../../src/lib/console-check.ts';
import { createSimulator, scenarioNames, type Simulator } from '../../../src/sim/index.ts';
import { pagesOf, readPage } from './docs.ts';


const blocksOf = (locale: string, page: string): ConsoleBlock[] => consoleBlocks(outline(readPage(locale, page)));

interface Outcome {
  block: ConsoleBlock;
  failures: string[];
  steps: number;
}

/** Runs a page's checked blocks, one simulator per scenario, and collects the mismatches. */
function runPage(page: string, blocks: ConsoleBlock[]): Outcome[] {
  const sims = new Map<string, { sim: Simulator; files: Map<string, string> }>();
  return blocks.map((block) => {
    if (!block.check) return { block, failures: [], steps: 0 };
    if (!scenarioNames().includes(block.scenario)) return { block, failures: [`unknown scenario "${block.scenario}"`], steps: 0 };
    let session = sims.get(block.scenario);
    if (!session) {
      session = { sim: createSimulator({ scenario: block.scenario }), files: new Map() };
      sims.set(block.scenario, session);
    }
    for (const file of block.files) {
      if (session.files.get(file.name) === file.content) continue;
      const saved = session.sim.run(`cat > '${file.name}' <<'KUBE_NOTES_PAGE_FILE'\n${file.content}KUBE_NOTES_PAGE_FILE`);
      if (saved.exitCode !== 0) return { block, failures: [`could not save ${file.name}: ${saved.stderr}`], steps: 0 };
      session.files.set(file.name, file.content);
    }
    const steps = parseConsole(block.body);
    const failures: string[] = [];
    for (const step of steps) {
      const where = `${page}, section #${block.section}, block at line ${block.line} (scenario ${block.scenario})`;
      if (step.command === '') {
        failures.push(`${where}: output before any "$ " command: ${step.expected}`);
        continue;
      }
      const r = session.sim.run(step.command);
      const actual = mergeStreams(step.expected, r.stdout, r.stderr);
      if (!sameOutput(step.expected, actual)) {
        failures.push(`${where}\n$ ${step.command}\n${unifiedDiff(step.expected, actual.replace(/\n$/, ''))}`);
      }
    }
    return { block, failures, steps: steps.length };
  });
}

const pages = pagesOf('ja').filter((p) => blocksOf('ja', p).length > 0);

describe('console blocks print in the simulator what the pages show', () => {
  it('finds console blocks to check', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  for (const page of pages) {
    const ja = blocksOf('ja', page);
    it(`${page}: ja and en show the same console blocks`, () => {
      const en = blocksOf('en', page);
      const shape = (b: ConsoleBlock) => ({ section: b.section, meta: b.meta, body: withoutComments('console', b.body) });
      expect(en.map(shape)).toEqual(ja.map(shape));
    });
    it(`${page}: every unchecked block says why`, () => {
      const silent = ja.filter((b) => !b.check && !b.reason?.trim());
      expect(silent.map((b) => `line ${b.line} (#${b.section})`), 'check=false needs reason="…"').toEqual([]);
    });
    const outcomes = runPage(page, ja);
    outcomes.forEach(({ block, failures }) => {
      const name = `${page} #${block.section} (line ${block.line}, scenario ${block.scenario})`;
      if (!block.check) return;
      it(name, () => {
        // The message carries the page, section, command and a unified diff of page vs simulator.
        if (failures.length > 0) expect.fail(failures.join('\n\n'));
      });
    });
  }

  it('lists the blocks left unchecked', () => {
    const skipped = pages.flatMap((page) => blocksOf('ja', page).filter((b) => !b.check).map((b) => `${page}:${b.line} #${b.section}: ${b.reason}`));
    const total = pages.reduce((n, page) => n + blocksOf('ja', page).length, 0);
    console.log(`console blocks: ${total}, checked: ${total - skipped.length}, unchecked: ${skipped.length}\n${skipped.map((s) => '  ' + s).join('\n')}`);
    expect(skipped.every((s) => !s.endsWith(': undefined'))).toBe(true);
  });
});
