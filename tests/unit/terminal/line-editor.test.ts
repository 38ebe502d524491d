import { describe, expect, it } from 'vitest';
import {
  applyCompletion,
  commonPrefix,
  formatColumns,
  keyAction,
  LineHistory,
  wordStart,
} from '../../../src/components/terminal/line-editor.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  shiftKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('keyAction', () => {
  it('maps the readline keys', () => {
    expect(keyAction(key('Enter'), 'ls', false)).toBe('submit');
    expect(keyAction(key('ArrowUp'), '', false)).toBe('history-up');
    expect(keyAction(key('ArrowDown'), '', false)).toBe('history-down');
    expect(keyAction(key('c', { ctrlKey: true }), 'ls', false)).toBe('interrupt');
    expect(keyAction(key('l', { ctrlKey: true }), '', false)).toBe('clear-screen');
    expect(keyAction(key('Tab'), 'kubectl g', false)).toBe('complete');
  });

  it('leaves Tab on an empty line, Shift+Tab and Ctrl+C over a selection to the browser', () => {
    expect(keyAction(key('Tab'), '  ', false)).toBeUndefined();
    expect(keyAction(key('Tab', { shiftKey: true }), 'ls', false)).toBeUndefined();
    expect(keyAction(key('c', { ctrlKey: true }), 'ls', true)).toBeUndefined();
    expect(keyAction({ ...key('Enter'), isComposing: true }, 'にほん', false)).toBeUndefined();
  });
});

describe('LineHistory', () => {
  it('walks back and forth and keeps the draft below the newest entry', () => {
    const h = new LineHistory(['one']);
    h.push('two');
    h.push('two'); // ignoredups
    h.push('   ');
    expect(h.entries).toEqual(['one', 'two']);
    expect(h.up('dra')).toBe('two');
    expect(h.up('two')).toBe('one');
    expect(h.up('one')).toBeUndefined();
    expect(h.down()).toBe('two');
    expect(h.down()).toBe('dra');
    expect(h.down()).toBeUndefined();
  });

  it('clears', () => {
    const h = new LineHistory(['a']);
    h.clear();
    expect(h.entries).toEqual([]);
    expect(h.up('')).toBeUndefined();
  });
});

describe('completion', () => {
  it('finds the word under the cursor', () => {
    expect(wordStart('kubectl get no', 14)).toBe(12);
    expect(wordStart('kubectl get no', 7)).toBe(0);
    expect(commonPrefix(['drain', 'describe', 'delete'])).toBe('d');
    expect(commonPrefix([])).toBe('');
  });

  it('completes a single candidate with a space, as bash does', () => {
    expect(applyCompletion('kubectl dr', 10, ['drain'])).toEqual({ line: 'kubectl drain ', cursor: 14, list: [] });
    // No space after a directory.
    expect(applyCompletion('cat /et', 7, ['/etc/'])).toEqual({ line: 'cat /etc/', cursor: 9, list: [] });
    // In the middle of a line the rest stays, and an existing space is reused.
    expect(applyCompletion('kubectl ge nodes', 10, ['get'])).toEqual({ line: 'kubectl get nodes', cursor: 12, list: [] });
  });

  it('completes the common prefix of several candidates and lists them', () => {
    expect(applyCompletion('kubectl de', 10, ['describe', 'delete'])).toEqual({
      line: 'kubectl de',
      cursor: 10,
      list: ['delete', 'describe'],
    });
    expect(applyCompletion('kubectl c', 9, ['config', 'cordon', 'create', 'cp', 'completion', 'cluster-info', 'certificate', 'co'])).toMatchObject({
      line: 'kubectl c',
    });
    expect(applyCompletion('kubectl ap', 10, ['api-resources', 'api-versions', 'apply']).line).toBe('kubectl ap');
    expect(applyCompletion('kubectl a', 9, ['api-resources', 'api-versions'])).toEqual({
      line: 'kubectl api-',
      cursor: 12,
      list: ['api-resources', 'api-versions'],
    });
  });

  it('changes nothing without candidates', () => {
    expect(applyCompletion('zz', 2, [])).toEqual({ line: 'zz', cursor: 2, list: [] });
  });

  it('lists candidates down then across within the width', () => {
    expect(formatColumns(['a', 'bb', 'ccc', 'd', 'e'], 12)).toBe('a    d\nbb   e\nccc');
    expect(formatColumns([], 80)).toBe('');
  });
});
