import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmokeResult } from '../src/commands/smoke.js';
import { DEBIAN_TORCH_COMPAT, REGISTRY, freshRepository, requireInfra } from './support/infra.js';
import { runAction, type ActionRun } from './support/run-action.js';
import { runtimes } from './support/runtimes.js';

// The smoke test on real parts: the committed action bundle under Node 24, dockerd, and an
// image holding Debian's real CPU torch (python3-torch 1.13, built by scripts/infra.sh as
// 127.0.0.1:5000/debian-torch:bookworm). There is no GPU here: GPU mode runs against this
// GPU-less dockerd, with the host's nvidia-smi simulated where a test says so.

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
const TORCH_IMAGE = `${REGISTRY}/debian-torch:bookworm`;

let scratch = '';
beforeAll(() => {
  requireInfra();
  execFileSync('curl', [
    '-fsS',
    '-o',
    '/dev/null',
    '-H',
    'Accept: application/vnd.docker.distribution.manifest.v2+json',
    `http://${REGISTRY}/v2/debian-torch/manifests/bookworm`,
  ]);
  scratch = mkdtempSync(path.join(tmpdir(), 'gim-smoke-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Put the torch image in a fresh repository under an entry's tag, as a build would have. */
function publish(repo: string, tag: string): void {
  execFileSync('docker', ['pull', '-q', TORCH_IMAGE], { stdio: 'ignore' });
  execFileSync('docker', ['tag', TORCH_IMAGE, `${repo}:${tag}`]);
  execFileSync('docker', ['push', '-q', `${repo}:${tag}`], { stdio: 'ignore' });
}

function smoke(inputs: Record<string, string>, options: Parameters<typeof runAction>[2] = {}): Promise<ActionRun> {
  return runAction(
    node.bin,
    { command: 'smoke', 'compat-file': 'compat.json', ...inputs },
    {
      timeoutMs: 300_000,
      ...options,
      setup: (ws) => {
        writeFileSync(path.join(ws, 'compat.json'), DEBIAN_TORCH_COMPAT);
        options.setup?.(ws);
      },
    },
  );
}

function results(run: ActionRun): SmokeResult[] {
  if (!run.outputs['smoke-results']) throw new Error(`no smoke-results output; the action printed:\n${run.stdout.slice(-4000)}`);
  return JSON.parse(run.outputs['smoke-results']) as SmokeResult[];
}

describe('smoke test in CPU mode with real torch', () => {
  it('passes with the exact versions the image reports', async () => {
    const repo = freshRepository('smoke-cpu');
    publish(repo, '1.13.0-cpu-py3.11-ubuntu24.04');
    const run = await smoke({ matrix: 'torch: 1.13.0\ncuda: cpu\npython: "3.11"', image: repo, 'expect-gpu': 'false' });
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    const [r] = results(run);
    expect(r).toMatchObject({ status: 'passed', mode: 'cpu', image: `${repo}:1.13.0-cpu-py3.11-ubuntu24.04` });
    expect(r?.report).toMatchObject({ torch: '1.13.0a0', cuda: null, python: expect.stringMatching(/^3\.11\./) });
    expect(r?.checks.map((c) => [c.name, c.ok])).toEqual([
      ['torch imports', true],
      ['torch version', true],
      ['torch CUDA version', true],
      ['matmul on CPU', true],
      ['NumPy interop (torch.from_numpy, .numpy())', true],
    ]);
    expect(run.summary).toMatch(/### gpu-image-matrix smoke test: 1 passed, 0 failed/);
  });

  it('fails a wrong expected version, naming both versions', async () => {
    const repo = freshRepository('smoke-wrong');
    publish(repo, '1.13.1-cpu-py3.11-ubuntu24.04');
    const run = await smoke({ matrix: 'torch: 1.13.1\ncuda: cpu\npython: "3.11"', image: repo, 'expect-gpu': 'false' });
    expect(run.code).toBe(1);
    const [r] = results(run);
    expect(r).toMatchObject({ status: 'failed', failed: 'torch version' });
    expect(r?.checks.find((c) => c.name === 'torch version')).toMatchObject({
      ok: false,
      value: '1.13.0a0',
      expected: '1.13.1',
      message: 'torch is 1.13.0a0, expected 1.13.1',
    });
    expect(r?.diagnosis?.cause).toBe('torch is 1.13.0a0, expected 1.13.1');
    expect(run.stdout).toMatch(
      /::error::smoke test of 1\.13\.1-cpu-py3\.11-ubuntu24\.04 failed: torch version: torch is 1\.13\.0a0, expected 1\.13\.1/,
    );
  });

  it('stops a container that hangs at the timeout and says so', async () => {
    const repo = freshRepository('smoke-hang');
    publish(repo, '1.13.0-cpu-py3.11-ubuntu24.04');
    const started = Date.now();
    const run = await smoke(
      {
        matrix: 'torch: 1.13.0\ncuda: cpu\npython: "3.11"',
        image: repo,
        'expect-gpu': 'false',
        'smoke-timeout': '8',
        'smoke-script': 'hang.py',
      },
      { setup: (ws) => writeFileSync(path.join(ws, 'hang.py'), 'import time\nprint("hanging", flush=True)\ntime.sleep(3600)\n') },
    );
    const elapsed = (Date.now() - started) / 1000;
    expect(run.code).toBe(1);
    const [r] = results(run);
    expect(r).toMatchObject({ status: 'failed', failed: 'timeout' });
    expect(r?.diagnosis?.cause).toBe('the smoke test did not finish within 8 s; the container was stopped');
    expect(elapsed).toBeLessThan(60);
    const left = execFileSync('docker', ['ps', '-a', '--filter', `name=gim-smoke-${r?.key}`, '--format', '{{.Names}}'], {
      encoding: 'utf8',
    });
    expect(left.trim()).toBe('');
  });

  it('runs the user smoke-script after the checks, as one more check', async () => {
    const repo = freshRepository('smoke-user');
    publish(repo, '1.13.0-cpu-py3.11-ubuntu24.04');
    const run = await smoke(
      { matrix: 'torch: 1.13.0\ncuda: cpu\npython: "3.11"', image: repo, 'expect-gpu': 'false', 'smoke-script': 'ci/check.py' },
      {
        setup: (ws) => {
          mkdirSync(path.join(ws, 'ci'));
          writeFileSync(
            path.join(ws, 'ci/check.py'),
            'import torch, sys\nprint("sum", torch.ones(3).sum().item())\nsys.exit(0 if torch.ones(3).sum().item() == 4 else 5)\n',
          );
        },
      },
    );
    expect(run.code).toBe(1);
    const [r] = results(run);
    expect(r?.failed).toBe('smoke-script /workspace/ci/check.py'); // run from the read-only workspace mount
    expect(r?.checks.at(-1)).toMatchObject({ ok: false, value: 5, message: 'exit status 5; last output:\nsum 3.0' });
  });
});

describe('command all: plan, build, then smoke', () => {
  it('builds an image FROM the torch image and checks it in CPU mode, pinned by the digest it built', async () => {
    const repo = freshRepository('all');
    const run = await smoke(
      {
        command: 'all',
        matrix: 'torch: 1.13.0\ncuda: cpu\npython: "3.11"',
        image: repo,
        push: 'true',
        builder: 'bk-remote',
        dockerfile: 'Dockerfile',
        context: 'image',
        'expect-gpu': 'false',
      },
      {
        setup: (ws) => {
          mkdirSync(path.join(ws, 'image'));
          writeFileSync(path.join(ws, 'image/Dockerfile'), `FROM ${TORCH_IMAGE}\nRUN python3 -c "import torch" && echo ok > /built\n`);
        },
      },
    );
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    const built = JSON.parse(run.outputs.images ?? '[]') as { digest: string }[];
    const [r] = results(run);
    expect(r?.status).toBe('passed');
    expect(r?.image).toBe(`${repo}@${built[0]?.digest}`);
    expect(run.summary).toMatch(/### gpu-image-matrix smoke test: 1 passed[\s\S]*### gpu-image-matrix build: 1 built/);
  });
});

describe('smoke test in GPU mode on this GPU-less dockerd', () => {
  let fakeBin = '';
  beforeAll(() => {
    // Simulated: an nvidia-smi that reports one H200 with driver 580, so that the preflight passes
    // and the real `docker run --gpus all` gets to fail on this machine.
    fakeBin = path.join(scratch, 'bin');
    mkdirSync(fakeBin);
    writeFileSync(path.join(fakeBin, 'nvidia-smi'), '#!/bin/sh\necho "NVIDIA H200, 580.95.05, 9.0"\n');
    chmodSync(path.join(fakeBin, 'nvidia-smi'), 0o755);
  });

  it('fails with the toolkit diagnosis drawn from the real docker error (host nvidia-smi simulated)', async () => {
    const repo = freshRepository('smoke-gpu');
    publish(repo, '1.13.1-cu117-py3.11-ubuntu22.04');
    const run = await smoke(
      { matrix: 'torch: 1.13.1\ncuda: "11.7"\npython: "3.11"', image: repo },
      { env: { PATH: `${fakeBin}:${process.env.PATH}` } },
    );
    expect(run.code).toBe(1);
    const [r] = results(run);
    expect(r).toMatchObject({
      status: 'failed',
      mode: 'gpu',
      failed: 'container',
      host: { driver: '580.95.05', gpus: [{ name: 'NVIDIA H200', computeCap: '9.0' }] },
    });
    expect(r?.output).toMatch(/could not select device driver "" with capabilities: \[\[gpu\]\]/);
    expect(r?.diagnosis).toEqual({
      cause: 'Docker has no GPU device driver: the NVIDIA Container Toolkit is missing, or dockerd was not restarted after installing it',
      fix:
        'install the NVIDIA Container Toolkit, run sudo nvidia-ctk runtime configure ' +
        '--runtime=docker, then restart docker (sudo systemctl restart docker)',
    });
    expect(run.stdout).toContain('::warning::docker info lists no nvidia runtime and no nvidia.com/gpu CDI devices');
  });

  it('warns, and runs the image, when the driver is within minor-version compatibility (host nvidia-smi simulated)', async () => {
    // 470 is older than CUDA 11.7's own driver (515.65.01) but above CUDA 11's floor (450.80.02):
    // the image runs there, without PTX JIT. Before, the preflight refused the host.
    writeFileSync(path.join(fakeBin, 'nvidia-smi'), '#!/bin/sh\necho "Tesla T4, 470.82.01, 7.5"\n');
    const repo = freshRepository('smoke-mvc');
    publish(repo, '1.13.1-cu117-py3.11-ubuntu22.04');
    const run = await smoke(
      { matrix: 'torch: 1.13.1\ncuda: "11.7"\npython: "3.11"', image: repo },
      { env: { PATH: `${fakeBin}:${process.env.PATH}` } },
    );
    expect(run.stdout).toMatch(
      /::warning::1\.13\.1-cu117-py3\.11-ubuntu22\.04: preflight: driver 470\.82\.01 is older than the CUDA 11\.7\.1 toolkit/,
    );
    const [r] = results(run);
    // past the preflight: the run itself fails on this GPU-less dockerd
    expect(r).toMatchObject({ status: 'failed', failed: 'container' });
  });

  it("stops at the preflight when the host driver is below the CUDA major's floor (host nvidia-smi simulated)", async () => {
    writeFileSync(path.join(fakeBin, 'nvidia-smi'), '#!/bin/sh\necho "Tesla T4, 440.33.01, 7.5"\n');
    const repo = freshRepository('smoke-olddriver');
    const run = await smoke(
      { matrix: 'torch: 1.13.1\ncuda: "11.7"\npython: "3.11"', image: repo },
      { env: { PATH: `${fakeBin}:${process.env.PATH}` } },
    );
    expect(run.code).toBe(1);
    const [r] = results(run);
    expect(r).toMatchObject({ status: 'failed', failed: 'host preflight' });
    expect(r?.diagnosis).toEqual({
      cause: "driver 440.33.01 is older than CUDA 11.7 needs (≥ 450.80.02, CUDA 11's floor)",
      fix: 'upgrade the driver to 515.65.01 or newer',
    });
  });

  it('stops at the preflight on a runner without nvidia-smi, saying what to do', async () => {
    const run = await smoke(
      { matrix: 'torch: 1.13.1\ncuda: "11.7"\npython: "3.11"', image: freshRepository('smoke-nosmi') },
      { env: { PATH: '/usr/local/bin:/usr/bin:/bin' } },
    );
    expect(run.code).toBe(1);
    const [r] = results(run);
    expect(r?.diagnosis?.cause).toBe('nvidia-smi was not found: this runner has no NVIDIA driver installed (or it is not on PATH)');
  });
});
