import { describe, expect, it } from 'vitest';
import { outline, withoutComments, type OutlineItem } from '../../../src/lib/mdx-outline.ts';
import { checkParity } from '../../../src/lib/parity.ts';
import { pagesOf, readPage } from './docs.ts';


const ja = pagesOf('ja');
const en = pagesOf('en');
const read = readPage;

describe('the two languages stay in step', () => {
  it('every page exists in both languages', () => {
    expect(en).toEqual(ja);
  });

  for (const page of ja.filter((p) => en.includes(p))) {
    it(`${page}: same sections, code blocks, asides and components`, () => {
      const problems = checkParity(page, outline(read('ja', page)), outline(read('en', page)));
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});

describe('parity check catches a broken page', () => {
  const base = '## A {/* #a */}\n\n```bash\nkubectl get nodes # list\n```\n\n## B {/* #b */}\n\n:::caution[訂正]\nx\n:::\n';
  it('accepts translated comments', () => {
    const other = base.replace('# list', '# 一覧');
    expect(checkParity('x.mdx', outline(base), outline(other))).toEqual([]);
  });
  it('names the page and section when a heading id differs', () => {
    const [problem] = checkParity('x.mdx', outline(base), outline(base.replace('#b */', '#bee */')));
    expect(problem).toMatch(/x\.mdx/);
    expect(problem).toMatch(/#b/);
  });
  it('names the section when a command differs', () => {
    const [problem] = checkParity('x.mdx', outline(base), outline(base.replace('get nodes', 'get node')));
    expect(problem).toMatch(/x\.mdx, section #a: code block 1 differs/);
  });
  it('notices a missing aside', () => {
    const problems = checkParity('x.mdx', outline(base), outline(base.replace(':::caution[訂正]\nx\n:::\n', '')));
    expect(problems.join('\n')).toMatch(/section #b/);
  });
  it('requires an id on every heading', () => {
    const problems = checkParity('x.mdx', outline('## A\n'), outline('## A\n'));
    expect(problems.join('\n')).toMatch(/has no explicit id/);
  });
});

describe('code on the site parses', async () => {
  const yaml = (await import('js-yaml')).default;
  const blocks: Array<{ where: string; item: Extract<OutlineItem, { type: 'code' }> }> = [];
  for (const locale of ['ja', 'en']) {
    for (const page of pagesOf(locale)) {
      for (const item of outline(read(locale, page))) {
        if (item.type === 'code') blocks.push({ where: `${locale}/${page}:${item.line}`, item });
      }
    }
  }
  it('finds code blocks to check', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });
  for (const { where, item } of blocks.filter((b) => /^(ya?ml|json)$/.test(b.item.lang))) {
    it(`${where} (${item.lang}) parses`, () => {
      if (item.lang === 'json') expect(() => JSON.parse(item.body)).not.toThrow();
      else expect(() => yaml.loadAll(item.body)).not.toThrow();
    });
  }
  it('strips comments only', () => {
    expect(withoutComments('bash', 'a # b\n# c\nd')).toBe('a\nd');
  });
});
