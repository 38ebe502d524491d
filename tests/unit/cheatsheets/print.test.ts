import { describe, expect, it } from 'vitest';
import { cssString, pageSetupCss } from '../../../src/lib/cheatsheet-print.ts';

describe('the sheet page setup', () => {
  it('quotes titles and URLs as CSS strings, escaping quotes and backslashes', () => {
    expect(cssString('チートシート：2. コンポーネントの更新')).toBe('"チートシート：2. コンポーネントの更新"');
    expect(cssString('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c d"');
  });

  it('sets the paper and puts title, version, URL and page number in the margin boxes, for print only', () => {
    const css = pageSetupCss({ size: 'letter', title: 'Cheat sheet', version: 'kube-notes v0.1.0', url: 'https://kube-notes.example.org/en/cheatsheet/' });
    expect(css.startsWith('@media print {')).toBe(true);
    expect(css).toContain('size: letter;');
    expect(css).toMatch(/@top-left \{ content: "Cheat sheet";/);
    expect(css).toMatch(/@top-right \{ content: "kube-notes v0\.1\.0";/);
    expect(css).toMatch(/@bottom-left \{ content: "https:\/\/kube-notes\.example\.org\/en\/cheatsheet\/";/);
    expect(css).toContain('counter(page) " / " counter(pages)');
  });
});
