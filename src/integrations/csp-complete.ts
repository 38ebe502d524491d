import { createHash } from 'node:crypto';

/**
 * Completes the Content-Security-Policy `<meta>` that Astro's `security.csp` writes into a built page.
 *
 * Astro hashes the scripts and styles it bundles, but not `is:inline` scripts (Starlight's theme and
 * sidebar scripts), some component styles inlined into MDX pages, nor `style="…"` attributes
 * (Starlight's icon sizes, Expressive Code's token colours, our section rows). Rather than loosen the
 * policy with `'unsafe-inline'`, every inline `<script>`/`<style>` body on the page gets its hash in
 * `script-src`/`style-src`, and every style attribute value its hash in `style-src-attr` with
 * `'unsafe-hashes'`. The meta moves to the top of `<head>` so that it also governs the scripts above it.
 */

const META_RE = /<meta http-equiv="content-security-policy" content="([^"]*)"\s*\/?>/i;
const SCRIPT_RE = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE_RE = /<style\b([^>]*)>([\s\S]*?)<\/style\s*>/gi;
const STYLE_ATTR_RE = /<[a-zA-Z][\w:-]*\b[^<>]*?\sstyle=(?:"([^"]*)"|'([^']*)')/g;

/** `'sha256-…'` of a string as CSP expects it: the UTF-8 bytes, base64-encoded. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Decodes the character references an attribute value may carry (the browser hashes the decoded value). */
export function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|quot|amp|lt|gt|apos|nbsp);/gi, (_, ref: string) => {
    const lower = ref.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: '\u00a0' }[lower] ?? _;
  });
}

function decodeContent(value: string): string {
  return value.replace(/&(quot|amp|lt|gt|#39|#x27);/gi, (m, ref: string) =>
    ({ quot: '"', amp: '&', lt: '<', gt: '>', '#39': "'", '#x27': "'" })[ref.toLowerCase()] ?? m,
  );
}

function encodeContent(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** Parses a policy into directive name → sources, keeping the order of first appearance. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    const key = name.toLowerCase();
    if (!directives.has(key)) directives.set(key, sources);
  }
  return directives;
}

/** Serializes directives back into one policy string. */
export function serializePolicy(directives: Map<string, string[]>): string {
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

function addSources(directives: Map<string, string[]>, name: string, sources: Iterable<string>, base: string[]): void {
  const list = directives.get(name) ?? [...base];
  for (const source of sources) if (!list.includes(source)) list.push(source);
  directives.set(name, list);
}

/** Hashes of the inline script bodies, inline style bodies and style attribute values of a page. */
export function inlineHashes(html: string): { scripts: Set<string>; styles: Set<string>; styleAttrs: Set<string> } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const styleAttrs = new Set<string>();
  const withoutScripts = html.replace(SCRIPT_RE, (_, attrs: string, body: string) => {
    if (!/\ssrc\s*=/i.test(attrs) && !/type\s*=\s*["']?application\/(?:ld\+)?json/i.test(attrs)) scripts.add(cspHash(body));
    return '';
  });
  const withoutStyles = withoutScripts.replace(STYLE_RE, (_, _attrs: string, body: string) => {
    styles.add(cspHash(body));
    return '';
  });
  for (const match of withoutStyles.matchAll(STYLE_ATTR_RE)) {
    styleAttrs.add(cspHash(decodeAttribute(match[1] ?? match[2] ?? '')));
  }
  return { scripts, styles, styleAttrs };
}

/**
 * Returns the page with its CSP meta completed and moved to the top of `<head>`;
 * a page without Astro's meta is returned unchanged (it is not ours to police).
 */
export function completeCsp(html: string): string {
  const meta = META_RE.exec(html);
  if (!meta) return html;
  const directives = parsePolicy(decodeContent(meta[1] ?? ''));
  const { scripts, styles, styleAttrs } = inlineHashes(html);
  addSources(directives, 'script-src', scripts, ["'self'"]);
  addSources(directives, 'style-src', styles, ["'self'"]);
  if (styleAttrs.size > 0) addSources(directives, 'style-src-attr', ["'unsafe-hashes'", ...styleAttrs], []);
  const tag = `<meta http-equiv="content-security-policy" content="${encodeContent(serializePolicy(directives))}">`;
  const without = html.slice(0, meta.index) + html.slice(meta.index + meta[0].length);
  // Right after <meta charset> (which must stay within the first 1024 bytes), else at the start of <head>.
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(without);
  if (charset) {
    const at = charset.index + charset[0].length;
    return without.slice(0, at) + tag + without.slice(at);
  }
  return without.replace(/<head\b[^>]*>/i, (head) => head + tag);
}
