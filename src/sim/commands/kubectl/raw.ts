/**
 * `kubectl get --raw PATH`: a GET on the API server with kubectl's credentials, the body printed as
 * it comes (kubectl/pkg/rawhttp RawGet). The health endpoints answer as the generic API server's
 * healthz handler does ("ok", no newline) and /version as WriteRawJSON does (indented JSON, no
 * newline); an unknown path is the server's 404. The API's own JSON bodies are not simulated here.
 */
import { fail } from './context.ts';
import { bool, str } from './flags.ts';
import { versionInfo } from './info.ts';
import type { RawGet } from './verbs.ts';

/** The checks of each health endpoint the sandbox answers for one by one (`/readyz/etcd`). */
const CHECKS: Record<string, string[]> = {
  healthz: ['ping', 'log', 'etcd'],
  livez: ['ping', 'log', 'etcd'],
  readyz: ['ping', 'log', 'etcd', 'etcd-readiness', 'informer-sync', 'shutdown'],
};

/** Runs `kubectl get --raw`, after get.go's Complete and Validate checks. */
export const rawGet: RawGet = (k, raw) => {
  if (k.p.args.length) return fail(k, 'arguments may not be passed when --raw is specified');
  if (bool(k.p, 'watch') || bool(k.p, 'watch-only') || str(k.p, 'selector'))
    return fail(k, '--raw may not be specified with other flags that filter the server request or alter the output');
  if (str(k.p, 'output')) return fail(k, '--raw and --output are mutually exclusive');
  // url.ParseRequestURI takes an absolute path or an absolute URL, nothing relative.
  if (!raw.startsWith('/') && !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(raw)) return fail(k, `--raw must be a valid URL path: parse "${raw}": invalid URI for request`);
  const [path, query = ''] = raw.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/]*/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean);
  const notSimulated = (what: string, hint = '') => fail(k, `kubesim: kubectl get --raw ${raw}: ${what} is not simulated in this sandbox${hint}\n`);
  const endpoint = parts[0] ?? '';
  if (Object.hasOwn(CHECKS, endpoint)) {
    const check = parts.slice(1).join('/');
    if (check && !CHECKS[endpoint].includes(check)) return notSimulated(`the ${check} check`);
    // healthz.go prints every check only for ?verbose (or a failing one): that list is the server's own.
    if (!check && /(^|&)verbose(=|&|$)/.test(query)) return notSimulated('the list of checks (?verbose)');
    k.out += 'ok';
    return;
  }
  if (path === '/version') {
    k.out += JSON.stringify(versionInfo(k.cluster.version, true), null, 2);
    return;
  }
  if (endpoint === 'api' || endpoint === 'apis' || endpoint === 'openapi') return notSimulated('the API\'s JSON', '; kubectl get RESOURCE -o json shows the objects');
  if (endpoint === 'metrics' || endpoint === 'logs' || endpoint === 'debug') return notSimulated(`/${endpoint}`);
  return fail(k, 'Error from server (NotFound): the server could not find the requested resource\n');
};
