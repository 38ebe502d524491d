/**
 * wget: busybox's applet in Pods (networking/wget.c messages: "bad address", "can't connect
 * to remote host", "server returned error") and GNU Wget 1.21 on the Ubuntu hosts.
 */
import type { RunResult } from '../../types.ts';
import type { NetClient } from './client.ts';
import { fetchUrl, hostHeader, parseUrl } from './fetch.ts';

/** Runs wget; `busybox` selects the applet's wording, `writeFile` saves `-O FILE`. */
export function wgetWith(c: NetClient, argv: string[], busybox: boolean, writeFile?: (p: string, d: string) => boolean): RunResult {
  let quiet = false;
  let out: string | undefined;
  let url = '';
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-O' || a === '--output-document') out = argv[++i];
    else if (a.startsWith('-qO')) {
      quiet = true;
      out = a.slice(3) || argv[++i];
    } else if (a.startsWith('-O')) out = a.slice(2);
    else if (a.startsWith('--output-document=')) out = a.slice(18);
    else if (a === '-T' || a === '--timeout') i++;
    else if (!a.startsWith('-')) url = a;
  }
  if (!url) return busybox ? { stdout: '', stderr: 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n', exitCode: 1 } : { stdout: '', stderr: "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n", exitCode: 1 };
  const u = parseUrl(url);
  if ('error' in u) return { stdout: '', stderr: busybox ? `wget: not an http or ftp url: ${url}\n` : `${url}: Unsupported scheme.\n`, exitCode: 1 };
  const f = fetchUrl(c, 'wget', u, { method: 'GET', host: hostHeader(u), path: u.path, scheme: u.scheme, agent: busybox ? 'Wget' : 'Wget/1.21.4' });
  const stamp = new Date(c.now).toISOString().replace('T', ' ').slice(0, 19);
  const gnuHead = `--${stamp}--  ${url}\n`;
  if (f.unresolved) {
    if (busybox) return { stdout: '', stderr: `wget: bad address '${u.host}'\n`, exitCode: 1 };
    return { stdout: '', stderr: quiet ? '' : `${gnuHead}Resolving ${u.host} (${u.host})... failed: Name or service not known.\nwget: unable to resolve host address '${u.host}'\n`, exitCode: 4 };
  }
  const o = f.outcome!;
  if (o.error) {
    const why = o.error === 'refused' ? 'Connection refused' : 'Connection timed out';
    if (busybox) return { stdout: '', stderr: `${quiet ? '' : `Connecting to ${u.host} (${f.ip}:${u.port})\n`}wget: can't connect to remote host (${f.ip}): ${why}\n`, exitCode: 1 };
    return { stdout: '', stderr: quiet ? '' : `${gnuHead}Connecting to ${u.host} (${u.host})|${f.ip}|:${u.port}... failed: ${why}.\n`, exitCode: 4 };
  }
  const r = o.response!;
  if (r.status >= 400) {
    if (busybox) return { stdout: '', stderr: `${quiet ? '' : `Connecting to ${u.host} (${f.ip}:${u.port})\n`}wget: server returned error: HTTP/1.1 ${r.status} ${r.reason}\n`, exitCode: 1 };
    return { stdout: '', stderr: quiet ? '' : `${gnuHead}Connecting to ${u.host} (${u.host})|${f.ip}|:${u.port}... connected.\nHTTP request sent, awaiting response... ${r.status} ${r.reason}\n${stamp} ERROR ${r.status}: ${r.reason}.\n\n`, exitCode: 8 };
  }
  const file = out ?? (u.path.split('/').pop() || 'index.html');
  const size = new TextEncoder().encode(r.body).length;
  let stderr = '';
  if (!quiet)
    stderr = busybox
      ? `Connecting to ${u.host} (${f.ip}:${u.port})\n${file === '-' ? 'writing to stdout\n' : `saving to '${file}'\n`}${(file === '-' ? '-' : file).padEnd(20)} 100% |********************************|   ${size}  0:00:00 ETA\n${file === '-' ? 'written to stdout' : `'${file}' saved`}\n`
      : `${gnuHead}Connecting to ${u.host} (${u.host})|${f.ip}|:${u.port}... connected.\nHTTP request sent, awaiting response... 200 OK\nLength: ${size} [${r.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1]?.split(';')[0] ?? 'text/html'}]\nSaving to: ‘${file === '-' ? 'STDOUT' : file}’\n\n`;
  if (file === '-') return { stdout: r.body, stderr, exitCode: 0 };
  if (!writeFile || !writeFile(file, r.body)) return { stdout: '', stderr: busybox ? `wget: can't open '${file}': No such file or directory\n` : `${file}: No such file or directory\n`, exitCode: 1 };
  return { stdout: '', stderr, exitCode: 0 };
}
