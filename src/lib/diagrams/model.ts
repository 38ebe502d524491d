/**
 * The shape of a diagram before layout: blocks of boxes on a grid and the edges between them.
 * Builders (volume.ts, dns.ts…) turn a data file into this; layout.ts places it; svg.ts draws it.
 */

/** Page languages the diagrams speak. */
export type Lang = 'ja' | 'en';

/** A text in both languages, or one text used by both. */
export type Label = string | { ja: string; en: string };

/** Border style of a box or an edge; meaning is also written as text, so black and white still reads. */
export type LineStyle = 'solid' | 'dashed' | 'dotted';

/** A line of a box: plain text, or text a live diagram replaces (its `key`). */
export type BoxLine = string | { text: string; key: string };

/** A box. `col`/`row` place it on the block's grid (horizontal picture); `span` covers more rows. */
export interface DiagramNode {
  id: string;
  col: number;
  row: number;
  /** How many rows (in the horizontal picture) the box is centred across. */
  span?: number;
  /** The kind of thing (Pod, PVC, Host…), drawn bold on top. */
  caption?: string;
  /** Names, paths and values, in monospace. */
  lines: BoxLine[];
  /** Explanations under the names, in the body font. */
  notes?: BoxLine[];
  style?: LineStyle;
  /** Its place in the narrow picture, when the block's `vertical` rule does not give the right one. */
  narrow?: { col: number; row: number; span?: number };
  /** Widen the box to its column (boxes whose text a live diagram replaces). */
  stretch?: boolean;
  /** Live key (`data-live-key`) that highlights or dims the box. */
  key?: string;
  /** State in the static picture. */
  state?: 'on' | 'off';
}

/** An arrow from one box to another. */
export interface DiagramEdge {
  from: string;
  to: string;
  label?: string;
  style?: LineStyle;
  key?: string;
  state?: 'on' | 'off';
  /** Drawn only while on (an answer that may come from any of several boxes). */
  conditional?: boolean;
}

/** One part of a diagram with its own grid (stacked under the previous part). */
export interface DiagramBlock {
  title?: string;
  /** A command or manifest line shown under the title, in monospace. */
  command?: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /**
   * How the narrow picture is made: `transpose` turns columns into rows (lanes side by side);
   * `stack` puts every box in one column, in the order of `nodes`; `explicit` uses each box's `narrow`
   * place (columns there are side by side, `span` covers more columns).
   */
  vertical?: 'transpose' | 'stack' | 'explicit';
  /** Widest a box may be in the wide picture (px); text wraps beyond it. */
  wideBoxMax?: number;
}

/** A whole diagram, already in one language. */
export interface Diagram {
  /** Accessible name (`<title>`). */
  title: string;
  /** The picture in words (`<desc>`). */
  desc: string;
  blocks: DiagramBlock[];
}

/** The text of a label in a language, with `{name}` placeholders filled from `vars`. */
export function t(label: Label | undefined, lang: Lang, vars: Record<string, string | number> = {}): string {
  if (label === undefined) return '';
  const text = typeof label === 'string' ? label : (label[lang] ?? label.en);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The language of a page from Starlight's locale (`ja`, `en`), else English. */
export function diagramLang(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** The text of a box line. */
export function lineText(line: BoxLine): string {
  return typeof line === 'string' ? line : line.text;
}
