/**
 * The names that tie a live diagram to the simulator: builders put them on SVG elements
 * (`data-live-key`, `data-live-text`), and `liveFacts` turns the terminal's state summary into
 * which keys are on or off and which texts change. Pure, so the page script stays a few lines.
 */

/** What the terminal reports after each command (computed in its worker by `liveState`). */
export interface LiveState {
  /** The last request an ingress controller answered (`curl`), if any. */
  lastRoute?: RouteSummary;
  /** The names the last `nslookup` tried, if any. */
  lastDnsWalk?: DnsWalkSummary;
  /** Every PersistentVolumeClaim, in the store's order. */
  pvcs: PvcSummary[];
}

export interface RouteSummary {
  host: string;
  path: string;
  /** The rule that matched: its host (empty when the rule has none) and path; absent for a 404. */
  rule?: { host: string; path: string };
  /** The backend Service that answered, if any. */
  service?: string;
  status: number;
}

export interface DnsWalkSummary {
  query: string;
  /** Each name asked, in order, with the address found (absent: NXDOMAIN). */
  tries: Array<{ name: string; answer?: string }>;
}

export interface PvcSummary {
  name: string;
  namespace: string;
  phase: string;
  /** The bound volume's name, empty while Pending. */
  volume: string;
}

/** Which keys to highlight, which to dim and which texts to set. */
export interface LiveFacts {
  on: string[];
  off: string[];
  text: Record<string, string>;
}

/** How many names a Pod's resolver tries at most: three search domains, then the name itself. */
export const DNS_SLOTS = 4;

export const keys = {
  routeAny: 'route:any',
  routeRule: (host: string | undefined, path: string) => `route:rule:${host || '*'}|${path}`,
  routeService: (service: string) => `route:svc:${service}`,
  dnsSlot: (i: number) => `dns:slot:${i}`,
  dnsName: (i: number) => `dns:name:${i}`,
  dnsStatus: (i: number) => `dns:status:${i}`,
  dnsNext: (i: number) => `dns:next:${i}`,
  dnsAnswer: (i: number) => `dns:answer:${i}`,
  dnsQuery: 'dns:query',
  dnsResult: 'dns:result',
  pvc: (claim: string) => `pvc:${claim}`,
  pvcPhase: (claim: string) => `pvc-phase:${claim}`,
  pvcVolume: (claim: string) => `pvc-volume:${claim}`,
  bind: (claim: string) => `bind:${claim}`,
};

/** Words a live diagram writes, in the page's language. */
export interface LiveWords {
  /** Template for a command line, `{query}` filled in. */
  command: string;
  nxdomain: string;
  notTried: string;
  /** Template, `{ip}` filled in. */
  answer: string;
  /** Template, `{ip}` filled in. */
  resolved: string;
  failed: string;
  /** Template, `{phase}` filled in. */
  phase: string;
  /** Template, `{volume}` filled in. */
  volume: string;
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

/** The keys and texts a live diagram shows for a state. `claims` are the PVC names the diagram draws. */
export function liveFacts(state: LiveState, words: LiveWords, claims: string[] = []): LiveFacts {
  const on: string[] = [];
  const off: string[] = [];
  const text: Record<string, string> = {};

  const route = state.lastRoute;
  if (route) {
    on.push(keys.routeAny);
    if (route.rule) on.push(keys.routeRule(route.rule.host, route.rule.path));
    if (route.service) on.push(keys.routeService(route.service));
  }

  const walk = state.lastDnsWalk;
  if (walk) {
    text[keys.dnsQuery] = fill(words.command, { query: walk.query });
    const answered = walk.tries.findIndex((t) => t.answer !== undefined);
    for (let i = 0; i < DNS_SLOTS; i++) {
      const tried = walk.tries[i];
      if (!tried) {
        off.push(keys.dnsSlot(i));
        text[keys.dnsName(i)] = '—';
        text[keys.dnsStatus(i)] = words.notTried;
        continue;
      }
      text[keys.dnsName(i)] = tried.name;
      text[keys.dnsStatus(i)] = tried.answer === undefined ? words.nxdomain : fill(words.answer, { ip: tried.answer });
      if (i === answered) on.push(keys.dnsSlot(i), keys.dnsAnswer(i));
    }
    for (let i = 0; i + 1 < DNS_SLOTS; i++) if (!walk.tries[i + 1]) off.push(keys.dnsNext(i));
    const ip = answered >= 0 ? walk.tries[answered].answer : undefined;
    text[keys.dnsResult] = ip === undefined ? words.failed : fill(words.resolved, { ip });
    (ip === undefined ? off : on).push(keys.dnsResult);
  }

  for (const claim of claims) {
    const pvc = state.pvcs.find((p) => p.name === claim);
    const bound = pvc?.phase === 'Bound' && pvc.volume !== '';
    text[keys.pvcPhase(claim)] = fill(words.phase, { phase: pvc?.phase ?? '—' });
    text[keys.pvcVolume(claim)] = fill(words.volume, { volume: pvc?.volume || '—' });
    if (bound) on.push(keys.pvc(claim), keys.bind(claim));
    else {
      off.push(keys.bind(claim));
      if (!pvc) off.push(keys.pvc(claim));
    }
  }
  return { on, off, text };
}

/** Live words with nothing to say (diagrams that only toggle classes). */
export const NO_WORDS: LiveWords = { command: '', nxdomain: '', notTried: '', answer: '', resolved: '', failed: '', phase: '', volume: '' };
