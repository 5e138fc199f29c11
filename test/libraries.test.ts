import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { scanLibraries, type LayerMemo } from '../src/effects/library-scan.js';
import { readLayer, type ImageSource } from '../src/effects/oci.js';
import {
  MAX_PATHS_PER_LIBRARY,
  MAX_REPORTED_DUPLICATES,
  applyLayers,
  duplicateLibraries,
  layerLibraries,
  readLayerScanFile,
  scanSelects,
  sonameOf,
  type LayerLibraries,
} from '../src/image/libraries.js';
import type { EntryType, TarEntry } from '../src/repro/tar.js';
import { formatSize } from '../src/report/format.js';

// The duplicated-library scan: the pure part (sonames, whiteouts, grouping) on hand-made entries,
// and the scan as a whole on layers GNU tar writes, read through the same streaming reader the
// build uses (gzip, digest checked, nothing hashed). The image read back from the registry after a
// real build is e2e-duplicates' case.

const scratch = mkdtempSync(path.join(tmpdir(), 'gim-libraries-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const file = (p: string, size: number): TarEntry => ({
  path: p,
  type: 'file',
  mode: 0o644,
  size,
  mtime: 0,
  link: '',
  sha256: null,
  uid: 0,
  gid: 0,
});
const link = (p: string, type: 'symlink' | 'hardlink', to: string): TarEntry => ({ ...file(p, 0), type, link: to });
const layer = (entries: TarEntry[]): LayerLibraries => layerLibraries(entries, 0);

describe('sonames from file names', () => {
  it.each([
    ['libcudnn.so.9.1.0', 'libcudnn.so.9'],
    ['libcudnn.so.9', 'libcudnn.so.9'],
    ['libcublas.so.12.4.5.8', 'libcublas.so.12'],
    ['libtorch_cuda.so', 'libtorch_cuda.so'],
    ['libpython3.12.so.1.0', 'libpython3.12.so.1'],
    ['libstdc++.so.6.0.30', 'libstdc++.so.6'],
    ['libnvrtc-builtins.so.12.4', 'libnvrtc-builtins.so.12'],
  ])('%s is %s', (name, soname) => expect(sonameOf(name)).toBe(soname));

  it.each([
    '_C.cpython-312-x86_64-linux-gnu.so',
    'ld-linux-x86-64.so.2',
    'libfoo.so.1.2rc1',
    'libfoo.a',
    'lib.so',
    'libfoo.so.',
    'README.so',
  ])('%s is not named like a library', (name) => expect(sonameOf(name)).toBeNull());

  it('the scan keeps library names and whiteouts, nothing else', () => {
    expect(scanSelects('usr/lib/x86_64-linux-gnu/libz.so.1.2.13')).toBe('header');
    expect(scanSelects('opt/.wh.gone')).toBe('header');
    expect(scanSelects('opt/x/.wh..wh..opq')).toBe('header');
    expect(scanSelects('usr/bin/python3')).toBe('none');
    expect(scanSelects('usr/lib/python3/site.py')).toBe('none');
    expect(scanSelects('usr/local/cuda', 'symlink')).toBe('header');
    expect(scanSelects('usr/local/cuda', 'dir')).toBe('none');
  });
});

