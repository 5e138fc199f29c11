import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageResult } from '../src/commands/build.js';
import type { SmokeResult } from '../src/commands/smoke.js';
import { MAX_JOBS_SCRIPT } from '../src/template/devel.js';
import {
  BASE_IMAGE,
  BUILDER,
  DEBIAN_TORCH_COMPAT,
  REGISTRY,
  freshRepository,
  pushTorchPipImage,
  registryDigest,
  requireInfra,
} from './support/infra.js';
import { runAction, type ActionRun } from './support/run-action.js';
import { runtimes } from './support/runtimes.js';

// The devel flavour on real parts: the committed bundle under Node 24, dockerd, BuildKit v0.25, the
// registry, Debian's apt archive and Debian's real CPU torch 1.13 with its headers. nvidia/cuda's
// -devel images and the PyTorch index cannot be reached here, so the template starts FROM a local
// image that holds torch (the base-image path) but neither a C++ compiler nor ninja, as NVIDIA's
// -devel images hold neither. That torch is a CPU build: the check compiles and runs the C++ half
// of its extension for real; the CUDA half (nvcc, the kernel) needs the CUDA toolkit and a GPU and
// is covered by the pure tests of check.py only.

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
/** Debian's torch with pip, setuptools, Python's and torch's headers (pybind11, libtorch-dev); no g++, no ninja. */
const DEVEL_BASE = `${REGISTRY}/gim-fixtures/torch-devel:bookworm`;
let scratch = '';

beforeAll(() => {
  requireInfra();
  scratch = mkdtempSync(path.join(tmpdir(), 'gim-devel-'));
  pushTorchPipImage(scratch);
  const ctx = path.join(scratch, 'torch-devel');
  mkdirSync(ctx);
  writeFileSync(
    path.join(ctx, 'Dockerfile'),
    `FROM ${REGISTRY}/gim-fixtures/torch-pip:bookworm\nRUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ` +
      '--no-install-recommends python3-setuptools python3-dev pybind11-dev libtorch-dev && rm -rf /var/lib/apt/lists/*\n',
  );
  execFileSync('docker', ['build', '-q', '-t', DEVEL_BASE, ctx], { stdio: 'pipe', timeout: 600_000 });
  execFileSync('docker', ['push', '-q', DEVEL_BASE], { stdio: 'pipe', timeout: 600_000 });
  const tools = execFileSync('docker', ['run', '--rm', DEVEL_BASE, 'sh', '-c', 'command -v c++; command -v ninja; true'], {
    encoding: 'utf8',
  });
  if (tools.trim()) throw new Error(`the devel fixture base should lack c++ and ninja, it has: ${tools}`);
}, 900_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function images(run: ActionRun): ImageResult[] {
  if (!run.outputs.images) throw new Error(`no images output; the action printed:\n${run.stdout.slice(-4000)}`);
  return JSON.parse(run.outputs.images) as ImageResult[];
}

function inImage(ref: string, script: string): string {
  return execFileSync('docker', ['run', '--rm', '--entrypoint', 'sh', ref, '-c', script], { encoding: 'utf8', timeout: 120_000 }).trim();
}

describe('max-jobs: MAX_JOBS from the memory and CPUs a container has', () => {
  const jobs = (dockerArgs: string[]): string => {
    const file = path.join(scratch, 'max-jobs');
    writeFileSync(file, MAX_JOBS_SCRIPT);
    return execFileSync('docker', ['run', '--rm', ...dockerArgs, '-v', `${file}:/max-jobs:ro`, BASE_IMAGE, 'sh', '/max-jobs'], {
      encoding: 'utf8',
      timeout: 60_000,
    }).trim();
  };
  const cpus = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());

  it('gives one job per 5 GiB under a memory limit, at most one per CPU', () => {
    expect(jobs(['--memory', '11g'])).toBe(String(Math.min(cpus, 2)));
    expect(jobs(['--memory', '4g'])).toBe('1');
  });

  it('counts NVCC_THREADS threads per job, honours a CPU quota, and keeps an explicit MAX_JOBS', () => {
    expect(jobs(['--memory', '11g', '-e', 'NVCC_THREADS=2'])).toBe('1');
    expect(jobs(['--memory', '11g', '--cpus', '1'])).toBe('1');
    expect(jobs(['-e', 'MAX_JOBS=7'])).toBe('7');
    // not a number, or 0 (which ninja reads as no limit): computed as if unset
    expect(jobs(['--memory', '4g', '-e', 'MAX_JOBS=lots'])).toBe('1');
    expect(jobs(['--memory', '4g', '-e', 'MAX_JOBS=0'])).toBe('1');
    // 00 threads would divide by zero: one thread
    expect(jobs(['--memory', '11g', '-e', 'NVCC_THREADS=00'])).toBe(String(Math.min(cpus, 2)));
  });
});

