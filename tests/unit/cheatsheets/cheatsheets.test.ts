import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSheet, sectionUrl, SheetFormatError } from '../../../src/lib/cheatsheet-data.ts';
import { sectionCode, verifySheet, type PageReader } from '../../../src/lib/cheatsheet-verify.ts';
import { docsReader, loadSheets } from '../../../src/lib/cheatsheet-files.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixturePage = (locale: 'ja' | 'en') => readFileSync(join(FIXTURES, 'docs', locale, 'maint.mdx'), 'utf8');
const fixtureSheet = () => parseSheet(readFileSync(join(FIXTURES, 'maint.yaml'), 'utf8'), 'maint.yaml');

/** A reader over the fixture chapter, with an optional edit to one language's source. */
function reader(edit?: { locale: 'ja' | 'en'; from: string; to: string }): PageReader {
  return (locale, page) => {
    if (page !== 'maint') return undefined;
    const source = fixturePage(locale);
    if (!edit || edit.locale !== locale) return source;
    expect(source).toContain(edit.from);
    return source.replace(edit.from, edit.to);
  };
}

describe('the site\'s sheets match their chapters', () => {
  const sheets = loadSheets();

  it('there is a sheet per chapter, each with entries', () => {
    expect(sheets.map((s) => s.chapter)).toEqual(
      expect.arrayContaining(['node-maintenance', 'upgrades', 'backup-restore', 'networking', 'kubeadm', 'troubleshooting', 'advanced-kubectl']),
    );
    for (const sheet of sheets) expect(sheet.groups.flatMap((g) => g.entries).length, sheet.chapter).toBeGreaterThan(0);
  });

  for (const sheet of sheets) {
    it(`${sheet.chapter}: every command is verbatim in a code block of its section, in ja and en`, () => {
      const problems = verifySheet(sheet, docsReader());
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});

describe('the checker', () => {
  it('accepts the fixture sheet: plain lines, `$ ` prompts with a trailing comment, inline code, continued lines, sub-sections', () => {
    expect(verifySheet(fixtureSheet(), reader())).toEqual([]);
  });

  it('fails when the chapter changes a command', () => {
    const problems = verifySheet(fixtureSheet(), reader({ locale: 'en', from: 'kubectl drain node01 --ignore-daemonsets', to: 'kubectl drain node01 --ignore-daemonsets --force' }));
    expect(problems).toEqual(['maint#drain: `kubectl drain node01 --ignore-daemonsets`: not found verbatim in a code block of the en section']);
  });

  it('fails when only one language drops a line of a continued command', () => {
    const problems = verifySheet(fixtureSheet(), reader({ locale: 'ja', from: '  --cacert=/etc/kubernetes/pki/etcd/ca.crt \\\n', to: '' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^maint#check: `etcdctl --endpoints=https:\/\/127.0.0.1:2379 \\ …`: not found .* ja section$/);
  });

  it('fails when the command is in another section than the one it links to', () => {
    const sheet = fixtureSheet();
    sheet.groups[0].entries[0].section = 'after';
    expect(verifySheet(sheet, reader())).toHaveLength(2);
  });

  it('fails when the section id is gone or the page is missing', () => {
    const problems = verifySheet(fixtureSheet(), reader({ locale: 'ja', from: '{/* #after */}', to: '{/* #later */}' }));
    expect(problems).toEqual(['maint#after: `kubectl uncordon node01`: the ja page has no heading with id "after"']);
    const sheet = fixtureSheet();
    sheet.groups[0].entries[0].page = 'gone';
    expect(verifySheet(sheet, reader())).toEqual([
      'gone#drain: `kubectl drain node01 --ignore-daemonsets`: no ja page "gone"',
      'gone#drain: `kubectl drain node01 --ignore-daemonsets`: no en page "gone"',
    ]);
  });

  it('does not accept part of a line, or a command that is only in prose outside code', () => {
    const sheet = fixtureSheet();
    sheet.groups[0].entries[0].command = 'kubectl drain node01';
    expect(verifySheet(sheet, reader())).toHaveLength(2);
    sheet.groups[0].entries[0].command = 'Evict the Pods';
    expect(verifySheet(sheet, reader())).toHaveLength(2);
  });

  it('takes a section to run up to the next heading of the same level', () => {
    const code = sectionCode(fixturePage('en'), 'check')!;
    expect(code.blocks.map((b) => b.lang)).toEqual(['console', 'bash']);
    expect(code.inline).toEqual(['ip route']);
    expect(sectionCode(fixturePage('en'), 'certs')!.blocks).toHaveLength(1);
    expect(sectionCode(fixturePage('en'), 'nope')).toBeUndefined();
  });
});

describe('sheet files', () => {
  it('resolve each entry\'s page from the entry, the group or the chapter, and link to the section', () => {
    const sheet = fixtureSheet();
    const entry = sheet.groups[0].entries[0];
    expect(entry.page).toBe('maint');
    expect(entry.command).toBe('kubectl drain node01 --ignore-daemonsets');
    expect(sheet.groups[0].entries[3].command.split('\n')).toHaveLength(3);
    expect(sectionUrl('ja', entry)).toBe('/ja/maint/#drain');
  });

  it('reject a missing explanation or a bad section id, naming the field', () => {
    const base = readFileSync(join(FIXTURES, 'maint.yaml'), 'utf8');
    expect(() => parseSheet(base.replace(/\n\s+en: Evict/, ''), 'x.yaml')).toThrow(new SheetFormatError('x.yaml: groups[0].entries[0].en: expected a non-empty string'));
    expect(() => parseSheet(base.replace('section: drain', 'section: Drain!'), 'x.yaml')).toThrow(/groups\[0\]\.entries\[0\]\.section/);
  });
});
