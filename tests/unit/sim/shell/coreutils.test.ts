import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';

// Expected outputs and messages are those of GNU coreutils 9.4, grep 3.11, sed 4.9 and mawk 1.3.4
// as Ubuntu 24.04 ships them with LANG=C.UTF-8 (so mkdir/tr/sleep quote with ‘…’ via quote(),
// while cat/ls/rm/cp use quotef/quoteaf: no quotes or 'single' quotes).

const sim = createSimulator();
const run = (s: string) => sim.run(s);
const out = (s: string): string => run(s).stdout;

sim.run("printf 'b\\na\\nc\\na\\n' > /tmp/letters; printf 'x 1\\ny 20\\nz 3\\n' > /tmp/cols");

describe('cat, ls, mkdir, touch, cp, mv, rm', () => {
  it('cat prints files and GNU errors', () => {
    expect(out('cat /etc/hostname')).toBe('controlplane\n');
    expect(run('cat /x')).toEqual({ stdout: '', stderr: 'cat: /x: No such file or directory\n', exitCode: 1 });
    expect(run('cat /etc').stderr).toBe('cat: /etc: Is a directory\n');
    expect(out('cat -n /tmp/letters')).toBe('     1\tb\n     2\ta\n     3\tc\n     4\ta\n');
  });

  it('cat shows what is invisible (-A, -v, -E, -T) and numbers or squeezes lines (-b, -s) as cat.c does', () => {
    // A tab-indented manifest line, CRLF endings, blank lines and a last line without a newline.
    sim.run("printf 'spec:\\n\\tport: 80\\n\\n\\n\\nname: x\\r\\nend' > /tmp/odd.yaml");
    expect(out('cat -A /tmp/odd.yaml')).toBe('spec:$\n^Iport: 80$\n$\n$\n$\nname: x^M$\nend');
    expect(out('cat --show-ends --show-tabs /tmp/odd.yaml')).toBe('spec:$\n^Iport: 80$\n$\n$\n$\nname: x\r$\nend');
    expect(out('cat -bs /tmp/odd.yaml')).toBe('     1\tspec:\n     2\t\tport: 80\n\n     3\tname: x\r\n     4\tend');
    expect(out('cat -ns /tmp/odd.yaml')).toBe('     1\tspec:\n     2\t\tport: 80\n     3\t\n     4\tname: x\r\n     5\tend');
    // -v works on the UTF-8 bytes: M- for each byte from 128.
    expect(out("printf 'é\\177\\n' | cat -v")).toBe('M-CM-)^?\n');
    expect(run('cat -x /tmp/odd.yaml')).toEqual({ stdout: '', stderr: "cat: invalid option -- 'x'\nTry 'cat --help' for more information.\n", exitCode: 1 });
  });

  it('quotes file names in errors as GNU does: quotef only when the shell would need it, quoteaf always', () => {
    expect(run('cat "a b"').stderr).toBe("cat: 'a b': No such file or directory\n");
    expect(run('grep x "a b"').stderr).toBe("grep: 'a b': No such file or directory\n");
    expect(run('head "it\'s"').stderr).toBe('head: cannot open "it\'s" for reading: No such file or directory\n');
    expect(run('rm "a b" x').stderr).toBe("rm: cannot remove 'a b': No such file or directory\nrm: cannot remove 'x': No such file or directory\n");
    expect(run('cat /nope').stderr).toBe('cat: /nope: No such file or directory\n');
  });

  it('opens a quoted ~ as a file called ~: only the shell expands it', () => {
    expect(run('ls "~"').stderr).toBe("ls: cannot access '~': No such file or directory\n");
    expect(run('cat "~/x"').stderr).toBe("cat: '~/x': No such file or directory\n");
    expect(out('ls -d ~')).toBe('/root\n');
  });

  it("fits ls's and ps's terminal output to the terminal's width, which bash's COLUMNS shows", () => {
    const narrow = createSimulator();
    expect(narrow.run('echo ${COLUMNS:-unset}').stdout).toBe('unset\n');
    narrow.resize(30);
    expect(narrow.run('ls /etc/kubernetes/manifests').stdout).toBe('etcd.yaml\nkube-apiserver.yaml\nkube-controller-manager.yaml\nkube-scheduler.yaml\n');
    expect(narrow.run('echo $COLUMNS').stdout).toBe('30\n');
    // ps cuts COMMAND at the screen's edge (never the columns before it).
    const longest = () => Math.max(...narrow.run('ps aux').stdout.split('\n').map((l) => l.length));
    narrow.resize(80);
    expect(longest()).toBe(80);
    narrow.resize(200);
    expect(longest()).toBe(200);
    narrow.resize(120);
    expect(narrow.run('ls /etc/kubernetes/manifests').stdout).toBe('etcd.yaml  kube-apiserver.yaml  kube-controller-manager.yaml  kube-scheduler.yaml\n');
    // Into a pipe there is no terminal: one name a line, whatever the width.
    expect(narrow.run('ls /etc/kubernetes/manifests | head -1').stdout).toBe('etcd.yaml\n');
    narrow.resize(0);
    expect(narrow.run('echo $COLUMNS').stdout).toBe('120\n');
  });

  it('ls lists one per line when piped, columns on the terminal, long format with -l', () => {
    expect(out('ls /etc/kubernetes | cat')).toBe('admin.conf\ncontroller-manager.conf\nkubelet.conf\nmanifests\npki\nscheduler.conf\nsuper-admin.conf\n');
    expect(out('ls /etc/kubernetes/manifests')).toBe('etcd.yaml            kube-controller-manager.yaml\nkube-apiserver.yaml  kube-scheduler.yaml\n');
    expect(out('ls -l /etc/kubernetes/manifests/etcd.yaml')).toMatch(/^-rw-r--r-- 1 root root \d+ Nov 25 09:00 \/etc\/kubernetes\/manifests\/etcd.yaml\n$/);
    expect(out('ls -la /root | head -3')).toMatch(/^total \d+\ndrwxr-xr-x \d root root 4096 Nov 25 09:00 \.\n/);
    expect(run('ls /nope')).toEqual({ stdout: '', stderr: "ls: cannot access '/nope': No such file or directory\n", exitCode: 2 });
    expect(out('ls -1 /opt/cni/bin | head -2')).toBe('bandwidth\nbridge\n');
  });

  it('mkdir, touch, cp, mv, rm with their messages', () => {
    expect(run('mkdir /tmp/d && mkdir /tmp/d').stderr).toBe('mkdir: cannot create directory ‘/tmp/d’: File exists\n');
    expect(run('mkdir /tmp/a/b').stderr).toBe('mkdir: cannot create directory ‘/tmp/a/b’: No such file or directory\n');
    expect(run('mkdir -p /tmp/a/b && touch /tmp/a/b/f && ls /tmp/a/b').stdout).toBe('f\n');
    expect(run('touch /nodir/f').stderr).toBe("touch: cannot touch '/nodir/f': No such file or directory\n");
    expect(run('cp /etc/hostname /tmp/d/ && cat /tmp/d/hostname').stdout).toBe('controlplane\n');
    expect(run('cp /tmp/a /tmp/e').stderr).toBe("cp: -r not specified; omitting directory '/tmp/a'\n");
    expect(run('cp -r /tmp/a /tmp/e && ls /tmp/e/b').stdout).toBe('f\n');
    expect(run('cp /nope /tmp').stderr).toBe("cp: cannot stat '/nope': No such file or directory\n");
    expect(run('mv /tmp/e /tmp/g && ls /tmp/e').stderr).toBe("ls: cannot access '/tmp/e': No such file or directory\n");
    expect(run('rm /tmp/g').stderr).toBe("rm: cannot remove '/tmp/g': Is a directory\n");
    expect(run('rm /tmp/nope').stderr).toBe("rm: cannot remove '/tmp/nope': No such file or directory\n");
    expect(run('rm -f /tmp/nope').exitCode).toBe(0);
    expect(run('rm -rf /tmp/g && ls /tmp/g').exitCode).toBe(2);
    expect(run('rm').stderr).toBe("rm: missing operand\nTry 'rm --help' for more information.\n");
  });
});

