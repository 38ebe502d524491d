import { describe, expect, it } from 'vitest';
import { NARROW_WIDTH, renderFigure } from '../../../src/lib/diagrams/figure.ts';
import { crosses, inflate, layoutDiagram, overlaps, type Layout, type Rect } from '../../../src/lib/diagrams/layout.ts';
import { textWidth, wrap } from '../../../src/lib/diagrams/text.ts';
import { DIAGRAMS, LANGS } from './fixtures.ts';

function inside(r: Rect, l: Layout): boolean {
  return r.x >= 0 && r.y >= 0 && r.x + r.w <= l.width && r.y + r.h <= l.height;
}

describe('diagram layout', () => {
  for (const [name, build] of Object.entries(DIAGRAMS)) {
    for (const lang of LANGS) {
      for (const orientation of ['horizontal', 'vertical'] as const) {
        describe(`${name} ${lang} ${orientation}`, () => {
          const layout = layoutDiagram(build(lang), { orientation, maxWidth: orientation === 'vertical' ? NARROW_WIDTH : undefined });

          it('has no overlapping boxes', () => {
            for (let i = 0; i < layout.boxes.length; i++)
              for (let j = i + 1; j < layout.boxes.length; j++)
                expect(overlaps(layout.boxes[i], layout.boxes[j]), `${layout.boxes[i].node.id} / ${layout.boxes[j].node.id}`).toBe(false);
          });

          it('keeps every box, edge label and text inside the viewBox', () => {
            for (const b of layout.boxes) expect(inside(b, layout), b.node.id).toBe(true);
            for (const e of layout.edges) if (e.label) expect(inside(e.label, layout), `${e.edge.from}→${e.edge.to}`).toBe(true);
            for (const t of layout.texts) expect(t.x + textWidth(t.text, t.role)).toBeLessThanOrEqual(layout.width);
          });

          it('keeps box text within its box', () => {
            for (const b of layout.boxes)
              for (const t of b.texts) {
                const w = Math.min(textWidth(t.text, t.role), t.maxWidth ?? Infinity);
                expect(w, `${b.node.id}: ${t.text}`).toBeLessThanOrEqual(b.w);
              }
          });

          it('draws no edge through another box and no label over a box', () => {
            for (const e of layout.edges) {
              const others = layout.boxes.filter((b) => b.node.id !== e.edge.from && b.node.id !== e.edge.to);
              for (let k = 0; k + 1 < e.points.length; k++)
                for (const o of others) expect(crosses(e.points[k], e.points[k + 1], inflate(o, -1)), `${e.edge.from}→${e.edge.to} crosses ${o.node.id}`).toBe(false);
              if (e.label) for (const b of layout.boxes) expect(overlaps(e.label, b), `label of ${e.edge.from}→${e.edge.to} over ${b.node.id}`).toBe(false);
            }
          });

          if (orientation === 'vertical') {
            it('fits a phone: narrower than 400 px', () => {
              expect(layout.width).toBeLessThan(400);
            });
          }
        });
      }
    }
  }

  it('makes the narrow picture narrower than the wide one', () => {
    for (const build of Object.values(DIAGRAMS)) {
      const fig = renderFigure(build('en'), 'x', 'en');
      expect(fig.narrow.layout.width).toBeLessThan(fig.wide.layout.width);
    }
  });
});

describe('text', () => {
  it('counts Japanese characters as full width', () => {
    expect(textWidth('ホスト', 'mono')).toBeGreaterThan(textWidth('abc', 'mono'));
  });

  it('wraps paths after a slash and keeps every piece within the width', () => {
    const lines = wrap('/var/lib/docker/volumes/data_volume/_data', 130, 'mono');
    expect(lines.join('')).toBe('/var/lib/docker/volumes/data_volume/_data');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 'mono')).toBeLessThanOrEqual(130);
    expect(lines.some((l) => l.endsWith('/'))).toBe(true);
  });

  it('keeps closing punctuation with the word before it', () => {
    const lines = wrap('ボリュームマウント（データ）。次の行', 60, 'caption');
    for (const l of lines) expect(l.startsWith('）') || l.startsWith('。')).toBe(false);
  });
});
