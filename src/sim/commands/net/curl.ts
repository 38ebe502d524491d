/**
 * curl 8.5.0 (Ubuntu 24.04's): -s -S -i -I -v -H -o -O -L -k -X -w -f -m --connect-timeout.
 * Error texts from lib/strerror.c and lib/connect.c ("Failed to connect to %s port %u after
 * %ld ms: %s"), the progress meter from lib/progress.c.
 */
import type { RunResult } from '../../types.ts';
import type { NetClient } from './client.ts';
import { fetchUrl, hostHeader, parseUrl, type Url } from './fetch.ts';

const VERSION = '8.5.0';
const ARG_FLAGS = new Set(['H', 'o', 'X', 'w', 'm', 'd', 'A', 'u', 'e', 'x', 'T', 'b', 'c', 'r', 'U', 'K', 'E']);
const LONG_ARG = new Set(['--header', '--output', '--request', '--write-out', '--max-time', '--connect-timeout', '--data', '--user-agent', '--user', '--resolve', '--cacert', '--cert', '--key', '--retry']);

interface Opts {
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  verbose: boolean;
  insecure: boolean;
  follow: boolean;
  fail: boolean;
  remoteName: boolean;
  method?: string;
  output?: string;
  writeOut?: string;
  headers: string[];
  urls: string[];
  resolve: Map<string, string>;
}

function parse(argv: string[]): Opts | { error: string; code: number } {
  const o: Opts = { silent: false, showError: false, include: false, head: false, verbose: false, insecure: false, follow: false, fail: false, remoteName: false, headers: [], urls: [], resolve: new Map() };
  const set = (flag: string, val: string | undefined): string | undefined => {
    switch (flag) {
      case 'H': case '--header': o.headers.push(val!); break;
      case 'o': case '--output': o.output = val; break;
      case 'X': case '--request': o.method = val; break;
      case 'w': case '--write-out': o.writeOut = val; break;
      case 'd': case '--data': o.method ??= 'POST'; break;
      case '--resolve': {
        const [h, p, ip] = String(val).split(':');
        o.resolve.set(`${h}:${p}`, ip);
        break;
      }
    }
    return undefined;
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (LONG_ARG.has(name)) {
        const v = inline ?? argv[++i];
        if (v === undefined) return { error: `curl: option ${name}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, code: 2 };
        set(name, v);
        continue;
      }
      switch (name) {
        case '--silent': o.silent = true; break;
        case '--show-error': o.showError = true; break;
        case '--include': o.include = true; break;
        case '--head': o.head = true; break;
        case '--verbose': o.verbose = true; break;
        case '--insecure': o.insecure = true; break;
        case '--location': o.follow = true; break;
        case '--fail': o.fail = true; break;
        case '--remote-name': o.remoteName = true; break;
        case '--version':
          return { error: '', code: -1 };
        default:
          return { error: `curl: option ${name}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, code: 2 };
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (ARG_FLAGS.has(f)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (v === undefined) return { error: `curl: option -${f}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, code: 2 };
          set(f, v);
          break;
        }
        switch (f) {
          case 's': o.silent = true; break;
          case 'S': o.showError = true; break;
          case 'i': o.include = true; break;
          case 'I': o.head = true; break;
          case 'v': o.verbose = true; break;
          case 'k': o.insecure = true; break;
          case 'L': o.follow = true; break;
          case 'f': o.fail = true; break;
          case 'O': o.remoteName = true; break;
          case 'V': return { error: '', code: -1 };
          default:
            return { error: `curl: option -${f}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, code: 2 };
        }
      }
      continue;
    }
    o.urls.push(a);
  }
  return o;
}

