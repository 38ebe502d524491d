/**
 * kubectl's verbs that operate on objects already there (cordon, drain, taint, logs, exec, scale,
 * rollout, delete) and the read-only cluster-info, api-resources and version: a chunk of their own in the
 * browser, without js-yaml or the API server's validation, so that a chapter's drain or logs demo
 * stays small. None of them writes a value the validator could refuse: kubectl checks taints and
 * replica counts itself, and the rest only deletes, evicts or flips fields to values it chooses.
 * `get --raw` (health endpoints, /version) and the computed componentstatuses come here too. `delete -f` reads manifests through the YAML chunk, which the line scan loads for `-f`.
 */
import { apiResources, API_RESOURCES_FLAGS, clusterInfo } from '../cluster-info.ts';
import { del, DELETE_FLAGS } from '../delete.ts';
import { exec, EXEC_FLAGS } from '../exec.ts';
import { logs, LOGS_FLAGS } from '../logs.ts';
import { rawGet } from '../raw.ts';
import { version, VERSION_FLAGS } from '../info.ts';
import { cordon, drain, NODE_FLAGS, taint } from '../nodes.ts';
import { rollout, ROLLOUT_FLAGS } from '../rollout.ts';
import { scale, SCALE_FLAGS } from '../scale.ts';
import { subcommandNames } from '../subcommands.ts';
import { registerComputedKind, registerRawGet, registerVerbs } from '../verbs.ts';
import { componentStatuses } from '../componentstatus.ts';

/** Registers the verbs with kubectl (idempotent). */
export function install(): void {
  registerRawGet(rawGet);
  registerComputedKind('ComponentStatus', componentStatuses);
  registerVerbs({
    delete: { flags: DELETE_FLAGS, run: del, server: true },
    scale: { flags: SCALE_FLAGS, run: scale, server: true },
    logs: { flags: LOGS_FLAGS, run: logs, server: true },
    exec: { flags: EXEC_FLAGS, run: exec, server: true },
    cordon: { flags: NODE_FLAGS, run: (k) => cordon(k, true), server: true },
    uncordon: { flags: NODE_FLAGS, run: (k) => cordon(k, false), server: true },
    drain: { flags: NODE_FLAGS, run: drain, server: true },
    taint: { flags: NODE_FLAGS, run: taint, server: true },
    rollout: { flags: ROLLOUT_FLAGS, run: rollout, server: true, subcommands: subcommandNames(['history', 'pause', 'restart', 'resume', 'status', 'undo']) },
    'cluster-info': { flags: [], run: clusterInfo, server: true },
    'api-resources': { flags: API_RESOURCES_FLAGS, run: apiResources, server: true },
    // Not a server verb: the client's version prints even when the API server does not answer.
    version: { flags: VERSION_FLAGS, run: version, server: false },
  });
}
