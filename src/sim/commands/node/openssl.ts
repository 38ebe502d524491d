/**
 * `openssl x509` (OpenSSL 3.0, Ubuntu 24.04) on the kubeadm certificates: the sandbox's PEM files
 * are placeholders, so the text is generated from what kubeadm puts in each certificate
 * (cmd/kubeadm/app/phases/certs/certlist.go: subjects, issuers, SANs, usages, 1 year validity,
 * 10 years for CAs), dated from the cluster's creation.
 */
import type { Cluster } from '../../cluster.ts';
import { fnv32a } from '../../controllers/context.ts';
import { resolvePath } from '../../shell/paths.ts';
import type { CommandContext, CommandFn, RunResult, World } from '../../types.ts';
import { strftime } from '../../strftime.ts';
import { mix } from '../../runtime/hash.ts';

interface CertInfo {
  issuer: string;
  subject: string;
  ca: boolean;
  usage: string;
  sans?: string;
  years: number;
}

const res = (stdout: string, stderr = '', exitCode = 0): RunResult => ({ stdout, stderr, exitCode });
const renewed = new WeakMap<World, number>();

/** kubeadm upgrade apply renews the control plane's leaf certificates. */
export function renewCertificates(world: World): void {
  renewed.set(world, world.clock.now());
}

function info(path: string, host: string, ip: string): CertInfo | undefined {
  const base = path.replace(/^\/etc\/kubernetes\/pki\//, '');
  const server = 'TLS Web Server Authentication';
  const client = 'TLS Web Client Authentication';
  const etcdSans = `DNS:${host}, DNS:localhost, IP Address:${ip}, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1`;
  switch (base) {
    case 'ca.crt': return { issuer: 'CN = kubernetes', subject: 'CN = kubernetes', ca: true, usage: '', years: 10 };
    case 'apiserver.crt': return { issuer: 'CN = kubernetes', subject: 'CN = kube-apiserver', ca: false, usage: server, years: 1, sans: `DNS:${host}, DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, DNS:kubernetes.default.svc.cluster.local, IP Address:10.96.0.1, IP Address:${ip}` };
    case 'apiserver-kubelet-client.crt': return { issuer: 'CN = kubernetes', subject: 'O = kubeadm:cluster-admins, CN = kube-apiserver-kubelet-client', ca: false, usage: client, years: 1 };
    case 'apiserver-etcd-client.crt': return { issuer: 'CN = etcd-ca', subject: 'CN = kube-apiserver-etcd-client', ca: false, usage: client, years: 1 };
    case 'front-proxy-ca.crt': return { issuer: 'CN = front-proxy-ca', subject: 'CN = front-proxy-ca', ca: true, usage: '', years: 10 };
    case 'front-proxy-client.crt': return { issuer: 'CN = front-proxy-ca', subject: 'CN = front-proxy-client', ca: false, usage: client, years: 1 };
    case 'etcd/ca.crt': return { issuer: 'CN = etcd-ca', subject: 'CN = etcd-ca', ca: true, usage: '', years: 10 };
    case 'etcd/server.crt':
    case 'etcd/peer.crt': return { issuer: 'CN = etcd-ca', subject: `CN = ${host}`, ca: false, usage: `${server}, ${client}`, years: 1, sans: etcdSans };
    case 'etcd/healthcheck-client.crt': return { issuer: 'CN = etcd-ca', subject: 'CN = kube-etcd-healthcheck-client', ca: false, usage: client, years: 1 };
  }
  if (path === '/var/lib/kubelet/pki/kubelet-client-current.pem') return { issuer: 'CN = kubernetes', subject: `O = system:nodes, CN = system:node:${host}`, ca: false, usage: client, years: 1 };
  if (path === '/var/lib/kubelet/pki/kubelet.crt') return { issuer: `CN = ${host}-ca@1763802000`, subject: `CN = ${host}@1763802000`, ca: false, usage: server, years: 1, sans: `DNS:${host}` };
  return undefined;
}

const gmt = (t: number): string => strftime(t, '%b %e %H:%M:%S %Y GMT');

function hexBytes(seed: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const h = mix(fnv32a(`${seed}:${i}`));
    for (let k = 0; k < 4 && out.length < n; k++) out.push(((h >>> (k * 8)) & 0xff).toString(16).padStart(2, '0'));
  }
  return out;
}

function validity(world: World, c: CertInfo): [number, number] {
  const cluster = world.cluster as Cluster | undefined;
  const cp = cluster?.nodes.find((n) => n.role === 'control-plane')?.name ?? 'controlplane';
  const t0 = Date.parse(cluster?.store.get('Node', undefined, cp)?.metadata.creationTimestamp ?? '') || world.clock.now();
  const from = c.ca ? t0 - 5 * 60_000 : (renewed.get(world) ?? t0 - 5 * 60_000);
  const to = (c.ca ? t0 - 5 * 60_000 : (renewed.get(world) ?? t0)) + c.years * 365 * 86_400_000;
  return [from, to];
}

/** NotBefore/NotAfter of kubeadm's CA certificates (ca) or leaf certificates. */
export function certificateDates(world: World, ca: boolean): [number, number] {
  return validity(world, { issuer: '', subject: '', ca, usage: '', years: ca ? 10 : 1 });
}

