/**
 * HTTP through the simulated network: where a TCP connection to IP:port lands (NodePort,
 * ClusterIP, Pod IP, the API server, the fake internet), and what the program listening there
 * answers (nginx, ingress-nginx, http-echo, a generic web app naming its Service and Pod).
 */
import type { Obj, Store } from '../api/store.ts';
import type { Cluster } from '../cluster.ts';
import type { World } from '../types.ts';
import { strftime } from '../strftime.ts';
import { ipToInt } from './addr.ts';
import { sourceAddress } from './interfaces.ts';
import { appendContainerLog } from '../runtime/logs.ts';
import { controllerClass, isIngressController, routeIngress, type IngressRoute } from './ingress.ts';
import { internetReverse, isPublicIP } from './internet.ts';

/** A request as the client sends it. */
export interface HttpRequest {
  method: string;
  /** The Host header. */
  host: string;
  /** Path and query, starting with `/`. */
  path: string;
  scheme: 'http' | 'https';
  /** The User-Agent header. */
  agent?: string;
  /** Who sends it: a Pod's address, else the node the packets leave (or kube-proxy masqueraded them) from; X-Forwarded-For from a proxy. */
  from?: { ip?: string; node: string; forwardedFor?: string };
}

/** A response as it comes over the wire (header order as the server writes it). */
export interface HttpResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

/** How a connection attempt ended, and what answered. */
export interface HttpOutcome {
  /** refused: RST (nothing listening, or kube-proxy's REJECT); timeout: dropped. */
  error?: 'refused' | 'timeout';
  /** https served with a certificate no client trusts by default (curl needs -k). */
  selfSigned?: boolean;
  response?: HttpResponse;
  via: string;
  service?: string;
  pod?: string;
  route?: IngressRoute;
}

const NGINX_VERSION = '1.29.3';
/** nginx 1.29.3's index.html: 615 bytes, file time of the official image. */
const NGINX_INDEX_MTIME = Date.UTC(2025, 9, 28, 13, 38, 37);

/** The welcome page of the official nginx image (/usr/share/nginx/html/index.html). */
export const NGINX_WELCOME =
  '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n<style>\nhtml { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n</style>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n\n<p>For online documentation and support please refer to\n<a href="http://nginx.org/">nginx.org</a>.<br/>\nCommercial support is available at\n<a href="http://nginx.com/">nginx.com</a>.</p>\n\n<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n';

const REASONS: Record<number, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
};

/**
 * nginx's built-in error page (src/http/ngx_http_special_response.c): CRLF line ends, and the
 * tail names "nginx" alone when server_tokens is off, as ingress-nginx sets it.
 */
export function nginxErrorPage(status: number, version?: string): string {
  const title = `${status} ${REASONS[status] ?? ''}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>${version ? `nginx/${version}` : 'nginx'}</center>\r\n</body>\r\n</html>\r\n`;
}

/** An RFC 7231 date as servers send it: `Wed, 25 Nov 2026 09:00:00 GMT`. */
export function httpDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toUTCString();
}

function cluster(world: World): Cluster | undefined {
  return world.cluster as Cluster | undefined;
}

function nodeIPs(store: Store): Map<string, string> {
  const m = new Map<string, string>();
  for (const n of store.list('Node')) {
    const ip = (n.status?.addresses ?? []).find((a: Obj) => a.type === 'InternalIP')?.address;
    if (ip) m.set(ip, n.metadata.name);
  }
  return m;
}

function image(pod: Obj): string {
  return String(pod.spec?.containers?.[0]?.image ?? '');
}

function argValue(pod: Obj, flag: string): string | undefined {
  for (const c of pod.spec?.containers ?? [])
    for (const a of [...(c.command ?? []), ...(c.args ?? [])]) {
      const s = String(a);
      if (s.startsWith(`${flag}=`)) return s.slice(flag.length + 1);
    }
  return undefined;
}

