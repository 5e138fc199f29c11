import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PackageIndexClient } from '../src/effects/package-index.js';
import type { ImageResult } from '../src/commands/build.js';
import type { EntryVerdict } from '../src/verify/check.js';
import { BASE_IMAGE, BUILDER, freshRepository, requireInfra } from './support/infra.js';
import { runAction, type ActionRun } from './support/run-action.js';
import { ROOT, run, runtimes } from './support/runtimes.js';
import { serveWheelIndex, type WheelIndex } from './support/wheel-index.js';

// verify on real parts: the committed bundles (action under Node 24, and the CLI), a package index
// served by this process with real wheel files (PEP 503 HTML roots laid out as download.pytorch.org/whl,
// a PEP 691 JSON root as PyPI, .metadata files on one root), and the local registry with tags pushed
// here. nvidia/cuda on Docker Hub and ghcr.io cannot be reached from this machine: those answers are
// the "could not be asked" warnings the tests expect.

vi.setConfig({ testTimeout: 300_000 });

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
const CLI = path.join(ROOT, 'dist/cli/index.js');
let index: WheelIndex;
let repo = '';

const linux = (project: string, version: string, pythons: string[], platform = 'linux_x86_64'): { filename: string }[] =>
  pythons.map((py) => ({ filename: `${project}-${version}-cp${py}-cp${py}-${platform}.whl` }));

beforeAll(async () => {
  requireInfra();
  // Base images in the local registry: two updates of one CUDA, and an index with only an arm64 image.
  repo = freshRepository('verify-cuda');
  execFileSync('docker', ['pull', '-q', BASE_IMAGE], { stdio: 'pipe', timeout: 300_000 });
  for (const tag of ['12.4.1-runtime', '12.4.2-runtime', 'uv']) {
    execFileSync('docker', ['tag', BASE_IMAGE, `${repo}:${tag}`], { stdio: 'pipe' });
    execFileSync('docker', ['push', '-q', `${repo}:${tag}`], { stdio: 'pipe', timeout: 300_000 });
  }
  const registryPath = repo.replace(/^127\.0\.0\.1:5000\//, '');
  const head = await fetch(`http://127.0.0.1:5000/v2/${registryPath}/manifests/uv`, {
    method: 'HEAD',
    headers: { Accept: 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json' },
  });
  const armIndex = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      {
        mediaType: head.headers.get('content-type'),
        digest: head.headers.get('docker-content-digest'),
        size: Number(head.headers.get('content-length')),
        platform: { os: 'linux', architecture: 'arm64' },
      },
    ],
  };
  const put = await fetch(`http://127.0.0.1:5000/v2/${registryPath}/manifests/arm-only`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/vnd.oci.image.index.v1+json' },
    body: JSON.stringify(armIndex),
  });
  if (!put.ok) throw new Error(`could not push the arm64-only index: ${put.status} ${await put.text()}`);

  index = await serveWheelIndex([
    {
      path: '/whl/cu124',
      format: 'html',
      files: [
        ...linux('torch', '2.4.1+cu124', ['311', '312']),
        ...linux('torchvision', '0.19.1+cu124', ['311', '312']),
        // torchaudio for 3.11 only: the 3.12 entry cannot build
        ...linux('torchaudio', '2.4.1+cu124', ['311']),
      ],
    },
    {
      path: '/whl/cu121',
      format: 'html',
      metadata: true,
      files: [
        ...linux('torch', '2.4.1+cu121', ['311', '312']),
        ...linux('torchvision', '0.19.1+cu121', ['311', '312']),
        ...linux('torchaudio', '2.4.1+cu121', ['311', '312']),
      ],
    },
    {
      path: '/simple',
      format: 'negotiate',
      files: [
        { filename: 'jax-0.8.0-py3-none-any.whl' },
        ...linux('jaxlib', '0.8.0', ['311', '312'], 'manylinux_2_27_x86_64'),
        // the plugin only at a later version: jax[cuda13] takes it (a floor)
        ...linux('jax_cuda13_plugin', '0.8.1', ['311', '312', '313'], 'manylinux_2_27_x86_64'),
        { filename: 'numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl' },
        { filename: 'numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl' },
        { filename: 'demo_pkg-1.0-py3-none-any.whl', yanked: true },
      ],
    },
  ]);
}, 600_000);

afterAll(async () => {
  await index?.close();
});

function verdicts(r: ActionRun): EntryVerdict[] {
  if (!r.outputs['verify-results']) throw new Error(`no verify-results output; the action printed:\n${r.stdout.slice(-4000)}`);
  return JSON.parse(r.outputs['verify-results']) as EntryVerdict[];
}

