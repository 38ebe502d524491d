/**
 * Registers every command family, every kubectl part, js-yaml (the full YAML reader), the API
 * server's validation, every controller and the shell's compound commands at once:
 * what Node (index.ts: the CLI, tests, benchmarks) imports so that all commands exist from the
 * first line. The browser loads them with lazy.ts, line by line.
 */
import { installValidation } from '../api/install-validation.ts';
import { YAML_READER } from '../api/yaml-reader.ts';
import { installWorkloadControllers } from '../controllers/workloads.ts';
import { installCompound } from '../shell/compound.ts';
import { installSsh } from '../shell/ssh.ts';
import { useUnavailableTools } from '../shell/interpreter.ts';
import { UNAVAILABLE_TOOLS, unservedResourceLine } from '../shell/unavailable.ts';
import { useFullYaml } from '../controllers/manifest-yaml.ts';
import type { CommandFn } from '../types.ts';
import { registerCommands } from './registry.ts';
import { COMMANDS as apt } from './families/apt.ts';
import { COMMANDS as awk } from './families/awk.ts';
import { COMMANDS as coreutils } from './families/coreutils.ts';
import { COMMANDS as crictl } from './families/crictl.ts';
import { COMMANDS as dnsutils } from './families/dnsutils.ts';
import { COMMANDS as docker } from './families/docker.ts';
import { COMMANDS as etcd } from './families/etcd.ts';
import { COMMANDS as http } from './families/http.ts';
import { COMMANDS as kubeadm } from './families/kubeadm.ts';
import { COMMANDS as kubectl } from './families/kubectl.ts';
import { COMMANDS as net } from './families/net.ts';
import { COMMANDS as node } from './families/node.ts';
import { COMMANDS as procps } from './families/procps.ts';
import { COMMANDS as diffutils } from './families/diffutils.ts';
import { COMMANDS as sed } from './families/sed.ts';
import { COMMANDS as systemd } from './families/systemd.ts';
import { install as describe } from './kubectl/parts/kubectl-describe.ts';
import { install as events } from './kubectl/parts/kubectl-events.ts';
import { install as explain } from './kubectl/parts/kubectl-explain.ts';
import { install as goTemplate } from './kubectl/parts/kubectl-gotemplate.ts';
import { install as help } from './kubectl/parts/kubectl-help.ts';
import { install as helpTexts } from './kubectl/parts/kubectl-help-texts.ts';
import { install as jsonpath } from './kubectl/parts/kubectl-jsonpath.ts';
import { install as ops } from './kubectl/parts/kubectl-ops.ts';
import { install as selectors } from './kubectl/parts/kubectl-selectors.ts';
import { install as verbs } from './kubectl/parts/kubectl-verbs.ts';
import { install as yamlPrinter } from './kubectl/parts/kubectl-yaml.ts';

/** Every family's commands, by family name (the names lazy.ts uses). */
export const ALL_FAMILIES: Record<string, Record<string, CommandFn>> = { coreutils, awk, sed, kubectl, systemd, etcd, dnsutils, http, net, docker, apt, kubeadm, crictl, node, procps, diffutils };

for (const family of Object.values(ALL_FAMILIES)) registerCommands(family);
for (const install of [describe, events, ops, verbs, help, helpTexts, jsonpath, goTemplate, yamlPrinter, explain, selectors]) install();
useFullYaml(YAML_READER);
// In the browser the YAML chunk and kubectl's verbs install these.
installValidation();
installWorkloadControllers();
useUnavailableTools(UNAVAILABLE_TOOLS, unservedResourceLine);
installCompound();
installSsh();
