import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageResult } from '../src/commands/build.js';
import { DISK_PER_COMPRESSED_BYTE } from '../src/image/disk.js';
import { formatSize } from '../src/report/format.js';
import {
  DEBIAN_TORCH_COMPAT,
  REGISTRY,
  TORCH_PIP_IMAGE,
  freshRepository,
  pushTorchPipImage,
  registryDigest,
  requireInfra,
} from './support/infra.js';
import { runAction, type ActionRun } from './support/run-action.js';
import { runtimes } from './support/runtimes.js';

// The disk gate on real parts: the committed bundle under Node 24, dockerd's own builder (buildx's
// docker driver, whose data is under dockerd's root), the registry, and a real small filesystem (a
// tmpfs mounted by the test). A full disk under /var/lib/docker cannot be arranged safely here, so
// the docker CLI is wrapped to name that tmpfs as its root in `docker info`; every other docker
// command goes to the real CLI. The base image is Debian's torch with pip (base-image path).

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
let scratch = '';
let small = '';
let wrapped = '';
/** the gate's floor for the base image: its compressed layers times DISK_PER_COMPRESSED_BYTE */
let need = 0;

beforeAll(async () => {
  requireInfra();
  scratch = mkdtempSync(path.join(tmpdir(), 'gim-disk-'));
  pushTorchPipImage(scratch);
  const repo = TORCH_PIP_IMAGE.slice(REGISTRY.length + 1).replace(/:bookworm$/, '');
  const res = await fetch(`http://${REGISTRY}/v2/${repo}/manifests/bookworm`, {
    headers: { Accept: 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json' },
  });
  const manifest = (await res.json()) as { layers: { size: number }[] };
  need = manifest.layers.reduce((a, l) => a + l.size, 0) * DISK_PER_COMPRESSED_BYTE;
  small = path.join(scratch, 'small-root');
  mkdirSync(small);
  wrapped = path.join(scratch, 'bin');
  mkdirSync(wrapped);
  const real = execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim();
  writeFileSync(
    path.join(wrapped, 'docker'),
    `#!/bin/sh\nif [ "$1" = info ] && [ "$2" = --format ]; then echo "${small}|$(hostname)"; exit 0; fi\nexec ${real} "$@"\n`,
  );
  chmodSync(path.join(wrapped, 'docker'), 0o755);
}, 900_000);

afterAll(() => {
  if (small) execFileSync('sh', ['-c', `umount ${JSON.stringify(small)} 2>/dev/null || true`]);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** A tmpfs of `bytes` (in whole pages) at the root the wrapped docker names (remounted per test); its size. */
function rootOf(bytes: number): number {
  const size = Math.ceil(bytes / 4096) * 4096;
  execFileSync('sh', ['-c', `umount ${JSON.stringify(small)} 2>/dev/null || true`]);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', small]);
  return size;
}

/** Two variants of one entry, a and b, that differ only in an env value (two builds of one base). */
const twoVariants = (a: string, b: string): string =>
  'include:\n' +
  `  - {torch: 1.13.0, cuda: cpu, python: "3.11", tag-suffix: a, env: {VARIANT: ${a}}}\n` +
  `  - {torch: 1.13.0, cuda: cpu, python: "3.11", tag-suffix: b, env: {VARIANT: ${b}}}`;
const escaped = (text: string): string => text.replace(/[/.()]/g, '\\$&');

function images(run: ActionRun): ImageResult[] {
  if (!run.outputs.images) throw new Error(`no images output; the action printed:\n${run.stdout.slice(-4000)}`);
  return JSON.parse(run.outputs.images) as ImageResult[];
}

const action = (repo: string, matrix: string, parallel: string): Promise<ActionRun> =>
  runAction(
    node.bin,
    {
      command: 'build',
      matrix,
      image: repo,
      'compat-file': 'compat.json',
      'base-image': TORCH_PIP_IMAGE,
      builder: 'default',
      push: 'true',
      parallel,
    },
    {
      timeoutMs: 900_000,
      env: { PATH: `${wrapped}:${process.env.PATH}` },
      setup: (ws) => writeFileSync(path.join(ws, 'compat.json'), DEBIAN_TORCH_COMPAT),
    },
  );

describe('disk before building (a tmpfs stands in for the builder root: the docker CLI is wrapped to name it)', () => {
  it('fails an entry whose base image cannot fit, before any docker build, with the numbers and what to do', async () => {
    const free = rootOf(need / 2);
    const repo = freshRepository('disk-full');
    const run = await action(repo, 'torch: 1.13.0\ncuda: cpu\npython: "3.11"', '1');
    expect(run.code).toBe(1);
    const [result] = images(run);
    expect(result).toMatchObject({ status: 'failed' });
    expect(result?.error).toMatch(
      new RegExp(
        `^not built: it needs at least ${escaped(formatSize(need))} of disk .* and ${escaped(small)} has ` +
          `${escaped(formatSize(free))} free\\. Free space first \\(the reusable workflow's free-disk-space`,
      ),
    );
    expect(run.stdout).toMatch(/::error::1\.13\.0-cpu-py3\.11-ubuntu24\.04: not built: it needs at least/);
    // nothing was built or pushed
    expect(run.stdout).not.toMatch(/#\d+ \[/);
    expect(await registryDigest(repo, '1.13.0-cpu-py3.11-ubuntu24.04')).toBeNull();
  }, 900_000);

  // dockerd 20.10's own builder (the docker driver here) reads no heredocs, which the template's pin step
  // uses, so these builds fail at the Dockerfile, after the gate let them start: what is checked is when
  // each started. (A current dockerd, as on GitHub's runners, builds them.)
  const started = (stdout: string, tag: string): number => stdout.indexOf(`[${tag}] ERROR: failed to build`);

  it('starts the second of two entries only when the first has ended, when only one fits (parallel 2 lowers itself)', async () => {
    rootOf(need * 1.5);
    const repo = freshRepository('disk-one-at-a-time');
    const matrix = twoVariants('a', 'b');
    const run = await action(repo, matrix, '2');
    const lines = run.stdout.split('\n');
    const waits = lines.filter((l) => /waits for disk: needs at least .* 1 build\(s\) running may take/.test(l));
    expect(waits, run.stdout.slice(-4000)).toHaveLength(1);
    const [a, b] = ['1.13.0-cpu-py3.11-ubuntu24.04-a', '1.13.0-cpu-py3.11-ubuntu24.04-b'];
    const waiter = waits[0]!.includes(`[${b}]`) ? b : a;
    const first = waiter === b ? a : b;
    // the waiter's wait is logged before the first one's build ends, and its own build comes after
    expect(run.stdout.indexOf(waits[0]!)).toBeLessThan(started(run.stdout, first));
    expect(started(run.stdout, first)).toBeGreaterThan(0);
    expect(started(run.stdout, waiter)).toBeGreaterThan(started(run.stdout, first));
    expect(images(run).map((r) => r.error)).not.toContainEqual(expect.stringMatching(/needs at least/));
  }, 900_000);

  it('starts both at once when both fit', async () => {
    rootOf(need * 2.5);
    const repo = freshRepository('disk-both');
    const matrix = twoVariants('c', 'd');
    const run = await action(repo, matrix, '2');
    expect(run.stdout).not.toMatch(/waits for disk/);
    expect(run.stdout).not.toMatch(/disk: not checked/);
    expect(images(run).map((r) => r.error)).not.toContainEqual(expect.stringMatching(/needs at least/));
  }, 900_000);
});
