// HTML validity of the built site with html-validate (.htmlvalidate.json): one test per page.
// The few exceptions are markup Starlight and Expressive Code generate; see .htmlvalidate.md.
import { describe, it, expect } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate, type Message } from 'html-validate';
import { builtHtmlPages, requireDist } from '../../../src/lib/site-check/dist-files.ts';

requireDist();
const validator = new HtmlValidate(new FileSystemConfigLoader());

/** Generated markup we cannot change: matched on rule, message and the element's selector. */
const GENERATED: { rule: string; message: RegExp; selector: RegExp; by: string }[] = [
  { rule: 'element-permitted-content', message: /^<div> element is not permitted as content under <code>$/, selector: /figure > pre > code > div(?::nth-child\(\d+\))?$/, by: 'Expressive Code line wrappers' },
  { rule: 'element-permitted-content', message: /^<div> element is not permitted as content under <button>$/, selector: /figure > div(?::nth-child\(\d+\))? > button > div$/, by: "Expressive Code's copy button" },
  { rule: 'heading-level', message: /^Initial heading level must be <h1>/, selector: /^#starlight__on-this-page$/, by: "Starlight's table of contents" },
];

const generated = (m: Message) => GENERATED.some((g) => g.rule === m.ruleId && g.message.test(m.message) && g.selector.test(m.selector ?? ''));

describe('valid HTML in the built site', () => {
  it('the configuration reports invalid markup (a block element inside <span>, a duplicate id)', async () => {
    const report = await validator.validateString('<!doctype html><html lang="en"><head><title>t</title></head><body><h1 id="a">t</h1><span><div>x</div></span><p id="a">y</p></body></html>', 'dist/probe.html');
    expect(report.results.flatMap((r) => r.messages.map((m) => m.ruleId))).toEqual(expect.arrayContaining(['element-permitted-content', 'no-dup-id']));
  });

  for (const page of builtHtmlPages()) {
    it(page.url, async () => {
      const report = await validator.validateFile(page.file);
      const problems = report.results.flatMap((r) => r.messages).filter((m) => !generated(m));
      const lines = problems.slice(0, 20).map((m) => `${m.ruleId} at line ${m.line}:${m.column}: ${m.message} (${m.selector ?? ''})`);
      if (problems.length > 20) lines.push(`… and ${problems.length - 20} more`);
      expect(problems.length, `${page.url}:\n  ${lines.join('\n  ')}`).toBe(0);
    });
  }
});
