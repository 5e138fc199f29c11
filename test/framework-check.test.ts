import { execFile } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { diagnoseSmokeFailure } from '../src/smoke/diagnose.js';
import { checkArgs, parseCheckOutput, type CheckReport } from '../src/smoke/run-args.js';
import { type SmokeOptions } from '../src/smoke/options.js';
import { plan } from './helpers.js';
import { REGISTRY, requireInfra } from './support/infra.js';
import { ROOT } from './support/runtimes.js';

// The smoke check's TensorFlow and JAX paths over recorded behaviour. Neither framework can be
// installed here (no PyPI) and there is no GPU, so the real check.py runs, with the argv the
// action builds, against stand-in modules (test/fixtures/fake-frameworks, mocks named as such)
// that return the build info, device lists and error texts recorded in the research, and do real
// NumPy arithmetic. Python and NumPy are Debian's, in the local torch image. What this does NOT
// show: that real TensorFlow or JAX wheels install and run; that needs PyPI and a GPU.

// One container per test, beside the other end-to-end files: allow for a loaded machine.
vi.setConfig({ testTimeout: 180_000 });

const IMAGE = `${REGISTRY}/debian-torch:bookworm`;
// check.py and the helpers beside it (gim_packages.py), mounted as the smoke command mounts them
const CHECK_DIR = path.join(ROOT, 'src/smoke');
const FAKES = path.join(ROOT, 'test/fixtures/fake-frameworks');
const options: SmokeOptions = {
  mode: 'true',
  expectGpu: true,
  gpuFlags: null,
  gpus: 'all',
  timeoutSeconds: 60,
  minGpus: 1,
  python: 'python3',
  shmSize: null,
  ipcHost: false,
  memory: null,
  cpus: null,
  env: [],
};

const tf = plan('tensorflow: 2.18.1\npython: "3.12"').include[0]!;
const tfCpu = plan('tensorflow: 2.18.1\ncuda: cpu\npython: "3.12"').include[0]!;
const jax = plan('jax: 0.8.0\ncuda: "13"\npython: "3.12"').include[0]!;
const jaxCpu = plan('jax: 0.8.0\ncuda: cpu\npython: "3.12"').include[0]!;

interface Ran {
  report: CheckReport | null;
  output: string;
}

function check(entry: typeof tf, gpu: boolean, scenario: string): Promise<Ran> {
  const args = [
    'run',
    '--rm',
    '-v',
    `${CHECK_DIR}:/gim:ro`,
    '-v',
    `${FAKES}:/fakes:ro`,
    '-e',
    'PYTHONPATH=/fakes',
    '-e',
    `GIM_FAKE=${scenario}`,
    '--entrypoint',
    'python3',
    IMAGE,
    '/gim/check.py',
    ...checkArgs(entry, options, gpu),
  ];
  return new Promise((resolve) => {
    execFile('docker', args, { timeout: 120_000 }, (_err, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      resolve({ report: parseCheckOutput(output), output });
    });
  });
}

function failed(r: Ran): { name: string; message?: string } | undefined {
  return r.report?.checks.find((c) => !c.ok);
}

beforeAll(() => requireInfra());

