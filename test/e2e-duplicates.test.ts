import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImageResult } from '../src/commands/build.js';
import { MAX_PATHS_PER_LIBRARY, sonameOf, type DuplicateLibrary } from '../src/image/libraries.js';
import { BASE_IMAGE, BUILDER, REGISTRY, freshRepository, requireInfra } from './support/infra.js';
import { runAction, type ActionRun } from './support/run-action.js';
import { runtimes } from './support/runtimes.js';
import { startCacheServer } from './support/cache-server.js';
import { LAYER_SCAN_CACHE_PREFIX } from '../src/effects/layer-scan-cache.js';

// The duplicated-library scan on real parts: a team Dockerfile that installs a library twice (what
// a cudnn base image under torch's nvidia-cudnn wheel does), built by BuildKit and pushed to the
// local registry, then read back layer by layer by the action. What it reports is checked against
// the container's own filesystem: `find` inside the pushed image, run by dockerd, grouped by
// inode (a hard link is one file) and soname. Whiteouts, links and hard links come from real
// `rm`, `ln -s` and `ln` in RUN steps, as BuildKit's differ writes them.

vi.setConfig({ testTimeout: 600_000 });

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
const MATRIX = 'torch: 2.8.0\ncuda: cpu\npython: "3.12"';
const TAG = '2.8.0-cpu-py3.12-ubuntu24.04';
const MiB = 1024 * 1024;
const SYS = '/usr/lib/x86_64-linux-gnu';
const WHEEL = '/opt/venv/lib/python3.12/site-packages/nvidia/cudnn/lib';

const DOCKERFILE = [
  `FROM ${BASE_IMAGE}`,
  'ARG NONCE',
  // the system copy with its soname link, the wheel's copy, and libraries that later steps hide
  'RUN echo "$NONCE" > /nonce' +
    ` && mkdir -p ${SYS} ${WHEEL} /opt/gone /opt/solo /opt/kept` +
    ` && head -c ${3 * MiB} /dev/urandom > ${SYS}/libcudnn.so.9.1.0 && ln -s libcudnn.so.9.1.0 ${SYS}/libcudnn.so.9` +
    ` && head -c ${2 * MiB} /dev/urandom > ${WHEEL}/libcudnn.so.9` +
    ' && head -c 1048576 /dev/urandom > /opt/gone/libgone.so.1 && cp /opt/gone/libgone.so.1 /opt/kept/libgone.so.1.0' +
    ' && head -c 1000000 /dev/urandom > /opt/solo/libsolo.so.1 && ln /opt/solo/libsolo.so.1 /opt/kept/libsolo.so.1' +
    ' && head -c 500000 /dev/urandom > /opt/kept/libswap.so.2 && cp /opt/kept/libswap.so.2 /opt/solo/libswap.so.2',
  // a folder removed (a whiteout of the folder), a library replaced by a link, one added twice more
  'RUN rm -rf /opt/gone && ln -sf /nonce /opt/solo/libswap.so.2' +
    ' && mkdir -p /opt/extra/a /opt/extra/b && head -c 200000 /dev/urandom > /opt/extra/a/libextra.so.4.2' +
    ' && cp /opt/extra/a/libextra.so.4.2 /opt/extra/b/libextra.so.4',
  '',
].join('\n');

beforeAll(() => requireInfra());

function images(run: ActionRun): ImageResult[] {
  if (!run.outputs.images) throw new Error(`no images output; the action printed:\n${run.stdout.slice(-4000)}`);
  return JSON.parse(run.outputs.images) as ImageResult[];
}

/**
 * The duplicates as the running container's filesystem has them: every regular file named like a
 * library, one per inode, grouped by soname; the bytes beyond the largest copy of each.
 */
function duplicatesInContainer(image: string, platform = 'linux/amd64'): DuplicateLibrary[] {
  execFileSync('docker', ['pull', '-q', '--platform', platform, image], { stdio: 'pipe' });
  const listing = execFileSync(
    'docker',
    [
      'run',
      '--rm',
      '--platform',
      platform,
      '--entrypoint',
      'find',
      image,
      '/',
      '-xdev',
      '-type',
      'f',
      '-name',
      'lib*.so*',
      '-printf',
      '%i\\t%s\\t%p\\n',
    ],
    { encoding: 'utf8', maxBuffer: 64 * MiB },
  );
  const byInode = new Map<string, { size: number; path: string }>();
  for (const line of listing.trim().split('\n').filter(Boolean)) {
    const [inode, size, file] = line.split('\t') as [string, string, string];
    if (sonameOf(path.basename(file)) && !byInode.has(inode)) byInode.set(inode, { size: Number(size), path: file });
  }
  const groups = new Map<string, { size: number; path: string }[]>();
  for (const f of byInode.values()) {
    const soname = sonameOf(path.basename(f.path)) as string;
    groups.set(soname, [...(groups.get(soname) ?? []), f]);
  }
  return [...groups]
    .filter(([, files]) => files.length > 1)
    .map(([soname, files]) => {
      files.sort((a, b) => b.size - a.size || a.path.localeCompare(b.path));
      return {
        soname,
        bytes: files.slice(1).reduce((t, f) => t + f.size, 0),
        paths: files.slice(0, MAX_PATHS_PER_LIBRARY).map((f) => f.path),
        copies: files.length,
      };
    })
    .sort((a, b) => b.bytes - a.bytes || a.soname.localeCompare(b.soname));
}

