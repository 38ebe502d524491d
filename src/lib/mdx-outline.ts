/**
 * A light reader of our MDX pages: the outline (headings with ids), code blocks, asides and
 * components in document order. Enough to compare the two languages of a page and to check
 * the code blocks, without compiling MDX.
 */

/** One structural element of a page, in document order. */
export type OutlineItem =
  | { type: 'heading'; depth: number; id: string | undefined; text: string; line: number }
  | { type: 'code'; lang: string; meta: string; body: string; line: number }
  | { type: 'aside'; variant: string; line: number }
  | { type: 'component'; name: string; line: number };

const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*$/;
const HEADING_ID = /\{\/\*\s*#([A-Za-z][\w-]*)\s*\*\/\}\s*$/;
const ASIDE = /^:::(note|tip|caution|danger)\b/;
const COMPONENT = /<([A-Z][A-Za-z0-9]*)\b/g;

/** Splits a page into its front matter and body. */
export function splitFrontmatter(source: string): { frontmatter: string; body: string; offset: number } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (!match) return { frontmatter: '', body: source, offset: 0 };
  return { frontmatter: match[1], body: source.slice(match[0].length), offset: match[0].split('\n').length - 1 };
}

/** The outline of an MDX page. */
export function outline(source: string): OutlineItem[] {
  const { body, offset } = splitFrontmatter(source);
  const lines = body.split('\n');
  const items: OutlineItem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence) {
      const [, indent, marker, info] = fence;
      const [lang = '', ...rest] = info.trim().split(/\s+/);
      const start = i;
      const bodyLines: string[] = [];
      for (i++; i < lines.length; i++) {
        const close = lines[i].trimStart();
        if (close.startsWith(marker[0].repeat(marker.length)) && close.replace(/[`~]/g, '').trim() === '') break;
        bodyLines.push(lines[i].startsWith(indent) ? lines[i].slice(indent.length) : lines[i]);
      }
      items.push({ type: 'code', lang, meta: rest.join(' '), body: bodyLines.join('\n'), line: start + offset + 1 });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const id = HEADING_ID.exec(heading[2])?.[1];
      const text = heading[2].replace(HEADING_ID, '').trim();
      items.push({ type: 'heading', depth: heading[1].length, id, text, line: i + offset + 1 });
      continue;
    }
    const aside = ASIDE.exec(line.trim());
    if (aside) {
      items.push({ type: 'aside', variant: aside[1], line: i + offset + 1 });
      continue;
    }
    if (/^\s*import\s/.test(line)) continue;
    for (const m of line.matchAll(COMPONENT)) items.push({ type: 'component', name: m[1], line: i + offset + 1 });
  }
  return items;
}

/** A code block's text without comments, so that translated comments compare equal. */
export function withoutComments(lang: string, body: string): string {
  const hashComments = /^(bash|sh|shell|console|shellsession|yaml|yml|text|ini|toml|conf|dockerfile)$/.test(lang);
  return body
    .split('\n')
    .map((line) => {
      if (!hashComments) return line;
      if (/^\s*#/.test(line) && !/^\s*#!/.test(line)) return '';
      return line.replace(/\s+#\s.*$/, '');
    })
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
    .join('\n');
}

/** The title="…" of a code block's meta, if any. */
export function codeTitle(meta: string): string | undefined {
  return /\btitle=(?:"([^"]*)"|'([^']*)')/.exec(meta)?.slice(1).find((v) => v !== undefined);
}