describe('a devel entry, FROM a base without a compiler or ninja', () => {
  const repo = freshRepository('devel');
  const tag = '1.13.0-cu117-py3.11-ubuntu22.04-devel';
  let run: ActionRun;

  const action = (inputs: Record<string, string>): Promise<ActionRun> =>
    runAction(
      node.bin,
      { 'compat-file': 'compat.json', builder: BUILDER, 'base-image': DEVEL_BASE, push: 'true', image: repo, ...inputs },
      {
        timeoutMs: 900_000,
        setup: (ws) => {
          writeFileSync(path.join(ws, 'compat.json'), DEBIAN_TORCH_COMPAT);
          mkdirSync(path.join(ws, 'docker'));
          // what the team's build steps see: the extension build environment
          writeFileSync(
            path.join(ws, 'docker/post-install.sh'),
            '#!/bin/sh\nset -e\n' +
              'echo "MAX_JOBS=$MAX_JOBS NVCC_THREADS=$NVCC_THREADS TORCH_CUDA_ARCH_LIST=$TORCH_CUDA_ARCH_LIST" > /opt/devel-env\n',
          );
        },
      },
    );

  it(
    // A base image's torch keeps its own TORCH_CUDA_ARCH_LIST unless cuda-arch-list is set (the wheels' default is
    // for the template's own torch, planned in devel-core.test.ts)
    'adds g++ and ninja, sets TORCH_CUDA_ARCH_LIST from cuda-arch-list, sizes MAX_JOBS for the team steps; ' +
      'the CPU smoke check builds and runs a real extension (only the CUDA version check fails: the stand-in torch is a CPU build)',
    async () => {
      run = await action({
        command: 'all',
        matrix: 'torch: 1.13.0\ncuda: "11.7"\npython: "3.11"\nflavor: devel',
        'post-install': 'docker/post-install.sh',
        'cuda-arch-list': '8.0;8.6',
        smoke: 'true',
        'expect-gpu': 'false',
      });
      const [built] = images(run);
      expect(built, run.stdout.slice(-5000)).toMatchObject({ status: 'built', tag });
      expect(built?.digest).toBe(await registryDigest(repo, tag));
      const ref = `${repo}:${tag}`;
      execFileSync('docker', ['pull', '-q', ref], { stdio: 'pipe', timeout: 300_000 });
      expect(inImage(ref, 'command -v c++ && command -v ninja')).toMatch(/\/c\+\+\n.*\/ninja$/);
      expect(inImage(ref, 'echo "$TORCH_CUDA_ARCH_LIST"')).toBe('8.0;8.6');
      const env = inImage(ref, 'cat /opt/devel-env');
      const m = /^MAX_JOBS=(\d+) NVCC_THREADS=1 TORCH_CUDA_ARCH_LIST=8\.0;8\.6$/.exec(env);
      expect(m, env).not.toBeNull();
      // the builder's memory and CPUs decide; this machine's CPUs bound it
      expect(Number(m![1])).toBeGreaterThanOrEqual(1);
      expect(Number(m![1])).toBeLessThanOrEqual(Number(execFileSync('nproc', { encoding: 'utf8' })));

      const [smoke] = JSON.parse(run.outputs['smoke-results'] as string) as SmokeResult[];
      const checks = Object.fromEntries(smoke!.checks.map((c) => [c.name, c]));
      for (const name of ['TORCH_CUDA_ARCH_LIST', 'ninja', 'C++ extension builds (load_inline)', 'C++ extension runs']) {
        expect(checks[name]?.ok, `${name}: ${JSON.stringify(checks[name])}`).toBe(true);
      }
      expect(checks['C++ extension runs']?.value).toBe('[1,3,5,7]');
      expect(smoke!.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['torch CUDA version']);
      expect(run.code).toBe(1);
      expect(smoke!.report?.extension).toMatchObject({ archList: '8.0;8.6' });
      expect(smoke!.report?.extension?.buildSeconds).toBeGreaterThan(0);
    },
    1_200_000,
  );

  it('takes MAX_JOBS and NVCC_THREADS from the team env, and the list cuda-arch-list gives', async () => {
    const again = await action({
      command: 'build',
      matrix: 'torch: 1.13.0\ncuda: "11.7"\npython: "3.11"\nflavor: devel',
      'post-install': 'docker/post-install.sh',
      env: 'MAX_JOBS=3\nNVCC_THREADS=2',
      'cuda-arch-list': '9.0 8.0+PTX',
      'tag-suffix': 'own',
    });
    expect(again.code, again.stdout.slice(-4000)).toBe(0);
    const [built] = images(again);
    const ref = `${repo}:${tag}-own`;
    expect(built).toMatchObject({ status: 'built', tag: `${tag}-own` });
    execFileSync('docker', ['pull', '-q', ref], { stdio: 'pipe', timeout: 300_000 });
    expect(inImage(ref, 'cat /opt/devel-env')).toBe('MAX_JOBS=3 NVCC_THREADS=2 TORCH_CUDA_ARCH_LIST=9.0;8.0+PTX');
    // the step's own line in the build log: the values came from the prefix, before env's ENV applies
    expect(again.stdout).toMatch(/gpu-image-matrix: MAX_JOBS=3 NVCC_THREADS=2/);
  }, 900_000);

  it('refuses a cuda-arch-list that is not a list of compute capabilities, before any build', async () => {
    const bad = await action({
      command: 'build',
      matrix: 'torch: 1.13.0\ncuda: "11.7"\npython: "3.11"\nflavor: devel',
      'cuda-arch-list': 'Ampere',
    });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/::error::input cuda-arch-list: "Ampere" is not valid; accepted: compute capabilities like/);
    expect(bad.stdout).not.toMatch(/ at [\w.]+ \(/); // no stack trace
  }, 300_000);
});