describe('layers applied in order', () => {
  it('groups one soname under two paths; the waste is what the copies beyond the largest take', () => {
    const files = applyLayers([
      layer([
        file('usr/lib/x86_64-linux-gnu/libcudnn.so.9.1.0', 900),
        link('usr/lib/x86_64-linux-gnu/libcudnn.so.9', 'symlink', 'libcudnn.so.9.1.0'),
      ]),
      layer([file('opt/venv/site-packages/nvidia/cudnn/lib/libcudnn.so.9', 1000), file('opt/venv/a/libcudnn.so.9', 10)]),
    ]);
    expect(duplicateLibraries(files)).toEqual([
      {
        soname: 'libcudnn.so.9',
        bytes: 910,
        paths: [
          '/opt/venv/site-packages/nvidia/cudnn/lib/libcudnn.so.9',
          '/usr/lib/x86_64-linux-gnu/libcudnn.so.9.1.0',
          '/opt/venv/a/libcudnn.so.9',
        ],
        copies: 3,
      },
    ]);
  });

  it('a link where a lower layer had a folder hides what the folder held (/usr/local/cuda made a symlink)', () => {
    const files = applyLayers([
      layer([file('usr/local/cuda/lib64/libcublas.so.12.4.5.8', 7), file('opt/nvidia/cublas/lib/libcublas.so.12', 9)]),
      layer([link('usr/local/cuda', 'symlink', 'cuda-12.4'), file('usr/local/cuda-12.4/lib64/libcurand.so.10', 1)]),
    ]);
    expect([...files.keys()].sort()).toEqual(['opt/nvidia/cublas/lib/libcublas.so.12', 'usr/local/cuda-12.4/lib64/libcurand.so.10']);
  });

  it('lists at most 8 paths of a library held very many times, and counts them all', () => {
    const files = new Map(Array.from({ length: 12 }, (_, i): [string, number] => [`d${String(i).padStart(2, '0')}/libmany.so.1`, 100 - i]));
    const [many] = duplicateLibraries(files);
    expect(many).toMatchObject({
      soname: 'libmany.so.1',
      copies: 12,
      bytes: Array.from({ length: 11 }, (_, i) => 99 - i).reduce((a, b) => a + b),
    });
    expect(many?.paths).toHaveLength(MAX_PATHS_PER_LIBRARY);
    expect(many?.paths[0]).toBe('/d00/libmany.so.1');
  });

  it('a whiteout removes a file, or a folder with what is under it, from the layers below only', () => {
    const files = applyLayers([
      layer([file('a/libx.so.1', 5), file('gone/deep/libx.so.1.0', 7), file('b/libx.so.1', 3)]),
      // the whiteout of b/libx.so.1 does not remove the b/libx.so.1 this same layer puts back
      layer([file('b/libx.so.1', 4), file('.wh.gone', 0), file('b/.wh.libx.so.1', 0)]),
    ]);
    expect([...files]).toEqual([
      ['a/libx.so.1', 5],
      ['b/libx.so.1', 4],
    ]);
  });

  it('an opaque folder hides what the layers below put in it, not what its own layer puts there', () => {
    const files = applyLayers([
      layer([file('opt/lib/libold.so.1', 5), file('opt/libkeep.so.1', 5), file('opt/lib/sub/libold.so.1', 5)]),
      layer([file('opt/lib/libnew.so.1', 6), file('opt/lib/.wh..wh..opq', 0)]),
    ]);
    expect([...files.keys()].sort()).toEqual(['opt/lib/libnew.so.1', 'opt/libkeep.so.1']);
  });

  it('a link at a library path hides the file below; a hard link takes no bytes of its own', () => {
    const files = applyLayers([
      layer([file('x/libz.so.1', 5), file('y/libz.so.1', 5)]),
      layer([link('y/libz.so.1', 'symlink', '../x/libz.so.1'), file('z/libq.so.2', 9), link('w/libq.so.2', 'hardlink', 'z/libq.so.2')]),
    ]);
    expect(duplicateLibraries(files)).toEqual([]);
    expect([...files.keys()].sort()).toEqual(['x/libz.so.1', 'z/libq.so.2']);
  });

  it('a path whiteout at the top of a layer (no folder) and a deep path are both found', () => {
    const files = applyLayers([layer([file('libtop.so.1', 1), file('a/b/c/d/libtop.so.1', 1)]), layer([file('.wh.libtop.so.1', 0)])]);
    expect([...files.keys()]).toEqual(['a/b/c/d/libtop.so.1']);
  });

  it('largest waste first, then by name', () => {
    const files = new Map([
      ['a/liba.so.1', 10],
      ['b/liba.so.1', 10],
      ['a/libb.so.1', 50],
      ['b/libb.so.1', 40],
      ['a/libc.so.1', 10],
      ['b/libc.so.1', 10],
    ]);
    expect(duplicateLibraries(files).map((d) => [d.soname, d.bytes])).toEqual([
      ['libb.so.1', 40],
      ['liba.so.1', 10],
      ['libc.so.1', 10],
    ]);
  });
});

