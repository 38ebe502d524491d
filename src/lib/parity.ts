import { codeTitle, withoutComments, type OutlineItem } from './mdx-outline.ts';

/**
 * Compares the outlines of a page's two languages and returns one message per difference,
 * naming the page and the section (by its shared id) so a writer knows where to look.
 */
export function checkParity(page: string, ja: OutlineItem[], en: OutlineItem[]): string[] {
  const problems: string[] = [];
  for (const [locale, items] of [['ja', ja], ['en', en]] as const) {
    for (const item of items) {
      if (item.type === 'heading' && item.depth >= 2 && !item.id) {
        problems.push(`${page} (${locale}:${item.line}): heading "${item.text}" has no explicit id {/* #id */}`);
      }
    }
  }
  const sectionsJa = sections(ja);
  const sectionsEn = sections(en);
  const idsJa = sectionsJa.map((s) => s.id);
  const idsEn = sectionsEn.map((s) => s.id);
  if (idsJa.join(' ') !== idsEn.join(' ')) {
    problems.push(`${page}: sections differ: ja has ${idsJa.map((id) => '#' + id).join(' ')}; en has ${idsEn.map((id) => '#' + id).join(' ')}`);
    return problems;
  }
  sectionsJa.forEach((section, i) => {
    const other = sectionsEn[i];
    const where = `${page}, section #${section.id}`;
    if (section.depth !== other.depth) problems.push(`${where}: heading level ${section.depth} in ja, ${other.depth} in en`);
    const codeJa = section.items.filter((it) => it.type === 'code');
    const codeEn = other.items.filter((it) => it.type === 'code');
    if (codeJa.length !== codeEn.length) problems.push(`${where}: ${codeJa.length} code blocks in ja, ${codeEn.length} in en`);
    codeJa.forEach((a, n) => {
      const b = codeEn[n];
      if (!b || a.type !== 'code' || b.type !== 'code') return;
      if (a.lang !== b.lang || codeTitle(a.meta) !== codeTitle(b.meta) || a.meta.replace(/title=("[^"]*"|'[^']*')/, '') !== b.meta.replace(/title=("[^"]*"|'[^']*')/, '')) {
        problems.push(`${where}: code block ${n + 1} differs in language or meta (ja line ${a.line}: ${a.lang} ${a.meta}; en line ${b.line}: ${b.lang} ${b.meta})`);
      } else if (withoutComments(a.lang, a.body) !== withoutComments(b.lang, b.body)) {
        problems.push(`${where}: code block ${n + 1} differs beyond comments (ja line ${a.line}, en line ${b.line})`);
      }
    });
    const kinds = (items: OutlineItem[]) =>
      items.filter((it) => it.type === 'aside' || it.type === 'component').map((it) => (it.type === 'aside' ? `aside:${it.variant}` : `<${it.name}>`));
    const ka = kinds(section.items).join(' ');
    const kb = kinds(other.items).join(' ');
    if (ka !== kb) problems.push(`${where}: asides/components differ: ja [${ka}], en [${kb}]`);
  });
  return problems;
}

interface Section {
  id: string;
  depth: number;
  items: OutlineItem[];
}

/** Groups a page's items by the heading they follow; the part before the first heading is "top". */
function sections(items: OutlineItem[]): Section[] {
  const out: Section[] = [{ id: 'top', depth: 1, items: [] }];
  for (const item of items) {
    if (item.type === 'heading' && item.depth >= 2) out.push({ id: item.id ?? `?${item.text}`, depth: item.depth, items: [] });
    else out[out.length - 1].items.push(item);
  }
  return out;
}
