/**
 * Well-known tools a learner may type that the sandbox does not have. They get one plain line
 * (`kubesim: helm: command not found in this sandbox`) instead of bash's message, so the reader
 * knows the tool is real but not simulated. A tool registered in commands/registry.ts wins.
 */
export const UNAVAILABLE_TOOLS: readonly string[] = [
  'helm', 'kustomize', 'k9s', 'kubectx', 'kubens', 'stern', 'jq', 'yq',
  'vim', 'vi', 'nano', 'emacs', 'ed', 'top', 'htop', 'watch', 'tmux', 'screen', 'man',
  'apt', 'apt-get', 'dpkg', 'snap', 'pip', 'npm', 'git', 'make', 'python3', 'python', 'perl',
  'etcdctl', 'etcdutl', 'kubeadm', 'kubelet', 'systemctl', 'journalctl', 'service',
  'crictl', 'ctr', 'nerdctl', 'docker', 'podman', 'containerd', 'runc',
  'nslookup', 'dig', 'host', 'curl', 'wget', 'ping', 'ip', 'ifconfig', 'ss', 'netstat', 'nc', 'telnet',
  'iptables', 'nft', 'tcpdump', 'traceroute', 'openssl', 'cfssl', 'ps', 'kill', 'pkill', 'free', 'df', 'du',
  'mount', 'lsblk', 'scp', 'rsync', 'tar', 'gzip', 'zip', 'unzip', 'diff', 'find', 'xargs', 'stat', 'ln', 'chown',
  // What else a node's admin reaches for: iproute2 and netfilter tools, the kernel's and systemd's settings.
  'bridge', 'arp', 'conntrack', 'ethtool', 'brctl', 'ipvsadm', 'lsof', 'strace', 'socat', 'mtr', 'resolvectl', 'ufw',
  'dmesg', 'sysctl', 'lsmod', 'modprobe', 'nsenter', 'unshare', 'hostnamectl', 'timedatectl', 'lscpu', 'vmstat', 'iostat',
  'blkid', 'fdisk', 'mkfs', 'file', 'whereis', 'tree', 'useradd', 'passwd', 'crontab', 'nproc', 'who', 'last', 'logger', 'kubectl-convert',
];

/**
 * Resource types a v1.34 kubeadm cluster serves and the sandbox's API server does not (plural,
 * singular and short names): kubectl answers them with the sandbox's line, not with "the server
 * doesn't have a resource type", which would be false of a real cluster.
 */
const UNSERVED_RESOURCES: ReadonlySet<string> = new Set([
  'clusterroles', 'clusterrole', 'clusterrolebindings', 'clusterrolebinding', 'roles', 'role', 'rolebindings', 'rolebinding',
  'networkpolicies', 'networkpolicy', 'netpol', 'horizontalpodautoscalers', 'horizontalpodautoscaler', 'hpa',
  'customresourcedefinitions', 'customresourcedefinition', 'crd', 'crds',
  'limitranges', 'limitrange', 'limits', 'resourcequotas', 'resourcequota', 'quota', 'priorityclasses', 'priorityclass', 'pc',
  'leases', 'lease', 'certificatesigningrequests', 'certificatesigningrequest', 'csr', 'replicationcontrollers', 'replicationcontroller', 'rc',
  'podtemplates', 'podtemplate', 'controllerrevisions', 'controllerrevision', 'runtimeclasses', 'runtimeclass',
  'csidrivers', 'csidriver', 'csinodes', 'csinode', 'csistoragecapacities', 'csistoragecapacity', 'volumeattachments', 'volumeattachment',
  'volumeattributesclasses', 'volumeattributesclass', 'vac', 'validatingwebhookconfigurations', 'validatingwebhookconfiguration',
  'mutatingwebhookconfigurations', 'mutatingwebhookconfiguration', 'validatingadmissionpolicies', 'validatingadmissionpolicy',
  'validatingadmissionpolicybindings', 'validatingadmissionpolicybinding', 'apiservices', 'apiservice',
  'flowschemas', 'flowschema', 'prioritylevelconfigurations', 'prioritylevelconfiguration', 'ipaddresses', 'ipaddress', 'ip',
  'servicecidrs', 'servicecidr', 'deviceclasses', 'deviceclass', 'resourceclaims', 'resourceclaim', 'resourceclaimtemplates',
  'resourceclaimtemplate', 'resourceslices', 'resourceslice', 'bindings', 'binding',
]);

/** kubectl's answer for a TYPE[.GROUP] that is one of them, in the sandbox's words. */
export function unservedResourceLine(type: string): string | undefined {
  if (!UNSERVED_RESOURCES.has(type.toLowerCase().split('.')[0])) return undefined;
  return `kubesim: kubectl: the resource type "${type}" is real, but this sandbox's API server does not serve it\n`;
}
