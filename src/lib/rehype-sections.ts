/**
 * Wraps each h2 section of a page in `<section data-section="id" style="--kn-row: N">`, the part
 * before the first h2 being row 0. Reading pages look the same; the parallel (対訳) view uses the
 * row numbers to place the Japanese and English sections side by side without any script.
 */

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  value?: string;
}

/** The id of the h2 this top-level node starts, if it starts a section (plain or wrapped by Starlight's anchor links). */
export function sectionStart(node: HastNode): string | undefined {
  if (node.type !== 'element') return undefined;
  if (node.tagName === 'h2') return String(node.properties?.id ?? '');
  const className = node.properties?.className;
  const classes = Array.isArray(className) ? className.map(String) : typeof className === 'string' ? className.split(' ') : [];
  if (node.tagName === 'div' && classes.includes('level-h2')) {
    const h2 = node.children?.find((c) => c.type === 'element' && c.tagName === 'h2');
    if (h2) return String(h2.properties?.id ?? '');
  }
  return undefined;
}

function section(id: string, row: number, children: HastNode[]): HastNode {
  return {
    type: 'element',
    tagName: 'section',
    properties: { className: ['kn-section'], dataSection: id, style: `--kn-row: ${row + 1}` },
    children,
  };
}

/** Rehype plugin: groups a page's top-level nodes into h2 sections. */
export function rehypeSections() {
  return (tree: HastNode) => {
    const children = tree.children ?? [];
    if (!children.some((c) => sectionStart(c) !== undefined)) return;
    const out: HastNode[] = [];
    let current: HastNode[] = [];
    let id = 'top';
    let row = 0;
    const flush = () => {
      if (current.some((c) => !(c.type === 'text' && !String(c.value ?? '').trim()))) out.push(section(id, row, current));
      else out.push(...current);
      row++;
    };
    for (const child of children) {
      // MDX needs its import/export statements at the top level of the tree.
      if (child.type === 'mdxjsEsm') {
        out.push(child);
        continue;
      }
      const start = sectionStart(child);
      if (start !== undefined) {
        flush();
        current = [];
        id = start;
      }
      current.push(child);
    }
    flush();
    tree.children = out;
  };
}
