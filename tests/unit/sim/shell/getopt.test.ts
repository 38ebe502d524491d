import { describe, expect, it } from 'vitest';
import { getopt, last } from '../../../../src/sim/commands/getopt.ts';

// glibc 2.39 posix/getopt.c: which name each refusal carries (the typed one when nothing resolved,
// the resolved one otherwise), and its rule that an abbreviation is ambiguous only when its
// candidates differ in what they do.
const LONG = { stable: 's', sort: 'sort:', key: 'k', 'key-file': 'k', lines: 'n::', numeric: 'N' };
const parse = (...argv: string[]) => getopt(['tool', ...argv], 'tool', 'sk:n::N', LONG);

describe('getopt', () => {
  it('reads clusters, attached and separate values and operands anywhere', () => {
    const o = parse('file1', '-sNk2', '--sort=x', 'file2', '-k', '3', '--', '-s');
    expect([...o.flags]).toEqual(['s', 'N']);
    expect(o.values.get('k')).toEqual(['2', '3']);
    expect(last(o, 'sort')).toBe('x');
    expect(o.args).toEqual(['file1', 'file2', '-s']);
    expect(o.list.map((e) => e.key)).toEqual(['s', 'N', 'k', 'sort', 'k']);
  });

  it('takes an optional argument only attached, unless peek accepts the next word', () => {
    expect(parse('-n', '5').list).toEqual([{ key: 'n', value: undefined }]);
    expect(parse('-n5').values.get('n')).toEqual(['5']);
    expect(parse('--lines', '5').args).toEqual(['5']);
    expect(parse('--lines=5').values.get('n')).toEqual(['5']);
    const peeked = getopt(['tool', '-n', '5', 'x'], 'tool', 'n::', {}, (key, next) => key === 'n' && /^\d+$/.test(next));
    expect(peeked.values.get('n')).toEqual(['5']);
    expect(peeked.args).toEqual(['x']);
  });

  it('resolves unique abbreviations, and candidates that do the same thing', () => {
    expect(parse('--sta').flags.has('s')).toBe(true);
    expect(parse('--so', 'v').values.get('sort')).toEqual(['v']);
    // --key and --key-file share a key and an argument: not ambiguous, as in glibc.
    expect(parse('--ke', '1').values.get('k')).toEqual(['1']);
  });

  it("refuses with glibc's words", () => {
    expect(parse('-x').error).toBe("tool: invalid option -- 'x'\n");
    expect(parse('-k').error).toBe("tool: option requires an argument -- 'k'\n");
    expect(parse('--fo=bar').error).toBe("tool: unrecognized option '--fo=bar'\n");
    expect(parse('--k').error).toBe("tool: option '--key' requires an argument\n");
    expect(parse('--s').error).toBe("tool: option '--s' is ambiguous; possibilities: '--stable' '--sort'\n");
    expect(parse('--stab=x').error).toBe("tool: option '--stable' doesn't allow an argument\n");
  });
});
