/** `kubectl config view|current-context|get-contexts|use-context|set-context` over the kubeconfig file. */
import { load } from 'js-yaml';
import { toYaml } from '../../printers/yaml.ts';
import { tabwrite } from '../../printers/table.ts';
import { fail, resolvePath, type Kctx } from './context.ts';
import { printStructured } from './output.ts';
import { bool, str, type FlagSpec } from './flags.ts';

export const CONFIG_FLAGS: FlagSpec[] = [
  { name: 'current', type: 'bool' },
  { name: 'minify', type: 'bool' },
  { name: 'raw', type: 'bool' },
  { name: 'flatten', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'user', type: 'string' },
];

function configPath(k: Kctx): string {
  const flag = k.p.flags.get('kubeconfig');
  if (typeof flag === 'string' && flag) return resolvePath(k.ctx, flag);
  if (k.ctx.env.KUBECONFIG) return resolvePath(k.ctx, k.ctx.env.KUBECONFIG.split(':')[0]);
  return `${k.ctx.env.HOME || '/root'}/.kube/config`;
}

function redact(cfg: any): any {
  const c = JSON.parse(JSON.stringify(cfg));
  for (const cl of c.clusters ?? []) if (cl.cluster?.['certificate-authority-data']) cl.cluster['certificate-authority-data'] = 'DATA+OMITTED';
  for (const u of c.users ?? []) {
    if (u.user?.['client-certificate-data']) u.user['client-certificate-data'] = 'DATA+OMITTED';
    if (u.user?.['client-key-data']) u.user['client-key-data'] = 'DATA+OMITTED';
    if (u.user?.token) u.user.token = 'REDACTED';
  }
  return c;
}

export function config(k: Kctx): void {
  const [sub, ...rest] = k.p.args;
  const path = configPath(k);
  const text = k.ctx.host.fs.readFile(path);
  const cfg: any = text ? (load(text) ?? {}) : { apiVersion: 'v1', clusters: null, contexts: null, 'current-context': '', kind: 'Config', users: null };
  const save = () => {
    k.ctx.host.fs.writeFile(path, toYaml(cfg));
  };
  switch (sub) {
    case 'view': {
      // clientcmd/api/v1 Config has `json:"preferences"` without omitempty: always printed.
      cfg.preferences ??= {};
      let shown = bool(k.p, 'raw') ? cfg : redact(cfg);
      if (bool(k.p, 'minify')) {
        const ctx = (shown.contexts ?? []).find((c: any) => c.name === shown['current-context']);
        if (!ctx) return fail(k, 'current-context must exist in order to minify');
        shown = {
          ...shown,
          contexts: [ctx],
          clusters: (shown.clusters ?? []).filter((c: any) => c.name === ctx.context?.cluster),
          users: (shown.users ?? []).filter((u: any) => u.name === ctx.context?.user),
        };
      }
      const output = str(k.p, 'output', 'yaml');
      if (output === 'yaml') k.out += toYaml(shown);
      else printStructured(k, [shown], output, true);
      return;
    }
    case 'current-context':
      if (!cfg['current-context']) return fail(k, 'current-context is not set');
      k.out += `${cfg['current-context']}\n`;
      return;
    case 'get-contexts': {
      const rows: string[][] = [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']];
      for (const c of cfg.contexts ?? [])
        rows.push([c.name === cfg['current-context'] ? '*' : '', c.name, c.context?.cluster ?? '', c.context?.user ?? '', c.context?.namespace ?? '']);
      k.out += tabwrite(rows);
      return;
    }
    case 'use-context': {
      const name = rest[0];
      if (!(cfg.contexts ?? []).some((c: any) => c.name === name)) return fail(k, `no context exists with the name: "${name}"`);
      cfg['current-context'] = name;
      save();
      k.out += `Switched to context "${name}".\n`;
      return;
    }
    case 'set-context': {
      const name = bool(k.p, 'current') ? cfg['current-context'] : rest[0];
      if (!name) return fail(k, 'you must specify a non-empty context name or --current');
      cfg.contexts ??= [];
      let ctx = cfg.contexts.find((c: any) => c.name === name);
      const existed = !!ctx;
      if (!ctx) cfg.contexts.push((ctx = { context: {}, name }));
      const ns = k.p.flags.get('namespace');
      if (typeof ns === 'string') ctx.context.namespace = ns;
      if (str(k.p, 'user')) ctx.context.user = str(k.p, 'user');
      save();
      k.out += `Context "${name}" ${existed ? 'modified' : 'created'}.\n`;
      return;
    }
    default:
      k.err += sub ? `error: unknown command "${sub}" for "kubectl config"\n` : 'Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".\n';
      k.code = sub ? 1 : 0;
  }
}
