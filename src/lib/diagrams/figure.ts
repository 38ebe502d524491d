/** A diagram's two pictures: the wide one (columns as in the data) and the narrow one for phones. */
import { layoutDiagram, type Layout } from './layout.ts';
import type { Diagram, Lang } from './model.ts';
import { renderSvg } from './svg.ts';

/** Widest the narrow picture may be (px): a 360 px phone minus the page's side padding fits it at full size. */
export const NARROW_WIDTH = 340;

export interface Figure {
  wide: { layout: Layout; svg: string };
  narrow: { layout: Layout; svg: string };
}

/** Lays out and draws both pictures; `id` must be unique on the page. */
export function renderFigure(diagram: Diagram, id: string, lang: Lang): Figure {
  const wide = layoutDiagram(diagram, { orientation: 'horizontal' });
  const narrow = layoutDiagram(diagram, { orientation: 'vertical', maxWidth: NARROW_WIDTH });
  return {
    wide: { layout: wide, svg: renderSvg(diagram, wide, { id: `${id}-wide`, lang, className: 'kd-wide' }) },
    narrow: { layout: narrow, svg: renderSvg(diagram, narrow, { id: `${id}-narrow`, lang, className: 'kd-narrow' }) },
  };
}
