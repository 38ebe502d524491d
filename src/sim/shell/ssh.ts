/**
 * ssh to another node of the sandbox: `ssh node01` opens a session there (exit comes back),
 * `ssh node01 CMD…` runs the command there with ssh's standard input. A chunk of its own in the
 * browser (the line scan loads it with the word ssh), so that its option parsing and its usage
 * text stay out of the worker core; Node installs it at once (all.ts).
 */
import type { RunResult } from '../types.ts';
import { BUILTINS, type Builtin } from './builtins.ts';

const ok = (stdout = ''): RunResult => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string, exitCode = 1): RunResult => ({ stdout: '', stderr, exitCode });

const ssh: Builtin = (sh, argv, stdin) => {
  // ssh.c reads options with a getopt that stops at the first operand (the destination), reads
  // options once more after it, and then stops for good: the rest, `-l` and all, is the command.
  const args: string[] = [];
  let noStdin = false;
  let forceTty = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (/^-[46AaCfGgKkMNnqsTtVvXxYy]*n/.test(a)) noStdin = true;
    if (/^-[46AaCfGgKkMNnqsTtVvXxYy]*t/.test(a)) forceTty = true;
    if (a === '--') {
      i++;
      if (args.length === 0 && i < argv.length) args.push(argv[i++]);
      break;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (/^-[BbcDEeFIiJLlmOoPpQRSWw]$/.test(a)) i++;
      continue;
    }
    if (args.length > 0) break;
    args.push(a);
  }
  args.push(...argv.slice(i));
  if (args.length === 0) {
    return fail(
      'usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]\n' +
      '           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]\n' +
      '           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]\n' +
      '           [-J destination] [-L address] [-l login_name] [-m mac_spec]\n' +
      '           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]\n' +
      '           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]\n' +
      '           destination [command [argument ...]]\n', 255);
  }
  const dest = args[0].replace(/^.*@/, '');
  const host = [...sh.world.hosts.values()].find((h) => h.name === dest || h.ip === dest);
  if (!host) return fail(`ssh: Could not resolve hostname ${dest}: Name or service not known\n`, 255);
  if (args.length === 1) {
    sh.pushHost(host);
    return ok();
  }
  // `ssh node01 cmd…`: run it there and come back, as ssh does with a remote command. ssh sends
  // its standard input to the remote command, all of it, whether that reads it or not (hence -n):
  // `while read h; do ssh "$h" hostname; done < hosts` stops after the first host, as on a node.
  const input = noStdin ? '' : stdin;
  if (!noStdin && sh.input?.rest === stdin) sh.input.rest = '';
  // ssh allocates no terminal for a remote command unless -t: ps does not cut lines, ss stays compact.
  let result: RunResult = ok();
  const hadTty = sh.noTty;
  sh.noTty = !forceTty;
  try {
    sh.subshell(() => {
      sh.pushHost(host);
      result = sh.withInput(input, () => sh.runSource(args.slice(1).join(' ')));
    });
  } finally {
    sh.noTty = hadTty;
  }
  return result;
};

/** Makes ssh a builtin of the shell (idempotent). */
export function installSsh(): void {
  BUILTINS.ssh = ssh;
}
