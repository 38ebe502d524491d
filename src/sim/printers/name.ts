/** `-o name`: kind.group/name per object (cli-runtime NamePrinter). */
import { kindPrefix, resourceOfKind, resourceForKind } from '../api/kinds.ts';
import type { Obj } from '../api/store.ts';

/** "pod/nginx" or "deployment.apps/web". */
export function objectName(o: Obj): string {
  const r = resourceForKind(String(o.apiVersion ?? ''), String(o.kind)) ?? resourceOfKind(String(o.kind));
  const prefix = r ? kindPrefix(r) : String(o.kind).toLowerCase();
  return `${prefix}/${o.metadata?.name ?? ''}`;
}

/** The `-o name` output for a list of objects. */
export function printNames(objs: Obj[]): string {
  return objs.map((o) => objectName(o) + '\n').join('');
}
