import { describe, expect, it } from 'vitest';
import { makeWorld } from '../helpers/world.ts';
import { goTemplate } from '../../../../src/sim/printers/go-template.ts';

// kubectl: staging/src/k8s.io/cli-runtime/pkg/printers/template.go (JSON round trip, template named
// "output", sprig + exists + base64decode) and genericclioptions/template_flags.go (error wording).
describe('kubectl get -o go-template', () => {
  it('ranges over a List with "\\n"', () => {
    const { k } = makeWorld();
    k('run a --image=nginx');
    k('run b --image=nginx');
    const r = k(['get', 'pods', '-o', 'go-template={{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}']);
    expect(r.stdout).toBe('a\nb\n');
    expect(r.exitCode).toBe(0);
  });

  it('reads a label with index, len of items and if/else', () => {
    const { k } = makeWorld();
    k('run a --image=nginx --labels=app.kubernetes.io/name=web');
    expect(k(['get', 'pod', 'a', '-o', 'go-template={{index .metadata.labels "app.kubernetes.io/name"}}']).stdout).toBe('web');
    expect(k(['get', 'pods', '-o', 'template={{len .items}}']).stdout).toBe('1');
    const tpl = 'go-template={{range .items}}{{if eq .status.phase "Running"}}up{{else if .x}}x{{else}}down{{end}}{{end}}';
    expect(k(['get', 'pods', '-o', tpl]).stdout).toBe('up');
  });

  it('decodes a secret value with base64decode', () => {
    const { k } = makeWorld();
    k('create secret generic s --from-literal=password=hunter2');
    expect(k(['get', 'secret', 's', '-o', 'go-template={{.data.password | base64decode}}']).stdout).toBe('hunter2');
  });

  it('reports a missing go-template-file like kubectl', () => {
    const { k } = makeWorld();
    k('run a --image=nginx');
    const r = k('get pod a -o go-template-file=/nope.tpl');
    expect(r.stderr).toBe('error: error reading --template /nope.tpl, open /nope.tpl: no such file or directory\n');
    expect(r.exitCode).toBe(1);
  });

  it('reports a parse error and an unknown function like kubectl', () => {
    const { k } = makeWorld();
    k('run a --image=nginx');
    const r = k(['get', 'pod', 'a', '-o', 'go-template={{.metadata.name']);
    expect(r.stderr).toBe('error: error parsing template {{.metadata.name, template: output:1: unclosed action\n');
    expect(r.exitCode).toBe(1);
    expect(k(['get', 'pod', 'a', '-o', 'go-template={{foo .}}']).stderr).toBe(
      'error: error parsing template {{foo .}}, template: output:1: function "foo" not defined\n',
    );
  });
});

describe('goTemplate', () => {
  const data = { spec: { replicas: 3, ratio: 0.5, big: 1000000 }, metadata: { labels: { b: '2', a: '1' } }, items: ['x', 'y'] };

  it('prints numbers as float64 %v, maps sorted and slices spaced', () => {
    expect(goTemplate('{{.spec.replicas}} {{.spec.ratio}} {{.spec.big}}', data).out).toBe('3 0.5 1e+06');
    expect(goTemplate('{{.metadata.labels}} {{.items}}', data).out).toBe('map[a:1 b:2] [x y]');
  });

  it('prints <no value> for a missing key', () => {
    expect(goTemplate('{{.metadata.nope}}', data).out).toBe('<no value>');
  });

  it('formats with printf and trims with {{- -}}', () => {
    expect(goTemplate('{{printf "%s=%v;%5.1f" "r" .spec.replicas .spec.ratio}}', data).out).toBe('r=3;  0.5');
    expect(goTemplate('a  {{- "b" -}}  \n c', data).out).toBe('abc');
  });

  it('binds $i, $e in range and reads $ and $x.a', () => {
    expect(goTemplate('{{range $i, $e := .items}}{{$i}}:{{$e}} {{end}}{{$m := .metadata}}{{$m.labels.a}}{{with .spec}}{{$.items}}{{end}}', data).out).toBe(
      '0:x 1:y 1[x y]',
    );
    expect(goTemplate('{{range .none}}a{{else}}empty{{end}}', data).out).toBe('empty');
  });

  it('fails like Go when comparing float64 to an int literal', () => {
    // eq in text/template rejects float64 vs int (only int/uint mix is allowed): JSON numbers are float64.
    const r = goTemplate('{{eq .spec.replicas 3}}', data);
    expect(r.err).toBe(
      'error: error executing template "{{eq .spec.replicas 3}}": template: output:1:2: executing "output" at <eq .spec.replicas 3>: error calling eq: incompatible types for comparison\n',
    );
    expect(r.out.startsWith('Error executing template: template: output:1:2:')).toBe(true);
  });

  it('reports an index out of range at the command position', () => {
    // Context is n.String() truncated to 20 bytes + "..." as in parse.Tree.ErrorContext (unverified for this exact node).
    expect(goTemplate('x{{index .items 5}}', data).err).toBe(
      'error: error executing template "x{{index .items 5}}": template: output:1:3: executing "output" at <index .items 5>: error calling index: index out of range: 5\n',
    );
  });
});
