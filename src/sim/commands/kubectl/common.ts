/** Helpers shared by the mutating verbs: dry-run flag, "kind/name created" lines, storing objects. */
import { kindPrefix, resourceForKind, resourceOfKind } from '../../api/kinds.ts';
import type { Obj } from '../../api/store.ts';
import type { Kctx } from './context.ts';
import { str, type FlagSpec } from './flags.ts';
import { printStructured } from './output.ts';

/** --dry-run / -o flags most mutating verbs accept. */
export const MUTATE_FLAGS: FlagSpec[] = [
  { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string', noOptDefault: 'strict' },
  { name: 'field-manager', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'edit', type: 'bool' },
  { name: 'windows-line-endings', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'raw', type: 'string' },
];

/** The --dry-run mode: none, client or server; or kubectl's error text. */
export function dryRunMode(k: Kctx): 'none' | 'client' | 'server' | string {
  const v = str(k.p, 'dry-run', 'none');
  if (v === 'none' || v === 'client' || v === 'server') return v;
  if (v === 'unchanged') return `error: invalid dry-run value (unchanged). Must be "none", "server", or "client".\n`;
  return `error: Invalid dry-run value (${v}). Must be "none", "server", or "client".\n`;
}

/** "deployment.apps/web" for an object. */
export function kindName(o: Obj): string {
  const r = resourceForKind(String(o.apiVersion ?? ''), String(o.kind)) ?? resourceOfKind(String(o.kind));
  return `${r ? kindPrefix(r) : String(o.kind).toLowerCase()}/${o.metadata?.name ?? ''}`;
}

/** Prints the result of an operation: `-o` output or "kind/name created (dry run)". */
export function printOp(k: Kctx, o: Obj, op: string, dry: 'none' | 'client' | 'server'): void {
  const output = str(k.p, 'output');
  if (output && output !== 'wide') {
    if (output === 'name') {
      k.out += kindName(o) + '\n';
      return;
    }
    printStructured(k, [o], output, true);
    return;
  }
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  k.out += `${kindName(o)} ${op}${suffix}\n`;
}

/** Strips nothing but undefined values, so generated objects print like kubectl's. */
export function clean<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** The container name kubectl derives from an image ("nginx" from "docker.io/library/nginx:1.27"). */
export function containerNameFromImage(image: string): string {
  let name = image.split('/').pop() ?? image;
  name = name.split('@')[0].split(':')[0];
  return name.replace(/[^a-z0-9-]/gi, '-').toLowerCase();
}
