/**
 * labels.Parse (apimachinery pkg/labels/selector.go): the lexer, the parser and NewRequirement's
 * checks, with their messages. The API server runs it on kubectl's `-l`; it is a chunk of its own
 * in the browser (kubectl/parts/kubectl-selectors.ts), loaded for lines with a selector.
 */
import { isQualifiedName, isValidLabelValue } from './name-rules.ts';
import { isInt64, type Requirement } from './selectors.ts';

/** A token of labels.Parse's lexer: `t` is the operator itself, 'id' for a key or value, '' at the end. */
interface Token {
  t: string;
  lit: string;
}

const SPECIAL = '=!(),><';
const END: Token = { t: '', lit: '' };
const OPERATORS: Record<string, Requirement['op']> = { in: 'in', notin: 'notin', '=': '=', '==': '=', '!=': '!=', '>': 'gt', '<': 'lt' };

/** labels.Parse's Lexer: runs of anything else between blanks and the operator characters. */
function lex(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  for (;;) {
    while (' \t\r\n'.includes(text[i] ?? '_')) i++;
    if (i >= text.length) return [...out, END];
    const two = text.slice(i, i + 2);
    let lit = two === '==' || two === '!=' ? two : text[i];
    if (!SPECIAL.includes(lit[0])) {
      let j = i;
      while (j < text.length && !SPECIAL.includes(text[j]) && !' \t\r\n'.includes(text[j])) j++;
      lit = text.slice(i, j);
    }
    i += lit.length;
    out.push({ t: lit === 'in' || lit === 'notin' || SPECIAL.includes(lit[0]) ? lit : 'id', lit });
  }
}

/** field.Invalid(path, value, detail).Error(), with errors of one value joined as validation does. */
function invalid(path: string, value: string, detail: string[]): string {
  return `${path}: Invalid value: ${JSON.stringify(value)}: ${detail.join('; ')}`;
}

/**
 * Parses `app=web,tier!=db,env in (a,b),!legacy,size>2` as apimachinery's labels.Parse does (the
 * API server parses kubectl's `-l`); on bad syntax, returns labels.Parse's error message.
 */
export function parseSelector(text: string): Requirement[] | string {
  const toks = lex(text);
  let pos = 0;
  // Where a value may stand, `in` and `notin` are plain words (`x in (in)`).
  const kind = (tok: Token, values = true) => (values && (tok.t === 'in' || tok.t === 'notin') ? 'id' : tok.t);
  const next = () => toks[pos++] ?? END;
  const peek = () => kind(toks[pos] ?? END);
  const values = (op: Requirement['op']): string[] | string => {
    if (op !== 'in' && op !== 'notin') {
      if (peek() === '' || peek() === ',') return [''];
      const v = next();
      return kind(v) === 'id' ? [v.lit] : `found '${v.lit}', expected: identifier`;
    }
    const open = next();
    if (kind(open) !== '(') return `found '${open.lit}' expected: '('`;
    const first = toks[pos] ?? END;
    if (kind(first) === ')') {
      pos++;
      return [''];
    }
    if (kind(first) !== 'id' && kind(first) !== ',') return `found '${first.lit}', expected: ',', ')' or identifier`;
    const set = new Set<string>();
    for (;;) {
      const tok = next();
      if (kind(tok) === 'id') {
        set.add(tok.lit);
        if (peek() === ')') break;
        if (peek() !== ',') return `found '${(toks[pos] ?? END).lit}', expected: ',' or ')'`;
      } else if (kind(tok) === ',') {
        // "(,", ",," and ",)" each stand for the empty value.
        if (set.size === 0 || peek() === ')' || peek() === ',') set.add('');
        if (peek() === ')') break;
      } else return `found '${tok.lit}', expected: ',', or identifier`;
    }
    pos++;
    return [...set].sort();
  };
  const requirement = (): Requirement | string => {
    let tok = next();
    const not = kind(tok) === '!';
    if (not) tok = next();
    if (kind(tok) !== 'id') return `found '${tok.lit}', expected: identifier`;
    const key = tok.lit;
    const keyErrors = isQualifiedName(key);
    if (keyErrors.length) return invalid('<nil>', key, keyErrors);
    if (not || peek() === '' || peek() === ',') return { key, op: not ? '!' : 'exists', values: [] };
    const optok = next();
    const op = OPERATORS[kind(optok, false)];
    if (!Object.hasOwn(OPERATORS, kind(optok, false))) return `found '${optok.lit}', expected: in, notin, =, ==, !=, gt, lt`;
    const vals = values(op);
    if (typeof vals === 'string') return vals;
    // NewRequirement's checks, gathered into one aggregate as apimachinery does.
    const errs = new Set<string>();
    if (op === 'gt' || op === 'lt')
      vals.forEach((v, i) => {
        if (!isInt64(v)) errs.add(invalid(`values[${i}]`, v, ["for 'Gt', 'Lt' operators, the value must be an integer"]));
      });
    vals.forEach((v, i) => {
      const bad = isValidLabelValue(v);
      if (bad.length) errs.add(invalid(`values[${i}][${key}]`, v, bad));
    });
    if (errs.size) return errs.size === 1 ? [...errs][0] : `[${[...errs].join(', ')}]`;
    return { key, op, values: vals };
  };
  const reqs: Requirement[] = [];
  for (;;) {
    if (peek() === '') return reqs;
    if (peek() !== 'id' && peek() !== '!') return `found '${(toks[pos] ?? END).lit}', expected: !, identifier, or 'end of string'`;
    const r = requirement();
    if (typeof r === 'string') return `unable to parse requirement: ${r}`;
    reqs.push(r);
    const after = next();
    if (kind(after) === '') return reqs;
    if (kind(after) !== ',') return `found '${after.lit}', expected: ',' or 'end of string'`;
    if (peek() !== 'id' && peek() !== '!') return `found '${(toks[pos] ?? END).lit}', expected: identifier after ','`;
  }
}