/** lib/progress.c max5data(): a size in at most five characters. */
function max5(n: number): string {
  if (n < 100000) return String(n).padStart(5);
  if (n < 10000 * 1024) return `${Math.floor(n / 1024)}k`.padStart(5);
  if (n < 100 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)}M`.padStart(5);
  return `${Math.floor(n / 1024 / 1024)}M`.padStart(5);
}

/** The progress meter curl writes to stderr when the body does not go to the terminal. */
export function progressMeter(bytes: number): string {
  const speed = bytes * 1000;
  const pct = (n: number) => String(n).padStart(3);
  return (
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
    '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
    `\r${pct(bytes ? 100 : 0)} ${max5(bytes)}  ${pct(bytes ? 100 : 0)} ${max5(bytes)}  ${pct(0)} ${max5(0)}  ${max5(speed)}  ${max5(0)} --:--:-- --:--:-- --:--:-- ${max5(speed)}\n`
  );
}

/** What `curl` needs from where it runs: the network client, and how to write `-o` files. */
export interface CurlEnv {
  client: NetClient;
  /** Writes a file (relative to the cwd); false when the directory does not exist. */
  writeFile?: (path: string, data: string) => boolean;
  stdoutIsTTY: boolean;
}

const VERSION_TEXT = `curl ${VERSION} (x86_64-pc-linux-gnu) libcurl/${VERSION} OpenSSL/3.0.13 zlib/1.3 brotli/1.1.0 zstd/1.5.5 libidn2/2.3.7 libpsl/0.21.2 (+libidn2/2.3.7) libssh/0.10.6/openssl/zlib nghttp2/1.59.0 librtmp/2.3 OpenLDAP/2.6.7\nRelease-Date: 2023-12-06, security patched: 8.5.0-2ubuntu10.6\nProtocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp\nFeatures: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd\n`;

/** Runs curl. */
export function curlWith(env: CurlEnv, argv: string[]): RunResult {
  const o = parse(argv);
  if ('error' in o) return o.code === -1 ? { stdout: VERSION_TEXT, stderr: '', exitCode: 0 } : { stdout: '', stderr: o.error, exitCode: o.code };
  if (!o.urls.length) return { stdout: '', stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 };
  let stdout = '';
  let stderr = '';
  let code = 0;
  const showErr = !o.silent || o.showError;
  const fail = (n: number, msg: string) => {
    code = n;
    if (o.verbose) stderr += `* ${msg}\n* Closing connection\n`;
    if (showErr) stderr += `curl: (${n}) ${msg}\n`;
  };
  for (const raw of o.urls) {
    const parsed = parseUrl(raw);
    if ('error' in parsed) {
      if (parsed.error.startsWith('Protocol')) fail(1, `${parsed.error} or disabled in libcurl`);
      else fail(3, `URL rejected: ${parsed.error === 'port' ? 'Port number was not a decimal number between 0 and 65535' : 'Malformed input to a URL function'}`);
      continue;
    }
    let u: Url = parsed;
    for (let hop = 0; hop < 10; hop++) {
      const userHost = o.headers.find((h) => /^host\s*:/i.test(h));
      const host = userHost ? userHost.slice(userHost.indexOf(':') + 1).trim() : hostHeader(u);
      const method = o.method ?? (o.head ? 'HEAD' : 'GET');
      const pinned = o.resolve.get(`${u.host}:${u.port}`);
      const f = fetchUrl(env.client, 'curl', pinned ? { ...u, host: pinned } : u, { method, host, path: u.path, scheme: u.scheme, agent: `curl/${VERSION}` });
      if (f.unresolved) {
        fail(6, `Could not resolve host: ${u.host}`);
        break;
      }
      const out = f.outcome!;
      if (o.verbose) stderr += `*   Trying ${f.ip}:${u.port}...\n`;
      if (out.error === 'refused') {
        if (o.verbose) stderr += `* connect to ${f.ip} port ${u.port} failed: Connection refused\n`;
        fail(7, `Failed to connect to ${u.host} port ${u.port} after 0 ms: Couldn't connect to server`);
        break;
      }
      if (out.error === 'timeout') {
        fail(28, `Failed to connect to ${u.host} port ${u.port} after 134017 ms: Couldn't connect to server`);
        break;
      }
      if (o.verbose) stderr += `* Connected to ${u.host} (${f.ip}) port ${u.port}\n`;
      if (out.selfSigned && !o.insecure) {
        fail(60, 'SSL certificate problem: self-signed certificate');
        if (showErr) stderr += "More details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n";
        break;
      }
      const r = out.response!;
      if (o.verbose) {
        stderr += `> ${method} ${u.path} HTTP/1.1\n> Host: ${host}\n> User-Agent: curl/${VERSION}\n> Accept: */*\n`;
        for (const h of o.headers) if (!/^host\s*:/i.test(h)) stderr += `> ${h}\n`;
        stderr += '> \n';
        stderr += `< HTTP/1.1 ${r.status} ${r.reason}\n${r.headers.map(([k, v]) => `< ${k}: ${v}\n`).join('')}< \n`;
      }
      const location = r.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
      if (o.follow && location && r.status >= 300 && r.status < 400) {
        const next = parseUrl(location);
        if (!('error' in next)) {
          u = next;
          continue;
        }
      }
      if (o.fail && r.status >= 400) {
        fail(22, `The requested URL returned error: ${r.status}`);
        break;
      }
      const head = `HTTP/1.1 ${r.status} ${r.reason}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
      const doc = (o.include || o.head ? head : '') + (o.head ? '' : r.body);
      const file = o.output ?? (o.remoteName ? u.path.split('/').pop() || '' : undefined);
      if (file !== undefined) {
        if (!file) {
          fail(23, 'Remote file name has no length');
          break;
        }
        if (file === '-') stdout += doc;
        else if (!env.writeFile || !env.writeFile(file, doc)) {
          fail(23, `Failure writing output to destination, passed ${doc.length} returned 0`);
          break;
        }
        if (!o.silent && file !== '-') stderr = progressMeter(doc.length) + stderr;
      } else {
        stdout += doc;
        if (!o.silent && !o.verbose && !env.stdoutIsTTY) stderr = progressMeter(doc.length) + stderr;
      }
      if (o.writeOut) stdout += writeOut(o.writeOut, r.status, f.ip ?? '', doc.length);
      if (o.verbose) stderr += `* Connection #0 to host ${u.host} left intact\n`;
      break;
    }
  }
  return { stdout, stderr, exitCode: code };
}

/** `-w` variables curl users reach for most. */
function writeOut(fmt: string, status: number, ip: string, size: number): string {
  return fmt
    .replace(/%\{http_code\}|%\{response_code\}/g, String(status).padStart(3, '0'))
    .replace(/%\{remote_ip\}/g, ip)
    .replace(/%\{size_download\}/g, String(size))
    .replace(/\\n/g, '\n');
}
