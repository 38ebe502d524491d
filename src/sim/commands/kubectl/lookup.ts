/** Fetching the one object a verb acts on, with the server's NotFound error when it is missing. */
import type { resolveResource } from '../../api/kinds.ts';
import { notFound } from '../../api/server.ts';
import type { Obj } from '../../api/store.ts';
import type { Kctx } from './context.ts';
import { formatApiError } from './errors.ts';

type Resource = NonNullable<ReturnType<typeof resolveResource>>;

/** The named object of a resolved type in the command's namespace, or undefined after printing `Error from server (NotFound)`. */
export function getOrNotFound(k: Kctx, r: Resource, name: string): Obj | undefined {
  const o = k.store.get(r.kind, r.namespaced ? k.namespace : undefined, name);
  if (!o) {
    k.err += formatApiError(notFound(r, name));
    k.code = 1;
  }
  return o;
}
