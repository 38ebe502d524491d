import { describe, expect, it } from 'vitest';
import { tokenize, type HereDoc } from '../../../../src/sim/shell/tokenizer.ts';

// Here-document bodies are found by searching for the delimiter line (tokenizer.ts readHereDoc):
// the edge cases of bash's line-by-line reading must come out the same.

const read = (src: string): { bodies: string[]; warnings: string[]; words: string[] } => {
  const t = tokenize(src);
  const bodies = t.tokens.flatMap((k) => (k.kind === 'redir' && k.heredoc ? [(k.heredoc as HereDoc).body] : []));
  const words = t.tokens.flatMap((k) => (k.kind === 'word' ? [k.text] : []));
  return { bodies, warnings: t.warnings, words };
};

describe('here-document bodies', () => {
  it('end at the first line that is exactly the delimiter, then reading goes on', () => {
    expect(read('cat <<EOF\na\nEOFX\n EOF\nEOF\necho after')).toEqual({ bodies: ['a\nEOFX\n EOF\n'], warnings: [], words: ['cat', 'EOF', 'echo', 'after'] });
    expect(read('cat <<EOF\nEOF')).toMatchObject({ bodies: [''], warnings: [] });
    expect(read("cat <<''\nx\n\ny")).toMatchObject({ bodies: ['x\n'], words: ['cat', "''", 'y'] });
  });

  it('drop one carriage return before each newline, the delimiter line included', () => {
    expect(read('cat <<EOF\na\r\nb\r\r\nEOF\r\necho x')).toMatchObject({ bodies: ['a\nb\r\n'], warnings: [], words: ['cat', 'EOF', 'echo', 'x'] });
    // A pasted CRLF script: the delimiter word keeps its \r (as bash reads it) and its line still ends the body.
    expect(read('cat <<EOF\r\na\r\nEOF\r\necho x')).toMatchObject({ bodies: ['a\n'], warnings: [], words: ['cat', 'EOF\r', 'echo', 'x'] });
    expect(read('cat <<EOF\na\nEOF\r\r\nEOF')).toMatchObject({ bodies: ['a\nEOF\r\n'], warnings: [] });
  });

  it('run to the end of input with a warning naming the line, ending in a newline', () => {
    expect(read('cat <<EOF\nabc')).toEqual({ bodies: ['abc\n'], warnings: ["bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')"], words: ['cat', 'EOF'] });
    expect(read('cat <<EOF\na\r')).toMatchObject({ bodies: ['a\n'] });
    expect(read('true\ncat <<EOF\na\nb\n').warnings).toEqual(["bash: warning: here-document at line 2 delimited by end-of-file (wanted `EOF')"]);
    expect(read('cat <<A; cat <<B\n1\nA\n2\n').bodies).toEqual(['1\n', '2\n']);
  });

  it('count the body lines for the line numbers of later warnings', () => {
    expect(read('cat <<A\n1\n2\nA\ncat <<B\nx').warnings).toEqual(["bash: warning: here-document at line 5 delimited by end-of-file (wanted `B')"]);
    expect(read('cat <<-A\n\t1\n\tA\ncat <<B\nx').warnings).toEqual(["bash: warning: here-document at line 4 delimited by end-of-file (wanted `B')"]);
  });
});
