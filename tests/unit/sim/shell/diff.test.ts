/**
 * diff against GNU diffutils: the outputs below are what diff 3.8 printed for the same files on
 * Debian (3.10 prints the same), and the matching follows analyze.c (lines the other file lacks
 * are changes first, middle snakes, shift_boundaries), so ambiguous alignments come out as diff's.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';

const P1 = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - image: nginx:1.27\n    name: web\n';
const P2 = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - image: nginx:1.29\n    name: web\n';

describe('diff', () => {
  const sim = createSimulator();
  sim.run(`printf '${P1}' > p1.yaml; printf '${P2}' > p2.yaml`);

  it('prints the normal format and exits 1 when the files differ', () => {
    expect(sim.run('diff p1.yaml p2.yaml')).toMatchObject({
      stdout: '4a5,6\n>   labels:\n>     app: web\n7c9\n<   - image: nginx:1.27\n---\n>   - image: nginx:1.29\n',
      exitCode: 1,
    });
    expect(sim.run('diff p1.yaml p1.yaml')).toMatchObject({ stdout: '', exitCode: 0 });
  });

  it('prints unified hunks with 3 lines of context, or -U N, under headers with the files\' times', () => {
    const u = sim.run('diff -u p1.yaml p2.yaml').stdout.split('\n');
    expect(u[0]).toMatch(/^--- p1\.yaml\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000$/);
    expect(u[1]).toMatch(/^\+\+\+ p2\.yaml\t/);
    expect(u.slice(2).join('\n')).toBe('@@ -2,7 +2,9 @@\n kind: Pod\n metadata:\n   name: web\n+  labels:\n+    app: web\n spec:\n   containers:\n-  - image: nginx:1.27\n+  - image: nginx:1.29\n     name: web\n');
    expect(sim.run('diff -U1 p1.yaml p2.yaml').stdout.split('\n').slice(2).join('\n')).toBe('@@ -4,5 +4,7 @@\n   name: web\n+  labels:\n+    app: web\n spec:\n   containers:\n-  - image: nginx:1.27\n+  - image: nginx:1.29\n     name: web\n');
    expect(sim.run('diff -u /dev/null p1.yaml').stdout.split('\n')[2]).toBe('@@ -0,0 +1,8 @@');
  });

  it('matches ambiguous lines as diff does, and marks a missing final newline', () => {
    sim.run("printf 'b\\nc\\na\\nd\\nb\\na\\nd\\nc\\n' > x; printf 'q\\nc\\n' > y");
    expect(sim.run('diff x y').stdout).toBe('1,7c1\n< b\n< c\n< a\n< d\n< b\n< a\n< d\n---\n> q\n');
    sim.run("printf 'b\\ne\\ne\\na\\nc\\na\\nb\\nb\\n' > x; printf 'q\\ne\\n' > y");
    expect(sim.run('diff x y').stdout).toBe('1c1\n< b\n---\n> q\n3,8d2\n< e\n< a\n< c\n< a\n< b\n< b\n');
    sim.run("printf 'a\\nb\\n' > x; printf 'a\\nb' > y");
    expect(sim.run('diff x y').stdout).toBe('2c2\n< b\n---\n> b\n\\ No newline at end of file\n');
  });

  it('has -q, -s, -i, -w, stdin and a directory operand', () => {
    expect(sim.run('diff -q p1.yaml p2.yaml')).toMatchObject({ stdout: 'Files p1.yaml and p2.yaml differ\n', exitCode: 1 });
    expect(sim.run('diff -s p1.yaml p1.yaml').stdout).toBe('Files p1.yaml and p1.yaml are identical\n');
    expect(sim.run("printf 'A  b\\n' | diff -i -w - <(printf 'a b\\n')").exitCode).toBe(0);
    expect(sim.run('diff /etc /etc/hostname').exitCode).toBe(0);
  });

  it('refuses as diff does', () => {
    expect(sim.run('diff p1.yaml')).toMatchObject({ stderr: "diff: missing operand after 'p1.yaml'\ndiff: Try 'diff --help' for more information.\n", exitCode: 2 });
    expect(sim.run('diff nope p1.yaml')).toMatchObject({ stderr: 'diff: nope: No such file or directory\n', exitCode: 2 });
    expect(sim.run('diff --foo a b').stderr).toBe("diff: unrecognized option '--foo'\ndiff: Try 'diff --help' for more information.\n");
    expect(sim.run('diff -U x a b').stderr).toBe("diff: invalid context length 'x'\ndiff: Try 'diff --help' for more information.\n");
  });
});
