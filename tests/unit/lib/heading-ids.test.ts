import { describe, expect, it } from 'vitest';
import { remarkHeadingIds, takeHeadingId } from '../../../src/lib/remark-heading-ids.ts';
import { counterpartPath } from '../../../src/lib/locale-path.ts';

describe('explicit heading ids', () => {
  it('reads an MDX comment id and removes it from the heading', () => {
    const heading = { type: 'heading', children: [{ type: 'text', value: '手順 ' }, { type: 'mdxTextExpression', value: '/* #procedure */' }] };
    expect(takeHeadingId(heading)).toBe('procedure');
    expect(heading.children).toEqual([{ type: 'text', value: '手順' }]);
  });
  it('reads a Markdown {#id} suffix', () => {
    const heading = { type: 'heading', children: [{ type: 'text', value: 'Procedure {#procedure}' }] };
    expect(takeHeadingId(heading)).toBe('procedure');
    expect(heading.children[0].value).toBe('Procedure');
  });
  it('leaves other expressions alone', () => {
    const heading = { type: 'heading', children: [{ type: 'mdxTextExpression', value: 'frontmatter.title' }] };
    expect(takeHeadingId(heading)).toBeUndefined();
    expect(heading.children).toHaveLength(1);
  });
  it('sets hProperties.id through the plugin', () => {
    const tree = { type: 'root', children: [{ type: 'heading', depth: 2, children: [{ type: 'text', value: 'A' }, { type: 'mdxTextExpression', value: '/* #a-b */' }] }] };
    remarkHeadingIds()(tree as never);
    expect((tree.children[0] as { data?: { hProperties?: { id?: string } } }).data?.hProperties?.id).toBe('a-b');
  });
});

describe('counterpart paths', () => {
  it('swaps the locale segment and keeps the rest', () => {
    expect(counterpartPath('/ja/storage/volumes/', 'en')).toBe('/en/storage/volumes/');
    expect(counterpartPath('/en/', 'ja')).toBe('/ja/');
  });
  it('sends a path outside the locales to the locale home', () => {
    expect(counterpartPath('/', 'en')).toBe('/en/');
  });
});
