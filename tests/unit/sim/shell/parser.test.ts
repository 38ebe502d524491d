import { describe, expect, it } from 'vitest';
import { needsMoreInput, parse, splitCommands } from '../../../../src/sim/shell/parser.ts';
import { tokenize } from '../../../../src/sim/shell/tokenizer.ts';

// Expected behaviour follows bash 5.2 (Ubuntu 24.04): parse.y's reader and its messages
// ("syntax error near unexpected token `X'", "unexpected EOF while looking for matching `''").

const words = (src: string): string[] => tokenize(src).tokens.filter((t) => t.kind === 'word').map((t) => (t as { text: string }).text);

describe('tokenizer', () => {
  it('keeps quoted text, escapes and substitutions inside one word', () => {
    expect(words(`echo 'a b' "c $HOME d" e\\ f $(echo "x y") \`date\``)).toEqual([
      'echo', "'a b'", '"c $HOME d"', 'e\\ f', '$(echo "x y")', '`date`',
    ]);
  });

  it('recognises operators and redirections with file descriptors', () => {
    const ops = tokenize('a|b&&c||d;e >f 2>&1 >>g 2>h <i &>j').tokens
      .filter((t) => t.kind !== 'word')
      .map((t) => (t.kind === 'redir' ? `${t.fd ?? ''}${t.op}` : t.kind === 'op' ? t.op : 'NL'));
    expect(ops).toEqual(['|', '&&', '||', ';', '>', '2>&', '>>', '2>', '<', '&>']);
  });

  it('drops comments and joins continued lines', () => {
    expect(words('echo a \\\n  b # comment here')).toEqual(['echo', 'a', 'b']);
  });

  it('reads here-document bodies after the line, quoted delimiters disable expansion', () => {
    const t = tokenize("cat <<'EOF' > x\nline $HOME\nEOF\necho done");
    const redir = t.tokens.find((k) => k.kind === 'redir' && k.op === '<<') as { heredoc?: { body: string; expand: boolean } };
    expect(redir.heredoc).toMatchObject({ body: 'line $HOME\n', expand: false });
    expect(words("cat <<'EOF' > x\nline $HOME\nEOF\necho done")).toEqual(['cat', "'EOF'", 'x', 'echo', 'done']);
  });

  it('strips leading tabs with <<-', () => {
    const t = tokenize('cat <<-END\n\t\tindented\n\tEND\n');
    const redir = t.tokens.find((k) => k.kind === 'redir') as { heredoc?: { body: string } };
    expect(redir.heredoc?.body).toBe('indented\n');
  });

  it('reports unterminated quotes as bash does', () => {
    expect(tokenize("echo 'abc").error).toBe("bash: unexpected EOF while looking for matching `''");
    expect(tokenize('echo "abc').error).toBe('bash: unexpected EOF while looking for matching `"\'');
    expect(tokenize('echo $(ls').error).toBe("bash: unexpected EOF while looking for matching `)'");
  });

  it('warns about a here-document ended by end of file', () => {
    expect(tokenize('cat <<EOF\nabc').warnings[0]).toBe("bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')");
  });
});

describe('parser', () => {
  it('builds lists, and-or chains, pipelines, assignments and redirects', () => {
    const r = parse('A=1 B=2 cmd x | grep y > out 2>&1 && echo ok || echo no; true');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.list).toHaveLength(2);
    const first = r.list[0];
    expect(first.rest.map((x) => x.op)).toEqual(['&&', '||']);
    const [cmd, grep] = first.first.commands;
    expect(cmd).toMatchObject({ kind: 'simple', assigns: ['A=1', 'B=2'], words: ['cmd', 'x'] });
    expect(grep).toMatchObject({ words: ['grep', 'y'], redirects: [{ fd: 1, op: '>', target: 'out' }, { fd: 2, op: '>&', target: '1' }] });
  });

  it('gives bash syntax errors', () => {
    const err = (s: string): string | undefined => {
      const r = parse(s);
      return r.ok ? undefined : r.error;
    };
    expect(err('| ls')).toBe("bash: syntax error near unexpected token `|'");
    expect(err('ls | | wc')).toBe("bash: syntax error near unexpected token `|'");
    expect(err('ls >')).toBe('bash: syntax error: unexpected end of file');
    expect(err('ls > ;')).toBe("bash: syntax error near unexpected token `;'");
    expect(err('&& ls')).toBe("bash: syntax error near unexpected token `&&'");
    expect(err('ls ;;')).toBe("bash: syntax error near unexpected token `;;'");
    expect(err('echo a (b)')).toBe("bash: syntax error near unexpected token `('");
    expect(err('ls |')).toBe('bash: syntax error: unexpected end of file');
  });

  it('accepts a subshell', () => {
    const r = parse('(cd /tmp; pwd) > x');
    expect(r.ok && r.list[0].first.commands[0].kind).toBe('subshell');
  });
});

describe('splitCommands and needsMoreInput', () => {
  it('splits at newlines but keeps here-documents and continued pipelines together', () => {
    expect(splitCommands('echo a\ncat <<EOF\nx\nEOF\nls |\n  wc -l\n\n# note\n')).toEqual([
      'echo a', 'cat <<EOF\nx\nEOF', 'ls |\n  wc -l', '# note',
    ]);
  });

  it('asks for more input like an interactive bash', () => {
    expect(needsMoreInput("echo 'abc")).toBe(true);
    expect(needsMoreInput('cat <<EOF\nabc')).toBe(true);
    expect(needsMoreInput('ls |')).toBe(true);
    expect(needsMoreInput('echo a \\')).toBe(true);
    expect(needsMoreInput('cat <<EOF\nabc\nEOF')).toBe(false);
    expect(needsMoreInput('echo ok')).toBe(false);
  });
});