describe('duplicate scan: libraries a pushed image holds twice', () => {
  const repo = freshRepository('duplicates');
  const action = (inputs: Record<string, string>, dockerfile = DOCKERFILE): Promise<ActionRun> =>
    runAction(
      node.bin,
      { matrix: MATRIX, dockerfile: 'Dockerfile', builder: BUILDER, image: repo, push: 'true', cache: 'none', verify: 'false', ...inputs },
      { timeoutMs: 600_000, setup: (ws) => writeFileSync(path.join(ws, 'Dockerfile'), dockerfile) },
    );

  it('reports what the container filesystem holds twice, in the images output, the log and the summary', async () => {
    const run = await action({ command: 'build', 'build-args': `NONCE=${randomBytes(6).toString('hex')}` });
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    const [built] = images(run);
    expect(built?.status).toBe('built');
    const expected = duplicatesInContainer(`${repo}:${TAG}`);
    // the planted ones are in what the container holds; the hidden ones are not
    expect(expected.map((d) => d.soname)).toEqual(expect.arrayContaining(['libcudnn.so.9', 'libextra.so.4']));
    expect(expected.map((d) => d.soname)).not.toEqual(expect.arrayContaining(['libgone.so.1']));
    expect(expected.find((d) => ['libgone.so.1', 'libsolo.so.1', 'libswap.so.2'].includes(d.soname))).toBeUndefined();
    expect(built?.duplicates).toEqual(expected);
    expect(built?.duplicates?.[0]).toEqual({
      soname: 'libcudnn.so.9',
      bytes: 2 * MiB,
      paths: [`${SYS}/libcudnn.so.9.1.0`, `${WHEEL}/libcudnn.so.9`],
      copies: 2,
    });
    expect(built?.duplicateBytes).toBe(expected.reduce((t, d) => t + d.bytes, 0));
    expect(run.stdout).toMatch(
      /duplicate scan: \d+ librar(y is|ies are) held twice, wasting [\d.]+ MiB uncompressed \(largest: libcudnn\.so\.9 2\.0 MiB/,
    );
    expect(run.stdout).toMatch(/3 of 3 layers read \([\d.]+ MiB uncompressed in all\)/);
    expect(run.summary).toContain('| library | wasted | copies | paths |');
    // markdown-escaped (x86\_64): paths come from the image
    expect(run.summary).toContain(
      `| libcudnn.so.9 | 2.0 MiB | 2 | ${SYS.replace('_', '\\_')}/libcudnn.so.9.1.0<br>${WHEEL}/libcudnn.so.9 |`,
    );
  });

  it('an up-to-date entry and duplicate-scan: false are not scanned (null, not "none")', async () => {
    const nonce = `NONCE=${randomBytes(6).toString('hex')}`;
    const off = await action({ command: 'build', 'build-args': nonce, 'duplicate-scan': 'false' });
    expect(off.code, off.stdout.slice(-3000)).toBe(0);
    expect(images(off)[0]).toMatchObject({ status: 'built', duplicates: null, duplicateBytes: null });
    expect(off.stdout).not.toContain('duplicate scan');
    const again = await action({ command: 'build', 'build-args': nonce });
    expect(images(again)[0]).toMatchObject({ status: 'skipped', duplicates: null, duplicateBytes: null });
  });

  it('an image without duplicates reports none, and a bad duplicate-scan value is a clear error', async () => {
    const nonce = `NONCE=${randomBytes(6).toString('hex')}`;
    const clean = await action({ command: 'build', 'build-args': nonce }, `FROM ${BASE_IMAGE}\nARG NONCE\nRUN echo "$NONCE" > /nonce\n`);
    expect(clean.code, clean.stdout.slice(-3000)).toBe(0);
    const [image] = images(clean);
    expect(image?.status).toBe('built');
    expect(image?.duplicates).toEqual(duplicatesInContainer(`${repo}:${TAG}`));
    expect(image?.duplicates).toEqual([]);
    expect(image?.duplicateBytes).toBe(0);
    expect(clean.stdout).toContain('duplicate scan: no library is held twice');
    const bad = await action({ command: 'build', 'duplicate-scan': 'sometimes' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/duplicate-scan.*"sometimes".*true.*false/i);
    expect(bad.stdout).not.toMatch(/\n\s+at /);
  });

  it('remembers the layers it read for the next run through the Actions cache: a rebuild reads only its new layer', async () => {
    const server = await startCacheServer();
    try {
      // One RUNNER_TEMP for both runs, as on one runner. The first RUN layer has no nonce: BuildKit's
      // own cache makes it the same layer (digest) in both runs; the second changes every run.
      const env = {
        ACTIONS_CACHE_URL: server.url,
        ACTIONS_RUNTIME_TOKEN: 'test-token',
        RUNNER_TEMP: mkdtempSync(path.join(tmpdir(), 'gim-temp-')),
      };
      const dockerfile = [
        `FROM ${BASE_IMAGE}`,
        'RUN mkdir -p /opt/sys && head -c 400000 /dev/urandom > /opt/sys/libkept.so.3.1',
        'ARG NONCE',
        'RUN echo "$NONCE" > /nonce && mkdir -p /opt/wheel && cp /opt/sys/libkept.so.3.1 /opt/wheel/libkept.so.3',
        '',
      ].join('\n');
      const run = (nonce: string): Promise<ActionRun> =>
        runAction(
          node.bin,
          {
            command: 'build',
            matrix: MATRIX,
            dockerfile: 'Dockerfile',
            builder: BUILDER,
            image: repo,
            push: 'true',
            cache: 'none',
            verify: 'false',
            'build-args': `NONCE=${nonce}`,
          },
          { timeoutMs: 600_000, env, setup: (ws) => writeFileSync(path.join(ws, 'Dockerfile'), dockerfile) },
        );
      const first = await run(randomBytes(6).toString('hex'));
      expect(first.code, first.stdout.slice(-3000)).toBe(0);
      expect(first.stdout).toMatch(/duplicate scan: 1 library is held twice, .*; 3 of 3 layers read/);
      const saved = server.keys().filter((k) => k.startsWith(LAYER_SCAN_CACHE_PREFIX));
      expect(saved).toHaveLength(1);
      expect(first.stdout).toContain(`the layers read are kept for the next run (Actions cache ${saved[0]})`);

      const second = await run(randomBytes(6).toString('hex'));
      expect(second.code, second.stdout.slice(-3000)).toBe(0);
      expect(second.stdout).toContain(`duplicate scan: 3 layers remembered from an earlier run (Actions cache ${saved[0]})`);
      // the library's first copy is in a remembered layer, the second in the one layer read
      expect(second.stdout).toMatch(/duplicate scan: 1 library is held twice, .*; 1 of 3 layers read/);
      expect(images(second)[0]?.duplicates).toEqual([
        { soname: 'libkept.so.3', bytes: 400000, paths: ['/opt/sys/libkept.so.3.1', '/opt/wheel/libkept.so.3'], copies: 2 },
      ]);
      expect(server.keys().filter((k) => k.startsWith(LAYER_SCAN_CACHE_PREFIX))).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('an entry of two platforms: each platform image is scanned on its own', async () => {
    // the library is held twice in the arm64 image only
    const dockerfile = [
      `FROM ${REGISTRY}/debian-multi:bookworm`,
      'ARG NONCE',
      'RUN echo "$NONCE" > /nonce && mkdir -p /opt/a /opt/b && head -c 300000 /dev/urandom > /opt/a/libarm.so.1' +
        ' && if [ "$(uname -m)" = aarch64 ]; then cp /opt/a/libarm.so.1 /opt/b/libarm.so.1; fi',
      '',
    ].join('\n');
    const run = await action(
      {
        command: 'build',
        matrix: `${MATRIX}\nplatforms: [linux/amd64, linux/arm64]`,
        'build-args': `NONCE=${randomBytes(6).toString('hex')}`,
      },
      dockerfile,
    );
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    const [built] = images(run);
    const [amd, arm] = built?.platforms ?? [];
    expect(amd).toMatchObject({ platform: 'linux/amd64', duplicates: duplicatesInContainer(`${repo}:${TAG}`, 'linux/amd64') });
    expect(arm).toMatchObject({ platform: 'linux/arm64', duplicates: duplicatesInContainer(`${repo}:${TAG}`, 'linux/arm64') });
    expect(arm?.duplicates).toEqual([
      { soname: 'libarm.so.1', bytes: 300000, paths: ['/opt/a/libarm.so.1', '/opt/b/libarm.so.1'], copies: 2 },
    ]);
    expect(amd?.duplicates).toEqual([]);
    // the entry's own field is its first platform's
    expect(built?.duplicates).toEqual(amd?.duplicates);
    expect(run.stdout).toContain('duplicate scan of linux/arm64: 1 library is held twice');
    // the summary's platform table and a folded table for the arm64 image alone
    expect(run.summary).toMatch(/\| linux\/amd64 \| `sha256:[0-9a-f]{12}…` \| [\d.]+ MiB \| none \|/);
    expect(run.summary).toMatch(/\| linux\/arm64 \| `sha256:[0-9a-f]{12}…` \| [\d.]+ MiB \| 1 \(293\.0 KiB wasted\) \|/);
    expect(run.summary).toContain(`${TAG} (linux/arm64): 1 (293.0 KiB wasted)</summary>`);
  });
});
