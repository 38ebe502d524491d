import { describe, expect, it } from 'vitest';
import { basename, dirname, normalize, promptPath, resolvePath } from '../../../../src/sim/shell/paths.ts';
import { MemoryVfs } from '../../../../src/sim/shell/vfs.ts';

describe('paths', () => {
  it('normalises and resolves like the kernel does for absolute paths', () => {
    expect(normalize('/a//b/./c/../d/')).toBe('/a/b/d');
    expect(normalize('/../..')).toBe('/');
    expect(resolvePath('/etc/kubernetes', '../hosts')).toBe('/etc/hosts');
    expect(resolvePath('/tmp', '~/x')).toBe('/root/x');
    expect(dirname('/a/b')).toBe('/a');
    expect(dirname('/a')).toBe('/');
    expect(basename('/a/b/')).toBe('b');
    expect(promptPath('/root/x')).toBe('~/x');
  });
});

describe('MemoryVfs', () => {
  it('writes files only into existing directories', () => {
    const fs = new MemoryVfs();
    expect(fs.writeFile('/a/b', 'x')).toBe(false);
    expect(fs.mkdir('/a/b/c')).toBe(false);
    expect(fs.mkdir('/a/b/c', true)).toBe(true);
    expect(fs.writeFile('/a/b/c/f', 'data')).toBe(true);
    expect(fs.readFile('/a/b/c/f')).toBe('data');
    expect(fs.readFile('/a/b/c')).toBeUndefined();
    expect(fs.isDir('/a/b')).toBe(true);
    expect(fs.list('/a/b/c')).toEqual(['f']);
    expect(fs.list('/a/b/c/f')).toBeUndefined();
  });

  it('lists direct children sorted and removes recursively only when asked', () => {
    const fs = new MemoryVfs();
    fs.seed('/d/z', '1');
    fs.seed('/d/a/deep', '2');
    expect(fs.list('/d')).toEqual(['a', 'z']);
    expect(fs.remove('/d')).toBe(false);
    expect(fs.remove('/d', true)).toBe(true);
    expect(fs.exists('/d/a/deep')).toBe(false);
    expect(fs.remove('/')).toBe(false);
  });

  it('reports size, mode and mtime from its clock', () => {
    let now = 1000;
    const fs = new MemoryVfs(() => now);
    fs.seed('/bin/x', 'héllo', 0o755);
    now = 2000;
    expect(fs.stat('/bin/x')).toEqual({ isDir: false, size: 6, mtime: 1000, mode: 0o755 });
    expect(fs.stat('/bin')?.isDir).toBe(true);
  });
});
