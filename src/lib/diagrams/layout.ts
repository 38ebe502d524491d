/**
 * Places a diagram: boxes on a grid sized by their text, edges clipped to the box borders (or
 * routed round a gutter when a straight line would cross another box), blocks stacked top to
 * bottom. The wide picture follows the data's columns; the narrow one (phones) transposes or
 * stacks each block and wraps text to fit `maxWidth`.
 */
import { lineText, type BoxLine, type Diagram, type DiagramBlock, type DiagramEdge, type DiagramNode } from './model.ts';
import { lineHeight, textWidth, wrap, type FontRole } from './text.ts';

/** Which picture to lay out. */
export type Orientation = 'horizontal' | 'vertical';

export interface LayoutOptions {
  orientation: Orientation;
  /** Widest the picture may be (px); the narrow picture wraps text to fit it. */
  maxWidth?: number;
}

/** One line of text at its baseline. `key` marks a line a live diagram replaces. */
export interface PlacedText {
  text: string;
  role: FontRole;
  x: number;
  y: number;
  anchor: 'start' | 'middle';
  key?: string;
  /** Widest the line may be drawn (px), for text replaced later. */
  maxWidth?: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlacedBox extends Rect {
  node: DiagramNode;
  texts: PlacedText[];
}

export interface PlacedEdge {
  edge: DiagramEdge;
  points: Array<[number, number]>;
  label?: Rect & { texts: PlacedText[] };
}

export interface Layout {
  width: number;
  height: number;
  boxes: PlacedBox[];
  edges: PlacedEdge[];
  /** Block titles and commands. */
  texts: PlacedText[];
}

export const MARGIN = 8;
const PAD_X = 10;
const PAD_Y = 7;
const MIN_BOX_W = 64;
const WIDE_BOX_MAX = 300;
const WIDE_GAP_X = 44;
const NARROW_GAP_X = 14;
const GAP_Y = 28;
const BLOCK_GAP = 22;
const GUTTER = 14;
const LABEL_PAD = 4;

interface Cell {
  node: DiagramNode;
  c: number;
  r: number;
  cspan: number;
  rspan: number;
  w: number;
  h: number;
  content: Array<{ text: string; role: FontRole; key?: string }>;
}

/** Lays out a diagram for one orientation. */
export function layoutDiagram(diagram: Diagram, options: LayoutOptions): Layout {
  const vertical = options.orientation === 'vertical';
  const maxWidth = options.maxWidth ?? (vertical ? 360 : 1200);
  const inner = maxWidth - 2 * MARGIN;
  const out: Layout = { width: 0, height: 0, boxes: [], edges: [], texts: [] };
  let y = MARGIN;
  let right = 0;
  diagram.blocks.forEach((block, i) => {
    if (i > 0) y += BLOCK_GAP;
    const placed = layoutBlock(block, vertical, inner, y);
    out.boxes.push(...placed.boxes);
    out.edges.push(...placed.edges);
    out.texts.push(...placed.texts);
    y = placed.bottom;
    right = Math.max(right, placed.right);
  });
  out.width = Math.ceil(right + MARGIN);
  out.height = Math.ceil(y + MARGIN);
  return out;
}

function layoutBlock(
  block: DiagramBlock,
  vertical: boolean,
  inner: number,
  top: number,
): { boxes: PlacedBox[]; edges: PlacedEdge[]; texts: PlacedText[]; bottom: number; right: number } {
  const texts: PlacedText[] = [];
  let y = top;
  let right = MARGIN;
  const headingMax = vertical ? inner : 900;
  for (const [text, role] of [
    [block.title, 'title'],
    [block.command, 'mono'],
  ] as Array<[string | undefined, FontRole]>) {
    if (!text) continue;
    for (const line of wrap(text, headingMax, role)) {
      y += lineHeight(role);
      texts.push({ text: line, role, x: MARGIN, y: y - 4, anchor: 'start' });
      right = Math.max(right, MARGIN + textWidth(line, role));
    }
  }
  if (texts.length) y += 8;

  const mode = vertical ? (block.vertical ?? 'transpose') : 'wide';
  const cells: Cell[] = block.nodes.map((node, index) => {
    const span = Math.max(1, node.span ?? 1);
    if (mode === 'wide') return cell(node, node.col, node.row, 1, span);
    if (mode === 'transpose') return cell(node, node.row, node.col, span, 1);
    if (mode === 'explicit') {
      const at = node.narrow ?? { col: node.row, row: node.col };
      return cell(node, at.col, at.row, Math.max(1, at.span ?? 1), 1);
    }
    return cell(node, 0, index, 1, 1);
  });
  const ncols = Math.max(1, ...cells.map((c) => c.c + c.cspan));
  const nrows = Math.max(1, ...cells.map((c) => c.r + c.rspan));
  const baseGapX = vertical ? NARROW_GAP_X : WIDE_GAP_X;
  // A stacked block keeps room on its right for the gutter its detour edges take.
  const usable = mode === 'stack' ? inner - 2 * GUTTER : inner;
  const wideMax = block.wideBoxMax ?? WIDE_BOX_MAX;
  const colAvail = vertical ? (usable - (ncols - 1) * baseGapX) / ncols : wideMax;
  for (const c of cells) measure(c, vertical ? colAvail * c.cspan + baseGapX * (c.cspan - 1) : wideMax);

  const byId = new Map(cells.map((c) => [c.node.id, c]));
  const edgeLabels = block.edges.map((e) => (e.label ? wrap(e.label, vertical ? inner / 2 : 150, 'edge') : []));

  // Gaps between tracks: wide enough for the labels of the edges that cross them.
  const gapsX: number[] = Array.from({ length: ncols }, () => baseGapX);
  const gapsY = Array.from({ length: nrows }, () => GAP_Y);
  block.edges.forEach((e, i) => {
    const a = byId.get(e.from);
    const b = byId.get(e.to);
    const lines = edgeLabels[i];
    if (!a || !b || lines.length === 0) return;
    const lw = Math.max(...lines.map((l) => textWidth(l, 'edge'))) + 2 * LABEL_PAD + 12;
    const lh = lines.length * lineHeight('edge') + 2 * LABEL_PAD + 10;
    const [c1, c2] = a.c <= b.c ? [a, b] : [b, a];
    if (c1.c + c1.cspan === c2.c) gapsX[c2.c - 1] = Math.max(gapsX[c2.c - 1], lw);
    const [r1, r2] = a.r <= b.r ? [a, b] : [b, a];
    if (r1.r + r1.rspan === r2.r) gapsY[r2.r - 1] = Math.max(gapsY[r2.r - 1], lh);
  });

  const colW = tracks(cells, ncols, (c) => [c.c, c.cspan, c.w], gapsX);
  const rowH = tracks(cells, nrows, (c) => [c.r, c.rspan, c.h], gapsY);
  const colX = offsets(colW, gapsX, MARGIN);
  const rowY = offsets(rowH, gapsY, y);

  const boxes: PlacedBox[] = cells.map((c) => {
    const areaX = colX[c.c];
    const areaW = colX[c.c + c.cspan - 1] + colW[c.c + c.cspan - 1] - areaX;
    const areaY = rowY[c.r];
    const areaH = rowY[c.r + c.rspan - 1] + rowH[c.r + c.rspan - 1] - areaY;
    if (c.node.stretch) c.w = Math.floor(areaW);
    const x = Math.round(areaX + (areaW - c.w) / 2);
    const by = Math.round(areaY + (areaH - c.h) / 2);
    const placedTexts: PlacedText[] = [];
    let ty = by + PAD_Y;
    for (const line of c.content) {
      ty += lineHeight(line.role);
      placedTexts.push({
        text: line.text,
        role: line.role,
        x: x + c.w / 2,
        y: ty - Math.round(lineHeight(line.role) * 0.28),
        anchor: 'middle',
        key: line.key,
        maxWidth: line.key ? c.w - 2 * PAD_X : undefined,
      });
    }
    return { node: c.node, x, y: by, w: c.w, h: c.h, texts: placedTexts };
  });
  const boxById = new Map(boxes.map((b) => [b.node.id, b]));
  let blockRight = Math.max(right, ...boxes.map((b) => b.x + b.w));
  const gridRight = Math.max(...boxes.map((b) => b.x + b.w));
  const bottom = Math.max(y, ...boxes.map((b) => b.y + b.h));

  let gutters = 0;
  // Conditional edges into one box are never shown together, so they share one gutter.
  const sharedGutter = new Map<string, number>();
  const edges: PlacedEdge[] = [];
  block.edges.forEach((edge, i) => {
    const a = boxById.get(edge.from);
    const b = boxById.get(edge.to);
    if (!a || !b) throw new Error(`diagram edge ${edge.from} → ${edge.to}: unknown box`);
    const others = boxes.filter((o) => o !== a && o !== b);
    let points: Array<[number, number]> = straight(a, b);
    if (others.some((o) => crosses(points[0], points[1], inflate(o, 3)))) {
      let lane = edge.conditional ? sharedGutter.get(edge.to) : undefined;
      if (lane === undefined) {
        gutters += 1;
        lane = gutters;
        if (edge.conditional) sharedGutter.set(edge.to, lane);
      }
      const gx = gridRight + GUTTER * lane;
      const ay = a.y + a.h / 2;
      const bY = b.y + b.h / 2;
      points = [
        [a.x + a.w, ay],
        [gx, ay],
        [gx, bY],
        [b.x + b.w, bY],
      ];
      blockRight = Math.max(blockRight, gx + 2);
    }
    const placed: PlacedEdge = { edge, points };
    const lines = edgeLabels[i];
    if (lines.length) {
      const [p, q] = longestSegment(points);
      const mx = (p[0] + q[0]) / 2;
      const my = (p[1] + q[1]) / 2;
      const w = Math.max(...lines.map((l) => textWidth(l, 'edge'))) + 2 * LABEL_PAD;
      const h = lines.length * lineHeight('edge') + 2 * LABEL_PAD - 2;
      const lx = Math.round(mx - w / 2);
      const ly = Math.round(my - h / 2);
      placed.label = {
        x: lx,
        y: ly,
        w,
        h,
        texts: lines.map((text, k) => ({
          text,
          role: 'edge' as const,
          x: lx + w / 2,
          y: ly + LABEL_PAD + (k + 1) * lineHeight('edge') - 4,
          anchor: 'middle' as const,
        })),
      };
      blockRight = Math.max(blockRight, lx + w);
    }
    edges.push(placed);
  });
  return { boxes, edges, texts, bottom, right: blockRight };
}

function cell(node: DiagramNode, c: number, r: number, cspan: number, rspan: number): Cell {
  return { node, c, r, cspan, rspan, w: 0, h: 0, content: [] };
}

/** Wraps a box's text to `max` px and sets its size. Live lines are never wrapped (the script replaces them whole). */
function measure(c: Cell, max: number): void {
  const textMax = max - 2 * PAD_X;
  const add = (line: BoxLine, role: FontRole) => {
    if (typeof line !== 'string') {
      c.content.push({ text: line.text, role, key: line.key });
      return;
    }
    for (const text of wrap(line, textMax, role)) c.content.push({ text, role });
  };
  if (c.node.caption) add(c.node.caption, 'caption');
  for (const line of c.node.lines) add(line, 'mono');
  for (const line of c.node.notes ?? []) add(line, 'note');
  const widest = Math.max(0, ...c.content.map((l) => Math.min(textMax, textWidth(lineText(l.text), l.role))));
  c.w = Math.ceil(Math.max(MIN_BOX_W, widest + 2 * PAD_X));
  c.h = Math.ceil(2 * PAD_Y + c.content.reduce((sum, l) => sum + lineHeight(l.role), 0) + 3);
}

/** Track sizes: the largest single-track item, then widened so spanning items fit. */
function tracks(cells: Cell[], n: number, get: (c: Cell) => [number, number, number], gaps: number[]): number[] {
  const size = Array.from({ length: n }, () => 0);
  for (const c of cells) {
    const [start, span, s] = get(c);
    if (span === 1) size[start] = Math.max(size[start], s);
  }
  for (const c of cells) {
    const [start, span, s] = get(c);
    if (span === 1) continue;
    let total = 0;
    for (let k = start; k < start + span; k++) total += size[k] + (k > start ? gaps[k - 1] : 0);
    if (total < s) {
      const extra = (s - total) / span;
      for (let k = start; k < start + span; k++) size[k] += extra;
    }
  }
  return size.map((s) => Math.ceil(s));
}

function offsets(sizes: number[], gaps: number[], start: number): number[] {
  const out: number[] = [];
  let at = start;
  sizes.forEach((s, i) => {
    out.push(at);
    at += s + gaps[i];
  });
  return out;
}

function center(r: Rect): [number, number] {
  return [r.x + r.w / 2, r.y + r.h / 2];
}

/** Where the ray from the box's centre towards (dx, dy) leaves the box. */
function border(r: Rect, dx: number, dy: number): [number, number] {
  const [cx, cy] = center(r);
  const tx = dx === 0 ? Infinity : r.w / 2 / Math.abs(dx);
  const ty = dy === 0 ? Infinity : r.h / 2 / Math.abs(dy);
  const k = Math.min(tx, ty);
  return [cx + dx * k, cy + dy * k];
}

function straight(a: Rect, b: Rect): Array<[number, number]> {
  const [ax, ay] = center(a);
  const [bx, by] = center(b);
  let dx = bx - ax;
  let dy = by - ay;
  // Boxes in one row or column get a straight line even when their centres differ by a pixel.
  if (Math.abs(dy) < 2) dy = 0;
  if (Math.abs(dx) < 2) dx = 0;
  return [border(a, dx, dy), border(b, -dx, -dy)];
}

/** A rectangle grown by `d` on each side. */
export function inflate(r: Rect, d: number): Rect {
  return { x: r.x - d, y: r.y - d, w: r.w + 2 * d, h: r.h + 2 * d };
}

/** Whether the segment p–q passes through the rectangle (Liang–Barsky clipping). */
export function crosses(p: [number, number], q: [number, number], r: Rect): boolean {
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  let t0 = 0;
  let t1 = 1;
  const checks: Array<[number, number]> = [
    [-dx, p[0] - r.x],
    [dx, r.x + r.w - p[0]],
    [-dy, p[1] - r.y],
    [dy, r.y + r.h - p[1]],
  ];
  for (const [pp, qq] of checks) {
    if (pp === 0) {
      if (qq < 0) return false;
      continue;
    }
    const t = qq / pp;
    if (pp < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** Whether two rectangles overlap (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function longestSegment(points: Array<[number, number]>): [[number, number], [number, number]] {
  let best: [[number, number], [number, number]] = [points[0], points[1]];
  let len = -1;
  for (let i = 0; i + 1 < points.length; i++) {
    const l = Math.hypot(points[i + 1][0] - points[i][0], points[i + 1][1] - points[i][1]);
    if (l > len) {
      len = l;
      best = [points[i], points[i + 1]];
    }
  }
  return best;
}
