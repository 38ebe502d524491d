/** Every diagram of the site, built from the real data files, for the layout and SVG tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagramData } from '../../../src/lib/diagrams/data.ts';
import { dnsNamesDiagram, dnsWalkDiagram } from '../../../src/lib/diagrams/dns.ts';
import { ingressDiagram } from '../../../src/lib/diagrams/ingress.ts';
import type { Diagram, Lang } from '../../../src/lib/diagrams/model.ts';
import { storageBindingDiagram } from '../../../src/lib/diagrams/storage-binding.ts';
import { dockerVolumeDiagram, hostPathDiagram } from '../../../src/lib/diagrams/volume.ts';

/** The data file content/diagrams/<name>.yaml. */
export function data(name: string): DiagramData {
  const path = join(process.cwd(), 'content', 'diagrams', `${name}.yaml`);
  return DiagramData.parse(path, readFileSync(path, 'utf8'));
}

/** Name → builder for each diagram the components can draw. */
export const DIAGRAMS: Record<string, (lang: Lang) => Diagram> = {
  'volume-docker': (lang) => dockerVolumeDiagram(data('volume'), lang),
  'volume-hostpath': (lang) => hostPathDiagram(data('volume'), lang),
  'dns-names': (lang) => dnsNamesDiagram(data('dns'), lang),
  'dns-walk': (lang) => dnsWalkDiagram(data('dns'), lang),
  'ingress-path': (lang) => ingressDiagram(data('ingress'), lang, 'path'),
  'ingress-host': (lang) => ingressDiagram(data('ingress'), lang, 'host'),
  'binding-both': (lang) => storageBindingDiagram(data('storage-binding'), lang, 'both'),
  'binding-static': (lang) => storageBindingDiagram(data('storage-binding'), lang, 'static'),
};

export const LANGS: Lang[] = ['ja', 'en'];
