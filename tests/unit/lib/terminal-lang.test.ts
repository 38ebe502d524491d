import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chapterLang, remarkTerminalLang } from '../../../src/lib/remark-terminal-lang.ts';
import { DIST, requireDist } from '../../../src/lib/site-check/dist-files.ts';

type Node = { type: string; name?: string; attributes?: Array<{ type: string; name?: string; value?: unknown }>; children?: Node[] };
const terminal = (...attributes: Array<[string, string]>): Node => ({
  type: 'mdxJsxFlowElement',
  name: 'Terminal',
  attributes: attributes.map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value })),
});
const langOf = (node: Node) => node.attributes?.find((a) => a.name === 'lang')?.value;

describe('remark-terminal-lang', () => {
  it('reads the chapter language from its folder under content/docs', () => {
    expect(chapterLang('/x/content/docs/ja/node-maintenance.mdx')).toBe('ja');
    expect(chapterLang('C:\\x\\content\\docs\\en\\storage\\pv.mdx')).toBe('en');
    expect(chapterLang('/x/content/docs/fr/a.mdx')).toBeUndefined();
    expect(chapterLang(undefined)).toBeUndefined();
  });

  it("gives every Terminal of a chapter the chapter's language, and leaves one that names its own", () => {
    const nested = terminal(['scenario', 'drain']);
    const own = terminal(['lang', 'ja']);
    const other: Node = { type: 'mdxJsxFlowElement', name: 'Diagram', attributes: [] };
    const tree: Node = { type: 'root', children: [terminal(), { type: 'blockquote', children: [nested] }, own, other] };
    remarkTerminalLang()(tree, { path: '/x/content/docs/en/a.mdx' });
    expect(tree.children!.map(langOf)).toEqual(['en', undefined, 'ja', undefined]);
    expect(langOf(nested)).toBe('en');
  });

  it('leaves a file outside the chapters alone', () => {
    const tree: Node = { type: 'root', children: [terminal()] };
    remarkTerminalLang()(tree, { history: ['/x/src/pages/a.mdx'] });
    expect(langOf(tree.children![0])).toBeUndefined();
  });
});

describe('the side-by-side view, as built', () => {
  requireDist();
  it("labels each column's terminal in its own language in the HTML, before any script runs", () => {
    for (const locale of ['ja', 'en']) {
      const html = readFileSync(join(DIST, locale, 'parallel', 'playground', 'index.html'), 'utf8');
      const terminals = [...html.matchAll(/<kube-terminal[\s\S]*?<\/kube-terminal>/g)].map((m) => m[0]);
      expect(terminals.length, locale).toBe(2);
      expect(terminals[0]).toContain('aria-label="ターミナル"');
      expect(terminals[0]).toContain('課題：');
      expect(terminals[1]).toContain('aria-label="Terminal"');
      expect(terminals[1]).toContain('Task: ');
    }
  });
});
