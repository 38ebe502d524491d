import { describe, expect, it } from 'vitest';
import { nameSearchButtonByText, SEARCH_LABEL_CLASS } from '../../../src/components/overrides/search-button.ts';

// The open button as Starlight 0.42 renders it (scoped class names included).
const starlight = (label: string) =>
  `<site-search class="astro-a"><button data-open-modal disabled aria-label="${label}" aria-keyshortcuts="Control+K" class="astro-b">` +
  `<svg aria-hidden="true" class="astro-b"></svg><span class="sl-hidden md:sl-block astro-b" aria-hidden="true">${label}</span>` +
  `<kbd class="sl-hidden md:sl-flex astro-b" style="display: none;"><kbd class="astro-b">Ctrl</kbd><kbd class="astro-b">K</kbd></kbd></button>` +
  `<dialog style="padding:0" aria-label="${label}" class="astro-b"></dialog></site-search>`;

describe('nameSearchButtonByText', () => {
  it('drops the button aria-label and exposes its visible word, keeping the dialog label', () => {
    const out = nameSearchButtonByText(starlight('検索'));
    const button = out.slice(out.indexOf('<button'), out.indexOf('</button>'));
    expect(button).not.toContain('aria-label');
    expect(button).not.toContain('aria-hidden="true">検索');
    expect(button).toContain(`<span class="${SEARCH_LABEL_CLASS} astro-b">検索</span>`);
    expect(button).toContain('aria-keyshortcuts="Control+K"');
    expect(out).toContain('<dialog style="padding:0" aria-label="検索"');
  });

  it('changes nothing outside the open button', () => {
    const html = starlight('Search');
    const out = nameSearchButtonByText(html);
    expect(out.slice(out.indexOf('</button>'))).toBe(html.slice(html.indexOf('</button>')));
    expect(out.slice(0, out.indexOf('<button'))).toBe(html.slice(0, html.indexOf('<button')));
  });

  it('fails loudly when Starlight changes its markup', () => {
    expect(() => nameSearchButtonByText('<site-search></site-search>')).toThrow(/not found/);
    expect(() => nameSearchButtonByText(starlight('Search').replace(' aria-label="Search" aria-keyshortcuts', ' aria-keyshortcuts'))).toThrow(
      /no aria-label/,
    );
    expect(() => nameSearchButtonByText(starlight('Search').replace('md:sl-block', 'md:sl-inline'))).toThrow(/label span/);
  });
});
