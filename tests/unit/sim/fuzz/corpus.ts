/**
 * The hostile inputs of the terminal's input path, named: shared by the fuzz tests and
 * bench/fuzz.mjs (which times each one). Each is one `run()` input, as a paste would be.
 */

const manyConfigMaps = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `kubectl create configmap ${prefix}-${i} --from-literal=k=v`).join('\n');

// Flow-style YAML keeps one object per line, so thousands fit under the line and input limits.
const yamlList = (n: number) =>
  `kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: List\nitems:\n${Array.from({ length: n }, (_, i) => `- {apiVersion: v1, kind: ConfigMap, metadata: {name: list-${i}}, data: {k: v}}`).join('\n')}\nEOF`;

// A document that starts with `{` is read as JSON (as kubectl's decoder sniffs it): start with a key.
const multiDoc = (n: number) =>
  `kubectl apply -f - <<'EOF'\n${Array.from({ length: n }, (_, i) => `apiVersion: v1\nkind: Secret\nmetadata: {name: doc-${i}}`).join('\n---\n')}\nEOF`;

/** Inputs that must be refused or cut short with a kubesim:/bash: message. */
export const HOSTILE: Record<string, string> = {
  'line of 100 KB': 'echo ' + 'x'.repeat(100 * 1024),
  'line of 100 KB in UTF-8 (34k characters)': 'echo ' + '日'.repeat(34 * 1024),
  'here-document of 2 MB': 'cat <<EOF\n' + ('y'.repeat(1023) + '\n').repeat(2048) + 'EOF',
  'here-document of 60 KB': 'cat <<EOF\n' + ('y'.repeat(100) + '\n').repeat(600) + 'EOF',
  'script of 10001 lines': 'true\n'.repeat(10_000) + 'true',
  'unterminated double quote': 'echo "abc',
  'unterminated single quote': "echo 'abc",
  'unterminated here-document': 'cat <<EOF\nabc',
  'unbalanced parenthesis': 'echo (a',
  'unbalanced command substitution': 'echo $(echo a',
  '500 nested $( )': 'echo ' + '$('.repeat(500) + 'echo x' + ')'.repeat(500),
  '3000 nested ( )': '('.repeat(3000) + 'echo x' + ')'.repeat(3000),
  '3000 nested arithmetic ( )': 'echo $((' + '('.repeat(3000) + '1' + ')'.repeat(3000) + '))',
  '5000 pipes': 'echo a' + ' | cat'.repeat(5000),
  '8000 &&': 'true' + ' && true'.repeat(8000),
  '1500 pipes': 'echo a' + ' | cat'.repeat(1500),
  '2000 &&': 'true' + ' && true'.repeat(2000),
  'self-calling script': "echo 'bash /root/loop.sh; bash /root/loop.sh' > /root/loop.sh; bash /root/loop.sh",
  'variable doubled until it does not fit': 'x=' + 'a'.repeat(64) + ';' + ' x=$x$x;'.repeat(30) + ' echo ${#x}',
  'printf width 1e9': "printf '%1000000000d' 1",
  'printf precision 1e9': "printf '%.1000000000f' 1",
  'sed multiplying a line': "echo a | sed 's/a/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/g;s/a/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/g;s/a/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/g;s/a/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/g;s/a/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/g'",
  'awk printing a wide field per line': "seq 1 5000 | awk '{printf \"%200000d\", $1}' | wc -c",
  'one big file named 1500 times': "printf '%200000d' 1 > /root/f; wc -c " + 'f '.repeat(1500) + '| tail -1',
  'pipe multiplying its input': "seq 1 10000 | sed 's/.*/&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&/' | wc -c",
  'output of 400 KB': "printf '%200000d%200000d' 1 2",
  'seq to 1e12': 'seq 1000000000000 | tail -1',
  'deployment of 1e8 replicas': 'kubectl create deployment huge --image=nginx --replicas=100000000',
  'scale to 2e9 replicas': 'kubectl create deployment big --image=nginx --replicas=1 && kubectl scale deployment big --replicas=2000000000',
  '1100 configmaps, one per line': manyConfigMaps('line', 1100),
  'YAML List of 3000 configmaps': yamlList(3000),
  'YAML List of 700 configmaps': yamlList(700),
  'multi-document apply of 1000 secrets': multiDoc(1000),
  'endless while loop': 'while :; do echo y; done',
  'endless loop into a pipe': 'while true; do echo y; done | head -1',
  'self-calling function': 'f() { f; }; f',
  'self-calling function in a pipe': 'g() { echo x | g; }; g',
  'for over 100000 words': 'for i in $(seq 1 100000); do :; done',
  '3000 nested if': 'if '.repeat(3000) + 'true',
  '3000 nested (( ))': '((' + '('.repeat(3000) + '1' + ')'.repeat(3000) + '))',
  'control characters': 'echo \x00\x01\x02\x03\x07\x08\x0b\x0c\x0e\x1f\x7f end',
  'ANSI escapes': 'echo \x1b[31mred\x1b[0m \x1b]0;title\x07 \x1b[2J \x1b[999;999H \x1bc',
  'NUL bytes everywhere': '\x00kubectl\x00 get\x00 pods\x00',
  'carriage returns': 'echo a\rb\r\nkubectl get nodes\r',
};

/** Building blocks of random command lines (with `fc.constantFrom`). */
export const TOKENS = [
  'echo', 'cat', 'printf', 'sed', 'awk', 'grep', 'kubectl', 'get', 'pods', 'create', 'cm', 'apply', '-f', '-', 'seq', 'ssh', 'exit',
  '|', '||', '&&', ';', '&', '>', '>>', '2>&1', '<', '<<EOF', "<<'EOF'", '<<-EOF', '<<<', '(', ')', '$(', '`', "'", '"', '\\', '$',
  '${', '}', '$((', '))', '*', '~', '#', '\n', 'EOF', '\x00', '\x1b[31m', '\x1b[0m', '\x1b]0;t\x07', '\x07', '\x08', '\r', '\x7f',
  '%999999d', '%.999f', 's/x/&&&&/g', '{a,b}', '{1..99999}', '日本語', '🙂', '\u202e', '\ufeff',
  'if', 'then', 'else', 'fi', 'for', 'in', 'do', 'done', 'while', 'case', 'esac', ';;', '[[', ']]', '((', 'f()', '{', 'break', 'return', 'read',
];
