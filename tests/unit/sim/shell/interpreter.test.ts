import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';

// Expected outputs follow bash 5.2 as Ubuntu 24.04 ships it (messages from bash's
// execute_cmd.c / redir.c / builtins/cd.def: "bash: X: command not found", "bash: cd: X: No such file or directory").

const sim = createSimulator();
const run = (s: string) => sim.run(s);

describe('expansion', () => {
  it('expands variables, $?, ${..} forms, arithmetic and command substitution', () => {
    expect(run('X=world; echo "hello $X" \'$X\' ${X}s ${NOPE:-dflt} ${#X} $((2*(3+4)))').stdout).toBe('hello world $X worlds dflt 5 14\n');
    expect(run('false; echo $?').stdout).toBe('1\n');
    expect(run('echo "$(echo a; echo b)"').stdout).toBe('a\nb\n');
    expect(run('echo $(echo a; echo b)').stdout).toBe('a b\n');
    expect(run('echo `hostname`').stdout).toBe('controlplane\n');
    expect(run('echo ~ ~/x "~"').stdout).toBe('/root /root/x ~\n');
  });

  it('keeps empty quoted words and drops empty unquoted ones', () => {
    expect(run('printf "[%s]" "" $EMPTY x; echo').stdout).toBe('[][x]\n');
  });

  it('globs on the virtual file system and leaves a pattern without matches as is', () => {
    expect(run('echo /etc/kubernetes/manifests/*.yaml').stdout).toBe(
      '/etc/kubernetes/manifests/etcd.yaml /etc/kubernetes/manifests/kube-apiserver.yaml /etc/kubernetes/manifests/kube-controller-manager.yaml /etc/kubernetes/manifests/kube-scheduler.yaml\n');
    expect(run('echo /etc/*release*').stdout).toBe('/etc/lsb-release /etc/os-release\n');
    expect(run('echo /nope/*.txt "/etc/*"').stdout).toBe('/nope/*.txt /etc/*\n');
  });

  it('applies VAR=value prefixes to one command only, export to later ones', () => {
    expect(run('FOO=1 env | grep ^FOO=').stdout).toBe('FOO=1\n');
    expect(run('env | grep -c ^FOO=').stdout).toBe('0\n');
    expect(run('export FOO=2; env | grep ^FOO=').stdout).toBe('FOO=2\n');
    expect(run('unset FOO; echo "[$FOO]"').stdout).toBe('[]\n');
  });
});

describe('control flow and exit codes', () => {
  it('runs && || ; and pipelines with the last status', () => {
    expect(run('true && echo a || echo b').stdout).toBe('a\n');
    expect(run('false && echo a || echo b').stdout).toBe('b\n');
    expect(run('false | true').exitCode).toBe(0);
    expect(run('true | false').exitCode).toBe(1);
    expect(run('! false').exitCode).toBe(0);
  });

  it('prints command not found with 127, and a sandbox note for known tools', () => {
    expect(run('foo')).toEqual({ stdout: '', stderr: 'bash: foo: command not found\n', exitCode: 127 });
    expect(run('vim /etc/hosts')).toEqual({ stdout: '', stderr: 'kubesim: vim: command not found in this sandbox\n', exitCode: 127 });
    // iproute2's bridge is on every node: the reader should learn the sandbox lacks it, not that the node does.
    expect(run('bridge fdb show dev flannel.1').stderr).toBe('kubesim: bridge: command not found in this sandbox\n');
  });

  it('goes on after a syntax error on an earlier line, as a terminal does', () => {
    const r = run('echo a |\n| b\necho after');
    expect(r.stderr).toBe("bash: syntax error near unexpected token `|'\n");
    expect(r.stdout).toBe('after\n');
  });
});