/** The TCP ports a Pod's programs listen on: what its image serves, plus declared containerPorts. */
export function listeningPorts(pod: Obj): number[] {
  const ports = new Set<number>();
  for (const c of pod.spec?.containers ?? []) {
    const img = String(c.image);
    if (/(^|\/)(nginx|httpd)(:|@|$)|nginxdemos\/hello/.test(img)) ports.add(80);
    if (/ingress-nginx\/controller|nginx-ingress-controller/.test(img)) [80, 443, 10254].forEach((p) => ports.add(p));
    if (/http-echo/.test(img)) ports.add(Number((argValue(pod, '-listen') ?? ':5678').split(':').pop()) || 5678);
    for (const p of c.ports ?? []) if (p.containerPort && (p.protocol ?? 'TCP') === 'TCP') ports.add(Number(p.containerPort));
  }
  return [...ports];
}

function running(pod: Obj | undefined): pod is Obj {
  return !!pod && pod.status?.phase === 'Running' && !pod.metadata.deletionTimestamp;
}

/** The first ready endpoint of a Service port (sorted by IP: deterministic, no round-robin). */
function pickEndpoint(store: Store, svc: Obj, svcPort: Obj): { pod?: Obj; ip: string; port: number } | undefined {
  const ep = store.get('Endpoints', svc.metadata.namespace, svc.metadata.name);
  const idx = (svc.spec.ports ?? []).indexOf(svcPort);
  for (const s of ep?.subsets ?? []) {
    const port = (s.ports ?? []).find((p: Obj) => (svcPort.name ? p.name === svcPort.name : true)) ?? s.ports?.[idx];
    const addrs = [...(s.addresses ?? [])].sort((a: Obj, b: Obj) => (ipToInt(a.ip) ?? 0) - (ipToInt(b.ip) ?? 0));
    if (addrs.length && port) {
      const a = addrs[0];
      const pod = a.targetRef?.name ? store.get('Pod', svc.metadata.namespace, a.targetRef.name) : undefined;
      return { pod, ip: a.ip, port: Number(port.port) };
    }
  }
  return undefined;
}

function podByIP(store: Store, ip: string): Obj | undefined {
  return store.list('Pod').find((p) => p.status?.podIP === ip && running(p) && !p.spec?.hostNetwork);
}

/** nginx's answer: the welcome page at / and /index.html, its 404 page elsewhere. */
function nginxAnswer(req: HttpRequest, now: number): Pick<HttpOutcome, 'response'> {
  const path = req.path.split('?')[0];
  if (path === '/' || path === '/index.html') {
    const mtime = NGINX_INDEX_MTIME;
    return {
      response: {
        status: 200,
        reason: 'OK',
        headers: [
          ['Server', `nginx/${NGINX_VERSION}`],
          ['Date', httpDate(now)],
          ['Content-Type', 'text/html'],
          ['Content-Length', String(NGINX_WELCOME.length)],
          ['Last-Modified', httpDate(mtime)],
          ['Connection', 'keep-alive'],
          ['ETag', `"${(mtime / 1000).toString(16)}-${NGINX_WELCOME.length.toString(16)}"`],
          ['Accept-Ranges', 'bytes'],
        ],
        body: req.method === 'HEAD' ? '' : NGINX_WELCOME,
      },
    };
  }
  const body = nginxErrorPage(404, NGINX_VERSION);
  return {
    response: {
      status: 404,
      reason: 'Not Found',
      headers: [['Server', `nginx/${NGINX_VERSION}`], ['Date', httpDate(now)], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'keep-alive']],
      body: req.method === 'HEAD' ? '' : body,
    },
  };
}

/**
 * The address a Pod's server sees a request come from: the sending Pod's own, else what the
 * sending (or masquerading) node's route toward the Pod picks.
 */
function remoteAddr(world: World, req: HttpRequest, pod: Obj): string {
  const from = req.from;
  if (!from) return '-';
  if (from.ip) return from.ip;
  const host = world.hosts.get(from.node);
  return (host && sourceAddress(world, host, String(pod.status?.podIP ?? ''))) ?? '-';
}

/** nginx's access line, the official image's `main` log_format, to the container's log (stdout). */
function logRequest(world: World, pod: Obj, req: HttpRequest, r: HttpResponse): void {
  // The container podAnswer judged by its image: the first.
  const c = pod.spec?.containers?.[0];
  if (!c) return;
  const bytes = new TextEncoder().encode(r.body).length;
  const line = `${remoteAddr(world, req, pod)} - - [${timeLocal(world.clock.now())}] "${req.method} ${req.path} HTTP/1.1" ${r.status} ${bytes} "-" "${req.agent ?? '-'}" "${req.from?.forwardedFor ?? '-'}"`;
  appendContainerLog(world, pod, c.name, line);
}

