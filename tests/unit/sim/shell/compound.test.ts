import { describe, expect, it } from 'vitest';
import { createSimulator, isIncomplete, splitScript } from '../../../../src/sim/index.ts';

// Expected outputs follow bash 5.2: expr.c's arithmetic messages, parse.y's "syntax error near unexpected token", builtins/break.def,
// return.def, declare.def (local), read.def, and test.c's messages (checked against a table of bash
// 5.2's own answers, one row per argument list).

const sim = createSimulator();
const run = (s: string) => sim.run(s);
const out = (s: string) => run(s).stdout;

describe('if, while, until, for, case and { }', () => {
  it('runs if/elif/else on the status of the condition list', () => {
    expect(out('if true; then echo y; fi')).toBe('y\n');
    expect(out('if false; then echo a; elif false; then echo b; else echo c; fi')).toBe('c\n');
    expect(out('if false; then echo a; elif true; then echo b; fi')).toBe('b\n');
    // No branch taken: status 0, as bash.
    expect(run('if false; then echo a; fi').exitCode).toBe(0);
    expect(out('if ! kubectl get ns nope >/dev/null 2>&1; then echo missing; fi')).toBe('missing\n');
  });

  it('loops with for over expanded words, while and until', () => {
    expect(out('for n in $(kubectl get nodes -o name); do echo "node: $n"; done')).toBe('node: node/controlplane\nnode: node/node01\nnode: node/node02\n');
    expect(out('x=0; while [ $x -lt 3 ]; do x=$((x+1)); echo -n $x; done; echo')).toBe('123\n');
    expect(out('x=3; until [ $x -eq 0 ]; do x=$((x-1)); done; echo $x')).toBe('0\n');
    // The loop variable stays set after the loop.
    expect(out('for f in /etc/*release; do :; done; echo $f')).toBe('/etc/os-release\n');
    expect(run('for i in; do echo x; done').stdout).toBe('');
  });

  it('interleaves each iteration\'s stdout and stderr in order', () => {
    const r = run('for i in 1 2; do ls /nope$i; echo $i; done');
    expect(r.chunks?.map((c) => c.text).join('')).toBe(
      "ls: cannot access '/nope1': No such file or directory\n1\nls: cannot access '/nope2': No such file or directory\n2\n");
  });

  it('breaks and continues, with a count for nested loops', () => {
    expect(out('for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo $i; done')).toBe('1\n3\n');
    expect(out('for i in 1 2 3; do for j in a b; do [ $j = b ] && break 2; echo $i$j; done; done')).toBe('1a\n');
    expect(run('break').stderr).toBe("bash: break: only meaningful in a `for', `while', or `until' loop\n");
    expect(run('for i in 1; do break 0; done').stderr).toBe('bash: break: 0: loop count out of range\n');
  });

  it('matches case patterns with globs and alternatives', () => {
    expect(out('case abc in a*) echo A;; *) echo other;; esac')).toBe('A\n');
    expect(out('for w in pod svc deploy; do case $w in po|pod) echo P;; svc) echo S;; *) echo "? $w";; esac; done')).toBe('P\nS\n? deploy\n');
    expect(out('case x1 in x[0-9]) echo digit;; esac')).toBe('digit\n');
    expect(run('case z in a) echo a;; esac').exitCode).toBe(0);
  });

  it('falls through with ;& and goes on testing with ;;&, as bash 4 and later', () => {
    expect(out('case b in a) echo A;& b) echo B;& c) echo C;; d) echo D;; esac')).toBe('B\nC\n');
    expect(out('case ab in a*) echo A;;& *b) echo B;;& x) echo X;; *) echo any;; esac')).toBe('A\nB\nany\n');
    expect(out('case a in a) ;& b) echo fell;; esac')).toBe('fell\n');
    expect(isIncomplete('case a in\n a) echo 1;&')).toBe(true);
    expect(run('echo a ;& echo b').stderr).toBe("bash: syntax error near unexpected token `;&'\n");
  });

  it('redirects and pipes a whole compound command', () => {
    expect(out('{ echo a; echo b; } | wc -l')).toBe('2\n');
    expect(out('for i in 1 2; do echo $i; done > /tmp/loop.txt; cat /tmp/loop.txt')).toBe('1\n2\n');
    expect(out('kubectl get nodes -o name | while read n; do echo "<$n>"; done')).toBe('<node/controlplane>\n<node/node01>\n<node/node02>\n');
    expect(out('printf "a b\\nc d\\n" > /tmp/pairs; while read x y; do echo "$y-$x"; done < /tmp/pairs')).toBe('b-a\nd-c\n');
  });

  it('lets a program in the body that reads its input take all of it, as ssh does (-n keeps it off)', () => {
    const s = createSimulator();
    s.run('printf "node01\\nnode02\\n" > /tmp/hosts');
    expect(s.run('while read h; do ssh $h hostname; done < /tmp/hosts').stdout).toBe('node01\n');
    expect(s.run('while read h; do ssh -n $h hostname; done < /tmp/hosts').stdout).toBe('node01\nnode02\n');
    expect(s.run('while read h; do echo "<$h>"; cat; done < /tmp/hosts').stdout).toBe('<node01>\nnode02\n');
    // A program that does not read its input leaves the rest to the next read.
    expect(s.run('while read h; do echo "<$h>"; kubectl get ns default -o name; done < /tmp/hosts').stdout)
      .toBe('<node01>\nnamespace/default\n<node02>\nnamespace/default\n');
    expect(s.run('echo hi | ssh node01 cat').stdout).toBe('hi\n');
  });

  it('runs each stage of a pipe in a subshell, so variables set there are gone after it (bash without lastpipe)', () => {
    const s = createSimulator();
    expect(s.run('echo a | read x; echo "[$x]"').stdout).toBe('[]\n');
    expect(s.run('n=0; kubectl get nodes -o name | while read l; do n=$((n+1)); done; echo $n').stdout).toBe('0\n');
    // The loop sees the counter it changes; only the shell after the pipe does not.
    expect(s.run('n=0; kubectl get nodes -o name | while read l; do n=$((n+1)); echo $n; done').stdout).toBe('1\n2\n3\n');
    // A redirect instead of a pipe runs the loop in the shell itself.
    expect(s.run('n=0; kubectl get nodes -o name > /tmp/n.txt; while read l; do n=$((n+1)); done < /tmp/n.txt; echo $n').stdout).toBe('3\n');
    expect(s.run('cd /tmp | true; pwd; exit 3 | true; echo "still here $?"').stdout).toBe('/root\nstill here 0\n');
    // What a stage does to the cluster and the files stays, as on a node.
    expect(s.run('echo hi | tee /tmp/hi.txt > /dev/null; kubectl create ns piped | cat; cat /tmp/hi.txt; kubectl get ns piped -o name').stdout)
      .toBe('namespace/piped created\nhi\nnamespace/piped\n');
  });

  it('reports reserved words out of place as bash\'s syntax errors', () => {
    expect(run('fi').stderr).toBe("bash: syntax error near unexpected token `fi'\n");
    expect(run('if true; then fi').stderr).toBe("bash: syntax error near unexpected token `fi'\n");
    expect(run('for i in 1; echo; done').stderr).toBe("bash: syntax error near unexpected token `echo'\n");
    expect(run('{ echo a }').stderr).toBe('bash: syntax error: unexpected end of file\n');
    expect(run('for 1x in a; do echo; done').stderr).toBe("bash: `1x': not a valid identifier\n");
    // A word that is reserved only where a command starts.
    expect(out('echo if then done }')).toBe('if then done }\n');
  });

  it('ends an endless loop at the command budget with the sandbox\'s line, after what it printed', () => {
    const r = run('while true; do echo hi; done');
    expect(r.stdout.startsWith('hi\nhi\n')).toBe(true);
    expect(r.stderr).toBe('kubesim: too many commands in one run (max 1000)\n');
    // Output bound for a pipe never reaches the terminal.
    expect(run('while :; do echo hi; done | head -2').stdout).toBe('');
    expect(run('echo after').stdout).toBe('after\n');
  });
});

