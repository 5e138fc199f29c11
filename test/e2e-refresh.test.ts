import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TorchRelease } from '../src/frameworks/pytorch.js';
import type { JaxRelease } from '../src/frameworks/jax.js';
import type { TfRelease } from '../src/frameworks/tensorflow.js';
import type { CudaRelease } from '../src/compat/schema.js';
import { BASE_IMAGE, freshRepository, requireInfra } from './support/infra.js';
import { runAction } from './support/run-action.js';
import { ROOT, run, runtimes } from './support/runtimes.js';
import { serveWheelIndex, type WheelIndex } from './support/wheel-index.js';

// refresh on real parts: the committed bundles, an index server of real wheel files (zip archives
// whose METADATA says what they require) laid out as download.pytorch.org/whl and PyPI, one root
// serving PEP 658 .metadata files and the others only range requests, and nvidia/cuda's tags from a
// repository in the local registry standing in for Docker Hub.

vi.setConfig({ testTimeout: 300_000 });

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
const CLI = path.join(ROOT, 'dist/cli/index.js');
const PYTHONS = ['310', '311', '312', '313', '314'];
let index: WheelIndex;
let cudaRepo = '';
let scratch = '';

const wheels = (project: string, version: string, requires: string[], pythons = PYTHONS) =>
  pythons.map((py) => ({ filename: `${project}-${version}-cp${py}-cp${py}-manylinux_2_28_x86_64.whl`, requires }));

