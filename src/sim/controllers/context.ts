/** What every controller receives, and helpers they share (owner references, pod readiness). */
import type { ApiServer } from '../api/server.ts';
import type { Obj, Store } from '../api/store.ts';
import type { Vfs } from '../types.ts';

/** The cluster as controllers see it. */
export interface ControllerContext {
  store: Store;
  api: ApiServer;
  now(): number;
  /** Whether a node's kubelet is up (systemctl stop kubelet takes it down). */
  kubeletUp(node: string): boolean;
  /** Virtual time the kubelet of a node stopped, when it is down. */
  kubeletStoppedAt(node: string): number | undefined;
  /** Whether an image can be pulled (a scenario may declare bad images). */
  imagePullable(image: string): boolean;
  /** A node's file system, for controllers that act on hosts (the local-path provisioner's helper pods). */
  hostFs?(node: string): Vfs | undefined;
}

/** A controller: one reconcile pass; returns true when it changed anything. */
export type Controller = (ctx: ControllerContext) => boolean;

/** The controller ownerReference pointing at `owner`. */
export function controllerRef(owner: Obj): Obj {
  return {
    apiVersion: owner.apiVersion,
    blockOwnerDeletion: true,
    controller: true,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
  };
}

/** Whether `obj` is controlled by `owner`. */
export function ownedBy(obj: Obj, owner: Obj): boolean {
  return (obj.metadata.ownerReferences ?? []).some((r: Obj) => r.uid === owner.metadata.uid && r.controller);
}

/** Whether a pod counts as ready (Running with the Ready condition). */
export function podReady(pod: Obj): boolean {
  return pod.status?.phase === 'Running' && (pod.status.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True');
}

/** Whether a pod is still active (not finished, not being deleted). */
export function podActive(pod: Obj): boolean {
  return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

/** FNV-1a 32-bit hash of a string. */
export function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.SafeEncodeString: maps each byte onto the alphabet without vowels. */
export function safeEncode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/** The pod-template-hash of a template (controller.ComputeHash, FNV of the template). */
export function templateHash(template: Obj, collisionCount = 0): string {
  return safeEncode(String(fnv32a(JSON.stringify(template) + (collisionCount ? String(collisionCount) : ''))));
}

/** Creates a pod from a template through the API server (defaulting, SA admission). */
export function createPodFromTemplate(ctx: ControllerContext, owner: Obj, template: Obj, name: string, extra?: { labels?: Record<string, string>; nodeName?: string; hostname?: string; subdomain?: string }): Obj | undefined {
  const labels = { ...(template.metadata?.labels ?? {}), ...(extra?.labels ?? {}) };
  const pod: Obj = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: owner.metadata.namespace, labels, ownerReferences: [controllerRef(owner)] },
    spec: JSON.parse(JSON.stringify(template.spec ?? {})),
  };
  if (template.metadata?.annotations) pod.metadata.annotations = { ...template.metadata.annotations };
  if (extra?.nodeName) pod.spec.nodeName = extra.nodeName;
  if (extra?.hostname) pod.spec.hostname = extra.hostname;
  if (extra?.subdomain) pod.spec.subdomain = extra.subdomain;
  const res = ctx.api.create(pod, owner.metadata.namespace);
  return res.obj;
}

/** Sets (or refreshes) a status condition, keeping lastTransitionTime when the status is unchanged. */
export function setCondition(conds: Obj[], type: string, status: string, now: string, extra: Obj = {}): void {
  const i = conds.findIndex((c) => c.type === type);
  const prev = i >= 0 ? conds[i] : undefined;
  const c: Obj = { ...extra, lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : now, status, type };
  if ('lastUpdateTime' in extra || prev?.lastUpdateTime) c.lastUpdateTime = now;
  if (i >= 0) conds[i] = c;
  else conds.push(c);
}
