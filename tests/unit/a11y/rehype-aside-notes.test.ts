import { describe, expect, it } from 'vitest';
import { rehypeAsideNotes } from '../../../src/lib/rehype-aside-notes.ts';

type Node = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: Node[] };

const aside = (className: string[], extra: Record<string, unknown> = {}): Node => ({
  type: 'element',
  tagName: 'aside',
  properties: { ariaLabel: 'Correction', className, ...extra },
  children: [],
});

describe('rehypeAsideNotes', () => {
  it('gives nested Starlight asides the note role and keeps their label', () => {
    const inner = aside(['starlight-aside', 'starlight-aside--caution']);
    const tree: Node = { type: 'root', children: [{ type: 'element', tagName: 'section', children: [inner] }] };
    rehypeAsideNotes()(tree);
    expect(inner.properties).toEqual({ ariaLabel: 'Correction', className: ['starlight-aside', 'starlight-aside--caution'], role: 'note' });
  });

  it('leaves other asides and an explicit role alone', () => {
    const other = aside(['right-sidebar-container']);
    const explicit = aside(['starlight-aside'], { role: 'region' });
    rehypeAsideNotes()({ type: 'root', children: [other, explicit] });
    expect(other.properties?.role).toBeUndefined();
    expect(explicit.properties?.role).toBe('region');
  });
});