describe('verify: the wheels on a PyTorch-style index (HTML) and a PyPI-style one (JSON), through mirrors', () => {
  it('finds the torchaudio a Python lacks on one variant, says which variant has it, and fetches each page once', async () => {
    index.requests.length = 0;
    const r = await runAction(node.bin, {
      command: 'verify',
      matrix: 'torch: 2.4.1\ncuda: ["12.4", "12.1"]\npython: ["3.11", "3.12"]\npip-packages: [numpy==1.26.4]',
      'torch-index-url': `${index.url}/whl/`,
      'pypi-index-url': `${index.url}/simple`,
      'build-args': `UV_IMAGE=${repo}:uv`,
    });
    const results = verdicts(r);
    expect(results.map((v) => [v.tag, v.status])).toEqual([
      ['2.4.1-cu124-py3.11-ubuntu22.04', 'unchecked'],
      ['2.4.1-cu124-py3.12-ubuntu22.04', 'missing'],
      ['2.4.1-cu121-py3.11-ubuntu22.04', 'unchecked'],
      ['2.4.1-cu121-py3.12-ubuntu22.04', 'unchecked'],
    ]);
    expect(results[1]?.missing).toEqual([
      `torchaudio 2.4.1 (torch) has no wheel for cp312 x86_64: ${index.url}/whl/cu124: 2.4.1 has wheels for cp311 only; ` +
        `${index.url}/whl/cu121 has it`,
    ]);
    // Everything on the index was found; only the nvidia/cuda base on Docker Hub could not be asked.
    for (const v of results) {
      expect(v.confirmed).toBe(v.checked - 1 - v.missing.length);
      expect(v.warnings).toEqual([
        expect.stringMatching(/^base image nvidia\/cuda:12\.\d\.\d-base-ubuntu.*could not be checked \(docker\.io could not be asked/),
      ]);
    }
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error::1 of 4 entries cannot build: 2.4.1-cu124-py3.12-ubuntu22.04');
    expect(r.summary).toContain('### gpu-image-matrix verify: 3 unchecked, 1 missing');
    // One request per project page, shared by every entry; cu118's torchaudio page (not served here) only for the
    // hint, as torch 2.4.1 also ships cu118.
    const pages = index.requests.filter((p) => p.endsWith('/'));
    expect(pages.length).toBe(new Set(pages).size);
    expect(new Set(pages)).toEqual(
      new Set([
        '/whl/cu124/torch/',
        '/whl/cu124/torchvision/',
        '/whl/cu124/torchaudio/',
        '/whl/cu121/torch/',
        '/whl/cu121/torchvision/',
        '/whl/cu121/torchaudio/',
        '/whl/cu118/torchaudio/',
        '/simple/numpy/',
      ]),
    );
    // No wheel was downloaded.
    expect(index.requests.filter((p) => p.startsWith('/files/'))).toEqual([]);
  });

  it('jax on a JSON index with the CLI: jaxlib missing for one Python, the CUDA plugin taken at a later version', async () => {
    const r = await run(
      node.bin,
      [CLI, 'verify', '--matrix', '-', '--pypi-index-url', `${index.url}/simple`, '--build-arg', `UV_IMAGE=${repo}:uv`, '--format', 'json'],
      { input: 'jax: 0.8.0\ncuda: "13"\npython: ["3.12", "3.13"]\n', timeoutMs: 120_000 },
    );
    expect(r.code, r.stderr).toBe(1);
    const { verify } = JSON.parse(r.stdout) as { verify: EntryVerdict[] };
    expect(verify.map((v) => [v.tag, v.status, v.missing])).toEqual([
      ['jax0.8.0-cuda13-py3.12-ubuntu24.04', 'unchecked', []],
      [
        'jax0.8.0-cuda13-py3.13-ubuntu24.04',
        'missing',
        [`jaxlib 0.8.0 (jax) has no wheel for cp313 x86_64: ${index.url}/simple: 0.8.0 has wheels for cp311, cp312 only`],
      ],
    ]);
    // jax, jaxlib and the plugin found, and the uv image in the local registry; the base on Docker Hub not asked.
    expect(verify[0]?.confirmed).toBe(4);
  });
});

describe('verify: images in the registry', () => {
  it('a tag that is gone (with the updates that exist), an index without linux/amd64, and a registry that cannot be reached', async () => {
    const r = await runAction(node.bin, {
      command: 'verify',
      matrix: JSON.stringify({
        torch: '2.4.1',
        cuda: ['12.4', '12.1'],
        python: '3.11',
        'base-image': `${repo}:{cudaFull}-runtime`,
        include: [
          { torch: '2.4.1', cuda: '12.4', python: '3.11', 'base-image': `${repo}:arm-only`, 'tag-suffix': 'arm' },
          { torch: '2.4.1', cuda: '12.4', python: '3.11', 'base-image': '127.0.0.1:5999/nowhere/cuda:1', 'tag-suffix': 'away' },
        ],
      }),
    });
    const results = verdicts(r);
    const byTag = Object.fromEntries(results.map((v) => [v.tag, v]));
    expect(byTag['2.4.1-cu124-py3.11-ubuntu22.04']?.status).toBe('ok');
    expect(byTag['2.4.1-cu121-py3.11-ubuntu22.04']?.missing).toEqual([
      `base image ${repo}:12.1.1-runtime does not exist (${repo} has no tag 12.1.1-runtime); it has :12.4.2-runtime, :12.4.1-runtime`,
    ]);
    expect(byTag['2.4.1-cu124-py3.11-ubuntu22.04-arm']?.missing).toEqual([
      `base image ${repo}:arm-only has no linux/amd64 image (it has linux/arm64)`,
    ]);
    expect(byTag['2.4.1-cu124-py3.11-ubuntu22.04-away']).toMatchObject({
      status: 'unchecked',
      missing: [],
      warnings: [
        expect.stringContaining('base image 127.0.0.1:5999/nowhere/cuda:1: could not be checked (127.0.0.1:5999 could not be asked'),
      ],
    });
    expect(r.code).toBe(1);
  });
});

describe('build verifies first', () => {
  it('an entry whose pinned package is not on the index fails before any docker work; with verify false the build finds out', async () => {
    const inputs = {
      command: 'build',
      matrix: `torch: 2.4.1\ncuda: "12.4"\npython: "3.11"\nbase-image: ${repo}:12.4.1-runtime`,
      image: freshRepository('verify-build'),
      builder: BUILDER,
      push: 'true',
      'pip-index-url': `${index.url}/simple`,
      'pip-packages': 'numpy==9.9.9',
    };
    const refused = await runAction(node.bin, inputs, { timeoutMs: 300_000 });
    const [img] = JSON.parse(refused.outputs.images ?? '[]') as ImageResult[];
    expect(img).toMatchObject({ status: 'failed', attempts: 0 });
    expect(img?.error).toBe(
      `not built: verify found that it cannot build: numpy 9.9.9 (pip-packages) has no wheel or sdist for cp311 x86_64: ` +
        `${index.url}/simple: no 9.9.9 (newest for this Python there: 1.26.4)`,
    );
    expect(refused.stdout).not.toMatch(/#\d+ \[internal\] load build definition/);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.outputs['verify-results'] ?? '[]')).toHaveLength(1);

    const unverified = await runAction(node.bin, { ...inputs, verify: 'false' }, { timeoutMs: 300_000 });
    const [built] = JSON.parse(unverified.outputs.images ?? '[]') as ImageResult[];
    expect(built?.status).toBe('failed');
    expect(built?.attempts).toBeGreaterThan(0);
    expect(unverified.outputs['verify-results']).toBeUndefined();
  });
});

describe('hostile index pages end with a clear error, within bounds (PackageIndexClient on a real server)', () => {
  it('a huge page, a malformed one, a redirect loop, a page too slow; a 429 waits as Retry-After asks', async () => {
    const client = new PackageIndexClient({ maxBytes: 1024 * 1024, timeoutMs: 1_000, retries: 1 });
    expect(await client.listing(`${index.url}/hostile/huge/torch/`)).toEqual({
      error: `${index.url}/hostile/huge/torch/ sent more than the 1048576 bytes a page may be`,
    });
    expect(await client.listing(`${index.url}/hostile/malformed/torch/`)).toEqual({
      error: expect.stringMatching(/^not an index page: not valid JSON/),
    });
    expect(await client.listing(`${index.url}/hostile/loop/torch/0/`)).toEqual({
      error: `${index.url}/hostile/loop/torch/0/ redirects in a loop or more than 5 times`,
    });
    index.setDelay(3_000);
    const started = Date.now();
    try {
      expect(await client.listing(`${index.url}/simple/jax/`)).toEqual({
        error: expect.stringMatching(/^no answer from .* within 1000 ms$/),
      });
    } finally {
      index.setDelay(0);
    }
    expect(Date.now() - started).toBeLessThan(6_000);
    const busy = Date.now();
    const page = await new PackageIndexClient({ retries: 1 }).listing(`${index.url}/hostile/busy/torch/`);
    expect('listing' in page && page.listing.files.map((f) => f.filename)).toContain('torch-2.4.1+cu124-cp311-cp311-linux_x86_64.whl');
    expect(Date.now() - busy).toBeGreaterThanOrEqual(900);
  });
});