/** What the program in a Pod answers on a port; undefined when nothing listens there. */
export function podAnswer(world: World, pod: Obj, port: number, req: HttpRequest, service?: Obj): HttpOutcome | undefined {
  const c = cluster(world)!;
  if (!running(pod) || !listeningPorts(pod).includes(port)) return undefined;
  const now = world.clock.now();
  const img = image(pod);
  const base = { via: 'pod', service: service ? `${service.metadata.namespace}/${service.metadata.name}` : undefined, pod: `${pod.metadata.namespace}/${pod.metadata.name}` };
  if (isIngressController(pod) && (port === 80 || port === 443)) return ingressAnswer(world, c.store, pod, req);
  if (/nginxdemos\/hello/.test(img)) return { ...base, response: helloAnswer(pod, port, req, now) };
  if (/(^|\/)nginx(:|@|$)/.test(img)) {
    const out = nginxAnswer(req, now);
    logRequest(world, pod, req, out.response!);
    return { ...base, ...out };
  }
  let body: string;
  const headers: [string, string][] = [];
  if (/http-echo/.test(img)) {
    body = `${argValue(pod, '-text') ?? 'hello-world'}\n`;
    headers.push(['X-App-Name', 'http-echo'], ['X-App-Version', '1.0.0']);
  } else {
    const who = service ? service.metadata.name : pod.metadata.name;
    body = `Hello from ${who}\nPod: ${pod.metadata.name}\nPath: ${req.path}\n`;
  }
  headers.push(['Date', httpDate(now)], ['Content-Length', String(new TextEncoder().encode(body).length)], ['Content-Type', 'text/plain; charset=utf-8']);
  return { ...base, response: { status: 200, reason: 'OK', headers, body: req.method === 'HEAD' ? '' : body } };
}

/** An error page from the ingress-nginx controller itself (404 default backend, 503 without endpoints). */
function controllerError(status: number, now: number, method: string): HttpResponse {
  const body = nginxErrorPage(status);
  return {
    status,
    reason: REASONS[status],
    headers: [['Date', httpDate(now)], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'keep-alive']],
    body: method === 'HEAD' ? '' : body,
  };
}

/** Headers nginx's proxy does not pass from the upstream (it writes its own Date and Connection; Server is cleared). */
const HIDDEN = new Set(['server', 'date', 'connection', 'content-length', 'content-type', 'keep-alive', 'transfer-encoding']);

/** ingress-nginx: route by Host and path, then proxy to the first ready endpoint of the backend Service. */
function ingressAnswer(world: World, store: Store, controller: Obj, req: HttpRequest): HttpOutcome {
  const now = world.clock.now();
  const path = req.path.split('?')[0] || '/';
  const route = routeIngress(store, req.host, path, controllerClass(controller));
  if (!route) return { via: 'ingress', response: controllerError(404, now, req.method) };
  const ns = route.ingress.metadata.namespace;
  const svc = store.get('Service', ns, route.service);
  const svcPort = (svc?.spec?.ports ?? []).find((p: Obj) => (typeof route.port === 'number' ? p.port === route.port : p.name === route.port));
  const ep = svc && svcPort ? pickEndpoint(store, svc, svcPort) : undefined;
  const service = `${ns}/${route.service}`;
  if (!ep) return { via: 'ingress', route, service, response: controllerError(503, now, req.method) };
  const rewrite = route.ingress.metadata.annotations?.['nginx.ingress.kubernetes.io/rewrite-target'];
  // The controller opens its own connection upstream and names the client in X-Forwarded-For.
  const from = req.from && { ip: controller.spec?.hostNetwork ? undefined : controller.status?.podIP, node: String(controller.spec?.nodeName ?? ''), forwardedFor: remoteAddr(world, req, controller) };
  const upstreamReq = { ...req, path: rewrite && !rewrite.includes('$') ? rewrite : req.path, from };
  const up = ep.pod ? podAnswer(world, ep.pod, ep.port, upstreamReq, svc) : undefined;
  if (!up?.response) return { via: 'ingress', route, service, pod: ep.pod?.metadata.name, response: controllerError(502, now, req.method) };
  const r = up.response;
  const get = (n: string) => r.headers.find(([k]) => k.toLowerCase() === n)?.[1];
  const headers: [string, string][] = [['Date', httpDate(now)]];
  if (get('content-type')) headers.push(['Content-Type', get('content-type')!]);
  headers.push(['Content-Length', get('content-length') ?? String(r.body.length)]);
  const lm = get('last-modified');
  if (lm) headers.push(['Last-Modified', lm]);
  headers.push(['Connection', 'keep-alive']);
  for (const [k, v] of r.headers) if (!HIDDEN.has(k.toLowerCase()) && k.toLowerCase() !== 'last-modified') headers.push([k, v]);
  return { via: 'ingress', route, service, pod: ep.pod?.metadata.name, response: { ...r, headers } };
}

