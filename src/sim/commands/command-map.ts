/**
 * Which family registers each command, known before any family is loaded: the browser worker
 * reads it to load a line's families (line-scan.ts), and completion, `which` and `type` to know
 * every command name. Keep it in step with families/*.ts (a test compares them).
 */

/** A command family's name (families/NAME.ts). */
export type FamilyName = 'coreutils' | 'awk' | 'sed' | 'kubectl' | 'systemd' | 'etcd' | 'dnsutils' | 'http' | 'net' | 'docker' | 'apt' | 'kubeadm' | 'crictl' | 'node' | 'procps' | 'diffutils';

/** Each family's command names. */
export const FAMILY_COMMANDS: Record<FamilyName, string[]> = {
  coreutils: [
    'base64', 'basename', 'cat', 'chmod', 'chown', 'clear', 'cp', 'cut', 'date', 'dirname', 'echo', 'egrep', 'env', 'false', 'grep', 'head',
    'hostname', 'id', 'less', 'ls', 'mkdir', 'more', 'mv', 'printf', 'rm', 'seq', 'sleep', 'sort', 'tail', 'tee', 'touch', 'tr', 'true',
    'uname', 'uniq', 'wc', 'whoami',
  ],
  awk: ['awk'],
  sed: ['sed'],
  kubectl: ['kubectl'],
  systemd: ['systemctl', 'service', 'journalctl'],
  etcd: ['etcdctl', 'etcdutl'],
  dnsutils: ['dig', 'getent', 'nslookup', 'ping'],
  http: ['curl', 'wget'],
  net: ['ip', 'ifconfig', 'route'],
  docker: ['docker'],
  apt: ['apt', 'apt-get', 'apt-cache', 'apt-mark', 'kubelet'],
  kubeadm: ['kubeadm'],
  crictl: ['crictl'],
  node: ['openssl', 'df', 'free'],
  procps: ['ps', 'pgrep', 'pidof', 'uptime', 'ss'],
  diffutils: ['diff'],
};

/** The family of each command name. */
export const COMMAND_FAMILY: ReadonlyMap<string, FamilyName> = new Map(
  (Object.entries(FAMILY_COMMANDS) as [FamilyName, string[]][]).flatMap(([family, names]) => names.map((name) => [name, family] as const)),
);
