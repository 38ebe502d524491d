/**
 * bash's `test` and `[` (builtins/test.c): the POSIX rules by argument count up to four, then the
 * recursive grammar with `!`, `( )`, `-a` and `-o`, and bash's own messages for a malformed one.
 */
import { commandPath, lookupCommand } from '../commands/registry.ts';
import type { Vfs } from '../types.ts';
import type { Shell } from './interpreter.ts';
import { resolvePath } from './paths.ts';

/** What the file and variable operators look at. */
export interface TestProbe {
  fs: Vfs;
  cwd: string;
  isSet(name: string): boolean;
  /** Whether a path is one of the sandbox's programs (`/usr/bin/kubectl`), which have no file of their own. */
  isProgram(path: string): boolean;
}

/** What the file and variable operators see from a session: its host's files, its variables, the sandbox's programs. */
export function shellProbe(sh: Shell): TestProbe {
  return {
    fs: sh.frame.host.fs,
    cwd: sh.frame.cwd,
    isSet: (name) => sh.frame.vars.has(name),
    isProgram: (path) => {
      const name = path.slice(path.lastIndexOf('/') + 1);
      return !!lookupCommand(name) && commandPath(name) === path;
    },
  };
}

class TestSyntax extends Error {}

const UNARY = new Set('abcdefghknoprstuvwxzGLNOS'.split('').map((c) => `-${c}`));
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);
const isUnary = (w: string | undefined): boolean => w !== undefined && UNARY.has(w);
const isBinary = (w: string | undefined): boolean => w !== undefined && BINARY.has(w);

/** legal_number(): optional blanks, a sign and decimal digits that fit in a 64-bit integer. */
function integer(s: string): bigint {
  const m = /^\s*([-+]?\d+)\s*$/.exec(s);
  const n = m ? BigInt(m[1]) : undefined;
  if (n === undefined || n > 0x7fffffffffffffffn || n < -0x8000000000000000n) throw new TestSyntax(`${s}: integer expression expected`);
  return n;
}

/**
 * Runs `test ARGS` (or `[ ARGS ]` when `name` is `[`): status 0 true, 1 false, 2 with bash's
 * message (`bash: [: missing `]'`) for a malformed expression.
 */
export function testCommand(name: string, args: string[], probe: TestProbe): { status: number; stderr: string } {
  let argv = args;
  if (name === '[') {
    if (argv[argv.length - 1] !== ']') return { status: 2, stderr: `bash: [: missing \`]'\n` };
    argv = argv.slice(0, -1);
  }
  try {
    return { status: evaluate(argv, probe) ? 0 : 1, stderr: '' };
  } catch (e) {
    if (e instanceof TestSyntax) return { status: 2, stderr: `bash: ${name}: ${e.message}\n` };
    throw e;
  }
}

