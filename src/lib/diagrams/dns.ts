/** DNS diagrams of chapter 5.4: the names of a Service and a Pod, and a lookup walking the search list. */
import type { DiagramData } from './data.ts';
import { DNS_SLOTS, keys, NO_WORDS, type LiveWords } from './live-keys.ts';
import type { Diagram, DiagramEdge, DiagramNode, Lang } from './model.ts';

/** The names a Pod's resolver tries for `query`, in order (resolv.conf: search list, `ndots`). */
export function searchWalk(query: string, search: string[], ndots = 5): string[] {
  if (query.endsWith('.')) return [query];
  const dots = query.split('.').length - 1;
  const withSearch = search.map((d) => `${query}.${d}`);
  // With at least `ndots` dots the name is tried as it is first, then with the search list.
  return dots >= ndots ? [`${query}.`, ...withSearch] : [...withSearch, `${query}.`];
}

/** The search list of a Pod in `namespace` (what kubelet writes into its resolv.conf). */
export function podSearchList(namespace: string, domain: string): string[] {
  return [`${namespace}.svc.${domain}`, `svc.${domain}`, domain];
}

/** How a Service and a Pod are named: object → A record ← short forms a client may write. */
export function dnsNamesDiagram(data: DiagramData, lang: Lang): Diagram {
  const domain = data.str('clusterDomain');
  const service = data.str('names.service.name');
  const namespace = data.str('names.service.namespace');
  const clusterIP = data.str('names.service.clusterIP');
  const podIP = data.str('names.pod.ip');
  const podNs = data.str('names.pod.namespace');
  const dashed = podIP.replace(/\./g, '-');
  const serviceFqdn = `${service}.${namespace}.svc.${domain}`;
  const podFqdn = `${dashed}.${podNs}.pod.${domain}`;
  const podShort = `${dashed}.${podNs}.pod`;
  const l = (name: string) => data.text(`names.labels.${name}`, lang, { namespace, service });
  const lp = (name: string) => data.text(`names.labels.${name}`, lang, { namespace: podNs });
  const short = l('short');
  return {
    title: data.text('names.title', lang),
    desc: data.text('names.desc', lang, { service, namespace, clusterIP, serviceFqdn, podIP, podFqdn, podShort }),
    blocks: [
      {
        title: l('serviceBlock'),
        nodes: [
          { id: 'svc', col: 0, row: 0, caption: l('serviceCaption'), lines: [service], notes: [l('namespaceLine'), `ClusterIP ${clusterIP}`] },
          { id: 'svc-a', col: 1, row: 0, caption: l('record'), lines: [serviceFqdn, `→ ${clusterIP}`], notes: [l('recordParts')] },
          {
            id: 'svc-short',
            col: 1,
            row: 1,
            caption: short,
            lines: [service, `${service}.${namespace}`, `${service}.${namespace}.svc`],
            notes: [l('sameNamespace')],
            style: 'dashed',
          },
        ],
        edges: [
          { from: 'svc', to: 'svc-a', label: l('registers') },
          { from: 'svc-short', to: 'svc-a', label: l('completes'), style: 'dashed' },
        ],
        vertical: 'stack',
      },
      {
        title: l('podBlock'),
        nodes: [
          { id: 'pod', col: 0, row: 0, caption: lp('podCaption'), lines: [podIP], notes: [lp('namespaceLine')] },
          { id: 'pod-a', col: 1, row: 0, caption: lp('record'), lines: [podFqdn, `→ ${podIP}`], notes: [lp('podRecordParts')] },
          { id: 'pod-short', col: 1, row: 1, caption: short, lines: [podShort], style: 'dashed' },
        ],
        edges: [
          { from: 'pod', to: 'pod-a', label: lp('registers') },
          { from: 'pod-short', to: 'pod-a', label: lp('completes'), style: 'dashed' },
        ],
        vertical: 'stack',
      },
    ],
  };
}

