/**
 * The controllers of kinds the default cluster has no objects of: StatefulSets, CronJobs and the
 * disruption budgets,
 * Jobs they start, the PV binder and local-path-provisioner (claims and volumes), and
 * ingress-nginx's status of Ingresses. Node registers them at once (all.ts);
 * the browser worker with kubectl's verbs or a scenario that declares objects, the only ways such
 * objects come to exist.
 */
import { registerControllers } from '../cluster.ts';
import { syncIngressStatus } from '../net/ingress.ts';
import type { Controller } from './context.ts';
import { cronJobController } from './cronjob.ts';
import { disruptionController } from './disruption.ts';
import { jobController } from './job.ts';
import { localPathProvisioner } from './provisioner.ts';
import { pvBinder } from './pvbinder.ts';
import { statefulSetController } from './statefulset.ts';

/** ingress-nginx publishes the address of its Service on the Ingresses it serves (kubectl get ingress ADDRESS). */
const ingressStatus: Controller = ({ store }) => syncIngressStatus(store);

/** Adds these controllers to the reconcile passes (idempotent). */
export function installWorkloadControllers(): void {
  registerControllers({ statefulset: statefulSetController, cronjob: cronJobController, job: jobController, pvbinder: pvBinder,
    'local-path-provisioner': localPathProvisioner, 'ingress-status': ingressStatus, disruption: disruptionController });
}