describe('redirections', () => {
  it('writes, appends, merges stderr and reads files', () => {
    const r = run('cd /tmp && echo one > f && echo two >> f && cat f && ls /nope 2> err; cat err; ls /nope > both 2>&1; cat both; wc -l < f');
    expect(r.stdout).toBe("one\ntwo\nls: cannot access '/nope': No such file or directory\nls: cannot access '/nope': No such file or directory\n2\n");
    expect(run('cat /etc/hostname > /dev/null; echo $?').stdout).toBe('0\n');
    expect(run('ls /nope 2>/dev/null').stderr).toBe('');
  });

  it('reports redirection errors like bash', () => {
    expect(run('echo x > /nodir/f')).toEqual({ stdout: '', stderr: 'bash: /nodir/f: No such file or directory\n', exitCode: 1 });
    expect(run('cat < /nope').stderr).toBe('bash: /nope: No such file or directory\n');
    expect(run('echo x > /etc').stderr).toBe('bash: /etc: Is a directory\n');
  });

  it('supports here-documents with and without expansion, and here-strings', () => {
    expect(run('cat <<EOF\nuser=$USER\nEOF').stdout).toBe('user=root\n');
    expect(run("cat <<'EOF'\nuser=$USER\nEOF").stdout).toBe('user=$USER\n');
    expect(run('base64 -d <<< aGVsbG8=').stdout).toBe('hello');
    const r = run('cat > /tmp/pod.yaml <<EOF\napiVersion: v1\nkind: Pod\nEOF\ncat /tmp/pod.yaml');
    expect(r.stdout).toBe('apiVersion: v1\nkind: Pod\n');
  });
});

describe('builtins', () => {
  it('cd and pwd, with bash messages', () => {
    expect(run('cd /etc/kubernetes && pwd && cd - && cd').stdout).toBe('/etc/kubernetes\n/tmp\n');
    expect(run('cd /nope').stderr).toBe('bash: cd: /nope: No such file or directory\n');
    expect(run('cd /etc/hosts').stderr).toBe('bash: cd: /etc/hosts: Not a directory\n');
    expect(run('cd a b').stderr).toBe('bash: cd: too many arguments\n');
    expect(run('pwd').stdout).toBe('/root\n');
  });

  it('ssh moves the prompt to another host and exit comes back', () => {
    const s = createSimulator();
    expect(s.run('ssh node01').exitCode).toBe(0);
    expect(s.prompt()).toBe('node01 $ ');
    expect(s.run('hostname').stdout).toBe('node01\n');
    expect(s.run('exit')).toEqual({ stdout: '', stderr: 'logout\nConnection to node01 closed.\n', exitCode: 0 });
    expect(s.host()).toBe('controlplane');
    expect(s.run('ssh nowhere')).toEqual({ stdout: '', stderr: 'ssh: Could not resolve hostname nowhere: Name or service not known\n', exitCode: 255 });
    expect(s.run('ssh node02 hostname').stdout).toBe('node02\n');
    expect(s.host()).toBe('controlplane');
  });

  // openssh ssh.c main(): getopt stops at the destination, options are read once more right after
  // it (`goto again`), and the first operand after that starts the remote command, options and all.
  it('ssh passes options after the remote command to the remote command', () => {
    const s = createSimulator();
    s.run('ssh node02 mkdir -p /x && ssh node02 touch /x/f');
    expect(s.run('ssh node02 ls -d /x').stdout).toBe('/x\n');
    expect(s.run('ssh node02 ls -l /x').stdout).toMatch(/^total \d+\n-rw-r--r-- 1 root root\s+0 .+ f\n$/);
    expect(s.run('ssh -p 22 -l root node02 -o StrictHostKeyChecking=no hostname -s').stdout).toBe('node02\n');
    expect(s.run('ssh root@node02 -- echo -n hi').stdout).toBe('hi');
    expect(s.run('ssh -- node02 echo -e a').stdout).toBe('a\n');
    expect(s.host()).toBe('controlplane');
  });

  it('exit on the first host ends the current script', () => {
    const s = createSimulator();
    const r = s.run('echo a\nexit 3\necho b');
    expect(r).toEqual({ stdout: 'a\n', stderr: 'exit\n', exitCode: 3 });
    expect(s.run('echo still here').stdout).toBe('still here\n');
  });

  it('alias, type, which, sudo and history', () => {
    const s = createSimulator();
    s.run('alias k=kubectl');
    expect(s.run('type k').stdout).toBe("k is aliased to `kubectl'\n");
    expect(s.run('which kubectl cat').stdout).toBe('/usr/bin/kubectl\n/usr/bin/cat\n');
    expect(s.run('which nope').exitCode).toBe(1);
    expect(s.run('type cd').stdout).toBe('cd is a shell builtin\n');
    expect(s.run('sudo whoami').stdout).toBe('root\n');
    expect(s.run('history').stdout).toBe('    1  alias k=kubectl\n    2  type k\n    3  which kubectl cat\n    4  which nope\n    5  type cd\n    6  sudo whoami\n    7  history\n');
  });

  it('runs scripts with bash FILE, ./FILE when executable, and bash -c', () => {
    const s = createSimulator();
    s.run("printf 'echo from script\\n' > /root/s.sh");
    expect(s.run('bash s.sh').stdout).toBe('from script\n');
    expect(s.run('./s.sh').stderr).toBe('bash: ./s.sh: Permission denied\n');
    s.run('chmod +x s.sh');
    expect(s.run('./s.sh').stdout).toBe('from script\n');
    expect(s.run("bash -c 'echo $((1+1))'").stdout).toBe('2\n');
  });

  it('says in one line that a program binary (a CNI plugin) does not run here, rather than reading it as a script', () => {
    const s = createSimulator();
    const r = s.run('CNI_COMMAND=VERSION /opt/cni/bin/bridge < /etc/cni/net.d/10-flannel.conflist');
    expect(r).toMatchObject({ stdout: '', stderr: 'kubesim: /opt/cni/bin/bridge: running this program is not simulated in this sandbox\n', exitCode: 127 });
    s.run('cd /opt/cni/bin');
    expect(s.run('./loopback').stderr).toBe('kubesim: ./loopback: running this program is not simulated in this sandbox\n');
  });
});

