import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareShapes, diffEntries, likelyCause, type FileDiff } from '../src/repro/compare.js';
import { diffPackages, inventoryOf, inventoryWants, pipName } from '../src/repro/inventory.js';
import { parseReproOptions, reproFails } from '../src/repro/options.js';
import { mergeLayers, readTar, type TarEntry } from '../src/repro/tar.js';
import { requireReproducibleBuilder } from '../src/commands/repro.js';
import { fakeInputs } from './helpers.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'gim-tar-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A real tar written by GNU tar (pax format), read back. */
function tarOf(files: Record<string, string>, options: { mtime?: number; longName?: boolean } = {}): Buffer {
  const dir = mkdtempSync(path.join(scratch, 'src-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content, { mode: 0o644 });
    if (options.mtime !== undefined) utimesSync(path.join(dir, name), options.mtime, options.mtime);
  }
  symlinkSync('etc/hostname', path.join(dir, 'link'));
  const out = path.join(scratch, `${path.basename(dir)}.tar`);
  execFileSync('tar', ['--format=pax', '--sort=name', '-C', dir, '-cf', out, '.']);
  return readFileSync(out);
}

const e = (p: string, extra: Partial<TarEntry> = {}): TarEntry => ({
  path: p,
  type: 'file',
  mode: 0o644,
  size: 1,
  mtime: 0,
  link: '',
  sha256: 'a',
  uid: 0,
  gid: 0,
  ...extra,
});

describe('tar: reading layers', () => {
  it('reads files, directories and symlinks with mode, size, mtime and content hash', () => {
    const entries = readTar(tarOf({ 'etc/hostname': 'box\n', 'usr/bin/tool': '#!/bin/sh\n' }, { mtime: 1700000000 }));
    const byPath = new Map(entries.map((x) => [x.path, x]));
    expect(byPath.get('etc/hostname')).toMatchObject({
      type: 'file',
      size: 4,
      mode: 0o644,
      mtime: 1700000000,
      sha256: createHash('sha256').update('box\n').digest('hex'),
    });
    expect(byPath.get('etc')).toMatchObject({ type: 'dir' });
    expect(byPath.get('link')).toMatchObject({ type: 'symlink', link: 'etc/hostname' });
  });
  it('reads paths longer than 100 characters (pax headers)', () => {
    const long = `${'d'.repeat(60)}/${'e'.repeat(60)}/file.txt`;
    expect(readTar(tarOf({ [long]: 'x' })).map((x) => x.path)).toContain(long);
  });
  it('keeps content only for the paths asked for', () => {
    const entries = readTar(tarOf({ 'var/lib/dpkg/status': 'Package: a\n', other: 'b' }), inventoryWants);
    expect(entries.find((x) => x.path === 'var/lib/dpkg/status')?.content?.toString()).toBe('Package: a\n');
    expect(entries.find((x) => x.path === 'other')?.content).toBeUndefined();
  });
});

describe('compare: what differs between two builds', () => {
  it('finds the first layer whose digest differs', () => {
    const a = {
      manifestDigest: 'm1',
      configDigest: 'c',
      layers: [
        { digest: 'l0', size: 1 },
        { digest: 'l1', size: 1 },
        { digest: 'l2', size: 1 },
      ],
    };
    const b = {
      manifestDigest: 'm2',
      configDigest: 'c',
      layers: [
        { digest: 'l0', size: 1 },
        { digest: 'l1', size: 1 },
        { digest: 'x2', size: 1 },
      ],
    };
    expect(compareShapes(a, b)).toMatchObject({ deterministic: false, firstDifferentLayer: 2, config: { same: true } });
    expect(compareShapes(a, a)).toMatchObject({ deterministic: true, firstDifferentLayer: null });
  });

  const cases: [string, TarEntry[], TarEntry[], FileDiff[]][] = [
    ['an added file', [], [e('new')], [{ path: 'new', kind: 'added' }]],
    ['a removed file', [e('old')], [], [{ path: 'old', kind: 'removed' }]],
    [
      'different content of the same size',
      [e('f', { sha256: 'a' })],
      [e('f', { sha256: 'b' })],
      [{ path: 'f', kind: 'content', a: '1', b: '1' }],
    ],
    [
      'a different size',
      [e('f', { sha256: 'a', size: 1 })],
      [e('f', { sha256: 'b', size: 2 })],
      [{ path: 'f', kind: 'size', a: '1', b: '2' }],
    ],
    ['a different mode', [e('f')], [e('f', { mode: 0o755 })], [{ path: 'f', kind: 'mode', a: '644', b: '755' }]],
    [
      'a different mtime',
      [e('f', { mtime: 0 })],
      [e('f', { mtime: 60 })],
      [{ path: 'f', kind: 'mtime', a: '1970-01-01T00:00:00.000Z', b: '1970-01-01T00:01:00.000Z' }],
    ],
    [
      'a file that became a symlink',
      [e('f')],
      [e('f', { type: 'symlink', sha256: null, link: 'x' })],
      [{ path: 'f', kind: 'type', a: 'file', b: 'symlink' }],
    ],
  ];
  for (const [name, a, b, expected] of cases) it(`reports ${name}`, () => expect(diffEntries(a, b)).toEqual(expected));

  const causes: [FileDiff[], RegExp][] = [
    [[{ path: 'usr/lib/python3/__pycache__/x.cpython-311.pyc', kind: 'content' }], /\.pyc/],
    [[{ path: 'var/log/dpkg.log', kind: 'content' }], /\/var\/log/],
    [[{ path: 'var/cache/ldconfig/aux-cache', kind: 'content' }], /aux-cache/],
    [[{ path: 'a', kind: 'mtime' }], /rewrite-timestamp/],
    [[{ path: 'build-time', kind: 'content' }], /different content on each build/],
  ];
  for (const [files, cause] of causes) it(`names the likely cause for ${files[0]?.path}`, () => expect(likelyCause(files)).toMatch(cause));
});

describe('inventory: packages read from the layers', () => {
  const file = (p: string, content: string): TarEntry => e(p, { content: Buffer.from(content) });
  const status = (pkgs: [string, string, string][]): string =>
    pkgs.map(([p, v, st]) => `Package: ${p}\nStatus: ${st}\nVersion: ${v}\n`).join('\n');
  it('reads dpkg status (installed only), dist-info and egg-info metadata, and torch/version.py', () => {
    const fs = mergeLayers([
      [
        file(
          'var/lib/dpkg/status',
          status([
            ['libc6', '2.36-9', 'install ok installed'],
            ['gone', '1', 'deinstall ok config-files'],
          ]),
        ),
        file(
          'usr/lib/python3/dist-packages/Torch_Vision-0.19.1.dist-info/METADATA',
          'Metadata-Version: 2.1\nName: torchvision\nVersion: 0.19.1\n\nName: not-this\n',
        ),
        file('usr/lib/python3/dist-packages/numpy-1.24.2.egg-info', 'Metadata-Version: 1.2\nName: numpy\nVersion: 1.24.2\n'),
        file(
          'opt/venv/lib/python3.11/site-packages/nvidia_cudnn_cu12-9.1.0.70.dist-info/METADATA',
          'Name: nvidia-cudnn-cu12\nVersion: 9.1.0.70\n',
        ),
        file(
          'opt/venv/lib/python3.11/site-packages/torch/version.py',
          "__version__ = '2.4.1+cu124'\ndebug = False\ncuda: Optional[str] = '12.4'\n",
        ),
      ],
    ]);
    expect(inventoryOf(fs)).toEqual({
      source: 'layers',
      python: { torchvision: '0.19.1', numpy: '1.24.2', 'nvidia-cudnn-cu12': '9.1.0.70' },
      debian: { libc6: '2.36-9' },
      torch: '2.4.1+cu124',
      cuda: '12.4',
      cudnn: '9.1.0.70',
      nccl: null,
    });
  });
  it("reads the image's own inventory file instead of probing when the template wrote one", () => {
    const own = JSON.stringify({
      tool: 'gpu-image-matrix',
      pythonPackages: [
        { name: 'Demo_Pkg', version: '1.0' },
        { name: 'torch', version: '2.4.1+cu124' },
      ],
      systemPackages: [{ name: 'hello', version: '2.10-3', arch: 'amd64' }],
    });
    const fs = mergeLayers([
      [
        file('var/lib/dpkg/status', status([['libc6', '2.36-9', 'install ok installed']])),
        file('opt/venv/lib/python3.11/site-packages/torch/version.py', "__version__ = '2.4.1+cu124'\ncuda = '12.4'\n"),
      ],
      [file('etc/gpu-image-matrix/inventory.json', own)],
    ]);
    expect(inventoryWants('etc/gpu-image-matrix/inventory.json')).toBe(true);
    expect(inventoryOf(fs)).toMatchObject({
      source: 'inventory',
      python: { 'demo-pkg': '1.0', torch: '2.4.1+cu124' },
      debian: { hello: '2.10-3' },
      torch: '2.4.1+cu124',
      cuda: '12.4',
    });
    // a file that is not our inventory is ignored
    const other = mergeLayers([
      [
        file('etc/gpu-image-matrix/inventory.json', '{"tool": "x"}'),
        file('var/lib/dpkg/status', status([['libc6', '2.36-9', 'install ok installed']])),
      ],
    ]);
    expect(inventoryOf(other)).toMatchObject({ source: 'layers', debian: { libc6: '2.36-9' } });
  });
  it('applies whiteouts: a deleted file and an opaque directory', () => {
    const fs = mergeLayers([
      [e('a/x'), e('a/y'), e('b/z')],
      [e('a/.wh.x'), e('b/.wh..wh..opq'), e('b/new')],
    ]);
    expect([...fs.keys()].sort()).toEqual(['a/y', 'b/new']);
  });
  it('diffs packages into added, removed and changed', () => {
    expect(diffPackages({ a: '1', b: '1', c: '1' }, { a: '1', b: '2', d: '1' })).toEqual([
      { name: 'b', kind: 'changed', baseline: '1', current: '2' },
      { name: 'c', kind: 'removed', baseline: '1' },
      { name: 'd', kind: 'added', current: '1' },
    ]);
    expect(pipName('Torch_Vision')).toBe('torch-vision');
  });
});

describe('repro options and fail-on', () => {
  it('defaults to failing on nondeterminism and the commit time', () => {
    expect(parseReproOptions(fakeInputs({}))).toEqual({ failOn: 'nondeterministic' });
    expect(parseReproOptions(fakeInputs({ 'source-date-epoch': '0', baseline: '{image}:{tag}' }))).toEqual({
      failOn: 'nondeterministic',
      sourceDateEpoch: 0,
      baseline: '{image}:{tag}',
    });
  });
  it('rejects bad values', () => {
    expect(() => parseReproOptions(fakeInputs({ 'source-date-epoch': 'yesterday' }))).toThrow(
      /input source-date-epoch: "yesterday" is not valid; accepted: seconds since 1970/,
    );
    expect(() => parseReproOptions(fakeInputs({ 'fail-on': 'always' }))).toThrow(
      /input fail-on: "always" is not valid; accepted: nondeterministic, drift, both or none/,
    );
    expect(() => parseReproOptions(fakeInputs({ baseline: '{image}:{sha}' }))).toThrow(/unknown placeholder \{sha\}/);
  });
  const nondet = { status: 'checked', determinism: { deterministic: false }, impact: { drift: false } };
  const drift = { status: 'checked', determinism: { deterministic: true }, impact: { drift: true } };
  const clean = { status: 'checked', determinism: { deterministic: true }, impact: { drift: false } };
  const table: [string, object[], number][] = [
    ['nondeterministic', [nondet], 1],
    ['nondeterministic', [drift], 0],
    ['drift', [drift], 1],
    ['drift', [nondet], 0],
    ['both', [nondet, drift], 2],
    ['none', [nondet, drift], 0],
    ['both', [clean], 0],
  ];
  for (const [failOn, results, reasons] of table) {
    it(`fail-on ${failOn} gives ${reasons} reason(s) for ${results.length} result(s)`, () => {
      expect(reproFails(failOn as never, results as never)).toHaveLength(reasons);
    });
  }
});

describe('repro refuses builders that cannot build reproducibly, up front', () => {
  it('needs buildx', () => {
    expect(() => requireReproducibleBuilder({ buildx: null, buildkit: null })).toThrow(
      /repro needs docker buildx with a BuildKit builder \(0\.14\.1 or newer\)/,
    );
  });
  it('needs BuildKit 0.14.1 or newer for rewrite-timestamp', () => {
    expect(() => requireReproducibleBuilder({ buildx: '0.12.1', buildkit: '0.13.2' })).toThrow(
      /BuildKit 0\.14\.1 or newer .*this builder has 0\.13\.2/,
    );
    expect(() => requireReproducibleBuilder({ buildx: '0.29.1', buildkit: '0.25.2' })).not.toThrow();
  });
});
