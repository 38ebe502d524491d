/**
 * kubectl's verbs beyond get and describe (apply, create, delete, edit, exec, logs, rollout…): a
 * chunk of their own in the browser, which brings js-yaml (apply -f, edit, patch, config read YAML).
 * Being how users write objects, it also turns on the API server's validation and the controllers
 * of the kinds only users create (StatefulSets, CronJobs, Jobs, Ingresses).
 */
import { installValidation } from '../../../api/install-validation.ts';
import { installWorkloadControllers } from '../../../controllers/workloads.ts';
import { applyOrCreate, APPLY_FLAGS } from '../apply.ts';
import { apiResources, API_RESOURCES_FLAGS, clusterInfo } from '../cluster-info.ts';
import { config, CONFIG_FLAGS } from '../config.ts';
import { create, CREATE_FLAGS } from '../create.ts';
import { del, DELETE_FLAGS } from '../delete.ts';
import { edit, EDIT_FLAGS } from '../edit.ts';
import { exec, EXEC_FLAGS } from '../exec.ts';
import { explain, EXPLAIN_FLAGS } from '../explain.ts';
import { expose, EXPOSE_FLAGS } from '../expose.ts';
import { labelOrAnnotate, LABEL_FLAGS } from '../label.ts';
import { logs, LOGS_FLAGS } from '../logs.ts';
import { cordon, drain, NODE_FLAGS, taint } from '../nodes.ts';
import { patch, PATCH_FLAGS } from '../patch.ts';
import { replace, REPLACE_FLAGS } from '../replace.ts';
import { rollout, ROLLOUT_FLAGS } from '../rollout.ts';
import { run, RUN_FLAGS } from '../run.ts';
import { scale, SCALE_FLAGS, setImage, SET_FLAGS } from '../scale.ts';
import { rootHelp, verbHelp } from '../help.ts';
import { registerHelp, registerVerbs } from '../verbs.ts';

/** Registers the verbs with kubectl (idempotent). */
export function install(): void {
  registerHelp({ root: rootHelp, verb: verbHelp });
  installValidation();
  installWorkloadControllers();
  registerVerbs({
    apply: { flags: APPLY_FLAGS, run: (k) => applyOrCreate(k, 'apply'), server: true },
    create: { flags: CREATE_FLAGS, run: create, server: true },
    run: { flags: RUN_FLAGS, run, server: true },
    expose: { flags: EXPOSE_FLAGS, run: expose, server: true },
    delete: { flags: DELETE_FLAGS, run: del, server: true },
    scale: { flags: SCALE_FLAGS, run: scale, server: true },
    set: { flags: SET_FLAGS, run: setImage, server: true },
    label: { flags: LABEL_FLAGS, run: (k) => labelOrAnnotate(k, 'labels'), server: true },
    annotate: { flags: LABEL_FLAGS, run: (k) => labelOrAnnotate(k, 'annotations'), server: true },
    logs: { flags: LOGS_FLAGS, run: logs, server: true },
    exec: { flags: EXEC_FLAGS, run: exec, server: true },
    explain: { flags: EXPLAIN_FLAGS, run: explain, server: true },
    cordon: { flags: NODE_FLAGS, run: (k) => cordon(k, true), server: true },
    uncordon: { flags: NODE_FLAGS, run: (k) => cordon(k, false), server: true },
    drain: { flags: NODE_FLAGS, run: drain, server: true },
    taint: { flags: NODE_FLAGS, run: taint, server: true },
    rollout: { flags: ROLLOUT_FLAGS, run: rollout, server: true },
    replace: { flags: REPLACE_FLAGS, run: replace, server: true },
    patch: { flags: PATCH_FLAGS, run: patch, server: true },
    edit: { flags: EDIT_FLAGS, run: edit, server: true },
    config: { flags: CONFIG_FLAGS, run: config, server: false },
    'cluster-info': { flags: [], run: clusterInfo, server: true },
    'api-resources': { flags: API_RESOURCES_FLAGS, run: apiResources, server: true },
  });
}
