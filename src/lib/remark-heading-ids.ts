/**
 * Explicit heading ids shared by both languages, so `#procedure` means the same section in
 * Japanese and English and the language toggle can keep the reader's place.
 *
 * In MDX, `{#id}` after a heading would be a JavaScript expression, so the id is written as an
 * MDX comment: `## 手順 {/* #procedure *\/}`. In plain Markdown, `## Procedure {#procedure}` works too.
 */

import { walkTree } from './mdast-walk.ts';

interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  children?: MdNode[];
  data?: { hProperties?: Record<string, unknown>; id?: string };
}

const COMMENT_ID = /^\s*\/\*\s*#([A-Za-z][\w-]*)\s*\*\/\s*$/;
const TEXT_ID = /\s*\{#([A-Za-z][\w-]*)\}\s*$/;

/** Reads and removes an explicit id from a heading's children; returns it, or undefined. */
export function takeHeadingId(heading: MdNode): string | undefined {
  const children = heading.children ?? [];
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i];
    if (child.type === 'mdxTextExpression' && typeof child.value === 'string') {
      const match = COMMENT_ID.exec(child.value);
      if (!match) continue;
      children.splice(i, 1);
      trimEnd(children);
      return match[1];
    }
    if (child.type === 'text' && typeof child.value === 'string') {
      const match = TEXT_ID.exec(child.value);
      if (!match) return undefined;
      child.value = child.value.slice(0, match.index);
      trimEnd(children);
      return match[1];
    }
    return undefined;
  }
  return undefined;
}

function trimEnd(children: MdNode[]): void {
  const last = children[children.length - 1];
  if (last?.type === 'text' && typeof last.value === 'string') {
    last.value = last.value.replace(/\s+$/, '');
    if (last.value === '') children.pop();
  }
}

/** Remark plugin: sets `id` on headings that carry an explicit id. */
export function remarkHeadingIds() {
  return (tree: MdNode) => {
    walkTree(tree, (node) => {
      if (node.type !== 'heading') return;
      const id = takeHeadingId(node);
      if (!id) return;
      node.data ??= {};
      node.data.hProperties = { ...(node.data.hProperties ?? {}), id };
    });
  };
}
