/**
 * The line scan that tells the browser worker which chunks to load before a line runs
 * (src/sim/commands/line-scan.ts), and a sweep showing it never misses one: every scenario's
 * solution and checks and every chapter command, run in a browser simulator that loaded only
 * what the scan asked for, never meets a command, verb or printer that is not loaded, and prints
 * what Node (everything loaded: every controller, the API server's validation) prints, line by line.
 */
import { describe, expect, it, vi } from 'vitest';
import { chunksForLine } from '../../../../src/sim/commands/line-scan.ts';
import { createSimulator as nodeSimulator } from '../../../../src/sim/index.ts';
import { pageCommands } from '../../content/commands.ts';
import { pagesOf, readPage } from '../../content/docs.ts';

const needs = (line: string) => {
  const n = chunksForLine(line);
  return n === 'all' ? 'all' : [...n].sort();
};

describe('chunksForLine', () => {
  it('asks for kubectl\'s core alone for kubectl get', () => {
    expect(needs('kubectl get pods')).toEqual(['kubectl']);
    expect(needs('kubectl get pods -A -o wide')).toEqual(['kubectl']);
    expect(needs('/usr/bin/kubectl get pods')).toEqual(['kubectl']);
    expect(needs('sudo kubectl get nodes')).toEqual(['kubectl']);
    expect(needs('timeout 5 kubectl get nodes')).toEqual(['kubectl']);
  });

  it('finds commands hidden by quotes, escapes, substitutions, pipes and aliases', () => {
    expect(needs('k"ube"ctl get pods')).toEqual(['kubectl']);
    expect(needs('\\kubectl get pods')).toEqual(['kubectl']);
    expect(needs('echo $(kubectl get pods -o name | wc -l)')).toEqual(['coreutils', 'kubectl']);
    expect(needs("alias k='kubectl'")).toEqual(['kubectl']);
    expect(needs('systemctl status kubelet | grep Active')).toEqual(['apt', 'coreutils', 'systemd']);
  });

  it('asks for kubectl\'s parts by the verbs and formats a line names', () => {
    expect(needs('kubectl get --raw /healthz')).toEqual(['kubectl', 'kubectl-ops']);
    expect(needs('kubectl get cs')).toEqual(['kubectl', 'kubectl-ops']);
    // Process substitution runs with the compound chunk.
    expect(needs('cat <(echo a)')).toEqual(['compound', 'coreutils']);
    expect(needs('diff <(kubectl get pods) p.txt')).toEqual(expect.arrayContaining(['compound', 'diffutils', 'kubectl']));
    expect(needs('kubectl get componentstatuses scheduler -o name')).toEqual(['kubectl', 'kubectl-ops']);
    // describe reads events: the kubelet's about static pods are written first.
    expect(needs('kubectl describe pod web')).toEqual(['kubectl', 'kubectl-describe', 'kubectl-events']);
    expect(needs('kubectl get events -n kube-system')).toEqual(['kubectl', 'kubectl-events']);
    expect(needs('kubectl events --for pod/web')).toEqual(['kubectl', 'kubectl-events']);
    // A TYPE the sandbox does not serve may be a real one: the sandbox's line for it comes with the tools' list.
    expect(needs('kubectl get clusterroles')).toEqual(['kubectl', 'unavailable']);
    expect(needs('kubectl get -n kube-system pods,netpol')).toEqual(['kubectl', 'unavailable']);
    expect(needs('kubectl get -n kube-system pod/web svc')).toEqual(['kubectl']);
    expect(needs('kubectl version')).toEqual(['kubectl', 'kubectl-ops']);
    // Without kubectl (or a word that may alias it), a verb's name is another command's argument.
    expect(needs('kubeadm version')).toEqual(['kubeadm', 'yaml']);
    expect(needs("kubectl get pods -o jsonpath='{.items[*].metadata.name}'")).toEqual(['kubectl', 'kubectl-jsonpath']);
    expect(needs('kubectl get pods --sort-by=.metadata.creationTimestamp')).toEqual(['kubectl', 'kubectl-jsonpath']);
    expect(needs('kubectl get pods -o custom-columns=NAME:.metadata.name')).toEqual(['kubectl', 'kubectl-jsonpath']);
    expect(needs("kubectl get pods -o go-template='{{.metadata.name}}'")).toEqual(['kubectl', 'kubectl-gotemplate']);
    expect(needs('kubectl delete pod web')).toEqual(['kubectl', 'kubectl-ops']);
    expect(needs('kubectl drain node01 --ignore-daemonsets')).toEqual(['kubectl', 'kubectl-ops']);
    expect(needs('kubectl logs -f web')).toEqual(['kubectl', 'kubectl-ops']);
    // -f reads manifests with js-yaml, whatever the file (or directory) is called.
    expect(needs('kubectl delete -f manifests/')).toEqual(['kubectl', 'kubectl-ops', 'yaml']);
    expect(needs('kubectl get -f web.json')).toEqual(['kubectl', 'yaml']);
    expect(needs('kubectl apply -f web.yaml')).toEqual(['kubectl', 'kubectl-verbs', 'kubectl-yaml', 'yaml']);
    expect(needs('kubectl get pod web -o yaml')).toEqual(['kubectl', 'kubectl-yaml']);
    // After a verb written out, a variable may hold any format, -h or -f, not another verb.
    expect(needs('kubectl get pod web -o $FORMAT')).toEqual(['kubectl', 'kubectl-gotemplate', 'kubectl-help', 'kubectl-jsonpath', 'kubectl-selectors', 'kubectl-yaml', 'yaml']);
    // (A variable TYPE may also be a real one the sandbox does not serve: the tools' list comes too.)
    expect(needs('for n in $(kubectl get nodes -o name); do kubectl get $n -o jsonpath={.metadata.name}; done')).toEqual(
      ['compound', 'kubectl', 'kubectl-gotemplate', 'kubectl-help', 'kubectl-jsonpath', 'kubectl-selectors', 'kubectl-yaml', 'unavailable', 'yaml']);
    // Before the verb, or with no verb written out, it may hold any verb.
    expect(needs('kubectl $FLAGS get pod web')).toEqual(['kubectl', 'kubectl-describe', 'kubectl-gotemplate', 'kubectl-help', 'kubectl-jsonpath', 'kubectl-ops', 'kubectl-selectors', 'kubectl-verbs', 'kubectl-yaml']);
    expect(needs('kubectl get pods; kubectl -n $NS get pods')).toContain('kubectl-verbs');
    // explain's texts only when the variable may be the verb itself.
    expect(needs('kubectl $VERB pod.spec')).toContain('kubectl-explain');
    expect(needs('kubectl explain pod.spec')).toEqual(['kubectl', 'kubectl-explain']);
    // -l and --selector: the API server's label parser, with its messages (api/selector-parse.ts).
    expect(needs('kubectl get pods -l app=web')).toEqual(['kubectl', 'kubectl-selectors']);
    expect(needs('kubectl get pods -Al app=web')).toEqual(['kubectl', 'kubectl-selectors']);
    expect(needs("kubectl logs --selector='app in (web)'")).toEqual(['kubectl', 'kubectl-ops', 'kubectl-selectors']);
    expect(needs('kubectl get pods -o name | wc -l')).toEqual(['coreutils', 'kubectl']);
    expect(needs('kubectl get pod web -oyaml')).not.toContain('kubectl-selectors');
    expect(needs('kubectl drain node01 --pod-selector=app=web')).toContain('kubectl-selectors');
    expect(needs('k get pods -lapp=web')).toContain('kubectl-selectors');
    // …also behind a command word that may be an alias of kubectl (`alias k=kubectl` loaded kubectl's core).
    expect(needs('k get pod web -o $FORMAT')).toEqual(['kubectl-describe', 'kubectl-gotemplate', 'kubectl-help', 'kubectl-jsonpath', 'kubectl-ops', 'kubectl-selectors', 'kubectl-verbs', 'kubectl-yaml', 'unavailable']);
    for (const line of ['cd $HOME', 'if [ -f $F ]; then cat $F; fi', 'for f in $FILES; do echo $f; done', 'export KUBECONFIG=$HOME/admin.conf'])
      expect(needs(line), line).not.toContain('kubectl-verbs');
  });

  it('asks for the help pages for help and kubectl alone, for the suggestions for a verb kubectl does not know', () => {
    for (const line of ['kubectl', 'kubectl --help', 'kubectl help', 'kubectl -n kube-system'])
      expect(needs(line), line).toEqual(['kubectl', 'kubectl-help', 'kubectl-help-texts']);
    expect(needs('kubectl get pods -h')).toEqual(['kubectl', 'kubectl-help-texts']);
    expect(needs('kubectl help drain')).toEqual(['kubectl', 'kubectl-help-texts', 'kubectl-ops']);
    expect(needs('kubectl gte pods')).toEqual(['kubectl', 'kubectl-help']);
    // `kubectl create` alone prints its help after its error; with -f or a generator it does not.
    expect(needs('kubectl create')).toContain('kubectl-help-texts');
    expect(needs('kubectl create -f web.yaml')).not.toContain('kubectl-help-texts');
    expect(needs('kubectl create deployment web --image=nginx')).not.toContain('kubectl-help-texts');
    expect(needs('kubectl label --help')).toEqual(['kubectl', 'kubectl-help-texts', 'kubectl-verbs']);
    expect(needs('kubectl get pods --show-labels')).toEqual(['kubectl']);
    // kubectl as an argument runs nothing: no help pages (they are kubectl's largest chunk).
    expect(needs('apt-mark hold kubelet kubectl')).not.toContain('kubectl-help-texts');
  });

  it('asks for js-yaml before a line that may write a manifest or a kubeconfig', () => {
    expect(needs('sed -i s/6443/6444/ /etc/kubernetes/manifests/kube-apiserver.yaml')).toEqual(['kubectl-yaml', 'sed', 'yaml']);
    expect(needs('vi kube-apiserver.yaml')).toEqual(['kubectl-yaml', 'unavailable', 'yaml']);
    expect(needs('echo "  server: x" >> cfg')).toEqual(['coreutils', 'yaml']);
    expect(needs('cp /etc/kubernetes/admin.conf /root/admin.conf')).toEqual(['coreutils', 'yaml']);
    expect(needs('touch /etc/kubernetes/manifests/extra.yaml')).toEqual(['coreutils', 'kubectl-yaml', 'yaml']);
    expect(needs('cat web.yaml > copy.yaml')).toEqual(['coreutils', 'yaml']);
    // A line that only reads text names manifests without parsing them.
    expect(needs("grep -A1 'hostPath:' /etc/kubernetes/manifests/etcd.yaml")).toEqual(['coreutils']);
    expect(needs('cd /etc/kubernetes && cat admin.conf | grep server')).toEqual(['coreutils']);
  });

  it('asks for everything when the text does not show what runs', () => {
    for (const line of ['$CMD get pods', '${K} get pods', 'eval "$x"', 'bash run.sh', 'sh -c "ls"', 'source env.sh', '. env.sh', './fix.sh', 'ls | xargs rm',
      'watch kubectl get pods', 'kubectl exec web -- sh -c "$CMD"', 'ssh node01 systemctl restart kubelet', 'sudo -i', 'sudo su', 'echo `hostname`', 'exec bash'])
      expect(needs(line), line).toBe('all');
    expect(needs('ssh node01')).toEqual(['ssh']);
    // kubectl exec's command is in the text: its words are scanned like any other.
    expect(needs('kubectl exec busybox -- nslookup web-service')).toEqual(['dnsutils', 'kubectl', 'kubectl-ops']);
    expect(needs('cd /etc/kubernetes; ls')).toEqual(['coreutils']);
    // A command word the sandbox has no command for brings the list of the tools it lacks (their one-line message).
    // …which may be an alias of kubectl: `helm version` may be `kubectl version`.
    expect(needs('helm version')).toEqual(['kubectl-ops', 'unavailable']);
    expect(needs('cd /tmp; export A=1; [ -f x ] && ls')).toEqual(['compound', 'coreutils']);
    // A function's body is words like any others: the commands it names, and the compound chunk.
    expect(needs('function lsall { ls -l; }')).toEqual(['compound', 'coreutils', 'unavailable']);
    expect(needs('pods() { kubectl get pods; }')).toEqual(['compound', 'kubectl', 'unavailable']);
  });

  it('scans the script a path runs, when the session can say what is there', () => {
    const files: Record<string, string> = { '/opt/cni/bin/bridge': '', '/root/fix.sh': 'systemctl restart kubelet\nkubectl get nodes\n', '/root/loop.sh': '/root/loop.sh\n' };
    const scan = (line: string) => {
      const n = chunksForLine(line, (path) => files[path.replace(/^\.\//, '/root/')]);
      return n === 'all' ? 'all' : [...n].sort();
    };
    // A program's stand-in runs nothing of the sandbox's: the line needs what its other words need.
    expect(scan('CNI_COMMAND=ADD CNI_PATH=/opt/cni/bin /opt/cni/bin/bridge < 10-mynet.conf')).toEqual([]);
    expect(scan('./fix.sh')).toEqual(['apt', 'kubectl', 'systemd']);
    // No file there yet, a script that runs itself, or a line that may write the script first: everything.
    expect(scan('/root/nosuch.sh')).toBe('all');
    expect(scan('/root/loop.sh')).toBe('all');
    for (const line of ['echo ls >> fix.sh; ./fix.sh', 'chmod +x notes.sh && ./notes.sh', 'cd /tmp; ./fix.sh']) expect(scan(line), line).toBe('all');
  });

  it('cuts the line where bash does: not inside quotes, around each $(…), across a backslash-newline', () => {
    // A `|` inside quotes is sed's delimiter, not a pipe into a command called `/v1.35/`.
    expect(needs("sed -i 's|/v1.34/|/v1.35/|' /etc/apt/sources.list.d/kubernetes.list")).toEqual(['sed', 'yaml']);
    expect(needs('echo "a; b | c"')).toEqual(['coreutils']);
    // A substitution's output is a word of the command around it, not a command word of its own.
    expect(needs('sudo chown $(id -u):$(id -g) /root/.kube/cache')).toEqual(['coreutils']);
    expect(needs('etcdctl --endpoints=https://127.0.0.1:2379 \\\n  --cacert=/etc/kubernetes/pki/etcd/ca.crt \\\n  snapshot save /tmp/snap.db')).toEqual(['etcd']);
    // …but what it runs, or a substitution where the command word stands, still counts.
    for (const line of ['$(echo kubectl) get pods', 'echo "$(kubectl get pods | $CMD)"', 'echo $(eval ls)', "echo 'x' | $(printf sh)", 'a=$(ls) $b'])
      expect(needs(line), line).toBe('all');
    expect(needs('echo "$(kubectl get pods -o name | wc -l)"')).toEqual(['coreutils', 'kubectl']);
  });

  it('reads an apostrophe in a here-document, or an unclosed quote, as text, not as a quote over the commands after it', () => {
    expect(needs("cat <<EOF > note.txt\nit's data\nEOF\n$CMD get pods")).toBe('all');
    expect(needs("cat <<EOF\nit's\nEOF\n$CMD get pods\ncat <<-'EOF'\n\tdon't\n\tEOF")).toBe('all');
    expect(needs("echo 'unclosed; $CMD")).toBe('all');
    expect(needs("cat <<EOF\nit's data\nEOF\nkubectl get pods")).toEqual(['coreutils', 'kubectl']);
    // A here-string is no here-document: the next line is a command.
    expect(needs("cat <<<EOF\n$CMD")).toBe('all');
  });
});

describe('initChunks', () => {
  it('builds a scenario\'s objects without kubectl\'s verbs, js-yaml or validation; the workloads chunk only for its kinds', async () => {
    const browser = await import('../../../../src/sim/browser.ts');
    const scenarios = new browser.OnDemandScenarios(browser.scenarioLoaders);
    const init = async (name: string) => {
      await scenarios.prepare(name);
      const n = browser.initChunks(name, scenarios);
      return n === 'all' ? 'all' : [...n].sort();
    };
    // drain declares Pods, a Deployment and a DaemonSet: core controllers; its checks use kubectl get.
    expect(await init('drain')).toEqual(['kubectl']);
    // A claim needs the PV binder and the provisioner.
    expect(await init('console-pvc-binding')).toContain('workloads');
    expect(await init('default')).toEqual([]);
  });
});

/** A browser simulator with a module graph of its own, so that nothing is loaded yet. */
async function freshBrowser(scenario: string) {
  // Node's twin, from the module graph of this file's imports (index.ts loaded everything).
  const node = nodeSimulator({ scenario });
  vi.resetModules();
  const browser = await import('../../../../src/sim/browser.ts');
  const scenarios = new browser.OnDemandScenarios(browser.scenarioLoaders);
  await scenarios.prepare(scenario);
  await browser.loadChunks(browser.initChunks(scenario, scenarios));
  const sim = browser.createSimulator({ scenario }, scenarios);
  const session = {
    sim,
    node,
    /** Runs a command the way the worker does (each line's chunks loaded first), and in Node; checks both print the same. */
    run: async (command: string) => {
      await browser.loadCommandsFor(command.split('\n'), (path) => sim.scriptAt(path));
      const r = sim.run(command);
      expect(r, `${scenario}: ${command}`).toEqual(node.run(command));
      return r;
    },
  };
  // The world as built, before any line of the test.
  await session.run('kubectl get all,pvc,pv,ingress -A -o wide 2>&1; date');
  return session;
}

const NOT_LOADED = /not loaded/;

describe('no line meets a missing chunk', () => {
  it('scenario solutions and checks', async () => {
    const { scenarioLoaders } = await import('../../../../src/sim/browser.ts');
    for (const name of Object.keys(scenarioLoaders)) {
      const { sim, node, run } = await freshBrowser(name);
      expect(sim.check().map((c) => c.stdout).join('')).not.toMatch(NOT_LOADED);
      expect(sim.check(), name).toEqual(node.check());
      for (const line of sim.scenario.solution ?? []) {
        const r = await run(line);
        expect(r.stdout + r.stderr, `${name}: ${line}`).not.toMatch(NOT_LOADED);
      }
    }
  }, 60_000);

  it('an alias of kubectl with a variable for its format; tools the sandbox lacks, by name or alias', async () => {
    const { run } = await freshBrowser('default');
    // The value is built so that no line names the format the last one uses.
    for (const line of ['alias k=kubectl', 'F=ya', 'k get namespace default -o ${F}ml', 'helm version', 'alias h=helm', 'h list', 'nosuchtool', 'k', 'k -h', 'k create deploy -h', 'k gte', 'k drain node01 --bogus']) {
      const r = await run(line);
      expect(r.stdout + r.stderr, line).not.toMatch(NOT_LOADED);
    }
  });

  it('compound commands, test and read: the compound chunk comes with the first reserved word', async () => {
    const { run } = await freshBrowser('default');
    const lines = [
      'for n in $(kubectl get nodes -o name); do echo $n; done',
      'if [ -f /etc/hostname ]; then echo yes; fi',
      'kubectl get pods -A --no-headers | while read ns name rest; do echo "$ns/$name"; done',
      'f() { echo "$1"; }',
      'f arg',
      'function g { kubectl get nodes -o name | wc -l; }',
      'g',
      'case x in x) echo X;; esac',
      'fi',
    ];
    for (const line of lines) {
      const r = await run(line);
      expect(r.stdout + r.stderr, line).not.toMatch(/command not found|not loaded/);
    }
  });

  it('arithmetic and [[ on a line of their own: $((…)), ((…)) and [[ bring the compound chunk', async () => {
    for (const [line, want] of [['echo $((6 * 7))', '42\n'], ['((n = 2 ** 8)); echo $n', '256\n'], ['for ((i = 0; i < 2; i++)); do echo $i; done', '0\n1\n'], ['[[ -f /etc/hostname ]] && echo yes', 'yes\n']]) {
      const { run } = await freshBrowser('default');
      expect((await run(line)).stdout, line).toBe(want);
    }
  });

  it('kubectl get --raw brings the ops part; Node answers the same', async () => {
    const { run } = await freshBrowser('default');
    for (const line of ['kubectl get --raw /healthz', 'kubectl get --raw=/version', "kubectl get --raw '/readyz?verbose'", 'kubectl get --raw /nope', 'kubectl get cs', 'kubectl get componentstatus etcd-0 -o json']) {
      const r = await run(line);
      expect(r.stdout + r.stderr, line).not.toMatch(NOT_LOADED);
    }
  });

  it('help and mistyped verbs', async () => {
    const { run } = await freshBrowser('default');
    for (const line of ['kubectl', 'kubectl --help', 'kubectl get -h', 'kubectl wait --help', 'kubectl gte pods', 'kubectl -n kube-system', 'kubectl help drain', 'kubectl create deploy -h', 'sudo kubectl', 'kubectl create']) {
      const r = await run(line);
      expect(r.stdout + r.stderr, line).not.toMatch(NOT_LOADED);
    }
  });

  it('kubectl-ops without the API server\'s validation refuses what Node refuses', async () => {
    // Node validates every write; the ops chunk comes without validation, so each refusal here
    // must come from kubectl's own checks, with the same words.
    const { run } = await freshBrowser('default');
    const long = 'v'.repeat(70);
    for (const line of [
      'kubectl taint node node01 key=value:Bogus',
      `kubectl taint node node01 key=${long}:NoSchedule`,
      'kubectl taint node node01 "bad key=v:NoSchedule"',
      'kubectl taint node node01 -key=v:NoSchedule',
      'kubectl scale deployment coredns -n kube-system --replicas=-1',
      'kubectl scale deployment coredns -n kube-system --replicas=x',
      'kubectl rollout restart deployment/coredns -n kube-system',
      'kubectl rollout undo deployment/coredns -n kube-system --to-revision=9',
      'kubectl delete pod nope --grace-period=-5',
      'kubectl cordon node01; kubectl uncordon node01; kubectl drain node02 --ignore-daemonsets --delete-emptydir-data',
      'kubectl get nodes -o wide; kubectl get pods -A',
    ])
      await run(line);
  });

  it('chapter commands, page by page', async () => {
    for (const page of pagesOf('en')) {
      const commands = pageCommands(readPage('en', page));
      // One scenario at a time: a fresh module graph leaves the previous simulator's behind.
      for (const scenario of new Set(commands.map((c) => c.scenario))) {
        const session = await freshBrowser(scenario);
        for (const cmd of commands.filter((c) => c.scenario === scenario)) {
          for (const file of cmd.files) if (!file.name.startsWith('/')) await session.run(`cat > '${file.name}' <<'EOF_PAGE_FILE'\n${file.content}EOF_PAGE_FILE`);
          const r = await session.run(cmd.command);
          expect(r.stdout + r.stderr, `${page}: ${cmd.command}`).not.toMatch(NOT_LOADED);
        }
      }
    }
  }, 120_000);
});
