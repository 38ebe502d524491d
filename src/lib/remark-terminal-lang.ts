/**
 * Tells each `<Terminal>` of a chapter which language the chapter is written in. The side-by-side
 * view renders a Japanese and an English chapter on one page, so the page's language is right for
 * only one of its columns; with the chapter's own language in a prop, the server labels every
 * terminal in its column's language, and the browser need not carry both languages' labels to
 * relabel them.
 */

import { walkTree } from './mdast-walk.ts';

interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: MdxNode[];
}

/** The language of a chapter file: the folder under content/docs/ (`ja` or `en`), if it is one. */
export function chapterLang(path: string | undefined): 'ja' | 'en' | undefined {
  return /[\\/]content[\\/]docs[\\/](ja|en)[\\/]/.exec(path ?? '')?.[1] as 'ja' | 'en' | undefined;
}

/** Remark plugin: adds `lang="<chapter's language>"` to every `<Terminal>` that does not set one. */
export function remarkTerminalLang() {
  return (tree: MdxNode, file: { path?: string; history?: string[] }) => {
    const lang = chapterLang(file.path ?? file.history?.[0]);
    if (!lang) return;
    walkTree(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' || node.name !== 'Terminal') return;
      node.attributes ??= [];
      if (node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === 'lang')) return;
      node.attributes.push({ type: 'mdxJsxAttribute', name: 'lang', value: lang });
    });
  };
}