describe('scanning layers GNU tar writes, through the streaming reader', () => {
  let n = 0;
  /** A gzip layer of the files `make` writes, as a blob with its descriptor. */
  function tarLayer(make: (dir: string) => void): { blob: Buffer; digest: string; size: number; mediaType: string } {
    const dir = path.join(scratch, `layer-${n++}`);
    mkdirSync(dir);
    make(dir);
    const tar = execFileSync('tar', ['--format=pax', '--sort=name', '-C', dir, '-cf', '-', '.'], { maxBuffer: 64 * 1024 * 1024 });
    const blob = gzipSync(tar);
    return {
      blob,
      digest: `sha256:${createHash('sha256').update(blob).digest('hex')}`,
      size: blob.length,
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
    };
  }
  const put = (dir: string, name: string, bytes: number): void => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), Buffer.alloc(bytes, 7));
  };
  /** An image source over blobs held here, counting the layers it is asked to read. */
  function image(layers: ReturnType<typeof tarLayer>[]): ImageSource & { reads: number } {
    const source = {
      reads: 0,
      describe: 'test image',
      shape: async () => ({
        manifestDigest: 'sha256:m',
        configDigest: 'sha256:c',
        layers: layers.map((l) => ({ digest: l.digest, size: l.size })),
      }),
      layer: async (
        i: number,
        select?: (p: string, type: EntryType) => 'content' | 'header' | 'none',
        how?: { hash?: boolean; read?: { tarBytes: number } },
      ) => {
        source.reads++;
        const l = layers[i]!;
        return readLayer(() => Readable.from([l.blob]), l, `layer ${i}`, { ...how, ...(select ? { select } : {}) });
      },
    };
    return source;
  }

  it('finds the double install, follows whiteouts, and reads a shared base once per run', async () => {
    const base = tarLayer((d) => {
      put(d, 'usr/lib/x86_64-linux-gnu/libcudnn.so.9.1.0', 300_000);
      symlinkSync('libcudnn.so.9.1.0', path.join(d, 'usr/lib/x86_64-linux-gnu/libcudnn.so.9'));
      put(d, 'usr/lib/x86_64-linux-gnu/libcublas.so.12.4.5.8', 200_000);
      put(d, 'usr/bin/tool', 50_000);
    });
    const wheels = tarLayer((d) => {
      put(d, 'opt/venv/site-packages/nvidia/cudnn/lib/libcudnn.so.9', 310_000);
      put(d, 'opt/venv/site-packages/nvidia/cublas/lib/libcublas.so.12', 210_000);
      put(d, 'opt/venv/site-packages/torch/lib/libtorch.so', 1000);
      linkSync(path.join(d, 'opt/venv/site-packages/torch/lib/libtorch.so'), path.join(d, 'opt/venv/site-packages/libtorch.so'));
    });
    // a later layer removes the system cuBLAS, as a slim image would
    const removal = tarLayer((d) => put(d, 'usr/lib/x86_64-linux-gnu/.wh.libcublas.so.12.4.5.8', 0));
    const memo: LayerMemo = new Map();
    const first = image([base, wheels]);
    const scan = await scanLibraries(first, memo);
    expect(scan.duplicates).toEqual([
      {
        soname: 'libcudnn.so.9',
        bytes: 300_000,
        paths: ['/opt/venv/site-packages/nvidia/cudnn/lib/libcudnn.so.9', '/usr/lib/x86_64-linux-gnu/libcudnn.so.9.1.0'],
        copies: 2,
      },
      {
        soname: 'libcublas.so.12',
        bytes: 200_000,
        paths: ['/opt/venv/site-packages/nvidia/cublas/lib/libcublas.so.12', '/usr/lib/x86_64-linux-gnu/libcublas.so.12.4.5.8'],
        copies: 2,
      },
    ]);
    expect(scan).toMatchObject({ wastedBytes: 500_000, leftOut: 0, layers: 2, layersRead: 2 });
    expect(scan.tarBytes).toBeGreaterThan(1_070_000);
    // a second image on the same two layers and one more: only the new layer is read
    const second = image([base, wheels, removal]);
    const again = await scanLibraries(second, memo);
    expect(second.reads).toBe(1);
    expect(again.duplicates.map((d) => d.soname)).toEqual(['libcudnn.so.9']);
    expect(again).toMatchObject({ wastedBytes: 300_000, layersRead: 1, layers: 3 });
  });

  it('a damaged layer fails the scan with where and why, and is not remembered', async () => {
    const good = tarLayer((d) => put(d, 'lib/liba.so.1', 10));
    const damaged = { ...good, blob: good.blob.subarray(0, good.blob.length - 8) };
    const memo: LayerMemo = new Map();
    await expect(scanLibraries(image([damaged]), memo)).rejects.toThrow(/layer 0 \(sha256:[0-9a-f]{64}\): /);
    await new Promise((r) => setImmediate(r));
    expect(memo.size).toBe(0);
    expect((await scanLibraries(image([good]), memo)).duplicates).toEqual([]);
  });

  it('lists the largest groups and counts the rest in the waste', async () => {
    const many = tarLayer((d) => {
      for (let i = 0; i < MAX_REPORTED_DUPLICATES + 5; i++) {
        put(d, `a/libm${i}.so.1`, 100 + i);
        put(d, `b/libm${i}.so.1`, 100 + i);
      }
    });
    const scan = await scanLibraries(image([many]), new Map());
    expect(scan.duplicates).toHaveLength(MAX_REPORTED_DUPLICATES);
    expect(scan.leftOut).toBe(5);
    expect(scan.duplicates[0]).toMatchObject({ soname: `libm${MAX_REPORTED_DUPLICATES + 4}.so.1` });
    expect(scan.wastedBytes).toBe(Array.from({ length: MAX_REPORTED_DUPLICATES + 5 }, (_, i) => 100 + i).reduce((a, b) => a + b, 0));
  });
});

