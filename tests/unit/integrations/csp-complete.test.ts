import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { completeCsp, decodeAttribute, parsePolicy } from '../../../src/integrations/csp-complete.ts';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

const page = (head: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"/><title>t</title>${head}</head><body>${body}</body></html>`;
const META = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-astro='; style-src 'self'">`;

function policy(html: string): Map<string, string[]> {
  const m = /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(html);
  return parsePolicy((m?.[1] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
}

describe('completeCsp', () => {
  it('adds the hashes of inline scripts and styles, keeping Astro sources and skipping external and JSON scripts', () => {
    const html = page(META + '<script>theme()</script><style>a{color:red}</style>', '<script src="/x.js"></script><script type="application/ld+json">{}</script><script type="module">go()</script>');
    const p = policy(completeCsp(html));
    expect(p.get('script-src')).toEqual(["'self'", "'sha256-astro='", sha('theme()'), sha('go()')]);
    expect(p.get('style-src')).toEqual(["'self'", sha('a{color:red}')]);
    expect(p.get('default-src')).toEqual(["'self'"]);
  });

  it("hashes decoded style attribute values under style-src-attr with 'unsafe-hashes'", () => {
    const html = page(META, `<svg style="--sl-icon-size: 1em;"></svg><span style="font-family:&quot;a&quot;"></span><p>&lt;div style="not-an-attr"&gt;</p>`);
    const p = policy(completeCsp(html));
    expect(p.get('style-src-attr')).toEqual(["'unsafe-hashes'", sha('--sl-icon-size: 1em;'), sha('font-family:"a"')]);
  });

  it('moves the meta right after <meta charset>, ahead of every script', () => {
    const html = page('<script>early()</script>' + META, '');
    const out = completeCsp(html);
    expect(out.indexOf('content-security-policy')).toBeLessThan(out.indexOf('<script>'));
    expect(out.indexOf('<meta charset')).toBeLessThan(out.indexOf('content-security-policy'));
    expect(out.match(/content-security-policy/g)).toHaveLength(1);
  });

  it('leaves a page without a policy alone', () => {
    const html = page('<script>x()</script>', '');
    expect(completeCsp(html)).toBe(html);
  });

  it('decodes numeric and named references as the browser does', () => {
    expect(decodeAttribute('a&amp;b&#39;&#x41;&lt;')).toBe("a&b'A<");
  });
});
