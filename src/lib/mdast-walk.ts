/** Visits a Markdown/MDX syntax tree depth-first, parents before children; the remark plugins share it. */
export function walkTree<T extends { children?: T[] }>(node: T, visit: (n: T) => void): void {
  visit(node);
  for (const child of node.children ?? []) walkTree(child, visit);
}