describe('functions', () => {
  it('defines functions with arguments, return and local variables', () => {
    expect(out('f() { echo "fn $1 $# [$@]"; return 3; }; f a b; echo $?')).toBe('fn a 2 [a b]\n3\n');
    expect(out('function g { local v=inner; echo $v; }; v=outer; g; echo $v')).toBe('inner\nouter\n');
    expect(out('h() { for a; do echo "<$a>"; done; }; h x y')).toBe('<x>\n<y>\n');
    // A local survives a command substitution in the function, and is restored after it.
    expect(out('n=6; q() { local n=$1; echo "$(echo sub) $n"; }; q 10; echo "after $n"')).toBe('sub 10\nafter 6\n');
    expect(out('r() { local n=$1; ((n <= 1)) && { echo 1; return; }; echo $((n * $(r $((n - 1))))); }; r 10')).toBe('3628800\n');
    // Positional parameters are back to none after the call.
    expect(out('f2() { :; }; f2 a; echo "[$1][$#]"')).toBe('[][0]\n');
    expect(run('return').stderr).toBe("bash: return: can only `return' from a function or sourced script\n");
    expect(run('local x=1').stderr).toBe('bash: local: can only be used in a function\n');
  });

  it('shifts arguments and forgets a function with unset', () => {
    expect(out('g() { while [ $# -gt 0 ]; do echo "arg $1"; shift; done; }; g a b c')).toBe('arg a\narg b\narg c\n');
    expect(run('shift').exitCode).toBe(1);
    expect(run('h() { echo H; }; unset -f h; h').stderr).toBe('bash: h: command not found\n');
    expect(run('k() { echo K; }; unset k; k').stderr).toBe('bash: k: command not found\n');
  });

  it('runs a function before a builtin of the same name, as bash does', () => {
    expect(out('cd() { echo "no cd"; }; cd /tmp; pwd; unset -f cd 2>/dev/null; true')).toBe('no cd\n/root\n');
  });
});

