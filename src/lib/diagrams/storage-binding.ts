/** PVC → PV ← StorageClass diagram of chapters 4.3–4.4: static binding and dynamic provisioning. */
import type { DiagramData } from './data.ts';
import { keys, NO_WORDS, type LiveWords } from './live-keys.ts';
import type { Diagram, DiagramBlock, Lang } from './model.ts';

/** Which provisioning to draw. */
export type BindingView = 'static' | 'dynamic' | 'both';

/** Pod → PVC → PV, the PV made by an administrator (static) or by a StorageClass's provisioner (dynamic). */
export function storageBindingDiagram(data: DiagramData, lang: Lang, view: BindingView = 'both'): Diagram {
  const v = {
    pod: data.str('pod'),
    claim: data.str('claim'),
    request: data.str('request'),
    accessMode: data.str('accessMode'),
    pv: data.str('static.pv'),
    capacity: data.str('static.capacity'),
    storageClass: data.str('dynamic.storageClass'),
    provisioner: data.str('dynamic.provisioner'),
    dynamicPv: data.str('dynamic.pv'),
  };
  const l = (name: string, vars: Record<string, string> = {}) => data.text(`labels.${name}`, lang, { ...v, ...vars });
  const blocks: DiagramBlock[] = [];
  const claimNode = (id: string, dynamic: boolean, pv: string) => ({
    id,
    col: 1,
    row: 0,
    caption: l('pvcCaption'),
    lines: [v.claim],
    notes: [
      l('requestLine'),
      ...(dynamic ? [l('classLine')] : []),
      { text: l('phase', { phase: 'Bound' }), key: keys.pvcPhase(v.claim) },
      { text: l('volume', { volume: pv }), key: keys.pvcVolume(v.claim) },
    ],
    key: keys.pvc(v.claim),
  });
  if (view !== 'dynamic') {
    blocks.push({
      title: data.text('static.title', lang),
      nodes: [
        { id: 's-pod', col: 0, row: 0, caption: l('podCaption'), lines: [v.pod] },
        claimNode('s-pvc', false, v.pv),
        { id: 's-pv', col: 2, row: 0, caption: l('pvCaption'), lines: [v.pv], notes: [`${v.capacity} ${v.accessMode}`] },
        { id: 's-admin', col: 3, row: 0, caption: l('adminCaption'), lines: [l('adminLine')], style: 'dashed' },
      ],
      edges: [
        { from: 's-pod', to: 's-pvc', label: l('claimName') },
        { from: 's-pvc', to: 's-pv', label: l('bound'), style: 'dashed', key: keys.bind(v.claim) },
        { from: 's-admin', to: 's-pv', label: l('creates'), style: 'dotted' },
      ],
      wideBoxMax: 190,
    });
  }
  if (view !== 'static') {
    blocks.push({
      title: data.text('dynamic.title', lang),
      nodes: [
        { id: 'd-pod', col: 0, row: 0, caption: l('podCaption'), lines: [v.pod] },
        claimNode('d-pvc', true, v.dynamicPv),
        { id: 'd-pv', col: 2, row: 0, caption: l('pvCaption'), lines: [v.dynamicPv], notes: [`${v.request} ${v.accessMode}`] },
        { id: 'd-sc', col: 3, row: 0, caption: l('scCaption'), lines: [v.storageClass], notes: [l('provisionerLine')], style: 'dashed' },
      ],
      edges: [
        { from: 'd-pod', to: 'd-pvc', label: l('claimName') },
        { from: 'd-pvc', to: 'd-pv', label: l('bound'), style: 'dashed', key: keys.bind(v.claim) },
        { from: 'd-sc', to: 'd-pv', label: l('provisions'), style: 'dotted' },
      ],
      wideBoxMax: 190,
    });
  }
  const details = [
    view === 'dynamic' ? '' : data.text('descStatic', lang, v),
    view === 'static' ? '' : data.text('descDynamic', lang, { ...v, pv: v.dynamicPv }),
  ].filter((s) => s !== '');
  const desc = data.text('desc', lang, { ...v, details: details.join(lang === 'ja' ? '' : ' ') });
  const title = view === 'both' ? data.text('title', lang) : data.text(`${view}.title`, lang);
  return { title, desc, blocks };
}

/** The claim names a binding diagram draws (for its live facts). */
export function bindingClaims(data: DiagramData): string[] {
  return [data.str('claim')];
}

/** The texts the live diagram writes, in `lang` (templates keep `{phase}`/`{volume}`). */
export function bindingLiveWords(data: DiagramData, lang: Lang): LiveWords {
  return { ...NO_WORDS, phase: data.text('labels.phase', lang), volume: data.text('labels.volume', lang) };
}