describe('echo, printf', () => {
  it('echo handles -n and -e like the bash builtin', () => {
    expect(out('echo -n a; echo b')).toBe('ab\n');
    expect(out('echo -e "a\\tb\\nc"')).toBe('a\tb\nc\n');
    expect(out('echo "a\\tb"')).toBe('a\\tb\n');
  });
  it('printf reuses the format for extra arguments', () => {
    expect(out('printf "%s=%d\\n" a 1 b 2')).toBe('a=1\nb=2\n');
    expect(out('printf "%-5s|\\n" ab')).toBe('ab   |\n');
  });
  it("reads backslash escapes where bash does: printf's format, its %b argument, echo -e (printf.def tescape)", () => {
    // The format knows \NNN (three digits with the first, \0 included), \" \? and prints \c as it is.
    expect(out("printf 'a\\101\\0102|\\\"\\?\\c.\\n'")).toBe('aA\b2|"?\\c.\n');
    // %b knows \0NNN and \NNN, and its \c stops all output, the rest of the format included.
    expect(out("printf '%b|%b|' 'x\\101y' 'p\\0101q'")).toBe('xAy|pAq|');
    expect(out("printf '%b and more\\n' 'stop\\chere'")).toBe('stop');
    // echo -e knows octal only as \0NNN; \u and \x everywhere.
    expect(out("echo -e 'e\\101\\0101\\u00e9\\x41'")).toBe('e\\101AéA\n');
    expect(out("printf '\\u3042\\U0001F600\\n'")).toBe('あ😀\n');
  });
});

