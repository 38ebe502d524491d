/** Volume diagrams of chapter 4: Docker volume vs bind mount, and a Pod's hostPath volume. */
import type { DiagramData } from './data.ts';
import type { Diagram, Lang } from './model.ts';

/** Docker: a named volume under the data root, and a bind-mounted host directory, both at one container path. */
export function dockerVolumeDiagram(data: DiagramData, lang: Lang): Diagram {
  const v = {
    image: data.str('docker.image'),
    volume: data.str('docker.volume'),
    target: data.str('docker.target'),
    bindSource: data.str('docker.bindSource'),
    dataRoot: data.str('docker.dataRoot'),
  };
  const l = (name: string) => data.text(`docker.labels.${name}`, lang, v);
  const container = { caption: l('container'), lines: [v.target] };
  return {
    title: data.text('docker.title', lang, v),
    desc: data.text('docker.desc', lang, v),
    blocks: [
      {
        title: l('volumeBlock'),
        command: l('volumeCommand'),
        nodes: [
          { id: 'vol-host', col: 0, row: 0, caption: l('host'), lines: [`${v.dataRoot}/volumes/${v.volume}/_data`], notes: [l('managed')] },
          { id: 'vol-ctr', col: 1, row: 0, ...container },
        ],
        edges: [{ from: 'vol-host', to: 'vol-ctr', label: l('mount') }],
      },
      {
        title: l('bindBlock'),
        command: l('bindCommand'),
        nodes: [
          { id: 'bind-host', col: 0, row: 0, caption: l('host'), lines: [v.bindSource], notes: [l('anyDir')], style: 'dashed' },
          { id: 'bind-ctr', col: 1, row: 0, ...container },
        ],
        edges: [{ from: 'bind-host', to: 'bind-ctr', label: l('bind'), style: 'dashed' }],
      },
    ],
  };
}

/** Kubernetes: container → volumeMounts → volume (hostPath) → the node's directory. */
export function hostPathDiagram(data: DiagramData, lang: Lang): Diagram {
  const v = Object.fromEntries(
    ['pod', 'container', 'mountPath', 'volume', 'path', 'type', 'node'].map((k) => [k, data.str(`hostPath.${k}`)]),
  ) as Record<string, string>;
  const l = (name: string) => data.text(`hostPath.labels.${name}`, lang, v);
  return {
    title: data.text('hostPath.title', lang, v),
    desc: data.text('hostPath.desc', lang, v),
    blocks: [
      {
        nodes: [
          { id: 'ctr', col: 0, row: 0, caption: l('containerCaption'), lines: [v.mountPath] },
          { id: 'vol', col: 1, row: 0, caption: l('volumeCaption'), lines: [v.volume], notes: [`${l('hostPath')}: ${v.path}`, l('typeLine')] },
          { id: 'dir', col: 2, row: 0, caption: l('nodeCaption'), lines: [v.path], notes: [l('nodeNote')], style: 'dashed' },
        ],
        edges: [
          { from: 'ctr', to: 'vol', label: l('volumeMounts') },
          { from: 'vol', to: 'dir', label: l('hostPath'), style: 'dashed' },
        ],
        wideBoxMax: 180,
      },
    ],
  };
}