/** Through a Service port to its first ready endpoint; kube-proxy rejects when there is none. */
function viaService(world: World, store: Store, svc: Obj, svcPort: Obj, req: HttpRequest, via: string): HttpOutcome {
  const ep = pickEndpoint(store, svc, svcPort);
  const service = `${svc.metadata.namespace}/${svc.metadata.name}`;
  if (!ep) return { error: 'refused', via, service };
  const pod = ep.pod ?? podByIP(store, ep.ip);
  const out = pod ? podAnswer(world, pod, ep.port, req, svc) : undefined;
  if (!out) return { error: 'refused', via, service, pod: pod?.metadata.name };
  return { ...out, via: out.via === 'ingress' ? `${via}+ingress` : via, service: out.service ?? service, pod: out.pod ?? pod?.metadata.name };
}

/**
 * Opens a connection to ip:port and sends one request. `fromNode` is the node the client runs
 * on (a host, or the node of a Pod), for 127.0.0.1.
 */
export function sendHttp(world: World, fromNode: string, ip: string, port: number, req: HttpRequest): HttpOutcome {
  const c = cluster(world);
  if (!c) return { error: 'timeout', via: 'none' };
  const store = c.store;
  const nodes = nodeIPs(store);
  let target = ip;
  if (ip.startsWith('127.')) target = [...nodes].find(([, n]) => n === fromNode)?.[0] ?? ip;
  const node = nodes.get(target);
  if (node) {
    if (port === 6443 && c.nodes.find((n) => n.name === node)?.role === 'control-plane' && c.apiAvailable()) {
      if (req.scheme === 'https') return { selfSigned: true, via: 'apiserver', response: apiserverAnswer(req) };
      const body = 'Client sent an HTTP request to an HTTPS server.\n';
      return { via: 'apiserver', response: { status: 400, reason: 'Bad Request', headers: [['Content-Type', 'text/plain; charset=utf-8'], ['Connection', 'close']], body } };
    }
    for (const svc of store.list('Service')) {
      const sp = (svc.spec?.ports ?? []).find((p: Obj) => p.nodePort === port && (p.protocol ?? 'TCP') === 'TCP');
      if (!sp || !['NodePort', 'LoadBalancer'].includes(svc.spec.type)) continue;
      // kube-proxy masquerades NodePort traffic (externalTrafficPolicy: Cluster): the Pod sees this node.
      const masqueraded = req.from ? { ...req, from: { node } } : req;
      return withTls(viaService(world, store, svc, sp, masqueraded, 'nodeport'), req, sp);
    }
    const hostPod = store.list('Pod').find((p) => p.spec?.nodeName === node && running(p) && (p.spec.hostNetwork || (p.spec.containers ?? []).some((ct: Obj) => (ct.ports ?? []).some((pp: Obj) => pp.hostPort === port))));
    if (hostPod && listeningPorts(hostPod).includes(port)) return podAnswer(world, hostPod, port, req) ?? { error: 'refused', via: 'hostport' };
    return { error: 'refused', via: 'node' };
  }
  const svc = store.list('Service').find((s) => s.spec?.clusterIP === ip);
  if (svc) {
    const sp = (svc.spec.ports ?? []).find((p: Obj) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
    if (!sp) return { error: 'timeout', via: 'clusterip', service: `${svc.metadata.namespace}/${svc.metadata.name}` };
    return withTls(viaService(world, store, svc, sp, req, 'clusterip'), req, sp);
  }
  const pod = podByIP(store, ip);
  if (pod) return withTls(podAnswer(world, pod, port, req) ?? { error: 'refused', via: 'podip', pod: `${pod.metadata.namespace}/${pod.metadata.name}` }, req);
  if (isPublicIP(ip) && internetReverse(ip)) {
    const name = internetReverse(ip)!;
    const body = `<!doctype html><html><head><title>${name}</title></head><body><h1>${name}</h1></body></html>\n`;
    return { via: 'internet', response: { status: 200, reason: 'OK', headers: [['Date', httpDate(world.clock.now())], ['Content-Type', 'text/html; charset=UTF-8'], ['Content-Length', String(body.length)]], body } };
  }
  return { error: 'timeout', via: 'none' };
}

/** https to an ingress port is served with the controller's self-signed "Kubernetes Ingress Controller Fake Certificate". */
function withTls(out: HttpOutcome, req: HttpRequest, sp?: Obj): HttpOutcome {
  if (req.scheme !== 'https' || out.error) return out;
  if (out.via.endsWith('ingress') && (sp?.port === 443 || sp?.targetPort === 'https' || sp?.targetPort === 443)) return { ...out, selfSigned: true };
  return { error: 'refused', via: out.via };
}

/** kube-apiserver to an anonymous client: the health endpoints answer, the rest is Forbidden. */
function apiserverAnswer(req: HttpRequest): HttpResponse {
  const path = req.path.split('?')[0];
  if (['/livez', '/readyz', '/healthz'].includes(path))
    return { status: 200, reason: 'OK', headers: [['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff']], body: 'ok' };
  const body = `{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Failure",\n  "message": "forbidden: User \\"system:anonymous\\" cannot get path \\"${path}\\"",\n  "reason": "Forbidden",\n  "details": {},\n  "code": 403\n}`;
  return { status: 403, reason: 'Forbidden', headers: [['Content-Type', 'application/json'], ['X-Content-Type-Options', 'nosniff']], body };
}

/** `%d/%b/%Y:%H:%M:%S +0000`, nginx's $time_local in UTC. */
function timeLocal(ms: number): string {
  return strftime(ms, '%d/%b/%Y:%H:%M:%S +0000');
}

/**
 * nginxdemos/hello (NGINX-Demos, hello-plain-text.conf): the serving Pod's address and name,
 * the time, the URI and nginx's $request_id; `expires -1` adds Expires and Cache-Control.
 */
function helloAnswer(pod: Obj, port: number, req: HttpRequest, now: number): HttpResponse {
  let h = 2166136261;
  for (const ch of `${pod.metadata.uid}${req.path}${now}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const id = Array.from({ length: 4 }, (_, i) => (Math.imul(h, i + 1) >>> 0).toString(16).padStart(8, '0')).join('');
  const plain = /plain-text/.test(image(pod));
  const body = plain
    ? `Server address: ${pod.status?.podIP}:${port}\nServer name: ${pod.metadata.name}\nDate: ${timeLocal(now)}\nURI: ${req.path}\nRequest ID: ${id}\n`
    : `<!DOCTYPE html>\n<html>\n<head>\n<title>Hello World</title>\n</head>\n<body>\n<p><span>Server&nbsp;address:</span> <span>${pod.status?.podIP}:${port}</span></p>\n<p><span>Server&nbsp;name:</span> <span>${pod.metadata.name}</span></p>\n<p class="smaller"><span>Date:</span> <span>${timeLocal(now)}</span></p>\n<p class="smaller"><span>URI:</span> <span>${req.path}</span></p>\n</body>\n</html>\n`;
  return {
    status: 200,
    reason: 'OK',
    headers: [
      ['Server', `nginx/${NGINX_VERSION}`],
      ['Date', httpDate(now)],
      ['Content-Type', plain ? 'text/plain' : 'text/html'],
      ['Content-Length', String(body.length)],
      ['Connection', 'keep-alive'],
      ['Expires', httpDate(now - 1000)],
      ['Cache-Control', 'no-cache'],
    ],
    body: req.method === 'HEAD' ? '' : body,
  };
}