describe('limits', () => {
  it('refuses over-long lines and self-calling scripts without hanging', () => {
    expect(run('echo ' + 'x'.repeat(70_000)).stderr).toMatch(/^kubesim: input line too long/);
    const s = createSimulator();
    s.run("echo 'bash /root/loop.sh; bash /root/loop.sh' > /root/loop.sh");
    const r = s.run('bash /root/loop.sh');
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/maximum nesting level exceeded|too many commands/);
  });
});

// bash's process substitution: `<(cmd)` is a /dev/fd path (63, then 62…) that reads cmd's output,
// open for the command around it and closed when the line ends.
describe('process substitution', () => {
  it('reads a command\'s output as a file, and feeds a loop without a subshell', () => {
    const sim = createSimulator();
    expect(sim.run('echo <(true) <(true)').stdout).toBe('/dev/fd/63 /dev/fd/62\n');
    expect(sim.run('cat <(echo a) <(echo b)').stdout).toBe('a\nb\n');
    // `done < <(…)` keeps the loop in this shell: the count survives it, unlike `… | while read`.
    expect(sim.run('n=0; while read x; do n=$((n+1)); done < <(kubectl get nodes --no-headers); echo $n').stdout).toBe('3\n');
    expect(sim.run('ls /dev/fd').stderr).toBe("ls: cannot access '/dev/fd': No such file or directory\n");
    // The path is this host's: a remote command cannot open it, as with real ssh.
    expect(sim.run('ssh node01 cat <(hostname)').stderr).toBe('cat: /dev/fd/63: No such file or directory\n');
  });

  it('lets the usual completion setup succeed quietly, with completion.go\'s usage errors', () => {
    const sim = createSimulator();
    expect(sim.run('source <(kubectl completion bash)')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(sim.run('kubectl completion')).toMatchObject({ stderr: "error: Shell not specified.\nSee 'kubectl completion -h' for help and examples\n", exitCode: 1 });
    expect(sim.run('kubectl completion tcsh').stderr).toBe('error: Unsupported shell type "tcsh".\nSee \'kubectl completion -h\' for help and examples\n');
  });
});