describe('grep', () => {
  it('matches basic and extended regexes with -i -v -n -c -w -E -o', () => {
    expect(out('grep a /tmp/letters')).toBe('a\na\n');
    expect(out('grep -n a /tmp/letters')).toBe('2:a\n4:a\n');
    expect(out('grep -c a /tmp/letters')).toBe('2\n');
    expect(out('grep -v a /tmp/letters')).toBe('b\nc\n');
    expect(out('echo ETCD | grep -i etcd')).toBe('ETCD\n');
    expect(out('grep -E "^(b|c)$" /tmp/letters')).toBe('b\nc\n');
    expect(out('grep "^\\(b\\|c\\)$" /tmp/letters')).toBe('b\nc\n');
    expect(out('echo "a+b ab" | grep -o "a+b"')).toBe('a+b\n');
    expect(out('echo "cat concat" | grep -ow cat')).toBe('cat\n');
    expect(out('grep -E "[[:digit:]]{2}" /tmp/cols')).toBe('y 20\n');
  });
  it('prints context with -A/-B and separators', () => {
    expect(out('seq 1 10 | grep -A1 -e 3 -e 8')).toBe('3\n4\n--\n8\n9\n');
    expect(out('seq 1 5 | grep -B2 4')).toBe('2\n3\n4\n');
  });
  it('exits 1 without match, 2 with errors, names files when several', () => {
    expect(run('grep zzz /tmp/letters').exitCode).toBe(1);
    expect(run('grep a /nope')).toEqual({ stdout: '', stderr: 'grep: /nope: No such file or directory\n', exitCode: 2 });
    expect(run('grep "[a" /tmp/letters')).toEqual({ stdout: '', stderr: 'grep: Unmatched [, [^, [:, [., or [=\n', exitCode: 2 });
    expect(run('grep "\\(a" /tmp/letters').stderr).toBe('grep: Unmatched ( or \\(\n');
    expect(out('grep -H c /tmp/letters /tmp/cols')).toBe('/tmp/letters:c\n');
    expect(out('grep data-dir /etc/kubernetes/manifests/*')).toBe('/etc/kubernetes/manifests/etcd.yaml:    - --data-dir=/var/lib/etcd\n');
  });
});

describe('sed', () => {
  it('substitutes on stdin and in place, with g, other delimiters, & and groups', () => {
    expect(out("echo aaa | sed 's/a/b/'")).toBe('baa\n');
    expect(out("echo aaa | sed 's/a/b/g'")).toBe('bbb\n');
    expect(out("echo /usr/bin | sed 's|/usr|/opt|'")).toBe('/opt/bin\n');
    expect(out("echo v1.33 | sed 's#v1.33#v1.34#'")).toBe('v1.34\n');
    expect(out("echo abc | sed 's/\\(a\\)\\(b\\)/\\2\\1[&]/'")).toBe('ba[ab]c\n');
    expect(out("echo abc | sed -E 's/(a)(b)/\\2\\1/'")).toBe('bac\n');
    run('cp /etc/kubernetes/manifests/etcd.yaml /tmp/etcd.yaml');
    run("sed -i 's#/var/lib/etcd#/var/lib/etcd-backup#g' /tmp/etcd.yaml");
    expect(out('grep -c etcd-backup /tmp/etcd.yaml')).toBe('3\n');
  });
  it('deletes and prints by address', () => {
    expect(out("sed -n '2p' /tmp/letters")).toBe('a\n');
    expect(out("sed '/a/d' /tmp/letters")).toBe('b\nc\n');
    expect(out("sed '1,2d' /tmp/letters")).toBe('c\na\n');
    expect(out("sed '$d' /tmp/letters")).toBe('b\na\nc\n');
  });
  it('reports GNU sed errors', () => {
    expect(run("sed 's/a/b' /tmp/letters")).toEqual({ stdout: '', stderr: "sed: -e expression #1, char 5: unterminated `s' command\n", exitCode: 1 });
    expect(run("sed 's/a/b/z' /tmp/letters").stderr).toBe("sed: -e expression #1, char 7: unknown option to `s'\n");
    expect(run("sed 'k' /tmp/letters").stderr).toBe("sed: -e expression #1, char 1: unknown command: `k'\n");
    expect(run("sed 's/a/b/' /nope").stderr).toBe("sed: can't read /nope: No such file or directory\n");
  });
});

