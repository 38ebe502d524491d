import { describe, it, expect } from 'vitest';
import { idsIn, prefixIds } from '../../../src/lib/scope-ids.ts';

describe('prefixIds', () => {
  const html = '<h2 id="about">About <a href="#about">#</a></h2><svg aria-labelledby="t d" role="img"><title id="t">T</title><desc id="d">D</desc><path marker-end="url(#arrow)"/><marker id="arrow"/></svg><label for="other">x</label><p>id="about" in text</p><a href="/en/x/#about">y</a>';

  it('renames the given ids and every reference to them, nothing else', () => {
    const out = prefixIds(html, new Set(['about', 't', 'arrow']), 'en--');
    expect(idsIn(out)).toEqual(['en--about', 'en--t', 'd', 'en--arrow']);
    expect(out).toContain('<a href="#en--about">');
    expect(out).toContain('aria-labelledby="en--t d"');
    expect(out).toContain('marker-end="url(#en--arrow)"');
    expect(out).toContain('for="other"');
    // Text and links to other pages are left alone.
    expect(out).toContain('<p>id="about" in text</p>');
    expect(out).toContain('href="/en/x/#about"');
  });

  it('returns the fragment unchanged when there is nothing to rename', () => {
    expect(prefixIds(html, new Set(), 'en--')).toBe(html);
  });
});
