/**
 * The objects `kubeadm init`/`join` and the standard add-ons leave in a fresh cluster: system
 * namespaces, nodes, control-plane mirror pods, CoreDNS, kube-proxy, flannel, the kubernetes
 * Service. Data only; cluster.ts stores them at backdated times.
 */
import { loadManifestYaml } from '../controllers/manifest-yaml.ts';
import type { Host } from '../types.ts';
import {
  CONTAINERD_VERSION,
  COREDNS_VERSION,
  ETCD_VERSION,
  FLANNEL_VERSION,
  KERNEL_VERSION,
  OS_IMAGE,
} from '../versions.ts';
import type { Obj } from './store.ts';

/** The kubeadm Corefile (cmd/kubeadm/app/phases/addons/dns/manifests.go). */
export const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`;

/** A Node object as the kubelet registers it (kubeadm labels and taints on the control plane). */
export function nodeObject(name: string, ip: string, index: number, controlPlane: boolean, kubeletVersion: string, machineId: string): Obj {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
  if (controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const cidr = `10.244.${index}.0/24`;
  const spec: Obj = { podCIDR: cidr, podCIDRs: [cidr] };
  if (controlPlane) spec.taints = [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }];
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      annotations: {
        'flannel.alpha.coreos.com/backend-data': '{"VNI":1,"VtepMAC":"' + macFrom(machineId) + '"}',
        'flannel.alpha.coreos.com/backend-type': 'vxlan',
        'flannel.alpha.coreos.com/kube-subnet-manager': 'true',
        'flannel.alpha.coreos.com/public-ip': ip,
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      labels,
      name,
    },
    spec,
    status: {
      addresses: [
        { address: ip, type: 'InternalIP' },
        { address: name, type: 'Hostname' },
      ],
      allocatable: { cpu: '2', 'ephemeral-storage': '37206697417', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '3912060Ki', pods: '110' },
      capacity: { cpu: '2', 'ephemeral-storage': '40371200Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '4014460Ki', pods: '110' },
      conditions: [],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: machineId.slice(0, 8) + '-' + machineId.slice(8, 12) + '-' + machineId.slice(12, 16) + '-' + machineId.slice(16, 20) + '-' + machineId.slice(20, 32),
        containerRuntimeVersion: `containerd://${CONTAINERD_VERSION}`,
        kernelVersion: KERNEL_VERSION,
        kubeProxyVersion: '',
        kubeletVersion,
        machineID: machineId,
        operatingSystem: 'linux',
        osImage: OS_IMAGE,
        systemUUID: machineId.slice(0, 8) + '-' + machineId.slice(8, 12) + '-' + machineId.slice(12, 16) + '-' + machineId.slice(16, 20) + '-' + machineId.slice(20, 32),
      },
    },
  };
}

function macFrom(id: string): string {
  return [0, 2, 4, 6, 8, 10].map((i) => id.slice(i, i + 2)).join(':');
}

/** Node conditions of a healthy node at a given time. */
export function healthyConditions(ts: string): Obj[] {
  const c = (type: string, status: string, reason: string, message: string) => ({
    lastHeartbeatTime: ts,
    lastTransitionTime: ts,
    message,
    reason,
    status,
    type,
  });
  return [
    c('NetworkUnavailable', 'False', 'FlannelIsUp', 'Flannel is running on this node'),
    c('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    c('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    c('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ];
}

function hostPathVol(name: string, path: string, type: string): Obj {
  return { hostPath: { path, type }, name };
}

function staticPod(component: string, node: string, image: string, command: string[], volumes: [string, string, string, boolean][], extra: Obj = {}): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      labels: { component, tier: 'control-plane' },
      name: component,
      namespace: 'kube-system',
      ...extra,
    },
    spec: {
      containers: [
        {
          command,
          image,
          imagePullPolicy: 'IfNotPresent',
          name: component,
          resources: { requests: { cpu: component === 'etcd' ? '100m' : component === 'kube-apiserver' ? '250m' : component === 'kube-controller-manager' ? '200m' : '100m', ...(component === 'etcd' ? { memory: '100Mi' } : {}) } },
          volumeMounts: volumes.map(([name, , mountPath, readOnly]) => (readOnly ? { mountPath, name, readOnly: true } : { mountPath, name })),
        },
      ],
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      volumes: volumes.map(([name, path, , ro]) => hostPathVol(name, path, ro && name !== 'etcd-certs' ? 'DirectoryOrCreate' : 'DirectoryOrCreate')),
    },
  };
}

