/**
 * Realistic data shaped as kubectl hands it to its printers: `kubectl get nodes` / `get pods`
 * lists (printGeneric wraps items in a v1 List) and upstream jsonpath_test.go's inputs.
 */

export const nodeList = {
  apiVersion: 'v1',
  kind: 'List',
  metadata: { resourceVersion: '' },
  items: [
    {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: 'controlplane',
        creationTimestamp: '2024-05-01T09:00:00Z',
        labels: {
          'kubernetes.io/hostname': 'controlplane',
          'kubernetes.io/os': 'linux',
          'node-role.kubernetes.io/control-plane': '',
        },
      },
      spec: {
        podCIDR: '10.244.0.0/24',
        taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }],
      },
      status: {
        addresses: [
          { address: '192.168.121.10', type: 'InternalIP' },
          { address: 'controlplane', type: 'Hostname' },
        ],
        capacity: { cpu: '2', memory: '4015360Ki', pods: '110' },
        conditions: [
          { status: 'False', type: 'MemoryPressure' },
          { status: 'True', type: 'Ready', reason: 'KubeletReady' },
        ],
        nodeInfo: { kubeletVersion: 'v1.31.0', osImage: 'Ubuntu 22.04.4 LTS' },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: 'node01',
        creationTimestamp: '2024-05-01T09:05:00Z',
        labels: { 'kubernetes.io/hostname': 'node01', 'kubernetes.io/os': 'linux' },
      },
      spec: { podCIDR: '10.244.1.0/24' },
      status: {
        addresses: [
          { address: '192.168.121.11', type: 'InternalIP' },
          { address: 'node01', type: 'Hostname' },
        ],
        capacity: { cpu: '4', memory: '8151040Ki', pods: '110' },
        conditions: [
          { status: 'False', type: 'MemoryPressure' },
          { status: 'False', type: 'Ready', reason: 'KubeletNotReady' },
        ],
        nodeInfo: { kubeletVersion: 'v1.31.0', osImage: 'Ubuntu 22.04.4 LTS' },
      },
    },
  ],
};

export const podList = {
  apiVersion: 'v1',
  kind: 'List',
  metadata: { resourceVersion: '' },
  items: [
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'nginx', namespace: 'default', labels: { run: 'nginx' }, creationTimestamp: '2024-05-02T10:00:00Z' },
      spec: {
        containers: [{ image: 'nginx:1.27', name: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }] }],
        nodeName: 'node01',
      },
      status: { phase: 'Running', podIP: '10.244.1.5', startTime: '2024-05-02T10:00:01Z', containerStatuses: [{ name: 'nginx', ready: true, restartCount: 0 }] },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-0', namespace: 'default', labels: { app: 'web' }, creationTimestamp: '2024-05-02T09:00:00Z' },
      spec: {
        containers: [
          { image: 'busybox:1.36', name: 'app', resources: { requests: { cpu: '100m', memory: '64Mi' } } },
          { image: 'fluent/fluent-bit:3.0', name: 'logger' },
        ],
        nodeName: 'controlplane',
      },
      status: { phase: 'Pending', containerStatuses: [{ name: 'app', ready: false, restartCount: 3 }] },
    },
  ],
};

/** kubernetes/website content/en/docs/reference/kubectl/jsonpath.md, and TestKubernetes in jsonpath_test.go. */
export const docsInput = {
  kind: 'List',
  items: [
    {
      kind: 'None',
      metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } },
      status: { capacity: { cpu: '4' }, ready: true, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }] },
    },
    {
      kind: 'None',
      metadata: { name: '127.0.0.2', labels: { 'kubernetes.io/hostname': '127.0.0.2' } },
      status: {
        capacity: { cpu: '8' },
        ready: false,
        addresses: [
          { type: 'LegacyHostIP', address: '127.0.0.2' },
          { type: 'another', address: '127.0.0.3' },
        ],
      },
    },
  ],
  users: [
    { name: 'myself', user: {} },
    { name: 'e2e', user: { username: 'admin', password: 'secret' } },
  ],
};
