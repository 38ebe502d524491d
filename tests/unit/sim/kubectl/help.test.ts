import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';
import { wrapString } from '../../../../src/sim/commands/kubectl/wordwrap.ts';
import { verbNames } from '../../../../src/sim/commands/kubectl/verbs.ts';

// The help templater of kubectl v1.34 (k8s.io/kubectl/pkg/util/templates/templater.go and
// help_flags_printer.go) over the texts of its generated reference; outputs compared with
// captures of real kubectl help pages.

const sim = createSimulator();
// Through a pipe kubectl wraps nothing, whatever the terminal's width.
const out = (line: string) => sim.run(`${line} | cat`).stdout;

describe('go-wordwrap', () => {
  it('breaks only at spaces, drops the space it breaks at, keeps long words and non-breaking spaces whole', () => {
    expect(wrapString('foo bar baz', 4)).toBe('foo\nbar\nbaz');
    expect(wrapString('foo bar baz', 7)).toBe('foo bar\nbaz');
    expect(wrapString('foobarbaz qux', 3)).toBe('foobarbaz\nqux');
    expect(wrapString('foo\u00a0bar baz', 7)).toBe('foo\u00a0bar\nbaz');
    // A line's leading spaces count: the word that overflows starts the next line and they stay behind.
    expect(wrapString('  indented line\nnext', 9)).toBe('\nindented\nline\nnext');
    expect(wrapString('no limit at all', 0)).toBe('no limit at all');
  });
});

