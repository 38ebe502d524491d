/**
 * kubectl's verbs that write objects from what the user types (apply, create, run, expose, set,
 * label, annotate, replace, patch, edit) and config: a chunk of their
 * own in the browser, loaded after the YAML chunk (js-yaml and the API server's validation:
 * apply -f, edit, patch and config read YAML, and users write objects). It turns on the
 * controllers of the kinds only users create (StatefulSets, CronJobs, Jobs, Ingresses). The verbs
 * that act on objects already there are in kubectl-ops.ts.
 */
import { installWorkloadControllers } from '../../../controllers/workloads.ts';
import { applyOrCreate, APPLY_FLAGS } from '../apply.ts';
import { config, CONFIG_FLAGS } from '../config.ts';
import { create, CREATE_FLAGS, CREATE_SUBCOMMANDS } from '../create.ts';
import { edit, EDIT_FLAGS } from '../edit.ts';
import { expose, EXPOSE_FLAGS } from '../expose.ts';
import { labelOrAnnotate, LABEL_FLAGS } from '../label.ts';
import { patch, PATCH_FLAGS } from '../patch.ts';
import { replace, REPLACE_FLAGS } from '../replace.ts';
import { run, RUN_FLAGS } from '../run.ts';
import { setImage, SET_FLAGS } from '../scale.ts';
import { subcommandNames } from '../subcommands.ts';
import { registerVerbs } from '../verbs.ts';

/** Registers the verbs with kubectl (idempotent). */
export function install(): void {
  installWorkloadControllers();
  registerVerbs({
    apply: { flags: APPLY_FLAGS, run: (k) => applyOrCreate(k, 'apply'), server: true },
    create: { flags: CREATE_FLAGS, run: create, server: true, subcommands: CREATE_SUBCOMMANDS },
    run: { flags: RUN_FLAGS, run, server: true },
    expose: { flags: EXPOSE_FLAGS, run: expose, server: true },
    set: { flags: SET_FLAGS, run: setImage, server: true, subcommands: subcommandNames(['env', 'image', 'resources', 'selector', 'serviceaccount', 'subject'], { sa: 'serviceaccount' }) },
    label: { flags: LABEL_FLAGS, run: (k) => labelOrAnnotate(k, 'labels'), server: true },
    annotate: { flags: LABEL_FLAGS, run: (k) => labelOrAnnotate(k, 'annotations'), server: true },
    replace: { flags: REPLACE_FLAGS, run: replace, server: true },
    patch: { flags: PATCH_FLAGS, run: patch, server: true },
    edit: { flags: EDIT_FLAGS, run: edit, server: true },
    config: {
      flags: CONFIG_FLAGS,
      run: config,
      server: false,
      subcommands: subcommandNames(
        ['current-context', 'delete-cluster', 'delete-context', 'delete-user', 'get-clusters', 'get-contexts', 'get-users', 'rename-context', 'set', 'set-cluster', 'set-context', 'set-credentials', 'unset', 'use-context', 'view'],
        { use: 'use-context' },
      ),
    },
  });
}