describe('TensorFlow smoke check (stand-in tensorflow, mocked: no TensorFlow or GPU here)', () => {
  it(
    'passes a healthy GPU build: versions, CUDA/cuDNN from build info, GPUs, matmul, ' + 'convolution and XLA checked against the CPU',
    async () => {
      const r = await check(tf, true, 'tf-ok');
      expect(r.report?.ok, r.output).toBe(true);
      expect(r.report?.checks.map((c) => c.name)).toEqual([
        'tensorflow imports',
        'tensorflow version',
        'tensorflow CUDA version',
        'tensorflow cuDNN major',
        'GPU count',
        'matmul on GPU 0',
        'convolution on GPU 0 (cuDNN)',
        'XLA-compiled function on GPU 0',
      ]);
      expect(r.report).toMatchObject({
        tensorflow: '2.18.1',
        cuda: '12.5.1',
        cudnn: '9',
        gpus: [{ name: 'NVIDIA H200', capability: '9.0' }],
      });
    },
  );
  it('fails when the libraries do not load, and the diagnosis names the library (TF_CPP_VMODULE made it visible)', async () => {
    const r = await check(tf, true, 'tf-no-libs');
    expect(failed(r)).toMatchObject({ name: 'GPU count', message: 'tensorflow sees no GPU' });
    expect(r.output).toContain("Could not load dynamic library 'libcudnn.so.9'");
    expect(diagnoseSmokeFailure(`${failed(r)?.message}\n${r.output}`, tf)?.cause).toMatch(
      /TensorFlow could not load libcudnn\.so\.9, so it skipped the GPU/,
    );
  });
  it('fails a build for another CUDA, naming both', async () => {
    const r = await check(tf, true, 'tf-wrong-cuda');
    expect(failed(r)).toMatchObject({ name: 'tensorflow CUDA version', message: 'tensorflow is built for CUDA 12.3, expected 12.5' });
  });
  it('fails on first use of cuDNN when it is older than the build (listing devices passed)', async () => {
    const r = await check(tf, true, 'tf-old-cudnn');
    expect(failed(r)?.name).toBe('convolution on GPU 0 (cuDNN)');
    expect(diagnoseSmokeFailure(`${failed(r)?.message}\n${r.output}`, tf)?.cause).toMatch(
      /the cuDNN in the image \(9\.1\.0\) is older than the framework was compiled with \(9\.3\.0\)/,
    );
  });
  it('fails the XLA function without ptxas, and says to install nvidia-cuda-nvcc', async () => {
    const r = await check(tf, true, 'tf-no-ptxas');
    expect(failed(r)?.name).toBe('XLA-compiled function on GPU 0');
    expect(diagnoseSmokeFailure(`${failed(r)?.message}\n${r.output}`, tf)?.fix).toMatch(/install nvidia-cuda-nvcc/);
  });
  it('checks a CPU build without GPUs', async () => {
    const r = await check(tfCpu, false, 'tf-cpu');
    expect(r.report?.ok, r.output).toBe(true);
    expect(r.report?.checks.map((c) => c.name)).toEqual([
      'tensorflow imports',
      'tensorflow version',
      'tensorflow CUDA build',
      'matmul on CPU',
    ]);
  });
});

describe('JAX smoke check (stand-in jax, mocked: no JAX or GPU here)', () => {
  it('passes with JAX_PLATFORMS=cuda, the cuda13 plugin, a GPU and a jitted matmul that matches NumPy', async () => {
    const r = await check(jax, true, 'jax-ok');
    expect(r.report?.ok, r.output).toBe(true);
    expect(r.report?.checks.map((c) => c.name)).toEqual([
      'jax imports',
      'jax version',
      'jax CUDA 13 plugin',
      'GPU count',
      'jitted matmul on GPU 0',
    ]);
    expect(r.report).toMatchObject({ jax: '0.8.0', jaxlib: '0.8.0', cudaPlugin: '0.8.0', devices: ['cuda:0'] });
  });
  it('fails when the CUDA backend does not start, instead of passing on the CPU', async () => {
    const r = await check(jax, true, 'jax-no-backend');
    expect(failed(r)?.name).toBe('jax devices');
    expect(diagnoseSmokeFailure(`${failed(r)?.message}\n${r.output}`, jax)?.cause).toMatch(
      /^JAX could not start its CUDA backend: Unable to initialize backend 'cuda'/,
    );
  });
  it('fails a jitted result that does not match NumPy', async () => {
    const r = await check(jax, true, 'jax-wrong-math');
    expect(failed(r)?.name).toBe('jitted matmul on GPU 0');
  });
  it('runs the CPU check on the CPU platform', async () => {
    const r = await check(jaxCpu, false, 'jax-ok');
    expect(r.report?.ok, r.output).toBe(true);
    expect(r.report?.devices).toEqual(['TFRT_CPU_0']);
  });
});
