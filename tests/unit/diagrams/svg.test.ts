import { describe, expect, it } from 'vitest';
import { renderFigure } from '../../../src/lib/diagrams/figure.ts';
import { escapeXml } from '../../../src/lib/diagrams/svg.ts';
import { DIAGRAMS, LANGS } from './fixtures.ts';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function attr(svg: string, name: string): string | undefined {
  return new RegExp(`<svg[^>]* ${name}="([^"]*)"`).exec(svg)?.[1];
}

describe('diagram SVG', () => {
  for (const [name, build] of Object.entries(DIAGRAMS)) {
    for (const lang of LANGS) {
      it(`${name} (${lang}) is an image named and described in the page's language`, () => {
        const diagram = build(lang);
        const fig = renderFigure(diagram, `kd-${name}`, lang);
        for (const svg of [fig.wide.svg, fig.narrow.svg]) {
          expect(attr(svg, 'role')).toBe('img');
          expect(attr(svg, 'lang')).toBe(lang);
          const labelledby = attr(svg, 'aria-labelledby') ?? '';
          const describedby = attr(svg, 'aria-describedby') ?? '';
          expect(svg).toContain(`<title id="${labelledby}">${escapeXml(diagram.title)}</title>`);
          expect(svg).toContain(`<desc id="${describedby}">${escapeXml(diagram.desc)}</desc>`);
        }
        expect(fig.wide.svg).not.toBe(fig.narrow.svg);
        // Ids differ between the two pictures, so both can sit on one page.
        expect(attr(fig.wide.svg, 'aria-labelledby')).not.toBe(attr(fig.narrow.svg, 'aria-labelledby'));
        if (lang === 'ja') expect(diagram.title + diagram.desc).toMatch(JAPANESE);
        else {
          expect(diagram.title).not.toMatch(JAPANESE);
          expect(diagram.desc).not.toMatch(JAPANESE);
          const texts = [...fig.wide.svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
          for (const t of texts) expect(t).not.toMatch(JAPANESE);
        }
        expect(diagram.desc).not.toMatch(/\{\w+\}/);
      });
    }
  }

  it('uses no colours of its own: the theme decides them (dark mode, print)', () => {
    for (const build of Object.values(DIAGRAMS)) {
      const { wide } = renderFigure(build('en'), 'x', 'en');
      expect(wide.svg).not.toMatch(/(fill|stroke)="(#|rgb|hsl|black|white)/);
    }
  });

  it('says the names of the chapter in words', () => {
    const walk = DIAGRAMS['dns-walk']('en');
    expect(walk.desc).toContain('kube-dns.kube-system.default.svc.cluster.local: NXDOMAIN');
    expect(walk.desc).toContain('The result is 10.96.0.10.');
    const ingress = DIAGRAMS['ingress-host']('ja');
    expect(ingress.desc).toContain('ホストwear.my-online-store.comのパス/はService wear-serviceへ');
    const docker = DIAGRAMS['volume-docker']('en');
    expect(docker.desc).toContain('/var/lib/docker/volumes/data_volume/_data');
  });
});