/** The kubeadm static pod manifests for a control-plane node (used when the host has none on disk). */
export function defaultStaticPods(node: string, ip: string, version: string): Obj[] {
  const reg = 'registry.k8s.io';
  const pki: [string, string, string, boolean] = ['k8s-certs', '/etc/kubernetes/pki', '/etc/kubernetes/pki', true];
  const ca: [string, string, string, boolean] = ['ca-certs', '/etc/ssl/certs', '/etc/ssl/certs', true];
  return [
    staticPod(
      'etcd',
      node,
      `${reg}/etcd:${ETCD_VERSION}`,
      [
        'etcd',
        `--advertise-client-urls=https://${ip}:2379`,
        '--cert-file=/etc/kubernetes/pki/etcd/server.crt',
        '--client-cert-auth=true',
        '--data-dir=/var/lib/etcd',
        '--feature-gates=InitialCorruptCheck=true',
        `--initial-advertise-peer-urls=https://${ip}:2380`,
        `--initial-cluster=${node}=https://${ip}:2380`,
        '--key-file=/etc/kubernetes/pki/etcd/server.key',
        `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
        '--listen-metrics-urls=http://127.0.0.1:2381',
        `--listen-peer-urls=https://${ip}:2380`,
        `--name=${node}`,
        '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt',
        '--peer-client-cert-auth=true',
        '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key',
        '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
        '--snapshot-count=10000',
        '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
        '--watch-progress-notify-interval=5s',
      ],
      [
        ['etcd-certs', '/etc/kubernetes/pki/etcd', '/etc/kubernetes/pki/etcd', false],
        ['etcd-data', '/var/lib/etcd', '/var/lib/etcd', false],
      ],
      { annotations: { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` } },
    ),
    staticPod(
      'kube-apiserver',
      node,
      `${reg}/kube-apiserver:${version}`,
      [
        'kube-apiserver',
        `--advertise-address=${ip}`,
        '--allow-privileged=true',
        '--authorization-mode=Node,RBAC',
        '--client-ca-file=/etc/kubernetes/pki/ca.crt',
        '--enable-admission-plugins=NodeRestriction',
        '--enable-bootstrap-token-auth=true',
        '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt',
        '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt',
        '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key',
        '--etcd-servers=https://127.0.0.1:2379',
        '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt',
        '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key',
        '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
        '--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt',
        '--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key',
        '--requestheader-allowed-names=front-proxy-client',
        '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
        '--requestheader-extra-headers-prefix=X-Remote-Extra-',
        '--requestheader-group-headers=X-Remote-Group',
        '--requestheader-username-headers=X-Remote-User',
        '--secure-port=6443',
        '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
        '--service-account-key-file=/etc/kubernetes/pki/sa.pub',
        '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key',
        '--service-cluster-ip-range=10.96.0.0/12',
        '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
        '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
      ],
      [ca, ['etc-ca-certificates', '/etc/ca-certificates', '/etc/ca-certificates', true], pki],
      { annotations: { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` } },
    ),
    staticPod(
      'kube-controller-manager',
      node,
      `${reg}/kube-controller-manager:${version}`,
      [
        'kube-controller-manager',
        '--allocate-node-cidrs=true',
        '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--bind-address=127.0.0.1',
        '--client-ca-file=/etc/kubernetes/pki/ca.crt',
        '--cluster-cidr=10.244.0.0/16',
        '--cluster-name=kubernetes',
        '--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt',
        '--cluster-signing-key-file=/etc/kubernetes/pki/ca.key',
        '--controllers=*,bootstrapsigner,tokencleaner',
        '--kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--leader-elect=true',
        '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
        '--root-ca-file=/etc/kubernetes/pki/ca.crt',
        '--service-account-private-key-file=/etc/kubernetes/pki/sa.key',
        '--service-cluster-ip-range=10.96.0.0/12',
        '--use-service-account-credentials=true',
      ],
      [ca, pki, ['kubeconfig', '/etc/kubernetes/controller-manager.conf', '/etc/kubernetes/controller-manager.conf', true]],
    ),
    staticPod(
      'kube-scheduler',
      node,
      `${reg}/kube-scheduler:${version}`,
      [
        'kube-scheduler',
        '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--bind-address=127.0.0.1',
        '--kubeconfig=/etc/kubernetes/scheduler.conf',
        '--leader-elect=true',
      ],
      [['kubeconfig', '/etc/kubernetes/scheduler.conf', '/etc/kubernetes/scheduler.conf', true]],
    ),
  ];
}