function evaluate(argv: string[], probe: TestProbe): boolean {
  const argc = argv.length;
  let pos = 0;
  const beyond = (): never => {
    throw new TestSyntax('argument expected');
  };
  const advance = (needMore: boolean): void => {
    pos++;
    if (needMore && pos === argc) beyond();
  };

  const unaryTest = (op: string, arg: string): boolean => {
    if (op === '-n') return arg !== '';
    if (op === '-z') return arg === '';
    if (op === '-v') return probe.isSet(arg);
    if (op === '-o' || op === '-t') return false;
    const path = resolvePath(probe.cwd, arg);
    const { fs } = probe;
    if (arg !== '' && probe.isProgram(path)) return !'dsugkL'.includes(op[1]) || op === '-s';
    if (arg === '' || !fs.exists(path)) return false;
    const dir = fs.isDir(path);
    const mode = fs.stat?.(path)?.mode ?? (dir ? 0o755 : 0o644);
    switch (op) {
      case '-d': return dir;
      case '-f': return !dir;
      case '-s': return dir || (fs.readFile(path) ?? '').length > 0;
      // The sandbox's user is root: it may read and write anything, and run what has an x bit.
      case '-x': return dir || (mode & 0o111) !== 0;
      case '-e': case '-a': case '-r': case '-w': return true;
      case '-u': return (mode & 0o4000) !== 0;
      case '-g': return (mode & 0o2000) !== 0;
      case '-k': return (mode & 0o1000) !== 0;
      case '-O': case '-G': return true;
      default: return false; // -b -c -p -S -h -L -N: no devices, pipes, sockets nor links here
    }
  };

  const unaryOperator = (): boolean => {
    const op = argv[pos];
    if (op === '-t') {
      advance(false);
      if (pos < argc && /^\s*[-+]?\d+\s*$/.test(argv[pos])) advance(false);
      return false;
    }
    advance(true);
    const value = unaryTest(op, argv[pos]);
    advance(false);
    return value;
  };

  const binaryOperator = (): boolean => {
    const [l, op, r] = [argv[pos], argv[pos + 1], argv[pos + 2]];
    pos += 3;
    switch (op) {
      case '=': case '==': return l === r;
      case '!=': return l !== r;
      case '<': return l < r;
      case '>': return l > r;
      case '-nt': case '-ot': case '-ef': return false;
    }
    const a = integer(l);
    const b = integer(r);
    switch (op) {
      case '-eq': return a === b;
      case '-ne': return a !== b;
      case '-lt': return a < b;
      case '-le': return a <= b;
      case '-gt': return a > b;
      default: return a >= b;
    }
  };

  const oneArg = (w: string): boolean => w !== '';

  const twoArguments = (): boolean => {
    if (argv[pos] === '!') return argv[pos + 1] === '';
    if (isUnary(argv[pos])) return unaryOperator();
    throw new TestSyntax(`${argv[pos]}: unary operator expected`);
  };

  const threeArguments = (): boolean => {
    let value: boolean;
    if (isBinary(argv[pos + 1])) value = binaryOperator();
    else if (argv[pos + 1] === '-a') value = oneArg(argv[pos]) && oneArg(argv[pos + 2]);
    else if (argv[pos + 1] === '-o') value = oneArg(argv[pos]) || oneArg(argv[pos + 2]);
    else if (argv[pos] === '!') {
      advance(true);
      value = !twoArguments();
    } else if (argv[pos] === '(' && argv[pos + 2] === ')') value = oneArg(argv[pos + 1]);
    else throw new TestSyntax(`${argv[pos + 1]}: binary operator expected`);
    pos = argc;
    return value;
  };

  const term = (): boolean => {
    if (pos >= argc) beyond();
    if (argv[pos] === '!') {
      let negate = false;
      while (pos < argc && argv[pos] === '!') {
        advance(true);
        negate = !negate;
      }
      return negate ? !term() : term();
    }
    if (argv[pos] === '(') {
      advance(true);
      const value = expr();
      if (pos >= argc) throw new TestSyntax("`)' expected");
      if (argv[pos] !== ')') throw new TestSyntax(`\`)' expected, found ${argv[pos]}`);
      advance(false);
      return value;
    }
    if (pos + 3 <= argc && isBinary(argv[pos + 1])) return binaryOperator();
    if (pos + 2 <= argc && isUnary(argv[pos])) return unaryOperator();
    const value = oneArg(argv[pos]);
    advance(false);
    return value;
  };

  const and = (): boolean => {
    const value = term();
    if (pos < argc && argv[pos] === '-a') {
      advance(false);
      return and() && value;
    }
    return value;
  };

  const or = (): boolean => {
    const value = and();
    if (pos < argc && argv[pos] === '-o') {
      advance(false);
      const other = or();
      return value || other;
    }
    return value;
  };

  const expr = (): boolean => {
    if (pos >= argc) beyond();
    return or();
  };

  let value: boolean;
  switch (argc) {
    case 0: return false;
    case 1: return oneArg(argv[0]);
    case 2: return twoArguments();
    case 3: value = threeArguments(); break;
    case 4:
      if (argv[0] === '!') {
        advance(true);
        value = !threeArguments();
        break;
      }
      if (argv[0] === '(' && argv[3] === ')') {
        advance(true);
        value = twoArguments();
        pos = argc;
        break;
      }
      value = expr();
      break;
    default: value = expr();
  }
  if (pos !== argc) throw new TestSyntax(pos < argc && argv[pos].startsWith('-') ? `syntax error: \`${argv[pos]}' unexpected` : 'too many arguments');
  return value;
}