describe('kubectl help', () => {
  it('prints a command with subcommands as kubectl does (captured `kubectl create service -h`)', () => {
    expect(out('kubectl create service -h')).toBe(
      [
        'Create a service using a specified subcommand.',
        '',
        'Aliases:',
        'service, svc',
        '',
        'Available Commands:',
        '  clusterip      Create a ClusterIP service',
        '  externalname   Create an ExternalName service',
        '  loadbalancer   Create a LoadBalancer service',
        '  nodeport       Create a NodePort service',
        '',
        'Usage:',
        '  kubectl create service [flags] [options]',
        '',
        'Use "kubectl create service <command> --help" for more information about a given command.',
        'Use "kubectl options" for a list of global command-line options (applies to all commands).',
        '',
      ].join('\n'),
    );
  });

  it('lists the options with their defaults, a tab before each usage, quotes only for strings', () => {
    const drain = out('kubectl drain --help');
    expect(drain.startsWith('Drain node in preparation for maintenance.\n\n The given node will be marked unschedulable')).toBe(true);
    expect(drain).toContain('Examples:\n  # Drain node "foo", even if there are pods not managed by');
    expect(drain).toContain('\nOptions:\n    --chunk-size=500:\n\tReturn large lists in chunks rather than all at once.');
    expect(drain).toContain("\n    --dry-run='none':\n\tMust be \"none\", \"server\", or \"client\".");
    expect(drain).toContain('\n    --force=false:\n\tContinue even if there are pods that do not declare a controller.\n\n');
    expect(drain).toContain("\n    -l, --selector='':\n\tSelector (label query) to filter on");
    expect(drain).toContain('\n    --timeout=0s:\n\tThe length of time to wait before giving up, zero means infinite\n\nUsage:\n  kubectl drain NODE [options]\n\n');
    expect(drain.endsWith('Use "kubectl options" for a list of global command-line options (applies to all commands).\n')).toBe(true);
    expect(drain).not.toContain('--help=');
  });

  it('wraps for a terminal of 80, 100 or 120 columns and not for a pipe or a narrower one', () => {
    const wide = createSimulator();
    wide.resize(150);
    // A 120-column capture of `kubectl get --help`: the description at 120, the usages at 110 after the tab.
    const get = wide.run('kubectl get --help').stdout;
    expect(get).toContain(
      ' Prints a table of the most important information about the specified resources. You can filter the list using a label\nselector and the --selector flag. If the desired resource type is namespaced',
    );
    // …as in a 120-column capture of `kubectl create --help`.
    expect(wide.run('kubectl create --help').stdout).toContain(
      "    --template='':\n\tTemplate string or path to template file to use when -o=go-template, -o=go-template-file. The template format\n\tis golang templates [http://golang.org/pkg/text/template/#pkg-overview].\n",
    );
    // Only a word longer than the limit (the usage line's list of formats) stays longer: go-wordwrap never splits a word.
    const fits = (text: string, limit: number) => text.split('\n').every((line) => line.replace('\t', ' '.repeat(8)).length <= limit || !line.trim().includes(' '));
    expect(fits(get, 120)).toBe(true);
    expect(get).toContain('Usage:\n  kubectl get\n[(-o|--output=)json|yaml|name|go-template');
    expect(wide.run('kubectl get --help | cat').stdout).toContain(' Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag.');
    wide.resize(60);
    expect(wide.run('kubectl get --help').stdout).toBe(wide.run('kubectl get --help | cat').stdout);
    wide.resize(85);
    const narrow = wide.run('kubectl get --help').stdout;
    expect(fits(narrow, 80)).toBe(true);
    expect(narrow).not.toBe(get);
  });

  it('finds subcommands by name or alias, after the resource name and flags too', () => {
    const deployment = out('kubectl create deployment -h');
    expect(deployment.startsWith('Create a deployment with the specified name.')).toBe(true);
    expect(deployment).toContain('\nAliases:\ndeployment, deploy\n\n');
    expect(deployment).toContain("\n    --image=[]:\n\tImage names to run.");
    expect(out('kubectl create deploy web --image=nginx -h')).toBe(deployment);
    expect(out('kubectl -n default create deploy --help')).toBe(deployment);
    expect(out('kubectl rollout status -h')).toContain('Usage:\n  kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]\n');
    expect(out('kubectl config view -h')).toContain('Usage:\n  kubectl config view [flags] [options]\n');
    expect(out('kubectl top node -h')).toContain('\nAliases:\nnode, nodes, no\n');
  });

  it('`kubectl help` is cobra\'s help command: the same page, or an unknown topic and the root usage', () => {
    expect(out('kubectl help drain')).toBe(out('kubectl drain --help'));
    expect(out('kubectl help create secret generic')).toBe(out('kubectl create secret generic -h'));
    expect(out('kubectl help')).toBe(out('kubectl'));
    const unknown = sim.run('kubectl help nope 2>&1 >/dev/null | cat; kubectl help nope >/dev/null 2>&1');
    expect(unknown.exitCode).toBe(0);
    expect(unknown.stdout.startsWith('Unknown help topic [`nope`]\n\n\nBasic Commands (Beginner):\n  create          Create a resource from a file or from stdin\n')).toBe(true);
  });

  it('prints the root help with every command group, padded as cobra pads them', () => {
    const root = out('kubectl');
    expect(root.startsWith('kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\nBasic Commands (Beginner):\n  create          Create a resource from a file or from stdin\n')).toBe(true);
    expect(root).toContain('\nCluster Management Commands:\n  certificate     Modify certificate resources\n  cluster-info    Display cluster information\n');
    expect(root).toContain('\nOther Commands:\n  alpha           Commands for features in alpha\n  api-resources   Print the supported API resources on the server\n');
    expect(root.endsWith('\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n')).toBe(true);
    expect(out('kubectl --help')).toBe(root);
  });

  it('has a page for every verb the sandbox runs', () => {
    for (const verb of verbNames()) {
      const page = out(`kubectl ${verb} --help`);
      expect(page, verb).toMatch(new RegExp(`\\nUsage:\\n  kubectl ${verb}[ \\n]`));
      expect(page.trim().length, verb).toBeGreaterThan(200);
    }
  });

  it('names the subcommand in a flag error\'s hint, and answers `kubectl create` without a generator as create.go does (captured outputs)', () => {
    expect(sim.run('kubectl create deploy dns --image registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3 --replicas=2 --container-name=dns-container').stderr).toBe(
      "error: unknown flag: --container-name\nSee 'kubectl create deployment --help' for usage.\n",
    );
    expect(sim.run('kubectl create pod elasticsearch --image=registry.k8s.io/fluentd-elasticsearch:1.20 -n kube-system').stderr).toBe(
      "error: unknown flag: --image\nSee 'kubectl create --help' for usage.\n",
    );
    expect(sim.run('kubectl create config sa monitor-sa')).toEqual({
      stdout: '',
      stderr: 'Error: must specify one of -f and -k\n\nerror: unknown command "config sa monitor-sa"\nSee \'kubectl create -h\' for help and examples\n',
      exitCode: 1,
    });
    const bare = sim.run('kubectl create');
    expect(bare.exitCode).toBe(1);
    expect(bare.stderr.startsWith('Error: must specify one of -f and -k\n\nCreate a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.')).toBe(true);
    expect(sim.run('kubectl rollout status deployment/web --bogus').stderr).toBe("error: unknown flag: --bogus\nSee 'kubectl rollout status --help' for usage.\n");
    expect(sim.run('kubectl config use --bogus x').stderr).toBe("error: unknown flag: --bogus\nSee 'kubectl config use-context --help' for usage.\n");
  });
});