/** Static pod manifests read from a host's /etc/kubernetes/manifests, when it has any. */
export function staticPodsFromHost(host: Host | undefined): Obj[] | undefined {
  const dir = '/etc/kubernetes/manifests';
  const names = host?.fs.list(dir);
  if (!host || !names || names.length === 0) return undefined;
  const pods: Obj[] = [];
  for (const n of names) {
    if (!/\.(ya?ml|json)$/.test(n)) continue;
    try {
      const doc = loadManifestYaml(host.fs.readFile(`${dir}/${n}`) ?? '') as Obj;
      if (doc && doc.kind === 'Pod' && doc.metadata?.name) pods.push(doc);
    } catch {
      // The kubelet skips manifests it cannot parse.
    }
  }
  return pods;
}

/** The CoreDNS add-on: Deployment, Service kube-dns and ConfigMap coredns. */
export function coreDnsObjects(): Obj[] {
  return [
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: COREFILE } },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
        labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
        name: 'kube-dns',
        namespace: 'kube-system',
      },
      spec: {
        clusterIP: '10.96.0.10',
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
        selector: { 'k8s-app': 'kube-dns' },
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { labels: { 'k8s-app': 'kube-dns' }, name: 'coredns', namespace: 'kube-system' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 }, type: 'RollingUpdate' },
        template: {
          metadata: { labels: { 'k8s-app': 'kube-dns' } },
          spec: {
            affinity: {
              podAntiAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [
                  { podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] }, topologyKey: 'kubernetes.io/hostname' }, weight: 100 },
                ],
              },
            },
            containers: [
              {
                args: ['-conf', '/etc/coredns/Corefile'],
                image: `registry.k8s.io/coredns/coredns:${COREDNS_VERSION}`,
                imagePullPolicy: 'IfNotPresent',
                name: 'coredns',
                ports: [
                  { containerPort: 53, name: 'dns', protocol: 'UDP' },
                  { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                  { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
                ],
                resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
                volumeMounts: [{ mountPath: '/etc/coredns', name: 'config-volume', readOnly: true }],
              },
            ],
            dnsPolicy: 'Default',
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            priorityClassName: 'system-cluster-critical',
            serviceAccountName: 'coredns',
            tolerations: [
              { key: 'CriticalAddonsOnly', operator: 'Exists' },
              { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' },
            ],
            volumes: [{ configMap: { items: [{ key: 'Corefile', path: 'Corefile' }], name: 'coredns' }, name: 'config-volume' }],
          },
        },
      },
    },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'coredns', namespace: 'kube-system' } },
  ];
}

/** kube-proxy's KubeProxyConfiguration as kubeadm writes it (mode "" = iptables). */
export const KUBE_PROXY_CONFIG = `apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
bindAddressHardFail: false
clientConnection:
  acceptContentTypes: ""
  burst: 0
  contentType: ""
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
  qps: 0
clusterCIDR: 10.244.0.0/16
configSyncPeriod: 0s
conntrack:
  maxPerCore: null
  min: null
  tcpBeLiberal: false
  tcpCloseWaitTimeout: null
  tcpEstablishedTimeout: null
  udpStreamTimeout: 0s
  udpTimeout: 0s
detectLocal:
  bridgeInterface: ""
  interfaceNamePrefix: ""
detectLocalMode: ""
enableProfiling: false
healthzBindAddress: ""
hostnameOverride: ""
iptables:
  localhostNodePorts: null
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
ipvs:
  excludeCIDRs: null
  minSyncPeriod: 0s
  scheduler: ""
  strictARP: false
  syncPeriod: 0s
  tcpFinTimeout: 0s
  tcpTimeout: 0s
  udpTimeout: 0s
kind: KubeProxyConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
metricsBindAddress: ""
mode: ""
nftables:
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
nodePortAddresses: null
oomScoreAdj: null
portRange: ""
showHiddenMetricsForVersion: ""
winkernel:
  enableDSR: false
  forwardHealthCheckVip: false
  networkName: ""
  rootHnsEndpointName: ""
  sourceVip: ""
`;

