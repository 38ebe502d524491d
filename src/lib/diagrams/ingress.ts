/** Ingress diagram of chapter 5.5: client → NodePort/LoadBalancer → controller → rules → Services → Pods. */
import type { DiagramData } from './data.ts';
import { keys } from './live-keys.ts';
import type { Diagram, DiagramEdge, DiagramNode, Lang } from './model.ts';

/** Which of the chapter's two Ingress examples to draw. */
export type IngressExample = 'path' | 'host';

/** The routing picture of one example; rules and backends carry live keys (`route:rule:…`, `route:svc:…`). */
export function ingressDiagram(data: DiagramData, lang: Lang, example: IngressExample): Diagram {
  const ex = `examples.${example}`;
  const port = data.str('port');
  const node = data.str('node');
  const entry = data.str('entry.service');
  const rules = data.list(`${ex}.rules`).map((r) => ({
    host: r.has('host') ? r.str('host') : '',
    path: r.str('path'),
    pathType: r.str('pathType'),
    service: r.str('service'),
    port: r.str('port'),
    deployment: r.str('deployment'),
  }));
  const n = rules.length;
  const l = (name: string, vars: Record<string, string> = {}) => data.text(`labels.${name}`, lang, { port, node, ...vars });

  const nodes: DiagramNode[] = [
    { id: 'client', col: 0, row: 0, narrow: { col: 0, row: 0, span: n }, caption: data.text('client.caption', lang), lines: data.strings(`${ex}.urls`), key: keys.routeAny },
    { id: 'entry', col: 0, row: 1, narrow: { col: 0, row: 1, span: n }, caption: data.text('entry.caption', lang), lines: [entry], notes: [`NodePort ${port}`], key: keys.routeAny },
    { id: 'controller', col: 0, row: 2, span: n, narrow: { col: 0, row: 2, span: n }, caption: data.text('controller.caption', lang), lines: data.strings('controller.lines'), key: keys.routeAny },
  ];
  const edges: DiagramEdge[] = [
    { from: 'client', to: 'entry', label: l('toNode'), key: keys.routeAny },
    { from: 'entry', to: 'controller', label: l('toController'), key: keys.routeAny },
  ];
  const services = new Map<string, number>();
  rules.forEach((r, i) => {
    const ruleKey = keys.routeRule(r.host, r.path);
    nodes.push({
      id: `rule-${i}`,
      col: 1,
      row: 2 + i,
      narrow: { col: i, row: 3 },
      caption: `${l('rule')} ${i + 1}`,
      lines: [r.host || l('anyHost'), `${r.path} (${r.pathType})`],
      key: ruleKey,
    });
    edges.push({ from: 'controller', to: `rule-${i}`, key: ruleKey });
    let row = services.get(r.service);
    if (row === undefined) {
      row = services.size;
      services.set(r.service, row);
      const svcKey = keys.routeService(r.service);
      nodes.push({ id: `svc-${row}`, col: 2, row: 2 + row, narrow: { col: row, row: 4 }, caption: 'Service', lines: [`${r.service}:${r.port}`], key: svcKey });
      nodes.push({ id: `pods-${row}`, col: 3, row: 2 + row, narrow: { col: row, row: 5 }, caption: data.text('pods.caption', lang), lines: [`${r.deployment}-…`], key: svcKey });
      edges.push({ from: `svc-${row}`, to: `pods-${row}`, label: l('toPods'), key: svcKey, style: 'dashed' });
    }
    edges.push({ from: `rule-${i}`, to: `svc-${row}`, key: ruleKey });
  });

  const vars = { port, node, entry };
  const ruleText = rules.map((r) => data.text(`${ex}.rule`, lang, { ...r, host: r.host })).join(lang === 'ja' ? '、' : '; ');
  return {
    title: data.text(`${ex}.title`, lang),
    desc: data.text(`${ex}.desc`, lang, { ...vars, rules: ruleText }),
    // Wide: the way in runs down the first column, then the rules fan out to the right.
    blocks: [{ nodes, edges, vertical: 'explicit' }],
  };
}
