/**
 * `kubectl edit TYPE NAME` (k8s.io/kubectl/pkg/cmd/edit, pkg/cmd/util/editor/editoptions.go):
 * writes the object as YAML under a comment header to /tmp/kubectl-edit-*.yaml, runs
 * `$KUBE_EDITOR` or `$EDITOR` (default vi) on it, and updates the object when the file changed
 * ("kind/name edited"), else prints "Edit cancelled, no changes made." on stderr.
 *
 * The sandbox has no full-screen editor: vi, vim, nano and emacs behave as if the reader closed
 * them without saving. A non-interactive editor, e.g. `KUBE_EDITOR="sed -i 's/a/b/'"`, runs
 * for real, as it would with kubectl.
 */
import { load } from 'js-yaml';
import { resolveResource } from '../../api/kinds.ts';
import type { Obj } from '../../api/store.ts';
import { toYaml } from '../../printers/yaml.ts';
import { kindName } from './common.ts';
import { fail, type Kctx } from './context.ts';
import { formatApiError, NO_RESOURCES, noResourceType } from './errors.ts';
import type { FlagSpec } from './flags.ts';
import { getOrNotFound } from './lookup.ts';

export const EDIT_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'output-patch', type: 'bool' },
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string', noOptDefault: 'strict' },
  { name: 'windows-line-endings', type: 'bool' },
  { name: 'field-manager', type: 'string' },
  { name: 'subresource', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringArray' },
];

// editoptions.go's header above the object.
const HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n#\n';

const INTERACTIVE = new Set(['vi', 'vim', 'nvim', 'nano', 'emacs', 'pico', 'ed']);

/** Splits an editor setting into words, as `sh -c` would for a simple command (quotes honoured). */
function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/'([^']*)'|"((?:\\.|[^"\\])*)"|(\S+)/g)) out.push(m[1] ?? m[2]?.replace(/\\(.)/g, '$1') ?? m[3]);
  return out;
}

/** editor.StripComments: the lines that do not start with `#`. */
const withoutComments = (text: string): string =>
  text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n')
    .trim();

export function edit(k: Kctx): void {
  let [kind, name] = k.p.args;
  if (kind?.includes('/')) [kind, name] = kind.split('/');
  if (!kind) return fail(k, NO_RESOURCES);
  const r = resolveResource(kind);
  if (!r) return fail(k, noResourceType(kind));
  if (!name) return fail(k, "error: edit requires a resource name (this sandbox edits one object at a time)\n");
  const o = getOrNotFound(k, r, name);
  if (!o) return;
  const original = HEADER + toYaml(o);
  const file = `/tmp/kubectl-edit-${Math.floor(k.ctx.world.rng.next() * 1e9)}.yaml`;
  const fs = k.ctx.host.fs;
  if (!fs.isDir('/tmp')) fs.mkdir('/tmp', true);
  fs.writeFile(file, original);
  const setting = k.ctx.env.KUBE_EDITOR || k.ctx.env.EDITOR || 'vi';
  const argv = words(setting);
  const program = (argv[0] ?? 'vi').split('/').pop() ?? 'vi';
  if (!INTERACTIVE.has(program) && k.ctx.exec) {
    const ran = k.ctx.exec([...argv, file], '');
    if (ran.exitCode !== 0) {
      fs.remove(file);
      k.err += ran.stderr;
      return fail(k, `error: there was a problem with the editor "${setting}"\n`);
    }
  }
  const edited = fs.readFile(file) ?? '';
  fs.remove(file);
  if (withoutComments(edited) === withoutComments(original)) {
    k.err += 'Edit cancelled, no changes made.\n';
    return;
  }
  if (withoutComments(edited) === '') return fail(k, 'error: Edit cancelled, saved file was empty.\n');
  let next: Obj;
  try {
    next = load(withoutComments(edited)) as Obj;
  } catch {
    return fail(k, 'error: Edit cancelled, no valid changes were saved.\n');
  }
  if (!next || typeof next !== 'object' || next.kind !== o.kind || next.metadata?.name !== o.metadata.name) {
    return fail(k, 'error: At least one of apiVersion, kind and name was changed\n');
  }
  const res = k.api.update(next);
  if (res.error) {
    k.err += formatApiError(res.error);
    k.code = 1;
    return;
  }
  k.out += `${kindName(o)} edited\n`;
}
