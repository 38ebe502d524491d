/**
 * js-yaml's reader without its dumper, for the browser build (astro.config.mjs aliases `js-yaml`
 * here). js-yaml's ESM bundle runs every part when it is imported, dumper included (4 KB gzip the
 * simulator never calls: it writes YAML with printers/yaml.ts), so no bundler can leave it out;
 * its CommonJS sources can be taken one by one. Paths, not the package's name: its exports map
 * offers the bundle only. Node (the CLI, the tests) imports the package itself.
 */
import loader from '../../../node_modules/js-yaml/lib/loader.js';
import CORE_SCHEMA from '../../../node_modules/js-yaml/lib/schema/core.js';
import JSON_SCHEMA from '../../../node_modules/js-yaml/lib/schema/json.js';

export const { load, loadAll } = loader;
export { CORE_SCHEMA, JSON_SCHEMA };
