import { describe, expect, it, vi } from 'vitest';
import { ops, row } from './helpers.ts';

// Whole-cluster sequences with long sleeps take a few seconds each.
vi.setConfig({ testTimeout: 60_000 });

// Procedure: kubernetes.io/docs/tasks/administer-cluster/kubeadm/kubeadm-upgrade/ and upgrading-linux-nodes/.
// kubeadm upgrade plan layout: cmd/kubeadm/app/cmd/upgrade/plan_test.go (TestPrintUpgradePlan); policy errors:
// cmd/kubeadm/app/phases/upgrade/policy.go; apt messages: apt 2.7 (apt-private/private-install.cc,
// cmd/apt-mark.cc: "set on hold.", "Canceled hold on"); apt-cache madison "%10s | %s | %s".
describe('kubeadm cluster upgrade v1.34.2 → v1.35.0', () => {
  it('upgrades the control plane, then the kubelets one node at a time', () => {
    const { run, out } = ops();
    expect(out('cat /etc/apt/sources.list.d/kubernetes.list')).toBe('deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/v1.34/deb/ /\n');
    expect(out('cat /etc/*release*')).toContain('PRETTY_NAME="Ubuntu 24.04.3 LTS"');
    expect(out('kubeadm upgrade plan')).toContain("Awesome, you're up-to-date! Enjoy!\n");
    // Held packages, and the v1.34 repository has no 1.35 packages.
    expect(out('apt-mark showhold')).toBe('kubeadm\nkubectl\nkubelet\n');
    expect(run("apt-get install -y kubeadm='1.35.0-*'").stderr).toBe("E: Version '1.35.0-*' for 'kubeadm' was not found\n");
    out("sed -i 's|/v1.34/|/v1.35/|' /etc/apt/sources.list.d/kubernetes.list");
    const update = out('apt-get update');
    expect(update).toContain('Get:5 https://prod-cdn.packages.k8s.io/repositories/isv:/kubernetes:/core:/stable:/v1.35/deb  InRelease [1,227 B]\n');
    expect(out('apt-cache madison kubeadm')).toBe('   kubeadm | 1.35.0-1.1 | https://pkgs.k8s.io/core:/stable:/v1.35/deb  Packages\n');
    const held = run("apt-get install -y kubeadm='1.35.0-*'");
    expect(held.exitCode).toBe(100);
    expect(held.stdout).toContain('The following held packages will be changed:\n  kubeadm\n');
    expect(held.stderr).toBe('E: Held packages were changed and -y was used without --allow-change-held-packages.\n');
    expect(out('apt-mark unhold kubeadm')).toBe('Canceled hold on kubeadm.\n');
    const inst = out("apt-get install -y kubeadm='1.35.0-*'");
    expect(inst).toContain('Unpacking kubeadm (1.35.0-1.1) over (1.34.2-1.1) ...\nSetting up kubeadm (1.35.0-1.1) ...\n');
    expect(out('apt-mark hold kubeadm')).toBe('kubeadm set on hold.\n');
    expect(out('kubeadm version -o short')).toBe('v1.35.0\n');

    const plan = out('kubeadm upgrade plan');
    expect(plan).toContain("COMPONENT   NODE           CURRENT   TARGET\nkubelet     controlplane   v1.34.2   v1.35.0\nkubelet     node01         v1.34.2   v1.35.0\nkubelet     node02         v1.34.2   v1.35.0\n");
    expect(plan).toContain('kube-apiserver            controlplane   v1.34.2   v1.35.0\n');
    expect(plan).toContain('\tkubeadm upgrade apply v1.35.0\n');

    const skip = run('kubeadm upgrade apply v1.36.0 -y');
    expect(skip.exitCode).toBe(1);
    expect(skip.stderr).toContain('\t- Specified version to upgrade to "v1.36.0" is too high; kubeadm can upgrade only 1 minor version at a time\n');
    // upgrade.EnforceVersionPolicies (cmd/kubeadm/app/phases/upgrade/policy.go): both mandatory errors, then the phase's wording.
    expect(skip.stderr).toBe(
      'error execution phase preflight: the version argument is invalid due to these fatal errors:\n\n' +
        '\t- Specified version to upgrade to "v1.36.0" is too high; kubeadm can upgrade only 1 minor version at a time\n' +
        '\t- Specified version to upgrade to "v1.36.0" is at least one minor release higher than the kubeadm minor release (36 > 35). Such an upgrade is not supported\n' +
        '\nPlease fix the misalignments highlighted above and try upgrading again\nTo see the stack trace of this error execute with --v=5 or higher\n',
    );
    // A patch above kubeadm's is skippable: refused without --force; with it, registry.k8s.io has no such images.
    const patch = run('kubeadm upgrade apply v1.35.4 -y');
    expect(patch.stderr).toContain('the version argument is invalid due to these errors:\n\n\t- Specified version to upgrade to "v1.35.4" is higher than the kubeadm version "v1.35.0". Upgrade kubeadm first using the tool you used to install kubeadm\n\nCan be bypassed if you pass the --force flag\n');
    const forced = run('kubeadm upgrade apply v1.35.4 -y --force');
    expect(forced.exitCode).toBe(1);
    expect(forced.stdout).toContain('[upgrade/version] Found 1 potential version compatibility errors but skipping since the --force flag is set: \n\n\t- Specified version to upgrade to "v1.35.4"');
    expect(forced.stderr).toContain('\t[ERROR ImagePull]: failed to pull image registry.k8s.io/kube-apiserver:v1.35.4: failed to pull image registry.k8s.io/kube-apiserver:v1.35.4: rpc error: code = NotFound');

    // cmd/kubeadm/app/cmd/phases/upgrade/apply/preflight.go asks through cmdutil.InteractivelyConfirmAction
    // (cmd/kubeadm/app/cmd/util/cmdutil.go): "[upgrade] Are you sure you want to proceed? [y/N]: ", one line of
    // stdin, "y"/"yes" in any case; anything else, or EOF, is "won't proceed; the user didn't answer (Y|y) in order to continue".
    const PROMPT = '[upgrade] Are you sure you want to proceed? [y/N]: ';
    const ABORT = "error execution phase preflight: won't proceed; the user didn't answer (Y|y) in order to continue\nTo see the stack trace of this error execute with --v=5 or higher\n";
    for (const cmd of ['kubeadm upgrade apply v1.35.0', 'echo n | kubeadm upgrade apply v1.35.0', 'kubeadm upgrade apply v1.35.0 < /dev/null']) {
      const no = run(cmd);
      expect(no.exitCode).toBe(1);
      expect(no.stdout.endsWith(`[upgrade/versions] kubeadm version: v1.35.0\n${PROMPT}`)).toBe(true);
      expect(no.stderr).toBe(ABORT);
    }
    expect(out('grep image: /etc/kubernetes/manifests/kube-apiserver.yaml')).toContain('registry.k8s.io/kube-apiserver:v1.34.2');

    const apply = run('kubeadm upgrade apply v1.35.0 -y');
    expect(apply.stdout).not.toContain(PROMPT);
    expect(apply.exitCode).toBe(0);
    expect(apply.stdout).toContain('[upgrade/staticpods] Component "kube-apiserver" upgraded successfully!\n');
    expect(apply.stdout).toContain('\n[upgrade] SUCCESS! A control plane node of your cluster was upgraded to "v1.35.0".\n\n[upgrade] Now please proceed with upgrading the rest of the nodes by following the right order.\n');
    expect(out('grep image: /etc/kubernetes/manifests/kube-apiserver.yaml')).toContain('registry.k8s.io/kube-apiserver:v1.35.0');
    // A piped answer is not echoed, so kubeadm's next line continues right after the question.
    const piped = run('echo YES | kubeadm upgrade apply v1.35.0');
    expect(piped.exitCode).toBe(0);
    expect(piped.stdout).toContain(`${PROMPT}[upgrade/preflight] Pulling images required for setting up a Kubernetes cluster\n`);
    expect(out('kubectl version')).toBe('Client Version: v1.34.2\nKustomize Version: v5.7.1\nServer Version: v1.35.0\n');
    // VERSION is the kubelet's: unchanged until the kubelet package is upgraded and restarted.
    expect(row(out('kubectl get nodes'), 'controlplane')?.[4]).toBe('v1.34.2');
    expect(out('kubectl get ds kube-proxy -n kube-system -o jsonpath={.spec.template.spec.containers[0].image}')).toBe('registry.k8s.io/kube-proxy:v1.35.0');

    out('kubectl drain controlplane --ignore-daemonsets');
    out("apt-mark unhold kubelet kubectl && apt-get install -y kubelet='1.35.0-*' kubectl='1.35.0-*' && apt-mark hold kubelet kubectl");
    expect(row(out('kubectl get nodes'), 'controlplane')?.[4]).toBe('v1.34.2');
    expect(run('systemctl restart kubelet').stderr).toBe("Warning: The unit file, source configuration file or drop-ins of kubelet.service changed on disk. Run 'systemctl daemon-reload' to reload units.\n");
    out('systemctl daemon-reload');
    out('systemctl restart kubelet');
    out('kubectl uncordon controlplane');
    expect(out('kubelet --version')).toBe('Kubernetes v1.35.0\n');
    expect(row(out('kubectl get nodes'), 'controlplane')?.[4]).toBe('v1.35.0');
    expect(row(out('kubectl get nodes'), 'node01')?.[4]).toBe('v1.34.2');

    // Worker: repository, kubeadm, `kubeadm upgrade node`, drain, kubelet, restart, uncordon.
    out(`ssh node01 "sed -i 's|/v1.34/|/v1.35/|' /etc/apt/sources.list.d/kubernetes.list"`);
    out("ssh node01 apt-mark unhold kubeadm");
    out('ssh node01 apt-get update');
    out("ssh node01 apt-get install -y kubeadm=1.35.0-1.1");
    const node = run('ssh node01 kubeadm upgrade node');
    expect(node.stdout).toContain('[upgrade/control-plane] Skipping phase. Not a control plane node.\n');
    expect(node.stdout).toContain('[upgrade] The configuration for this node was successfully upgraded!\n');
    out('kubectl drain node01 --ignore-daemonsets');
    out('ssh node01 apt-mark unhold kubelet kubectl');
    out("ssh node01 apt-get install -y kubelet=1.35.0-1.1 kubectl=1.35.0-1.1");
    out('ssh node01 systemctl daemon-reload');
    out('ssh node01 systemctl restart kubelet');
    out('kubectl uncordon node01');
    const nodes = out('kubectl get nodes');
    expect(row(nodes, 'node01')?.slice(1, 2).concat(row(nodes, 'node01')![4])).toEqual(['Ready', 'v1.35.0']);
    expect(row(nodes, 'node02')?.[4]).toBe('v1.34.2');
  });

  it('the upgrade scenario passes its checks after its solution', () => {
    const { sim } = ops('upgrade');
    for (const s of sim.scenario.solution ?? []) sim.run(s);
    expect(sim.check().every((c) => c.pass)).toBe(true);
  });
});
