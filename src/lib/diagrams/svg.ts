/**
 * Draws a laid-out diagram as an SVG string: an accessible image (`role="img"`, `<title>` and
 * `<desc>` in the page's language) whose colours come from CSS classes (diagrams.css), so the
 * theme, dark mode and print decide them, never the markup.
 */
import type { Layout, PlacedText } from './layout.ts';
import type { Diagram, Lang } from './model.ts';
import { textWidth } from './text.ts';

export interface SvgOptions {
  /** Unique on the page; prefixes the ids of `<title>`, `<desc>` and the arrow markers. */
  id: string;
  lang: Lang;
  /** Extra class on the `<svg>` (which picture it is). */
  className?: string;
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const DASH: Record<string, string> = { solid: '', dashed: ' stroke-dasharray="7 4"', dotted: ' stroke-dasharray="2 3"' };

function n(v: number): string {
  return String(Math.round(v * 10) / 10);
}

function text(t: PlacedText): string {
  const anchor = t.anchor === 'middle' ? ' text-anchor="middle"' : '';
  const key = t.key ? ` data-live-text="${escapeXml(t.key)}" data-max-width="${n(t.maxWidth ?? 0)}"` : '';
  // Live text is not wrapped: a line longer than its box is narrowed to fit.
  const fit = t.maxWidth && textWidth(t.text, t.role) > t.maxWidth ? ` textLength="${n(t.maxWidth)}" lengthAdjust="spacingAndGlyphs"` : '';
  return `<text class="kd-t kd-t-${t.role}" x="${n(t.x)}" y="${n(t.y)}"${anchor}${key}${fit}>${escapeXml(t.text)}</text>`;
}

function stateClasses(state: 'on' | 'off' | undefined, key: string | undefined): string {
  return (state ? ` kd-${state}` : '') + (key ? ' kd-live' : '');
}

/** The SVG markup of one picture of a diagram. */
export function renderSvg(diagram: Diagram, layout: Layout, options: SvgOptions): string {
  const { id, lang } = options;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="kd-svg${options.className ? ' ' + options.className : ''}" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" lang="${lang}" aria-labelledby="${id}-title" aria-describedby="${id}-desc">`,
    `<title id="${id}-title">${escapeXml(diagram.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(diagram.desc)}</desc>`,
    '<defs>',
    `<marker id="${id}-arrow" class="kd-head" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"/></marker>`,
    '</defs>',
  );
  for (const t of layout.texts) parts.push(text(t));
  for (const e of layout.edges) {
    const style = e.edge.style ?? 'solid';
    const key = e.edge.key ? ` data-live-key="${escapeXml(e.edge.key)}"` : '';
    const cls = `kd-edge kd-${style}${stateClasses(e.edge.state, e.edge.key)}${e.edge.conditional ? ' kd-cond' : ''}`;
    const pts = e.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
    parts.push(`<g class="${cls}"${key} data-from="${escapeXml(e.edge.from)}" data-to="${escapeXml(e.edge.to)}">`);
    parts.push(`<polyline class="kd-line" points="${pts}" fill="none"${DASH[style]} marker-end="url(#${id}-arrow)"/>`);
    if (e.label) {
      parts.push(`<rect class="kd-label-bg" x="${n(e.label.x)}" y="${n(e.label.y)}" width="${n(e.label.w)}" height="${n(e.label.h)}" rx="3"/>`);
      for (const t of e.label.texts) parts.push(text(t));
    }
    parts.push('</g>');
  }
  for (const b of layout.boxes) {
    const style = b.node.style ?? 'solid';
    const key = b.node.key ? ` data-live-key="${escapeXml(b.node.key)}"` : '';
    parts.push(`<g class="kd-box kd-${style}${stateClasses(b.node.state, b.node.key)}"${key} data-id="${escapeXml(b.node.id)}">`);
    parts.push(`<rect class="kd-rect" x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" rx="6"${DASH[style]}/>`);
    for (const t of b.texts) parts.push(text(t));
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('');
}