describe('test and [', () => {
  const status = (s: string) => run(s).exitCode;

  it('answers as bash 5.2 by argument count', () => {
    expect(status('[ ]')).toBe(1);
    expect(status('[ x ]')).toBe(0);
    expect(status('[ -n "" ]')).toBe(1);
    expect(status('[ ! -z x ]')).toBe(0);
    expect(status('[ a = a ]')).toBe(0);
    expect(status('[ a != a ]')).toBe(1);
    expect(status('[ 01 -eq 1 ]')).toBe(0);
    expect(status('[ -1 -lt 0 ]')).toBe(0);
    expect(status('[ ! a = b ]')).toBe(0);
    expect(status('[ \\( -n x \\) ]')).toBe(0);
    expect(status('[ a = a -a b = c ]')).toBe(1);
    expect(status('[ a = b -o c = c ]')).toBe(0);
    expect(status('[ -o -o -o -o ]')).toBe(0);
  });

  it('prints bash\'s messages for malformed expressions, status 2', () => {
    const err = (s: string) => [run(s).stderr, run(s).exitCode];
    expect(err('[ 1 -eq a ]')).toEqual(['bash: [: a: integer expression expected\n', 2]);
    expect(err('[ a b ]')).toEqual(['bash: [: a: unary operator expected\n', 2]);
    expect(err('[ a b c ]')).toEqual(['bash: [: b: binary operator expected\n', 2]);
    expect(err('[ -n x y z ]')).toEqual(['bash: [: too many arguments\n', 2]);
    expect(err('[ -z -z -z -z ]')).toEqual(["bash: [: syntax error: `-z' unexpected\n", 2]);
    expect(err('[ ! ! ! ! ! ]')).toEqual(['bash: [: argument expected\n', 2]);
    expect(err('[ 1 = 1')).toEqual(["bash: [: missing `]'\n", 2]);
    expect(err('test 0x10 -eq 16')).toEqual(['bash: test: 0x10: integer expression expected\n', 2]);
    expect(err('[ 9223372036854775808 -gt 1 ]')).toEqual(['bash: [: 9223372036854775808: integer expression expected\n', 2]);
  });

  it('looks at the sandbox\'s files and variables', () => {
    expect(status('[ -f /etc/kubernetes/manifests/etcd.yaml ]')).toBe(0);
    expect(status('[ -d /etc/kubernetes/manifests ]')).toBe(0);
    expect(status('[ -f /etc/kubernetes/manifests ]')).toBe(1);
    expect(status('[ -e /nope ]')).toBe(1);
    expect(status('touch /tmp/empty; [ -s /tmp/empty ]')).toBe(1);
    expect(status('[ -x /usr/bin/kubectl ]')).toBe(0);
    expect(status('[ -v HOME ]')).toBe(0);
    expect(status('[ -v NOPE_NOT_SET ]')).toBe(1);
  });
});

