/** `-o` handling shared by get, create, run, apply…: yaml, json, name, jsonpath, custom-columns. */
import { resolvePath, type Kctx } from './context.ts';
import type { Obj } from '../../api/store.ts';
import { toJson } from '../../printers/json.ts';
import { objectName } from '../../printers/name.ts';
import { goTemplateFormat, jsonPathFormats, loadedJsonPathFormats, yamlFormat } from './formats.ts';

const ALLOWED =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** Whether an -o value is one the simulator prints (or a known one it does not). */
export function checkOutputFormat(format: string): string | undefined {
  const base = format.split('=')[0];
  if (['', 'wide', 'yaml', 'json', 'name', 'jsonpath', 'jsonpath-file', 'custom-columns', 'custom-columns-file', 'jsonpath-as-json', 'go-template', 'go-template-file', 'template', 'templatefile'].includes(base))
    return undefined;
  return `error: unable to match a printer suitable for the output format "${format}", allowed formats are: ${ALLOWED}\n`;
}

/** The object handed to jsonpath/yaml/json printers: one object or a List. */
export function asListOrSingle(objs: Obj[], single: boolean): Obj {
  if (single && objs.length === 1) return objs[0];
  return { apiVersion: 'v1', items: objs, kind: 'List', metadata: { resourceVersion: '' } };
}

function stripJsonpathBraces(t: string): string {
  return t;
}

/** Prints objects in a structured format; returns false when the format is a table format. */
export function printStructured(k: Kctx, objs: Obj[], format: string, single: boolean): boolean {
  const eq = format.indexOf('=');
  const base = eq < 0 ? format : format.slice(0, eq);
  const arg = eq < 0 ? '' : format.slice(eq + 1);
  const data = asListOrSingle(objs, single);
  const allowMissing = k.p.flags.get('allow-missing-template-keys') !== false;
  try {
    switch (base) {
      case 'yaml':
        k.out += yamlFormat()(data);
        return true;
      case 'json':
        k.out += toJson(data);
        return true;
      case 'name':
        k.out += objs.map((o) => objectName(o) + '\n').join('');
        return true;
      case 'jsonpath':
      case 'jsonpath-as-json':
        k.out += jsonPathFormats().jsonpath(stripJsonpathBraces(arg), data, { allowMissingKeys: allowMissing });
        return true;
      case 'jsonpath-file': {
        const text = k.ctx.host.fs.readFile(resolvePath(k.ctx, arg));
        if (text === undefined) {
          k.err += `error: error reading --template ${arg}: open ${arg}: no such file or directory\n`;
          k.code = 1;
          return true;
        }
        k.out += jsonPathFormats().jsonpath(text, data, { allowMissingKeys: allowMissing });
        return true;
      }
      case 'custom-columns':
        if (!arg) {
          k.err += 'error: custom-columns format specified but no custom columns given\n';
          k.code = 1;
          return true;
        }
        k.out += jsonPathFormats().customColumns(arg, objs, { noHeaders: k.p.flags.get('no-headers') === true });
        return true;
      case 'custom-columns-file': {
        const text = k.ctx.host.fs.readFile(resolvePath(k.ctx, arg));
        if (text === undefined) {
          k.err += `error: error reading template ${arg}, open ${arg}: no such file or directory\n`;
          k.code = 1;
          return true;
        }
        k.out += jsonPathFormats().customColumnsFromFile(text, objs);
        return true;
      }
      case 'go-template':
      case 'go-template-file':
      case 'template':
      case 'templatefile': {
        if (!arg) {
          k.err += 'error: template format specified but no template given\n';
          k.code = 1;
          return true;
        }
        let text: string | undefined = arg;
        if (base === 'go-template-file' || base === 'templatefile') {
          text = k.ctx.host.fs.readFile(resolvePath(k.ctx, arg));
          if (text === undefined) {
            k.err += `error: error reading --template ${arg}, open ${arg}: no such file or directory\n`;
            k.code = 1;
            return true;
          }
        }
        const r = goTemplateFormat()(text, data, { allowMissingKeys: allowMissing });
        k.out += r.out;
        if (r.err) {
          k.err += r.err;
          k.code = 1;
        }
        return true;
      }
    }
  } catch (e) {
    // Only the custom-columns printer throws with output to keep; it is loaded when it threw.
    if (base.startsWith('custom-columns')) k.out += loadedJsonPathFormats()?.customColumnsStdout(e) ?? '';
    const msg = (e as Error).message;
    k.err += msg.startsWith('error:') ? msg : `error: ${msg}${msg.endsWith('\n') ? '' : '\n'}`;
    k.code = 1;
    return true;
  }
  return false;
}