describe('head, tail, wc, sort, uniq, cut, tr', () => {
  it('head and tail', () => {
    expect(out('seq 1 20 | head -n 3')).toBe('1\n2\n3\n');
    expect(out('seq 1 20 | head -2')).toBe('1\n2\n');
    expect(out('seq 1 20 | tail -n 2')).toBe('19\n20\n');
    expect(out('seq 1 5 | tail -n +4')).toBe('4\n5\n');
    expect(run('head /nope').stderr).toBe("head: cannot open '/nope' for reading: No such file or directory\n");
  });
  it('wc uses width 1 for a single count, 7 for stdin with several', () => {
    expect(out('wc -l < /tmp/letters')).toBe('4\n');
    expect(out('wc -l /tmp/letters')).toBe('4 /tmp/letters\n');
    expect(out('cat /tmp/letters | wc')).toBe('      4       4       8\n');
    expect(out('wc /tmp/letters')).toBe('4 4 8 /tmp/letters\n');
  });
  it('sort and uniq', () => {
    expect(out('sort /tmp/letters')).toBe('a\na\nb\nc\n');
    expect(out('sort -r /tmp/letters')).toBe('c\nb\na\na\n');
    expect(out('sort -u /tmp/letters')).toBe('a\nb\nc\n');
    expect(out('sort -k2 -n /tmp/cols')).toBe('x 1\nz 3\ny 20\n');
    expect(out('sort /tmp/letters | uniq -c')).toBe('      2 a\n      1 b\n      1 c\n');
  });
  it('cut and tr', () => {
    expect(out('echo a:b:c | cut -d: -f2')).toBe('b\n');
    expect(out('echo a:b:c | cut -d: -f1,3')).toBe('a:c\n');
    expect(out('echo abcdef | cut -c2-4')).toBe('bcd\n');
    expect(run('cut -f1 -d ab').stderr).toBe("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n");
    expect(out('echo hello | tr a-z A-Z')).toBe('HELLO\n');
    expect(out('echo "a-b-c" | tr -d -- -')).toBe('abc\n');
    expect(out("echo 'a  b' | tr -s ' '")).toBe('a b\n');
  });
});

describe('base64, awk', () => {
  it('base64 encodes with a newline and decodes', () => {
    expect(out('echo -n admin | base64')).toBe('YWRtaW4=\n');
    expect(out('echo YWRtaW4= | base64 -d')).toBe('admin');
    expect(run('echo "%%%" | base64 -d')).toEqual({ stdout: '', stderr: 'base64: invalid input\n', exitCode: 1 });
  });
  it('awk prints fields, filters and sums', () => {
    expect(out("awk '{print $2}' /tmp/cols")).toBe('1\n20\n3\n');
    expect(out("awk '{print $NF, $1}' /tmp/cols")).toBe('1 x\n20 y\n3 z\n');
    expect(out("awk 'NR==2' /tmp/cols")).toBe('y 20\n');
    expect(out("awk '$2 > 2 {print $1}' /tmp/cols")).toBe('y\nz\n');
    expect(out("awk '{s+=$2} END {print s}' /tmp/cols")).toBe('24\n');
    expect(out("echo a:b | awk -F: '{print $2\"!\"}'")).toBe('b!\n');
    expect(run("awk '{print $1' /tmp/cols")).toEqual({ stdout: '', stderr: 'awk: line 1: syntax error at or near end of file\n', exitCode: 2 });
  });
});

describe('system commands', () => {
  it('sleep advances the virtual clock; date formats it', () => {
    const s = createSimulator();
    expect(s.run('date').stdout).toBe('Wed Nov 25 09:00:00 UTC 2026\n');
    s.run('sleep 90');
    expect(s.run('date +%H:%M:%S').stdout).toBe('09:01:30\n');
    s.run('sleep 1h');
    expect(s.run('date -u +%FT%TZ').stdout).toBe('2026-11-25T10:01:30Z\n');
    expect(s.run('sleep x').stderr).toBe("sleep: invalid time interval ‘x’\nTry 'sleep --help' for more information.\n");
  });
  it('hostname, whoami, uname, true/false, clear, os-release', () => {
    expect(out('hostname; hostname -i; whoami')).toBe('controlplane\n192.168.121.10\nroot\n');
    expect(out('uname -r')).toBe('6.8.0-87-generic\n');
    expect(out('uname -a')).toBe('Linux controlplane 6.8.0-87-generic #88-Ubuntu SMP PREEMPT_DYNAMIC Sat Oct 11 09:28:41 UTC 2025 x86_64 x86_64 x86_64 GNU/Linux\n');
    expect(run('false').exitCode).toBe(1);
    expect(out('clear')).toBe('\x1b[H\x1b[2J\x1b[3J');
    // /etc/os-release of Ubuntu 24.04.3 (base-files 13ubuntu10.3).
    expect(out('grep PRETTY /etc/os-release')).toBe('PRETTY_NAME="Ubuntu 24.04.3 LTS"\n');
  });
});