describe('layers remembered from an earlier run (a file from the Actions cache, shared with other branches)', () => {
  const digest = (c: string): string => `sha256:${c.repeat(64)}`;
  const part = {
    files: [{ path: 'usr/lib/libz.so.1.2', size: 100 }],
    removed: ['opt/x'],
    opaque: [],
    replaced: ['usr/local/cuda'],
    tarBytes: 4096,
  };

  it('reads back what the scan wrote', () => {
    const doc = JSON.parse(JSON.stringify({ schema: 1, layers: { [digest('a')]: part } })) as unknown;
    expect([...readLayerScanFile(doc)]).toEqual([[digest('a'), part]]);
  });

  it('leaves out, layer by layer, what does not have the shape the scan writes', () => {
    const doc = {
      schema: 1,
      layers: {
        [digest('a')]: part,
        'sha256:short': part,
        [digest('b')]: { ...part, files: [{ path: '', size: 1 }] },
        [digest('c')]: { ...part, files: [{ path: 'x/liba.so.1', size: -1 }] },
        [digest('d')]: { ...part, removed: [7] },
        [digest('e')]: { ...part, tarBytes: '1' },
        [digest('f')]: 'not an object',
        [digest('0')]: { ...part, files: [{ path: 'p'.repeat(5000), size: 1 }] },
      },
    };
    expect([...readLayerScanFile(doc).keys()]).toEqual([digest('a')]);
    expect(readLayerScanFile({ schema: 2, layers: { [digest('a')]: part } }).size).toBe(0);
    expect(readLayerScanFile(null).size).toBe(0);
    expect(readLayerScanFile({ schema: 1, layers: [part] }).size).toBe(0);
  });
});

describe('sizes as reports print them', () => {
  it.each([
    [null, '-'],
    [2048, '2.0 KiB'],
    [5 * 1024 * 1024, '5.0 MiB'],
    [3 * 1024 ** 3 + 512 * 1024 ** 2, '3.50 GiB'],
  ])('%s bytes is %s', (bytes, text) => expect(formatSize(bytes)).toBe(text));
});
