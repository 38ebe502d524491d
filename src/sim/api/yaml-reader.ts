/**
 * The part of js-yaml the simulator reads YAML with (load, loadAll and the schemas kubectl uses),
 * registered by the YAML chunk (lazy.ts) and all.ts. The simulator writes YAML with its own
 * printer (printers/yaml.ts), so the worker build leaves js-yaml's dumper out
 * (src/integrations/worker-chunks.ts).
 */
import { CORE_SCHEMA, JSON_SCHEMA, load, loadAll } from 'js-yaml';

/** js-yaml's reader, as manifest-yaml.ts registers it. */
export const YAML_READER = { load, loadAll, CORE_SCHEMA, JSON_SCHEMA };

/** The reader's type, for modules that take it registered rather than imported. */
export type YamlReader = typeof YAML_READER;
