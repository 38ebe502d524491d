/**
 * What an HTML page refers to and what it offers to be referred to: every URL in an attribute
 * that loads or links something, and every fragment target (ids, and names of <a>).
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** One URL found in a page: where it came from and its line. */
export interface HtmlRef {
  tag: string;
  attr: string;
  url: string;
  line: number;
}

/** A page's outgoing URLs and its fragment targets. */
export interface PageRefs {
  refs: HtmlRef[];
  ids: Set<string>;
}

/** Attributes holding one URL, per element. */
const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  script: ['src'],
  iframe: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
  button: ['formaction'],
  input: ['formaction', 'src'],
};
/** Attributes holding a srcset (URL, then a descriptor, comma separated). */
const SRCSET_TAGS = new Set(['img', 'source']);

/** Parses a page and collects its URLs and fragment targets (including inside <template>). */
export function pageRefs(html: string): PageRefs {
  const doc = parse(html, { sourceCodeLocationInfo: true });
  const refs: HtmlRef[] = [];
  const ids = new Set<string>();
  const visit = (node: Node) => {
    if ('tagName' in node) collect(node as Element, refs, ids);
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
    if ('content' in node && node.content) visit(node.content as Node);
  };
  visit(doc);
  return { refs, ids };
}

function collect(el: Element, refs: HtmlRef[], ids: Set<string>): void {
  const line = el.sourceCodeLocation?.startLine ?? 0;
  for (const { name, value } of el.attrs) {
    if (name === 'id' && value) ids.add(value);
    // The legacy fragment target browsers still honour.
    if (name === 'name' && el.tagName === 'a' && value) ids.add(value);
    if (URL_ATTRS[el.tagName]?.includes(name)) {
      // An <svg><a href> is in the SVG namespace but parse5 gives it tagName 'a' too: both count.
      refs.push({ tag: el.tagName, attr: name, url: value.trim(), line });
    } else if (name === 'srcset' && SRCSET_TAGS.has(el.tagName)) {
      for (const candidate of value.split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) refs.push({ tag: el.tagName, attr: name, url, line });
      }
    } else if (name === 'xlink:href' || (name === 'href' && el.namespaceURI === 'http://www.w3.org/2000/svg' && el.tagName === 'use')) {
      refs.push({ tag: el.tagName, attr: name, url: value.trim(), line });
    }
  }
}