/**
 * One lookup from a Pod: each name the resolver tries, NXDOMAIN or the answer, and the result.
 * Slots, edges and texts carry live keys so the page can show the last `nslookup` instead.
 */
export function dnsWalkDiagram(data: DiagramData, lang: Lang): Diagram {
  const domain = data.str('clusterDomain');
  const pod = data.str('client.pod');
  const namespace = data.str('client.namespace');
  const query = data.str('walk.query');
  const answer = data.str('walk.answer');
  const search = podSearchList(namespace, domain);
  const names = searchWalk(query, search).slice(0, DNS_SLOTS);
  const answeredAt = names.indexOf(data.str('walk.record'));
  const l = (name: string, vars: Record<string, string | number> = {}) => data.text(`walk.labels.${name}`, lang, { pod, namespace, query, ...vars });

  const nodes: DiagramNode[] = [
    {
      id: 'client',
      col: 0,
      row: 0,
      caption: l('clientCaption'),
      lines: [{ text: l('command'), key: keys.dnsQuery }],
      notes: [l('search', { search: search[0] }), ...search.slice(1), l('ndots')],
    },
  ];
  const edges: DiagramEdge[] = [{ from: 'client', to: 'slot-0', label: l('first') }];
  const descTries: string[] = [];
  for (let i = 0; i < DNS_SLOTS; i++) {
    const name = names[i] ?? '—';
    const tried = answeredAt < 0 || i <= answeredAt;
    const status = !tried ? l('notTried') : i === answeredAt ? l('answer', { ip: answer }) : l('nxdomain');
    nodes.push({
      id: `slot-${i}`,
      col: 1,
      row: i,
      caption: l('tryCaption', { n: i + 1 }),
      lines: [{ text: name, key: keys.dnsName(i) }],
      notes: [{ text: status, key: keys.dnsStatus(i) }],
      key: keys.dnsSlot(i),
      stretch: true,
      state: i === answeredAt ? 'on' : tried ? undefined : 'off',
      style: tried ? 'solid' : 'dotted',
    });
    if (tried) descTries.push(l('descTry', { n: i + 1, name, outcome: status }));
    if (i + 1 < DNS_SLOTS) {
      const next = answeredAt < 0 || i + 1 <= answeredAt;
      edges.push({ from: `slot-${i}`, to: `slot-${i + 1}`, style: 'dashed', key: keys.dnsNext(i), state: next ? undefined : 'off' });
    }
  }
  const ok = answeredAt >= 0;
  nodes.push({
    id: 'result',
    col: 1,
    row: DNS_SLOTS,
    caption: l('resultCaption'),
    lines: [{ text: ok ? l('resolved', { ip: answer }) : l('failed'), key: keys.dnsResult }],
    key: keys.dnsResult,
    state: ok ? 'on' : 'off',
  });
  for (let i = 0; i < DNS_SLOTS; i++) {
    edges.push({ from: `slot-${i}`, to: 'result', key: keys.dnsAnswer(i), conditional: true, state: i === answeredAt ? 'on' : undefined });
  }
  return {
    title: data.text('walk.title', lang),
    desc: data.text('walk.desc', lang, {
      pod,
      namespace,
      query,
      tries: descTries.join(lang === 'ja' ? '、' : '; '),
      result: ok ? l('descResult', { ip: answer }) : l('descFailed'),
    }),
    blocks: [{ nodes, edges, vertical: 'stack' }],
  };
}

/** The texts the live walk writes, in `lang` (templates keep their `{query}`/`{ip}`). */
export function dnsLiveWords(data: DiagramData, lang: Lang): LiveWords {
  const l = (name: string) => data.text(`walk.labels.${name}`, lang);
  return { ...NO_WORDS, command: l('command'), nxdomain: l('nxdomain'), notTried: l('notTried'), answer: l('answer'), resolved: l('resolved'), failed: l('failed') };
}