beforeAll(async () => {
  requireInfra();
  scratch = mkdtempSync(path.join(tmpdir(), 'gim-refresh-'));
  // nvidia/cuda's tags, as NVIDIA leaves them: 13.2.0 gone, 13.2.1 there; 13.0.2 still there.
  cudaRepo = freshRepository('refresh-cuda');
  execFileSync('docker', ['pull', '-q', BASE_IMAGE], { stdio: 'pipe', timeout: 300_000 });
  for (const tag of ['13.2.1-cudnn-runtime-ubuntu22.04', '13.2.1-cudnn-runtime-ubuntu24.04', '13.0.2-cudnn-runtime-ubuntu24.04']) {
    execFileSync('docker', ['tag', BASE_IMAGE, `${cudaRepo}:${tag}`], { stdio: 'pipe' });
    execFileSync('docker', ['push', '-q', `${cudaRepo}:${tag}`], { stdio: 'pipe', timeout: 300_000 });
  }
  index = await serveWheelIndex([
    {
      // .metadata files beside the wheels (PEP 658), as download.pytorch.org serves them
      path: '/whl/cu130',
      format: 'html',
      metadata: true,
      files: [
        ...wheels('torch', '2.15.0+cu130', ['nvidia-cudnn-cu13==9.19.0.56; platform_system == "Linux"', 'filelock']),
        // a free-threaded build beside them
        { filename: 'torch-2.15.0+cu130-cp313-cp313t-manylinux_2_28_x86_64.whl', requires: ['nvidia-cudnn-cu13==9.19.0.56'] },
        // and a linux aarch64 one (cu130 ships arm64; cu132 here does not)
        { filename: 'torch-2.15.0+cu130-cp312-cp312-manylinux_2_28_aarch64.whl', requires: ['nvidia-cudnn-cu13==9.19.0.56'] },
        ...wheels('torchvision', '0.30.0+cu130', ['torch==2.15.0', 'numpy']),
        ...wheels('torchaudio', '2.11.0+cu130', ['torch>=2.11']),
      ],
    },
    {
      // no .metadata: refresh reads the wheels' METADATA with range requests
      path: '/whl/cu132',
      format: 'html',
      files: [
        ...wheels(
          'torch',
          '2.15.0+cu132',
          ['nvidia-cudnn-cu13==9.19.1.2', 'nvidia-cudnn-cu12==1.0; platform_system == "Windows"'],
          ['311', '312', '313', '314'],
        ),
        ...wheels('torchvision', '0.30.0+cu132', ['torch==2.15.0'], ['311', '312', '313', '314']),
      ],
    },
    { path: '/whl/cu133', format: 'html', files: wheels('torch', '2.15.0+cu133', ['nvidia-cudnn-cu13==9.19.1.2']) },
    {
      // a server that ignores Range and sends whole files: refresh cuts the ranges itself
      path: '/whl/cu126',
      format: 'html',
      noRanges: true,
      files: [
        ...wheels('torch', '2.14.1+cu126', ['nvidia-cudnn-cu12==9.10.2.21']),
        ...wheels('torchvision', '0.29.1+cu126', ['torch==2.14.1']),
        ...wheels('torchaudio', '2.11.0+cu126', ['torch>=2.11']),
      ],
    },
    {
      path: '/simple',
      format: 'json',
      files: [
        ...wheels('torch', '2.15.0', ['nvidia-cuda-runtime-cu13==13.0.96; platform_system == "Linux"'], ['312']),
        // tensorflow: a patch of a known minor; a new minor whose and-cuda extra gives ranges (CUDA 12.8);
        // one built for a CUDA the data has no entry for
        { filename: 'tensorflow-2.21.1-cp312-cp312-manylinux_2_27_x86_64.whl' },
        ...['311', '312', '313', '314'].map((py) => ({
          filename: `tensorflow-2.23.0-cp${py}-cp${py}-manylinux_2_27_x86_64.whl`,
          requires: [
            'absl-py>=1.0.0',
            'numpy>=1.26.0',
            'nvidia-cublas-cu12<13.0,>=12.8.4.1; extra == "and-cuda"',
            'nvidia-cuda-runtime-cu12<13.0,>=12.8.90; extra == "and-cuda"',
            'nvidia-cudnn-cu12<10.0,>=9.8.0.87; extra == "and-cuda"',
            'nvidia-nccl-cu12<3.0,>=2.26.2; extra == "and-cuda"',
          ],
        })),
        { filename: 'tensorflow-2.23.0-cp312-cp312-macosx_12_0_arm64.whl' },
        {
          filename: 'tensorflow-2.24.0-cp312-cp312-manylinux_2_27_x86_64.whl',
          requires: ['nvidia-cuda-runtime-cu13==13.9.1; extra == "and-cuda"', 'nvidia-cudnn-cu13==9.30.0.1; extra == "and-cuda"'],
        },
        { filename: 'tensorflow-2.25.0rc0-cp312-cp312-manylinux_2_27_x86_64.whl' },
        // jax 0.99.0: its METADATA names the cuda12 and cuda13 extras (and a cuda14 the data has no base for);
        // jaxlib has its Pythons. jax 0.98.0 has no jaxlib wheels: not written.
        {
          filename: 'jax-0.99.0-py3-none-any.whl',
          uploaded: '2026-11-20T08:15:00.000000Z',
          requires: [
            'jaxlib<=0.99.0,>=0.99.0',
            'jaxlib<=0.99.0,>=0.99.0; extra == "cuda12"',
            'jax-cuda12-plugin[with-cuda]<=0.99.0,>=0.99.0; extra == "cuda12"',
            'jax-cuda13-plugin[with-cuda]<=0.99.0,>=0.99.0; extra == "cuda13"',
            'jax-cuda14-plugin[with-cuda]<=0.99.0,>=0.99.0; extra == "cuda14"',
            'jax-cuda13-plugin<=0.99.0,>=0.99.0; extra == "cuda13-local"',
          ],
        },
        ...wheels('jaxlib', '0.99.0', [], ['312', '313', '314']).map((w) => ({ ...w, filename: w.filename.replace('2_28', '2_27') })),
        { filename: 'jaxlib-0.99.0-cp314-cp314t-manylinux_2_27_x86_64.whl' },
        { filename: 'jaxlib-0.99.0-cp311-cp311-macosx_11_0_arm64.whl' },
        { filename: 'jax-0.98.0-py3-none-any.whl', requires: ['jaxlib<=0.98.0,>=0.98.0; extra == "cuda13"'] },
      ],
    },
  ]);
}, 600_000);

