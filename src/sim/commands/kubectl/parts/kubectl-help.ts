/**
 * The verbs kubectl suggests for a mistyped one, and `kubectl completion`: a small chunk of their
 * own in the browser, loaded for a line that names no verb kubectl knows. The help pages are a
 * larger chunk (kubectl-help-texts.ts).
 */
import { suggestVerbs } from '../suggest.ts';
import type { Kctx } from '../context.ts';
import { registerHelp, registerVerbs } from '../verbs.ts';

/**
 * `kubectl completion SHELL`: completion.go's usage errors; for a shell it knows, one comment line
 * in place of cobra's script, since the terminal completes with Tab itself. So the usual
 * `source <(kubectl completion bash)` succeeds quietly.
 */
function completion(k: Kctx): void {
  const usage = (msg: string) => {
    k.err += `error: ${msg}\nSee 'kubectl completion -h' for help and examples\n`;
    k.code = 1;
  };
  const args = k.p.args;
  if (!args.length) return usage('Shell not specified.');
  if (args.length > 1) return usage('Too many arguments. Expected only the shell type.');
  if (!['bash', 'zsh', 'fish', 'powershell'].includes(args[0])) return usage(`Unsupported shell type "${args[0]}".`);
  k.out += `# kubesim: kubectl's ${args[0]} completion script is not printed here: Tab completes in this terminal\n`;
}

/** Registers the suggestions and `completion` with kubectl (idempotent). */
export function install(): void {
  registerHelp({ suggest: suggestVerbs });
  registerVerbs({ completion: { flags: [], run: completion, server: false } });
}