function text(path: string, c: CertInfo, nb: number, na: number): string {
  const serial = hexBytes(`serial:${path}`, 8);
  serial[0] = (parseInt(serial[0], 16) & 0x7f).toString(16).padStart(2, '0');
  const serialDec = BigInt('0x' + serial.join('')).toString();
  const mod = ['00', ...hexBytes(`mod:${path}`, 256)];
  const modLines: string[] = [];
  for (let i = 0; i < mod.length; i += 15) modLines.push('                    ' + mod.slice(i, i + 15).join(':') + (i + 15 < mod.length ? ':' : ''));
  const sig = hexBytes(`sig:${path}`, 256);
  const sigLines: string[] = [];
  for (let i = 0; i < sig.length; i += 18) sigLines.push('        ' + sig.slice(i, i + 18).join(':') + (i + 18 < sig.length ? ':' : ''));
  const akid = hexBytes(`akid:${c.issuer}`, 20).map((x) => x.toUpperCase()).join(':');
  let ext = c.ca
    ? `            X509v3 Key Usage: critical\n                Digital Signature, Key Encipherment, Certificate Sign\n            X509v3 Basic Constraints: critical\n                CA:TRUE\n            X509v3 Subject Key Identifier: \n                ${akid}\n`
    : `            X509v3 Key Usage: critical\n                Digital Signature, Key Encipherment\n            X509v3 Extended Key Usage: \n                ${c.usage}\n            X509v3 Basic Constraints: critical\n                CA:FALSE\n            X509v3 Authority Key Identifier: \n                ${akid}\n`;
  if (c.sans) ext += `            X509v3 Subject Alternative Name: \n                ${c.sans}\n`;
  return `Certificate:
    Data:
        Version: 3 (0x2)
        Serial Number: ${serialDec} (0x${serial.join('').replace(/^0+/, '')})
        Signature Algorithm: sha256WithRSAEncryption
        Issuer: ${c.issuer}
        Validity
            Not Before: ${gmt(nb)}
            Not After : ${gmt(na)}
        Subject: ${c.subject}
        Subject Public Key Info:
            Public Key Algorithm: rsaEncryption
                Public-Key: (2048 bit)
                Modulus:
${modLines.join('\n')}
                Exponent: 65537 (0x10001)
        X509v3 extensions:
${ext}    Signature Algorithm: sha256WithRSAEncryption
    Signature Value:
${sigLines.join('\n')}
`;
}

function x509(ctx: CommandContext, args: string[]): RunResult {
  let file: string | undefined;
  const want: string[] = [];
  let noout = false;
  let textOut = false;
  let ext: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-in') file = args[++i];
    else if (a === '-noout') noout = true;
    else if (a === '-text') textOut = true;
    else if (['-subject', '-issuer', '-dates', '-enddate', '-startdate', '-serial'].includes(a)) want.push(a);
    else if (a === '-ext') ext = args[++i];
    else if (a === '-inform' || a === '-outform') i++;
    else return res('', `x509: Unknown option or message digest: ${a.replace(/^-/, '')}\nx509: Use -help for summary.\n`, 1);
  }
  const stdinText = ctx.stdin;
  const path = file ? resolvePath(ctx.cwd, file) : undefined;
  const content = path ? ctx.host.fs.readFile(path) : stdinText;
  if (path && content === undefined) return res('', `Could not open file or uri for loading certificate from ${file}\n40C7A1F5E37F0000:error:16000069:STORE routines:ossl_store_get0_loader_int:unregistered scheme:../crypto/store/store_register.c:237:scheme=file\n40C7A1F5E37F0000:error:80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:263:calling stat(${file})\nUnable to load certificate\n`, 1);
  const cluster = ctx.world.cluster as Cluster | undefined;
  const cp = cluster?.nodes.find((n) => n.role === 'control-plane');
  const c = path && content?.includes('BEGIN CERTIFICATE') ? info(path, path.startsWith('/var/lib/kubelet') ? ctx.host.name : (cp?.name ?? ctx.host.name), path.startsWith('/var/lib/kubelet') ? ctx.host.ip : (cp?.ip ?? ctx.host.ip)) : undefined;
  if (!c) return res('', `Could not read certificate from ${file ?? '<stdin>'}\n4017F8E2EF7E0000:error:1608010C:STORE routines:ossl_store_handle_load_result:unsupported:../crypto/store/store_result.c:151:\nUnable to load certificate\n`, 1);
  const [nb, na] = validity(ctx.world, c);
  let out = '';
  if (textOut) out += text(path!, c, nb, na);
  for (const w of want) {
    if (w === '-subject') out += `subject=${c.subject}\n`;
    if (w === '-issuer') out += `issuer=${c.issuer}\n`;
    if (w === '-dates' || w === '-startdate') out += `notBefore=${gmt(nb)}\n`;
    if (w === '-dates' || w === '-enddate') out += `notAfter=${gmt(na)}\n`;
  }
  if (ext === 'subjectAltName') out += c.sans ? `X509v3 Subject Alternative Name: \n    ${c.sans}\n` : 'No extensions in certificate\n';
  if (!noout && !textOut && !want.length) out += content;
  else if (!noout) out += content;
  return res(out);
}

/** openssl x509 …; other subcommands are not simulated. */
export const openssl: CommandFn = (ctx) => {
  const [sub, ...args] = ctx.argv.slice(1);
  if (sub === 'version') return res('OpenSSL 3.0.13 30 Jan 2024 (Library: OpenSSL 3.0.13 30 Jan 2024)\n');
  if (sub === 'x509') return x509(ctx, args);
  if (!sub) return res('', 'kubesim: openssl without a command is interactive; try openssl x509 -in FILE -text -noout\n', 1);
  return res('', `kubesim: openssl ${sub} is not simulated (openssl x509 and openssl version are)\n`, 1);
};
