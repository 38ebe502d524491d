/**
 * Starlight renders `:::note`/`:::tip`/`:::caution` as `<aside aria-label="Tip">`, a named
 * complementary landmark. A chapter has several asides of one kind (every correction is
 * `:::caution[Correction]`), so its landmarks repeat a name (axe `landmark-unique`) and fill a
 * screen reader's landmark list with callouts. They are notes in the text, so they get
 * `role="note"` (allowed on `<aside>`), keeping their label and look.
 */

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function isStarlightAside(node: HastNode): boolean {
  if (node.type !== 'element' || node.tagName !== 'aside') return false;
  const className = node.properties?.className;
  const classes = Array.isArray(className) ? className.map(String) : typeof className === 'string' ? className.split(' ') : [];
  return classes.includes('starlight-aside');
}

/** Rehype plugin: gives Starlight's asides the note role. */
export function rehypeAsideNotes() {
  return (tree: HastNode) => {
    const visit = (node: HastNode) => {
      if (isStarlightAside(node) && node.properties?.role === undefined) node.properties = { ...node.properties, role: 'note' };
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}