describe('read', () => {
  it('splits a line by IFS, the last name taking the rest', () => {
    expect(out('read a b <<< "one two three"; echo "$a|$b"')).toBe('one|two three\n');
    expect(out('read -r line <<< "  padded  "; echo "[$line]"')).toBe('[padded]\n');
    expect(out('read <<< "  kept  "; echo "[$REPLY]"')).toBe('[  kept  ]\n');
    expect(out('IFS=: read u x id rest <<< "root:x:0:0:root"; echo "$u $id $rest"')).toBe('root 0 0:root\n');
    expect(out('read a <<< "x\\ y z"; echo "$a"')).toBe('x y z\n');
    expect(out('read -r a <<< "x\\ y"; echo "$a"')).toBe('x\\ y\n');
  });

  it('returns 1 at the end of input, and says what is wrong with its arguments', () => {
    expect(run('read x < /dev/null').exitCode).toBe(1);
    expect(run('printf "no newline" | { read x; echo "$? $x"; }').stdout).toBe('1 no newline\n');
    expect(run('read 1x <<< a').stderr).toBe("bash: read: `1x': not a valid identifier\n");
    expect(run('read -q x').stderr.split('\n')[0]).toBe('bash: read: -q: invalid option');
  });
});

describe('a compound command over several lines', () => {
  it('is one complete command for the terminal and for scripts', () => {
    expect(isIncomplete('for i in 1 2; do')).toBe(true);
    expect(isIncomplete('for i in 1 2; do\necho $i')).toBe(true);
    expect(isIncomplete('for i in 1 2; do\necho $i\ndone')).toBe(false);
    expect(isIncomplete('case $x in\na) echo done;;')).toBe(true);
    expect(isIncomplete('echo done')).toBe(false);
    expect(isIncomplete('if true; then echo "fi"')).toBe(true);
    expect(splitScript('if true\nthen\n  echo a\nfi\necho b')).toEqual(['if true\nthen\n  echo a\nfi', 'echo b']);
    expect(out('if true\nthen\n  echo a\nfi\necho b')).toBe('a\nb\n');
  });
});

describe('arithmetic: $((…)), ((…)), let and for ((…))', () => {
  it('has C\'s operators and precedence, assignments, ++ and --, in 64 bits', () => {
    expect(out('i=2; echo $((i++)) $i $((++i)) $((i--)) $i')).toBe('2 3 4 4 3\n');
    expect(out('echo $((2**10)) $((7 % 3)) $((-7 / 2)) $((1 << 4)) $((6 & 3)) $((6 | 3)) $((6 ^ 3)) $((~0)) $((!5))')).toBe('1024 1 -3 16 2 7 5 -1 0\n');
    expect(out('echo $((1 + 2 * 3)) $(((1 + 2) * 3)) $((2 ** 3 ** 2)) $((10 - 2 - 3))')).toBe('7 9 512 5\n');
    expect(out('echo $((3 > 2)) $((3 <= 2)) $((1 == 1 && 0 || 1)) $((5 > 3 ? 10 : 20)) $((x = 4, x * 2))')).toBe('1 0 1 10 8\n');
    expect(out('n=5; echo $((n += 3)) $((n *= 2)) $((n >>= 1)) $n')).toBe('8 16 8 8\n');
    expect(out('echo $((0x1f)) $((017)) $((2#101)) $((36#z)) $((64#_))')).toBe('31 15 5 35 63\n');
    expect(out('echo $((9223372036854775807 + 1))')).toBe('-9223372036854775808\n');
    // A variable's value is an expression itself; an unset or empty one is 0.
    expect(out('x="1+2"; echo $((x * 2)) $((nope + 1))')).toBe('6 1\n');
    // Expanded first, as inside double quotes.
    expect(out('x=5; echo $(($x + 1)) $((${#x} * 10)); ((x = $x * 2)); echo $x')).toBe('6 10\n10\n');
    expect(run('(( ${nope:?unset} ))')).toMatchObject({ stderr: 'bash: nope: unset\n', exitCode: 1 });
    // The branch not taken assigns nothing and divides by nothing.
    expect(out('z=0; echo $((0 && (z = 1))) $((1 || 1 / 0)) $z')).toBe('0 1 0\n');
  });

  it('prints bash 5.2\'s messages with the token where the expression went wrong', () => {
    expect(run('echo $((1/0))').stderr).toBe('bash: 1/0: division by 0 (error token is "0")\n');
    expect(run('echo $((1 +))').stderr).toBe('bash: 1 +: syntax error: operand expected (error token is "+")\n');
    expect(run('echo $((2 3))').stderr).toBe('bash: 2 3: syntax error in expression (error token is "3")\n');
    expect(run('echo $((08))').stderr).toBe('bash: 08: value too great for base (error token is "08")\n');
    expect(run('echo $((1 = 2))').stderr).toBe('bash: 1 = 2: attempted assignment to non-variable (error token is "= 2")\n');
    expect(run('echo $((2 ** -1))').stderr).toBe('bash: 2 ** -1: exponent less than 0 (error token is "1")\n');
    expect(run('((1/0))').stderr).toBe('bash: ((: 1/0: division by 0 (error token is "0")\n');
    expect(run('let').stderr).toBe('bash: let: expression expected\n');
  });

  it('runs (( )) and let as commands whose status is the value being zero or not', () => {
    expect(out('((n = 5)); echo $n')).toBe('5\n');
    expect(run('((0))').exitCode).toBe(1);
    expect(out('((3 > 2)) && echo yes')).toBe('yes\n');
    expect(out('let a=3*4 b=a+1; echo $a $b')).toBe('12 13\n');
    expect(run('let 0').exitCode).toBe(1);
    expect(out('c=0; while ((c < 3)); do ((c++)); done; echo $c')).toBe('3\n');
  });

  it('loops with for ((init; cond; step)); an empty condition is true', () => {
    expect(out('for ((i = 0; i < 3; i++)); do echo -n "$i "; done; echo')).toBe('0 1 2 \n');
    expect(out('for ((;;)); do echo once; break; done')).toBe('once\n');
    expect(out('for ((i = 0; i < 2; i++))\ndo echo $i\ndone')).toBe('0\n1\n');
    expect(run('for ((i = 0; 1 / 0; i++)); do echo x; done')).toMatchObject({ stdout: '', exitCode: 1 });
  });
});