/** kube-proxy DaemonSet, its ConfigMap and ServiceAccount. */
export function kubeProxyObjects(version: string, apiserver: string): Obj[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { labels: { app: 'kube-proxy' }, name: 'kube-proxy', namespace: 'kube-system' },
      data: {
        'config.conf': KUBE_PROXY_CONFIG,
        'kubeconfig.conf': `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: https://${apiserver}:6443
  name: default
contexts:
- context:
    cluster: default
    namespace: default
    user: default
  name: default
current-context: default
users:
- name: default
  user:
    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token
`,
      },
    },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'kube-proxy', namespace: 'kube-system' } },
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { labels: { 'k8s-app': 'kube-proxy' }, name: 'kube-proxy', namespace: 'kube-system' },
      spec: {
        selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
        template: {
          metadata: { labels: { 'k8s-app': 'kube-proxy' } },
          spec: {
            containers: [
              {
                command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
                env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
                image: `registry.k8s.io/kube-proxy:${version}`,
                imagePullPolicy: 'IfNotPresent',
                name: 'kube-proxy',
                securityContext: { privileged: true },
                volumeMounts: [
                  { mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' },
                  { mountPath: '/run/xtables.lock', name: 'xtables-lock' },
                  { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
                ],
              },
            ],
            hostNetwork: true,
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            priorityClassName: 'system-node-critical',
            serviceAccountName: 'kube-proxy',
            tolerations: [{ operator: 'Exists' }],
            volumes: [
              { configMap: { name: 'kube-proxy' }, name: 'kube-proxy' },
              { hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' }, name: 'xtables-lock' },
              { hostPath: { path: '/lib/modules', type: '' }, name: 'lib-modules' },
            ],
          },
        },
      },
    },
  ];
}

