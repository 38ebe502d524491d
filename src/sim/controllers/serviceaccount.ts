/** ServiceAccount and root-CA publisher controllers: each namespace gets `default` and kube-root-ca.crt. */
import type { Controller } from './context.ts';

/** The cluster CA every namespace's kube-root-ca.crt carries (a fixed test certificate body). */
export const ROOT_CA = `-----BEGIN CERTIFICATE-----
MIIDBTCCAe2gAwIBAgIIKhlYG9dPAmQwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE
AxMKa3ViZXJuZXRlczAeFw0yNjAxMDEwMDAwMDBaFw0zNTEyMzAwMDAwMDBaMBUx
EzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK
AoIBAQDHc3Vid2F5LXNpbXVsYXRvci1jYS1rZXktbm90LXJlYWwtZGF0YQ==
-----END CERTIFICATE-----
`;

export const serviceAccountController: Controller = ({ store }) => {
  let changed = false;
  for (const ns of store.list('Namespace')) {
    if (ns.metadata.deletionTimestamp) continue;
    const name = ns.metadata.name;
    const at = Date.parse(ns.metadata.creationTimestamp);
    if (!store.get('ServiceAccount', name, 'default')) {
      store.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } }, at);
      changed = true;
    }
    if (!store.get('ConfigMap', name, 'kube-root-ca.crt')) {
      store.create(
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'kube-root-ca.crt', namespace: name, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
          data: { 'ca.crt': ROOT_CA },
        },
        at,
      );
      changed = true;
    }
  }
  return changed;
};
