import { test, expect as baseExpect, type Page } from '@playwright/test';

/**
 * The chapters' terminal demos, in both languages: each chapter's demo answers a command typed on
 * the keyboard, a ▶ button (of a runnable ```bash run block, or of the demo's solution) runs its
 * command in that demo, and the troubleshooting demo is fixed only by the real fix.
 *
 * Expected outputs come from the scenarios in content/scenarios/ (named on each test) and from the
 * upstream tools, cited next to each assertion.
 */

/** Labels of the terminal (src/components/terminal/strings.ts). */
const LABELS = {
  ja: { input: 'コマンド入力', runInTerminal: 'ターミナルで実行', runLabel: '実行：', showSolution: '解答を表示' },
  en: { input: 'Command input', runInTerminal: 'Run in the terminal', runLabel: 'Run: ', showSolution: 'Show solution' },
} as const;
type Lang = keyof typeof LABELS;

// The simulator boots in a worker per terminal; on a loaded machine that takes seconds.
test.describe.configure({ timeout: 60_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

/** The demo of a scenario on the page (a page may hold several terminals). */
function demo(page: Page, scenario: string) {
  const root = page.locator(`kube-terminal[scenario="${scenario}"]`);
  return { root, log: root.getByRole('log'), input: root.getByRole('textbox') };
}

/** Clicks the terminal's input and types a command from the keyboard, then Enter. */
async function typeCommand(page: Page, scenario: string, command: string) {
  const { input } = demo(page, scenario);
  await input.click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

/** The ▶ button a runnable code block has for a command (its first line). */
function blockRun(page: Page, lang: Lang, command: string) {
  return page.getByRole('button', { name: `${LABELS[lang].runInTerminal}: ${command}`, exact: true });
}

/** The ▶ button of one command of a demo's solution (opens the solution first). */
async function solutionRun(page: Page, lang: Lang, scenario: string, command: string) {
  const { root } = demo(page, scenario);
  await root.getByText(LABELS[lang].showSolution).click();
  return root.getByRole('button', { name: `${LABELS[lang].runLabel}${command}`, exact: true });
}

for (const lang of ['ja', 'en'] as const satisfies Lang[]) {
  test.describe(`chapter demos (${lang})`, () => {
    test('1. node maintenance: drain refuses, then drains with the flags it asks for', async ({ page }) => {
      await page.goto(`/${lang}/node-maintenance/`);
      const t = demo(page, 'drain');
      await expect(t.root.getByRole('textbox', { name: LABELS[lang].input })).toBeVisible();
      await typeCommand(page, 'drain', 'kubectl drain node01');
      // Messages of kubectl's drain filters (kubernetes/kubectl pkg/drain/filters.go: daemonSetWarning,
      // unmanagedFatal, localStorageFatal) and the summary of pkg/cmd/drain/drain.go.
      await expect(t.log).toContainText('node/node01 cordoned');
      await expect(t.log).toContainText('cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)');
      await expect(t.log).toContainText('cannot delete Pods that declare no controller (use --force to override): default/debug');
      await expect(t.log).toContainText('cannot delete Pods with local storage (use --delete-emptydir-data to override)');
      const run = await solutionRun(page, lang, 'drain', 'kubectl drain node01 --ignore-daemonsets --force --delete-emptydir-data');
      await run.click();
      // pkg/cmd/drain/drain.go prints "pod/<name> evicted" per Pod and "node/<name> drained" at the end.
      await expect(t.log).toContainText('pod/debug evicted');
      await expect(t.log).toContainText('node/node01 drained');
      // The terminal keeps drain's order: "already cordoned" (stdout), the DaemonSet warning (stderr), then the evictions.
      await expect(t.log).toContainText(/node\/node01 already cordoned\s+Warning: ignoring DaemonSet-managed Pods: [^\n]+\s+evicting pod default\/debug/);
      await typeCommand(page, 'drain', 'kubectl get nodes');
      // Node STATUS column with spec.unschedulable (pkg/printers/internalversion/printers.go printNode).
      await expect(t.log).toContainText(/node01\s+Ready,SchedulingDisabled/);
    });

    test('1b. node maintenance: under a PodDisruptionBudget, drain retries the eviction the budget refuses', async ({ page }) => {
      await page.goto(`/${lang}/node-maintenance/`);
      const t = demo(page, 'drain');
      // --selector brings the label parser's chunk, create the verbs' chunk with the disruption controller.
      await typeCommand(page, 'drain', 'kubectl create pdb web-pdb --selector=app=web --min-available=3');
      await expect(t.log).toContainText('poddisruptionbudget.policy/web-pdb created');
      await typeCommand(page, 'drain', 'kubectl drain node01 --ignore-daemonsets --force --delete-emptydir-data');
      // pkg/drain/drain.go evictPods: the 429 of the eviction subresource, retried 5 s later.
      await expect(t.log).toContainText(/error when evicting pods\/"web-[\w-]+" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\./);
      await expect(t.log).toContainText('node/node01 drained');
      await typeCommand(page, 'drain', 'kubectl get pdb');
      // printPodDisruptionBudget (pkg/printers/internalversion/printers.go).
      await expect(t.log).toContainText(/web-pdb\s+3\s+N\/A\s+1\s+/);
    });

    test('2. upgrades: a ▶ of the procedure switches the package repository', async ({ page }) => {
      await page.goto(`/${lang}/upgrades/`);
      const t = demo(page, 'upgrade');
      await typeCommand(page, 'upgrade', 'kubectl get nodes');
      // content/scenarios/upgrade.yaml starts at v1.34.2 (nodeColumnDefinitions: NAME STATUS ROLES AGE VERSION).
      await expect(t.log).toContainText(/controlplane\s+Ready\s+control-plane\s+\S+\s+v1\.34\.2/);
      await blockRun(page, lang, "sed -i 's|/v1.34/|/v1.35/|' /etc/apt/sources.list.d/kubernetes.list").first().click();
      await blockRun(page, lang, 'cat /etc/apt/sources.list.d/kubernetes.list').click();
      // The pkgs.k8s.io line of "Changing the package repository" (kubernetes.io/docs/tasks/administer-cluster/kubeadm/change-package-repository/).
      await expect(t.log).toContainText('https://pkgs.k8s.io/core:/stable:/v1.35/deb/ /');
    });

    test('3. backup and restore: the ▶ of the etcdctl block saves a snapshot', async ({ page }) => {
      await page.goto(`/${lang}/backup-restore/`);
      const t = demo(page, 'etcd-backup');
      await typeCommand(page, 'etcd-backup', 'kubectl get deployment important');
      // The Deployment of content/scenarios/etcd-backup.yaml (deploymentColumns: NAME READY UP-TO-DATE AVAILABLE AGE).
      await expect(t.log).toContainText(/important\s+2\/2\s+2\s+2/);
      // The block's command spans five lines joined by "\"; the ▶ sends them all.
      await blockRun(page, lang, 'etcdctl --endpoints=https://127.0.0.1:2379 \\').click();
      // etcdctl v3.6 etcdctl/ctlv3/command/snapshot_command.go: "Snapshot saved at %s".
      await expect(t.log).toContainText('Snapshot saved at /opt/snapshot-pre-boot.db');
      await blockRun(page, lang, 'etcdutl --write-out=table snapshot status /opt/snapshot-pre-boot.db').click();
      // etcdutl's table printer (etcdutl/etcdutl/printer_table.go): HASH REVISION TOTAL KEYS TOTAL SIZE VERSION.
      await expect(t.log).toContainText(/\|\s+HASH\s+\|\s+REVISION\s+\|\s+TOTAL KEYS\s+\|\s+TOTAL SIZE\s+\|\s+VERSION\s+\|/);
    });

    test('4. storage: a docker volume from a ▶, and a PVC bound to a PV', async ({ page }) => {
      await page.goto(`/${lang}/storage/`);
      const d = demo(page, 'docker-volumes');
      await blockRun(page, lang, 'docker run -e MYSQL_ROOT_PASSWORD=secret -v data_volume:/var/lib/mysql mysql').click();
      // mysqld's start message (mysql-server sql/mysqld.cc, ER_SERVER_STARTUP_MSG).
      await expect(d.log).toContainText('ready for connections');
      await typeCommand(page, 'docker-volumes', 'docker volume ls');
      // docker/cli cli/command/volume/formatter: DRIVER and VOLUME NAME columns.
      await expect(d.log).toContainText(/DRIVER\s+VOLUME NAME\s+local\s+data_volume/);

      await page.goto(`/${lang}/storage/persistent-volume-claims/`);
      const s = demo(page, 'storage-pv');
      await typeCommand(page, 'storage-pv', 'kubectl create -f pv-definition.yaml');
      await expect(s.log).toContainText('persistentvolume/pv-vol1 created');
      await typeCommand(page, 'storage-pv', 'kubectl create -f pvc-definition.yaml');
      await typeCommand(page, 'storage-pv', 'kubectl get pvc');
      // persistentVolumeClaimColumnDefinitions (printers.go): NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE;
      // a claim's CAPACITY is its PV's.
      await expect(s.log).toContainText(/myclaim\s+Bound\s+pv-vol1\s+1Gi\s+RWO\s+<unset>/);
    });

    test('4. storage: the ▶ of the PV page creates the hostPath PV', async ({ page }) => {
      await page.goto(`/${lang}/storage/persistent-volumes/`);
      const s = demo(page, 'storage-pv');
      await blockRun(page, lang, 'kubectl create -f pv-definition.yaml').click();
      await blockRun(page, lang, 'kubectl get persistentvolume').click();
      // persistentVolumeColumnDefinitions (printers.go); a PV without a class has an empty STORAGECLASS.
      await expect(s.log).toContainText(/pv-vol1\s+1Gi\s+RWO\s+Retain\s+Available\s+<unset>/);
    });

    test('4. storage: the StorageClass page provisions a local-path volume for a Pod', async ({ page }) => {
      await page.goto(`/${lang}/storage/storage-class/`);
      const s = demo(page, 'storage-provisioning');
      await typeCommand(page, 'storage-provisioning', 'kubectl create -f pvc.yaml');
      await typeCommand(page, 'storage-provisioning', 'kubectl get pvc');
      // persistentVolumeClaimColumnDefinitions (printers.go); WaitForFirstConsumer keeps it Pending (pv_controller.go).
      await expect(s.log).toContainText(/local-path-pvc\s+Pending\s+local-path\s+<unset>/);
      await typeCommand(page, 'storage-provisioning', 'kubectl create -f pod.yaml');
      await typeCommand(page, 'storage-provisioning', 'kubectl get pvc');
      // The PV is named "pvc-" + the claim's UID (sig-storage-lib-external-provisioner controller.go).
      await expect(s.log).toContainText(/local-path-pvc\s+Bound\s+pvc-[0-9a-f-]{36}\s+128Mi\s+RWO\s+local-path/);
      await (await solutionRun(page, lang, 'storage-provisioning', 'kubectl get pv,pvc')).click();
      // persistentVolumeColumnDefinitions (printers.go); the class's reclaimPolicy Delete is the PV's.
      await expect(s.log).toContainText(/persistentvolume\/pvc-[0-9a-f-]{36}\s+128Mi\s+RWO\s+Delete\s+Bound\s+default\/local-path-pvc\s+local-path/);
      await typeCommand(page, 'storage-provisioning', 'kubectl describe pvc local-path-pvc');
      // volume_store.go: "Successfully provisioned volume %s".
      await expect(s.log).toContainText(/Successfully provisioned volume pvc-/);
    });

    test('5. networking: Ingress path routing with curl from a ▶', async ({ page }) => {
      await page.goto(`/${lang}/networking/ingress/`);
      const t = demo(page, 'ingress');
      await typeCommand(page, 'ingress', 'kubectl apply -f Ingress-wear-watch.yaml');
      await expect(t.log).toContainText('ingress.networking.k8s.io/ingress-wear-watch created');
      await blockRun(page, lang, 'curl http://node01:30080/wear').click();
      // nginxdemos/hello:plain-text answers with "Server name: <pod>" (nginxinc/NGINX-Demos nginx-hello hello-plain-text.conf).
      await expect(t.log).toContainText(/Server name: wear-/);
      await expect(t.log).toContainText('URI: /wear');
    });

    test('5. networking: DNS names from another namespace', async ({ page }) => {
      await page.goto(`/${lang}/networking/dns/`);
      const t = demo(page, 'dns');
      await typeCommand(page, 'dns', 'kubectl exec -n apps busybox -- nslookup web-service.default');
      // busybox 1.28 nslookup prints "Name: <fqdn>" and "Address 1: <ip> <ptr>"; ClusterIP from content/scenarios/dns.yaml.
      await expect(t.log).toContainText(/Name:\s+web-service\.default/);
      await expect(t.log).toContainText('10.104.33.21 web-service.default.svc.cluster.local');
    });

    test('5. networking: the ▶ of the CNI page lists the kube-system Pods', async ({ page }) => {
      await page.goto(`/${lang}/networking/cni-plugins/`);
      const t = demo(page, 'pod-network');
      await blockRun(page, lang, 'kubectl get pods -n kube-system').click();
      await expect(t.log).toContainText(/kube-apiserver-controlplane\s+1\/1\s+Running/);
      await typeCommand(page, 'pod-network', 'ls /etc/cni/net.d');
      // Flannel's CNI configuration (flannel-io/flannel Documentation/kube-flannel.yml, cni-conf.json → 10-flannel.conflist).
      await expect(t.log).toContainText('10-flannel.conflist');
    });

    test('6. kubeadm: inspect the cluster kubeadm built', async ({ page }) => {
      await page.goto(`/${lang}/kubeadm/`);
      const t = demo(page, 'kubeadm-inspect');
      await typeCommand(page, 'kubeadm-inspect', 'kubeadm version -o short');
      await expect(t.log).toContainText(/\nv1\.34\.2/);
      const run = await solutionRun(page, lang, 'kubeadm-inspect', 'ls /etc/kubernetes/manifests');
      await run.click();
      // The static Pod manifests kubeadm init writes (kubernetes/kubernetes cmd/kubeadm/app/constants: Etcd, KubeAPIServer…).
      await expect(t.log).toContainText('kube-apiserver.yaml');
      await expect(t.log).toContainText('etcd.yaml');
    });

    test('7. troubleshooting: the Service answers only after the real fix', async ({ page }) => {
      await page.goto(`/${lang}/troubleshooting/`);
      const t = demo(page, 'broken-app');
      await typeCommand(page, 'broken-app', 'kubectl exec client -- wget -qO- -T 2 http://web-service');
      // No endpoint: kube-proxy rejects the connection; busybox wget's message (networking/wget.c via bb_perror_msg).
      await expect(t.log).toContainText("wget: can't connect to remote host (10.101.45.12): Connection refused");
      // Half a fix (the selector only): the Pods are found but the target port is still 8080.
      await typeCommand(page, 'broken-app', `kubectl patch service web-service -p '{"spec":{"selector":{"app":"webapp"}}}'`);
      await expect(t.log).toContainText('service/web-service patched');
      await typeCommand(page, 'broken-app', 'kubectl exec client -- wget -qO- -T 2 http://web-service');
      await expect.poll(async () => ((await t.log.textContent()) ?? '').split('Connection refused').length - 1).toBe(2);
      await expect(t.log).not.toContainText('Welcome to nginx!');
      // The rest of the fix, from the solution's ▶.
      const run = await solutionRun(
        page,
        lang,
        'broken-app',
        `kubectl patch service web-service --type=json -p '[{"op":"replace","path":"/spec/ports/0/targetPort","value":80}]'`,
      );
      await run.click();
      await typeCommand(page, 'broken-app', 'kubectl exec client -- wget -qO- http://web-service');
      // nginx's default index.html (nginx/nginx docs/html/index.html).
      await expect(t.log).toContainText('Welcome to nginx!');
    });

    test('7. troubleshooting: the terminal reports the scenario fixed only after the real fix', async ({ page }) => {
      await page.goto(`/${lang}/troubleshooting/`);
      const t = demo(page, 'broken-app');
      const report = t.root.locator('[data-part="checks"]');
      await typeCommand(page, 'broken-app', 'kubectl get svc web-service');
      // Broken from the start (content/scenarios/broken-app.yaml: none of its 3 checks passes).
      await expect(report).toHaveAttribute('data-state', 'failing');
      await expect(report).toHaveText(lang === 'ja' ? 'まだ直っていません（確認 0/3 件が通っています）。' : 'Not fixed yet (0 of 3 checks pass).');
      await typeCommand(page, 'broken-app', `kubectl patch service web-service -p '{"spec":{"selector":{"app":"webapp"}}}'`);
      await expect(t.log).toContainText('service/web-service patched');
      await expect(report).toHaveAttribute('data-state', 'failing', { timeout: 3_000 });
      await typeCommand(
        page,
        'broken-app',
        `kubectl patch service web-service --type=json -p '[{"op":"replace","path":"/spec/ports/0/targetPort","value":80}]'`,
      );
      await expect(report).toHaveAttribute('data-state', 'passed', { timeout: 3_000 });
      await expect(report).toHaveText(lang === 'ja' ? '直りました！ すべての確認が通りました。' : 'Fixed! Every check passes.');
    });

    test('7b. DNS: a scenario to explore says nothing is broken, and "fixed" only after the reader broke and mended it', async ({ page }) => {
      await page.goto(`/${lang}/networking/dns/`);
      const t = demo(page, 'dns');
      const report = t.root.locator('[data-part="checks"]');
      await typeCommand(page, 'dns', 'kubectl get svc web-service');
      // content/scenarios/dns.yaml: its one check (web-service resolves from default) holds from the start.
      await expect(report).toHaveAttribute('data-state', 'holding');
      await expect(report).toHaveText(lang === 'ja' ? 'すべての確認が通っています。壊れているところはありません。' : 'Every check passes: nothing here is broken.');
      await typeCommand(page, 'dns', 'kubectl delete svc web-service');
      await expect(report).toHaveAttribute('data-state', 'failing');
      await typeCommand(page, 'dns', 'kubectl expose deployment web --name web-service --port 80 --cluster-ip 10.104.33.21');
      await expect(t.log).toContainText('service/web-service exposed');
      await expect(report).toHaveAttribute('data-state', 'passed');
    });

    test('8. advanced kubectl: jsonpath typed, and a ▶ of the kubeconfig block', async ({ page }) => {
      await page.goto(`/${lang}/advanced-kubectl/`);
      const t = demo(page, 'jsonpath');
      await typeCommand(page, 'jsonpath', `kubectl get nodes -o=jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.status.capacity.cpu}{"\\n"}{end}'`);
      // The range example of kubernetes.io/docs/reference/kubectl/jsonpath/; 2 CPUs per node in content/scenarios/default.yaml.
      await expect(t.log).toContainText(/controlplane\t2\nnode01\t2\nnode02\t2/);
      await blockRun(page, lang, 'kubectl config current-context').click();
      // The context kubeadm writes into admin.conf (cmd/kubeadm/app/phases/kubeconfig: "<user>@<cluster>").
      await expect(t.log).toContainText('kubernetes-admin@kubernetes');
    });
  });
}