describe('[[ … ]]', () => {
  const status = (s: string) => run(s).exitCode;

  it('matches globs without splitting or globbing its words; quoted parts match themselves', () => {
    expect(status('x=pod.yaml; [[ $x == *.yaml ]]')).toBe(0);
    expect(status('[[ $x == "*.yaml" ]]')).toBe(1);
    expect(status('s="two words"; [[ $s == two* ]]')).toBe(0);
    expect(status('[[ $s != two* ]]')).toBe(1);
    expect(status('[[ ab == "a"* ]]')).toBe(0);
    expect(status('[[ x1 == x[[:digit:]] ]]')).toBe(0);
  });

  it('has &&, ||, ! and parentheses of its own, file tests, strings and arithmetic operands', () => {
    expect(status('[[ -f /etc/hostname && -d /etc ]]')).toBe(0);
    expect(status('[[ ! -e /nope || -z x ]]')).toBe(0);
    expect(status('[[ ( a == a ) && ( b != c ) ]]')).toBe(0);
    expect(status('[[ a < b ]]')).toBe(0);
    expect(status('[[ b > a ]]')).toBe(0);
    expect(status('[[ 1+1 -eq 2 ]]')).toBe(0);
    expect(status('[[ 10 -gt 9 ]]')).toBe(0);
    expect(status('[[ -f ]]')).toBe(0);
  });

  it('matches =~ as an extended regular expression and keeps the match in BASH_REMATCH', () => {
    expect(out('v=v1.34.2; [[ $v =~ ^v1\\.([0-9]+)\\. ]] && echo "$BASH_REMATCH"')).toBe('v1.34.\n');
    expect(status('[[ $v =~ ^(v1|v2)\\.[[:digit:]]+$ ]]')).toBe(1);
    expect(status('[[ $v =~ ^(v1|v2)\\.[[:digit:]]+ ]]')).toBe(0);
    expect(status('[[ a.c =~ "a.c" ]] && [[ abc =~ "a.c" ]]')).toBe(1);
  });

  it('reports malformed expressions as bash does', () => {
    expect(run('[[ a b ]]').stderr).toBe("bash: conditional binary operator expected\nbash: syntax error near `b'\n");
    expect(run('[[ ]]').stderr).toBe("bash: syntax error near unexpected token `]]'\n");
    expect(run('[[ a == ]]').stderr).toBe("bash: unexpected argument `]]' to conditional binary operator\nbash: syntax error near `]]'\n");
    expect(isIncomplete('[[ a == b &&')).toBe(true);
  });
});
