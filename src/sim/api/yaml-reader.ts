/**
 * The part of js-yaml the simulator reads YAML with (load, loadAll and the schemas kubectl uses).
 * Named imports, never the default object: the bundler can then leave js-yaml's dumper out, since
 * the simulator writes YAML with its own printer (printers/yaml.ts).
 */
import { CORE_SCHEMA, JSON_SCHEMA, load, loadAll } from 'js-yaml';

/** js-yaml's reader, as manifest-yaml.ts registers it. */
export const YAML_READER = { load, loadAll, CORE_SCHEMA, JSON_SCHEMA };

/** The reader's type, for modules that take it registered rather than imported. */
export type YamlReader = typeof YAML_READER;
