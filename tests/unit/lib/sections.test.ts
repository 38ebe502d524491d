import { describe, expect, it } from 'vitest';
import { rehypeSections } from '../../../src/lib/rehype-sections.ts';
import { parallelPairs, toggleParallelPath } from '../../../src/lib/parallel.ts';

const el = (tagName: string, properties: Record<string, unknown> = {}, children: unknown[] = []) => ({ type: 'element', tagName, properties, children });

describe('rehype-sections', () => {
  it('wraps the intro and each h2 (plain or inside Starlight’s heading wrapper) in numbered sections', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'mdxjsEsm', value: 'import x from "y"' },
        el('p'),
        el('div', { className: ['sl-heading-wrapper', 'level-h2'] }, [el('h2', { id: 'a' })]),
        el('p'),
        el('h3', { id: 'a1' }),
        el('h2', { id: 'b' }),
      ],
    };
    rehypeSections()(tree as never);
    const kids = tree.children as Array<{ type: string; tagName?: string; properties?: Record<string, unknown>; children?: unknown[] }>;
    expect(kids[0].type).toBe('mdxjsEsm');
    expect(kids.slice(1).map((k) => [k.properties?.dataSection, k.properties?.style, k.children?.length])).toEqual([
      ['top', '--kn-row: 1', 1],
      ['a', '--kn-row: 2', 3],
      ['b', '--kn-row: 3', 1],
    ]);
  });
  it('leaves pages without h2 alone', () => {
    const tree = { type: 'root', children: [el('p'), el('h3', { id: 'x' })] };
    rehypeSections()(tree as never);
    expect(tree.children.map((c) => c.tagName)).toEqual(['p', 'h3']);
  });
});

describe('parallel pairs', () => {
  it('pairs pages present in both languages, the locale home included', () => {
    const pairs = parallelPairs([{ id: 'ja' }, { id: 'en' }, { id: 'ja/storage/volumes' }, { id: 'en/storage/volumes' }, { id: 'ja/only' }]);
    expect(pairs.map((p) => p.slug)).toEqual([undefined, 'storage/volumes']);
  });
  it('toggles between a page and its parallel view', () => {
    expect(toggleParallelPath('/ja/storage/volumes/')).toBe('/ja/parallel/storage/volumes/');
    expect(toggleParallelPath('/en/parallel/storage/volumes/')).toBe('/en/storage/volumes/');
    expect(toggleParallelPath('/en/')).toBe('/en/parallel/');
  });
});