/** Flannel (kube-flannel.yml): namespace, ConfigMap and DaemonSet. */
export function flannelObjects(): Obj[] {
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { labels: { 'k8s-app': 'flannel', 'pod-security.kubernetes.io/enforce': 'privileged' }, name: 'kube-flannel' } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { labels: { 'k8s-app': 'flannel' }, name: 'flannel', namespace: 'kube-flannel' } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { labels: { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' }, name: 'kube-flannel-cfg', namespace: 'kube-flannel' },
      data: {
        'cni-conf.json': `{
  "name": "cbr0",
  "cniVersion": "0.3.1",
  "plugins": [
    {
      "type": "flannel",
      "delegate": {
        "hairpinMode": true,
        "isDefaultGateway": true
      }
    },
    {
      "type": "portmap",
      "capabilities": {
        "portMappings": true
      }
    }
  ]
}
`,
        'net-conf.json': `{
  "Network": "10.244.0.0/16",
  "EnableNFTables": false,
  "Backend": {
    "Type": "vxlan"
  }
}
`,
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { labels: { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' }, name: 'kube-flannel-ds', namespace: 'kube-flannel' },
      spec: {
        selector: { matchLabels: { app: 'flannel', 'k8s-app': 'flannel' } },
        template: {
          metadata: { labels: { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' } },
          spec: {
            containers: [
              {
                args: ['--ip-masq', '--kube-subnet-mgr'],
                command: ['/opt/bin/flanneld'],
                env: [
                  { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
                  { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } },
                  { name: 'EVENT_QUEUE_DEPTH', value: '5000' },
                ],
                image: `ghcr.io/flannel-io/flannel:${FLANNEL_VERSION}`,
                imagePullPolicy: 'IfNotPresent',
                name: 'kube-flannel',
                resources: { requests: { cpu: '100m', memory: '50Mi' } },
                securityContext: { capabilities: { add: ['NET_ADMIN', 'NET_RAW'] }, privileged: false },
                volumeMounts: [
                  { mountPath: '/run/flannel', name: 'run' },
                  { mountPath: '/etc/kube-flannel/', name: 'flannel-cfg' },
                  { mountPath: '/run/xtables.lock', name: 'xtables-lock' },
                ],
              },
            ],
            hostNetwork: true,
            nodeSelector: undefined,
            priorityClassName: 'system-node-critical',
            serviceAccountName: 'flannel',
            tolerations: [{ effect: 'NoSchedule', operator: 'Exists' }],
            volumes: [
              { hostPath: { path: '/run/flannel', type: '' }, name: 'run' },
              { hostPath: { path: '/opt/cni/bin', type: '' }, name: 'cni-plugin' },
              { hostPath: { path: '/etc/cni/net.d', type: '' }, name: 'cni' },
              { configMap: { name: 'kube-flannel-cfg' }, name: 'flannel-cfg' },
              { hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' }, name: 'xtables-lock' },
            ],
          },
        },
      },
    },
  ];
}

/** The `kubernetes` Service and its Endpoints/EndpointSlice pointing at the apiserver. */
export function kubernetesServiceObjects(apiserver: string): Obj[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { labels: { component: 'apiserver', provider: 'kubernetes' }, name: 'kubernetes', namespace: 'default' },
      spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
    },
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' }, name: 'kubernetes', namespace: 'default' },
      subsets: [{ addresses: [{ ip: apiserver }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
    },
    {
      addressType: 'IPv4',
      apiVersion: 'discovery.k8s.io/v1',
      endpoints: [{ addresses: [apiserver], conditions: { ready: true } }],
      kind: 'EndpointSlice',
      metadata: { labels: { 'kubernetes.io/service-name': 'kubernetes' }, name: 'kubernetes', namespace: 'default' },
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    },
  ];
}

/** The ConfigMaps kubeadm init and the API server leave in kube-system and kube-public. */
export function kubeadmConfigMaps(version: string, apiserver: string, createdDay: string, caData: string): Obj[] {
  const clusterConfig = `apiServer: {}
apiVersion: kubeadm.k8s.io/v1beta4
caCertificateValidityPeriod: 87600h0m0s
certificateValidityPeriod: 8760h0m0s
certificatesDir: /etc/kubernetes/pki
clusterName: kubernetes
controllerManager: {}
dns: {}
encryptionAlgorithm: RSA-2048
etcd:
  local:
    dataDir: /var/lib/etcd
imageRepository: registry.k8s.io
kind: ClusterConfiguration
kubernetesVersion: ${version}
networking:
  dnsDomain: cluster.local
  podSubnet: 10.244.0.0/16
  serviceSubnet: 10.96.0.0/12
proxy: {}
scheduler: {}
`;
  const kubeletConfig = `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
clusterDNS:
- 10.96.0.10
clusterDomain: cluster.local
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
crashLoopBackOff: {}
evictionPressureTransitionPeriod: 0s
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: /etc/kubernetes/manifests
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;
  const ca = '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIKhlYG9dPAmQwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\n-----END CERTIFICATE-----\n';
  return [
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kubeadm-config', namespace: 'kube-system' }, data: { ClusterConfiguration: clusterConfig } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { annotations: { 'kubeadm.kubernetes.io/component-config.hash': 'sha256:' + '0'.repeat(64) }, name: 'kubelet-config', namespace: 'kube-system' },
      data: { kubelet: kubeletConfig },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'extension-apiserver-authentication', namespace: 'kube-system' },
      data: {
        'client-ca-file': ca,
        'requestheader-allowed-names': '["front-proxy-client"]',
        'requestheader-client-ca-file': ca,
        'requestheader-extra-headers-prefix': '["X-Remote-Extra-"]',
        'requestheader-group-headers': '["X-Remote-Group"]',
        'requestheader-uid-headers': '[]',
        'requestheader-username-headers': '["X-Remote-User"]',
      },
    },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-apiserver-legacy-service-account-token-tracking', namespace: 'kube-system' }, data: { since: createdDay } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cluster-info', namespace: 'kube-public' },
      data: {
        kubeconfig: `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: ${caData}\n    server: https://${apiserver}:6443\n  name: ""\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n`,
      },
    },
  ];
}