afterAll(async () => {
  await index?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('refresh: new releases from the indexes, written as a compat-file that plans', () => {
  it('finds torch 2.15.0 and 2.14.1 with their pairings, cuDNN and default; a variant without CUDA data; moved CUDA images', async () => {
    index.requests.length = 0;
    const out = path.join(scratch, 'refresh.json');
    const r = await run(
      node.bin,
      [
        CLI,
        'refresh',
        '--out',
        out,
        '--torch-index-url',
        `${index.url}/whl`,
        '--pypi-index-url',
        `${index.url}/simple`,
        '--cuda-image-repository',
        cudaRepo,
        '--format',
        'markdown',
      ],
      { timeoutMs: 120_000 },
    );
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(readFileSync(out, 'utf8')) as { torch: TorchRelease[]; cuda: CudaRelease[] };
    const t215 = data.torch.find((t) => t.minor === '2.15');
    expect(t215).toEqual({
      minor: '2.15',
      status: 'stable',
      python: { supported: ['3.10', '3.11', '3.12', '3.13', '3.14'], experimental: [], freeThreaded: ['3.13'] },
      cuda: {
        variants: ['cu130', 'cu132'],
        pypiDefault: 'cu130',
        cudnn: { cu130: '9.19.0.56', cu132: '9.19.1.2' },
        without: { cu132: ['torchaudio'] },
      },
      arm64: { variants: ['cu130'], notes: ['found by refresh: linux aarch64 wheels on the PyTorch index'] },
      patches: [
        { torch: '2.15.0', torchvision: '0.30.0', torchaudio: '2.11.0', provenance: { torchvision: 'read', torchaudio: 'inferred' } },
      ],
      provenance: { python: 'read', cuda: 'read', pypiDefault: 'read', without: 'read', freeThreaded: 'read' },
      notes: ['found by refresh on the PyTorch index (cu130, cu132, cu133)'],
    });
    // A new patch of a known minor: added beside 2.14.0, the rest of 2.14 as bundled.
    const t214 = data.torch.find((t) => t.minor === '2.14');
    expect(t214?.patches.map((p) => [p.torch, p.torchvision, p.torchaudio])).toEqual([
      ['2.14.1', '0.29.1', '2.11.0'],
      ['2.14.0', '0.29.0', '2.11.0'],
    ]);
    expect(t214?.cuda.variants).toEqual(['cu126', 'cu130', 'cu132']);
    // nvidia/cuda: 13.2.0's images are gone and 13.2.1 has them.
    expect(data.cuda.map((c) => [c.version, c.release])).toEqual([['13.2', '13.2.1']]);
    expect(r.stdout).toContain('### gpu-image-matrix refresh: 2 new torch patches');
    expect(r.stdout).toContain('torch 2.15: cu133 wheels exist, but the data has no CUDA 13.3 entry');
    expect(r.stdout).toContain('CUDA 13.2: the 13.2.0 images are gone; 13.2.1 has them');
    // tensorflow: 2.21.1 added to 2.21; 2.23 written from its wheels and its and-cuda extra; 2.24 (CUDA 13.9) named
    const tf = (data as unknown as { tensorflow: TfRelease[] }).tensorflow;
    expect(tf.find((t) => t.minor === '2.21')?.patches).toEqual(['2.21.0', '2.21.1']);
    expect(tf.find((t) => t.minor === '2.23')).toMatchObject({
      patches: ['2.23.0'],
      python: ['3.11', '3.12', '3.13', '3.14'],
      cuda: '12.8',
      cudnn: '9.8',
      install: 'and-cuda-constrained',
      cudaLibraries: [
        'nvidia-cublas-cu12==12.8.4.1',
        'nvidia-cuda-runtime-cu12==12.8.90',
        'nvidia-cudnn-cu12==9.8.0.87',
        'nvidia-nccl-cu12==2.26.2',
      ],
      baseImage: 'nvidia/cuda:12.8.1-base-ubuntu22.04',
      cudaFull: '12.8.1',
      minorCompatDriver: '525.60.13',
    });
    expect(tf.map((t) => t.minor)).toEqual(['2.21', '2.23']);
    expect(r.stdout).toContain('tensorflow 2.24.0 is built for CUDA 13.9, and the data has no CUDA 13.9 entry');
    expect(r.stdout).toContain('| 2.23 | 2.23.0 | 3.11, 3.12, 3.13, 3.14 | 12.8 | 9.8 | and-cuda-constrained |');
    // jax: written from PyPI, its Pythons from jaxlib, its CUDA majors from its extras, the upload date as released
    const jax = (data as unknown as { jax: JaxRelease[] }).jax;
    expect(jax).toEqual([
      {
        version: '0.99.0',
        released: '2026-11-20',
        python: ['3.12', '3.13', '3.14'],
        cuda: ['12', '13'],
        provenance: { python: 'read', cuda: 'read' },
        notes: [expect.stringMatching(/^read by gpu-image-matrix refresh on \d{4}-\d{2}-\d{2} from .*\/simple: Pythons from jaxlib/)],
      },
    ]);
    expect(r.stdout).toContain('jax 0.99.0 has a cuda14 extra, but the data has no jaxCuda 14 entry');
    expect(r.stdout).toContain('jax 0.98.0: no linux x86_64 jaxlib 0.98.0 wheels on');
    expect(r.stdout).toContain('| 0.99.0 | 3.12, 3.13, 3.14 | cuda12, cuda13 | 2026-11-20 |');
    // Never a whole wheel: .metadata files on cu130, range reads elsewhere.
    const wheelGets = index.requests.filter((p) => p.startsWith('/files/') && p.endsWith('.whl'));
    expect(index.requests.some((p) => p.endsWith('.whl.metadata'))).toBe(true);
    expect(wheelGets.length).toBeGreaterThan(0);
    expect(index.ranges.every((range) => range !== null)).toBe(true);

    // The file plans: torch 2.15 on cu132, torchaudio left out there with a warning.
    const plan = await run(node.bin, [CLI, 'plan', '--matrix', '-', '--compat-file', out, '--format', 'json'], {
      input: 'torch: 2.15.0\ncuda: ["13.0", "13.2"]\npython: "3.12"\n',
    });
    expect(plan.code, plan.stderr).toBe(0);
    const entries = (JSON.parse(plan.stdout) as { include: { tag: string; torchaudio: string | null; cudaFull: string }[] }).include;
    expect(entries.map((e) => [e.tag, e.torchaudio, e.cudaFull])).toEqual([
      ['2.15.0-cu130-py3.12-ubuntu24.04', '2.11.0', '13.0.2'],
      ['2.15.0-cu132-py3.12-ubuntu24.04', null, '13.2.1'],
    ]);
    const jaxPlan = await run(node.bin, [CLI, 'plan', '--matrix', '-', '--compat-file', out, '--format', 'json'], {
      input: 'jax: latest\ncuda: ["12", "13"]\npython: "3.14"\n',
    });
    expect(jaxPlan.code, jaxPlan.stderr).toBe(0);
    expect((JSON.parse(jaxPlan.stdout) as { include: { tag: string }[] }).include.map((e) => e.tag)).toEqual([
      'jax0.99.0-cuda12-py3.14-ubuntu24.04',
      'jax0.99.0-cuda13-py3.14-ubuntu24.04',
    ]);
    const tfPlan = await run(node.bin, [CLI, 'plan', '--matrix', '-', '--compat-file', out, '--format', 'json'], {
      input: 'tensorflow: [latest, 2.21.1]\npython: "3.12"\n',
    });
    expect(tfPlan.code, tfPlan.stderr).toBe(0);
    const tfEntries = (JSON.parse(tfPlan.stdout) as { include: { tag: string; baseImage: string }[] }).include;
    expect(tfEntries.map((e) => [e.tag, e.baseImage])).toEqual([
      ['tf2.23.0-cu128-py3.12-ubuntu22.04', 'nvidia/cuda:12.8.1-base-ubuntu22.04'],
      ['tf2.21.1-cu125-py3.12-ubuntu22.04', 'nvidia/cuda:12.5.1-base-ubuntu22.04'],
    ]);
  });

  it('the action writes the file in the workspace and says how much is new', async () => {
    const r = await runAction(
      node.bin,
      {
        command: 'refresh',
        out: 'compat/refresh.json',
        'torch-index-url': `${index.url}/whl`,
        'pypi-index-url': `${index.url}/simple`,
        'cuda-image-repository': cudaRepo,
      },
      { setup: (ws) => execFileSync('mkdir', ['-p', path.join(ws, 'compat')]) },
    );
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs['refresh-changes']).toBe('6');
    expect(r.outputs['refresh-file']).toBe(path.join(r.workspace, 'compat/refresh.json'));
    expect(r.summary).toContain('| 2.15.0 |');
    // Again, with that file as the data: nothing new, and the file keeps what it held.
    const again = await runAction(
      node.bin,
      {
        command: 'refresh',
        out: 'compat/refresh.json',
        'compat-file': 'compat/refresh.json',
        'torch-index-url': `${index.url}/whl`,
        'pypi-index-url': `${index.url}/simple`,
        'cuda-image-repository': cudaRepo,
      },
      { workspace: r.workspace },
    );
    expect(again.code, again.stdout).toBe(0);
    expect(again.outputs['refresh-changes']).toBe('0');
    const kept = JSON.parse(readFileSync(path.join(r.workspace, 'compat/refresh.json'), 'utf8')) as {
      torch: TorchRelease[];
      cuda: CudaRelease[];
      jax: JaxRelease[];
      tensorflow: TfRelease[];
      sources: string[];
    };
    expect([
      kept.torch.map((t) => t.minor).sort(),
      kept.cuda.map((c) => c.release),
      kept.jax.map((j) => j.version),
      kept.tensorflow.map((t) => t.minor),
      kept.sources.length,
    ]).toEqual([['2.14', '2.15'], ['13.2.1'], ['0.99.0'], ['2.21', '2.23'], 2]);
    const outside = await runAction(node.bin, { command: 'refresh', out: '../escape.json' });
    expect(outside.code).toBe(1);
    expect(outside.stdout).toMatch(/::error::input out: .*outside the workspace/);
  });
});
