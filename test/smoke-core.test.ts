import { describe, expect, it } from 'vitest';
import { bundledCompat } from '../src/compat/load.js';
import { diagnoseSmokeFailure } from '../src/smoke/diagnose.js';
import { pinned, smokeImages } from '../src/smoke/options.js';
import {
  compareDriver,
  dockerFindings,
  driverFinding,
  evaluateRequireCuda,
  parseDockerInfo,
  parseNvidiaSmi,
  parseRequireCuda,
} from '../src/smoke/preflight.js';
import { checkArgs, parseCheckOutput, smokeRunArgs } from '../src/smoke/run-args.js';
import { parseGpuFlags, parseGpus, type SmokeOptions } from '../src/smoke/options.js';
import { plan } from './helpers.js';

const cu124 = plan('torch: 2.4.1\ncuda: "12.4"\npython: "3.11"').include[0]!;
const cpu = plan('torch: 2.4.1\ncuda: cpu\npython: "3.11"').include[0]!;
const data = bundledCompat();
const options: SmokeOptions = {
  mode: 'auto',
  expectGpu: true,
  gpuFlags: null,
  gpus: 'all',
  timeoutSeconds: 300,
  minGpus: 1,
  python: 'python3',
  shmSize: '1g',
  ipcHost: false,
  memory: null,
  cpus: null,
  env: [],
};

describe('preflight: nvidia-smi output (recorded shapes)', () => {
  const cases: [string, string, number | 'missing', object][] = [
    [
      'one H200 on driver 580',
      'NVIDIA H200, 580.95.05, 9.0\n',
      0,
      { gpus: [{ name: 'NVIDIA H200', driver: '580.95.05', computeCap: '9.0' }] },
    ],
    [
      'eight A100s',
      Array(8).fill('NVIDIA A100-SXM4-80GB, 550.54.15, 8.0').join('\n'),
      0,
      { gpus: Array(8).fill({ name: 'NVIDIA A100-SXM4-80GB', driver: '550.54.15', computeCap: '8.0' }) },
    ],
    [
      'mixed GPUs',
      'NVIDIA GeForce RTX 5090, 575.57.08, 12.0\nNVIDIA GeForce RTX 3090, 575.57.08, 8.6',
      0,
      {
        gpus: [
          { name: 'NVIDIA GeForce RTX 5090', driver: '575.57.08', computeCap: '12.0' },
          { name: 'NVIDIA GeForce RTX 3090', driver: '575.57.08', computeCap: '8.6' },
        ],
      },
    ],
    [
      'an old driver without compute_cap (second query)',
      'Tesla T4, 470.82.01',
      0,
      { gpus: [{ name: 'Tesla T4', driver: '470.82.01', computeCap: null }] },
    ],
    [
      'exit 14 with data (infoROM warning)',
      'Tesla V100-SXM2-16GB, 535.104.05, 7.0',
      14,
      { gpus: [{ name: 'Tesla V100-SXM2-16GB', driver: '535.104.05', computeCap: '7.0' }] },
    ],
  ];
  for (const [name, output, code, expected] of cases) {
    it(`reads ${name}`, () => expect(parseNvidiaSmi(output, code)).toEqual(expected));
  }

  const problems: [string, string, number | 'missing', RegExp, RegExp][] = [
    ['no nvidia-smi', '', 'missing', /^nvidia-smi was not found/, /expect-gpu: false/],
    [
      'a driver that is not loaded',
      "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. " +
        'Make sure that the latest NVIDIA driver is installed and running.',
      9,
      /^nvidia-smi failed: NVIDIA-SMI has failed/,
      /driver is not loaded/,
    ],
    [
      'a library mismatch after an upgrade',
      'Failed to initialize NVML: Driver/library version mismatch',
      18,
      /^nvidia-smi failed: Failed to initialize NVML/,
      /reboot the runner/,
    ],
    [
      'a GPU in an error state with exit 0',
      'NVIDIA A100-SXM4-40GB, 535.104.05, 8.0\nERR!, ERR!, ERR!',
      0,
      /GPU in an error state: ERR!, ERR!, ERR!/,
      /gpu-reset/,
    ],
    ['no GPUs', 'No devices were found', 6, /^nvidia-smi failed: No devices were found/, /driver is not loaded/],
  ];
  for (const [name, output, code, cause, fix] of problems) {
    it(`reports ${name}`, () => {
      const r = parseNvidiaSmi(output, code);
      expect('finding' in r && r.finding.severity).toBe('error');
      if ('finding' in r) {
        expect(r.finding.cause).toMatch(cause);
        expect(r.finding.fix).toMatch(fix);
      }
    });
  }
});

describe('preflight: the driver against the entry', () => {
  it('compares driver versions by number, not text', () => {
    expect(compareDriver('550.54.15', '525.60.13')).toBeGreaterThan(0);
    expect(compareDriver('535.104.05', '535.54.03')).toBeGreaterThan(0);
    expect(compareDriver('580', '580.65.06')).toBeLessThan(0);
    expect(compareDriver('550.54.15', '550.54.15')).toBe(0);
  });

  // The 12.4.1 image's NVIDIA_REQUIRE_CUDA (nvidia/cuda dist/12.4.1/ubuntu2204/base/Dockerfile, mirror e3c1b680), shortened
  const REQUIRE_124 =
    'cuda>=12.4 brand=tesla,driver>=470,driver<471 brand=unknown,driver>=470,driver<471 brand=geforce,driver>=470,driver<471 ' +
    'brand=tesla,driver>=525,driver<526 brand=tesla,driver>=535,driver<536 brand=nvidia,driver>=535,driver<536';
  const cases: [string, { cuda?: string; requireCuda?: string } | undefined, string | null][] = [
    ['580.95.05', undefined, null],
    ['550.54.15', undefined, null],
    // minor-version compatibility: 12.x runs from 525.60.13, without PTX JIT
    [
      '525.60.13',
      undefined,
      'warning|driver 525\\.60\\.13 is older than the CUDA 12\\.4\\.1 toolkit of this image \\(550\\.54\\.15\\) but within CUDA 12',
    ],
    [
      '535.104.05',
      undefined,
      "warning|driver 535\\.104\\.05 is older than the CUDA 12\\.4\\.1 toolkit of this image \\(550\\.54\\.15\\) but within CUDA 12's",
    ],
    [
      '535.104.05',
      { cuda: '12.2', requireCuda: REQUIRE_124 },
      'warning|.*legacy mode accepts the image on this driver for data-center GPUs only \\(NVIDIA_REQUIRE_CUDA cuda>=12\\.4 \\.\\.\\.\\)',
    ],
    ['545.23.08', { cuda: '12.3', requireCuda: REQUIRE_124 }, 'warning|.*legacy mode refuses the image on this driver'],
    // the driver's own CUDA meets the image's requirement: nothing to say
    ['550.40.07', { cuda: '12.4', requireCuda: REQUIRE_124 }, null],
    // below CUDA 12's floor: only the data-center 470 branch the image lists (forward compatibility)
    ['470.82.01', { cuda: '11.4', requireCuda: REQUIRE_124 }, 'warning|.*through forward compatibility \\(the cuda-compat package'],
    [
      '470.82.01',
      undefined,
      "error|driver 470\\.82\\.01 is older than CUDA 12\\.4 needs \\(≥ 525\\.60\\.13, CUDA 12's floor\\)" +
        '\\|upgrade the driver to 550\\.54\\.15 or newer or use a cu118 image of torch 2\\.4\\.1$',
    ],
  ];
  for (const [driver, host, expected] of cases) {
    const against = host?.requireCuda ? ' against the image requirement' : '';
    it(`${expected ? `${expected.split('|')[0]}s about` : 'accepts'} driver ${driver}${against}`, () => {
      const f = driverFinding(cu124, driver, data, host ? { cuda: host.cuda ?? null, requireCuda: host.requireCuda ?? null } : undefined);
      if (expected === null) return expect(f).toBeNull();
      const [severity, text] = [expected.slice(0, expected.indexOf('|')), expected.slice(expected.indexOf('|') + 1)];
      expect(f?.severity).toBe(severity);
      expect(`${f?.cause}|${f?.fix}`).toMatch(new RegExp(`^${text}`));
    });
  }
  it('reads NVIDIA_REQUIRE_CUDA as the toolkit does: alternatives by spaces, conditions by commas', () => {
    const groups = parseRequireCuda(REQUIRE_124)!;
    expect(groups).toHaveLength(7);
    expect(evaluateRequireCuda(groups, { version: '550.40.07', cuda: '12.4' })).toEqual({ passes: true, through: 'cuda' });
    expect(evaluateRequireCuda(groups, { version: '535.104.05', cuda: '12.2' })).toEqual({ passes: false, through: null });
    expect(evaluateRequireCuda(parseRequireCuda('driver>=535,driver<536')!, { version: '535.104.05', cuda: null })).toEqual({
      passes: true,
      through: 'branch',
    });
    for (const bad of ['cuda>=12.4 $(id)', 'cuda=>12.4', 'gpu>=1', 'x'.repeat(5000)]) expect(parseRequireCuda(bad)).toBeNull();
  });
  it('never flags a CPU entry', () => expect(driverFinding(cpu, '390.0', data)).toBeNull());
});

describe('preflight: what docker info says', () => {
  it('finds the nvidia runtime and CDI devices', () => {
    expect(parseDockerInfo(JSON.stringify({ Runtimes: { runc: {}, nvidia: {} } }))).toEqual({ nvidiaRuntime: true, cdiDevices: [] });
    expect(
      parseDockerInfo(JSON.stringify({ Runtimes: { runc: {} }, DiscoveredDevices: [{ Source: 'cdi', ID: 'nvidia.com/gpu=all' }] })),
    ).toEqual({ nvidiaRuntime: false, cdiDevices: ['nvidia.com/gpu=all'] });
    expect(dockerFindings({ nvidiaRuntime: false, cdiDevices: ['nvidia.com/gpu=0'] })).toEqual([]);
  });
  it('warns, without failing, when neither is there (the prestart hook may still work)', () => {
    expect(dockerFindings({ nvidiaRuntime: false, cdiDevices: [] })).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });
});

describe('diagnosis of container failures (recorded error texts)', () => {
  const cases: [string, string, RegExp][] = [
    [
      'docker: Error response from daemon: could not select device driver "" with capabilities: [[gpu]].',
      'toolkit',
      /NVIDIA Container Toolkit is missing/,
    ],
    ['docker: Error response from daemon: could not select device driver "cdi" with capabilities: [].', 'cdi', /CDI is not enabled/],
    [
      'Error: setting up CDI devices: unresolvable CDI devices nvidia.com/gpu=all',
      'cdi spec',
      /CDI device nvidia\.com\/gpu=all is not defined/,
    ],
    ['docker: Error response from daemon: Unknown runtime specified nvidia.', 'runtime', /nvidia runtime is not registered/],
    [
      'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create ' +
        'failed: runc create failed: unable to start container process: error during container init: error running prestart hook ' +
        "#0: exit status 1, stdout: , stderr: Auto-detected mode as 'legacy'\nnvidia-container-cli: requirement error: " +
        'unsatisfied condition: cuda>=12.8, please update your driver ' +
        'to a newer version, or use an earlier cuda container: unknown.',
      'requirement',
      /older than CUDA 12\.8 in this image needs/,
    ],
    [
      'RuntimeError: CUDA error: CUDA driver version is insufficient for CUDA runtime version',
      'insufficient',
      /too old for the CUDA 12\.4 runtime/,
    ],
    [
      'UserWarning: CUDA initialization: The NVIDIA driver on your system is too old (found version 12020).',
      'torch warning',
      /too old for the CUDA 12\.4 runtime/,
    ],
    ['Error 804: forward compatibility was attempted on non supported HW', '804', /forward-compatibility/],
    [
      'NVIDIA GeForce RTX 5090 with CUDA capability sm_120 is not compatible with the current PyTorch installation.',
      'sm',
      /no kernels for this GPU's architecture \(sm_120\)/,
    ],
    [
      'RuntimeError: CUDA error: no kernel image is available for execution on the device',
      'kernel',
      /no kernels for this GPU's architecture/,
    ],
    ["Unable to find image 'x:1' locally\ndocker: Error response from daemon: manifest unknown.", 'pull', /could not be pulled/],
    [
      'docker: Error response from daemon: failed to create task for container: exec: "python3": executable file not found in $PATH',
      'python',
      /no python3 on its PATH/,
    ],
  ];
  for (const [text, name, cause] of cases) {
    it(`diagnoses ${name}`, () => expect(diagnoseSmokeFailure(text, cu124)?.cause).toMatch(cause));
  }
  it('gives no diagnosis for output it does not know', () => expect(diagnoseSmokeFailure('Segmentation fault', cu124)).toBeNull());
});

describe('docker run for the check', () => {
  it('hands all GPUs in, mounts the check and its helpers read-only and passes the expectations', () => {
    expect(smokeRunArgs(cu124, 'r/x@sha256:abc', options, { checkDir: '/tmp/gim-check-x' }, 'gim-smoke-1')).toEqual([
      'run',
      '--rm',
      '--name',
      'gim-smoke-1',
      '--platform',
      'linux/amd64',
      '--pull',
      'missing',
      '--quiet',
      '--gpus',
      'all',
      '--shm-size',
      '1g',
      '-v',
      '/tmp/gim-check-x:/gim:ro',
      '--entrypoint',
      'python3',
      'r/x@sha256:abc',
      '/gim/check.py',
      '--expect-torch',
      '2.4.1',
      '--expect-cuda',
      '12.4',
      '--expect-torchvision',
      '0.19.1',
      '--expect-torchaudio',
      '2.4.1',
      '--min-gpus',
      '1',
      '--inventory',
      '/etc/gpu-image-matrix/inventory.json',
      '--expect-key',
      cu124.key,
    ]);
  });
  it('picks devices, or uses gpu-flags instead of --gpus', () => {
    expect(smokeRunArgs(cu124, 'i', { ...options, gpus: '0,1' }, { checkDir: '/c' }, 'n')).toContain('"device=0,1"');
    const cdi = smokeRunArgs(cu124, 'i', { ...options, gpuFlags: ['--device', 'nvidia.com/gpu=all'] }, { checkDir: '/c' }, 'n');
    expect(cdi).toContain('nvidia.com/gpu=all');
    expect(cdi).not.toContain('--gpus');
  });
  it('checks CPU entries and expect-gpu false without GPUs', () => {
    expect(smokeRunArgs(cpu, 'i', options, { checkDir: '/c' }, 'n')).not.toContain('--gpus');
    expect(checkArgs(cu124, { ...options, expectGpu: false }, false)).toContain('--no-gpu');
  });
  it('runs the user script through the check, with the same timeout', () => {
    const args = smokeRunArgs(cpu, 'i', options, { checkDir: '/c', script: '/w/s.py' }, 'n');
    expect(args).toContain('/w/s.py:/gim/user-check.py:ro');
    expect(args.slice(-4)).toEqual(['--then', '/gim/user-check.py', '--user-timeout', '300']);
  });
  it('accepts GPU-related gpu-flags only', () => {
    expect(parseGpuFlags('--runtime nvidia --gpus all', 'gpu-flags')).toEqual(['--runtime', 'nvidia', '--gpus', 'all']);
    expect(parseGpuFlags('--device=nvidia.com/gpu=all --runtime=nvidia', 'gpu-flags')).toEqual([
      '--device',
      'nvidia.com/gpu=all',
      '--runtime',
      'nvidia',
    ]);
    expect(
      parseGpuFlags('--device /dev/nvidia0 --device /dev/nvidiactl --device /dev/dri/renderD128:/dev/dri/renderD128:rw', 'g'),
    ).toHaveLength(6);
    expect(parseGpuFlags('--gpus "device=0,1"', 'g')).toEqual(['--gpus', '"device=0,1"']);
    expect(parseGpuFlags('--ulimit memlock=-1 --ulimit stack=67108864:67108864 --device /dev/nvidia-uvm', 'g')).toHaveLength(6);
    // What the security review passed through (issue 17 item 7): devices, runtimes and variables that are not GPUs.
    for (const [flags, message] of [
      ['--device=/dev/sda', /--device "\/dev\/sda" is not accepted; accepted: a GPU/],
      ['--device /dev/nvidia0:/dev/sda', /--device "\/dev\/nvidia0:\/dev\/sda" is not accepted/],
      ['--runtime=runc', /--runtime "runc" is not accepted; accepted: nvidia/],
      ['--env HF_TOKEN=x', /"--env" is not accepted; .*smoke-env/],
      ['-e X=1', /"-e" is not accepted/],
      ['--ulimit nofile=1', /--ulimit "nofile=1" is not accepted; accepted: memlock=-1/],
      // a directory hands in every device node under it (found in review: /dev/dri/.. is /dev)
      ['--device=/dev/dri/..', /is not accepted; accepted: a GPU/],
      ['--device /dev/dri/card0:/dev/dri/..', /is not accepted/],
      ['--device /dev/dri', /is not accepted/],
      ['--device /dev/nvidia-caps/../../sda', /is not accepted/],
      ['--device nvidia.com/gpu=../x', /is not accepted/],
      ['--gpus "all', /--gpus "\\"all" is not accepted/],
      ['--gpus', /--gpus has no value/],
      ['--gpus --privileged', /--gpus "--privileged" is not accepted/],
      ['--gpus all extra', /"extra" is not accepted/],
      ['--device=nvidia.com/gpu=all;id', /is not accepted/],
    ] as const) {
      expect(() => parseGpuFlags(flags, 'input gpu-flags'), flags).toThrow(message);
    }
    expect(() => parseGpuFlags('--privileged', 'input gpu-flags')).toThrow(/input gpu-flags: "--privileged" is not accepted/);
    expect(() => parseGpuFlags('-v /:/host', 'input gpu-flags')).toThrow(/"-v" is not accepted/);
    expect(() => parseGpus('0;rm', 'input gpus')).toThrow(/is not valid/);
  });
});

describe('reading the check report and naming the images', () => {
  it('takes the last marker line and ignores everything around it', () => {
    const out =
      'noise\nGIM-SMOKE-RESULT {"ok":false,"checks":[]}\nmore\n' +
      'GIM-SMOKE-RESULT {"ok":true,"torch":"2.4.1","checks":[{"name":"torch imports","ok":true}]}\n';
    expect(parseCheckOutput(out)).toEqual({ ok: true, torch: '2.4.1', checks: [{ name: 'torch imports', ok: true }] });
    expect(parseCheckOutput('Traceback ...')).toBeNull();
    expect(parseCheckOutput('GIM-SMOKE-RESULT {broken')).toBeNull();
  });
  it("reads a hostile container's report as data of bounded size and known shape (issue 17)", () => {
    const report = (o: unknown): ReturnType<typeof parseCheckOutput> => parseCheckOutput(`GIM-SMOKE-RESULT ${JSON.stringify(o)}`);
    const failedReport = {
      ok: false,
      checks: [{ name: 'report', ok: false, message: expect.stringMatching(/not what check\.py writes/) }],
    };
    expect(report({ ok: 'yes', checks: [] })).toEqual(failedReport);
    expect(report({ ok: true, checks: ['x'] })).toEqual(failedReport);
    expect(report({ ok: true, checks: [{ name: { a: 1 }, ok: true }] })).toEqual(failedReport);
    expect(report({ ok: true, checks: Array(501).fill({ name: 'c', ok: true }) })).toEqual(failedReport);
    expect(report({ ok: true, checks: 'no' })).toBeNull();
    const r = report({
      ok: true,
      torch: { toString: 'x' },
      python: 'p'.repeat(600),
      cuda: '12.4',
      gpus: [{ name: 'H200', capability: '9.0', index: 0 }, { name: null }, 'x'],
      inventory: { path: '/etc/x', pythonPackages: 'many' },
      __proto__: { polluted: true },
      extra: 'dropped',
      checks: [{ name: 'c', ok: false, message: 'm'.repeat(10_000), value: { deep: [1, 2] }, expected: 'e'.repeat(2000) }],
    })!;
    expect(r).toEqual({
      ok: true,
      cuda: '12.4',
      checks: [{ name: 'c', ok: false, message: `${'m'.repeat(8192)}…`, value: '{"deep":[1,2]}', expected: `${'e'.repeat(1024)}…` }],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // where cuDNN and cuBLAS were loaded from: lists of short paths per known family, the rest dropped
    expect(
      report({ ok: true, checks: [], loadedFrom: { cudnn: ['/usr/lib/libcudnn.so.9'], cublas: [{ x: 1 }], evil: ['/x'] } })?.loadedFrom,
    ).toEqual({ cudnn: ['/usr/lib/libcudnn.so.9'] });
    expect(report({ ok: true, gpus: [{ name: 'H200', capability: '9.0', index: 0 }, { name: null }], checks: [] })?.gpus).toEqual([
      { index: 0, name: 'H200', capability: '9.0' },
      { name: 'unknown', capability: '?' },
    ]);
  });
  it('pins an image by digest when the build gave one', () => {
    const d = `sha256:${'a'.repeat(64)}`;
    expect(pinned('127.0.0.1:5000/team/pt:2.4.1-cu124', d)).toBe(`127.0.0.1:5000/team/pt@${d}`);
    expect(pinned('team/pt:tag', null)).toBe('team/pt:tag');
  });
  it('maps entries to images from a build images output or from the repository', () => {
    const d = `sha256:${'b'.repeat(64)}`;
    const fromBuild = smokeImages([cu124], JSON.stringify([{ key: cu124.key, tags: ['r/x:t'], digest: d, status: 'built' }]), undefined, {
      images: 'images',
      image: 'image',
    });
    expect(fromBuild.get(cu124.key)).toBe(`r/x@${d}`);
    const fromRepo = smokeImages([cu124], undefined, 'ghcr.io/acme/pt', { images: 'images', image: 'image' });
    expect(fromRepo.get(cu124.key)).toBe('ghcr.io/acme/pt:2.4.1-cu124-py3.11-ubuntu22.04');
    expect(() => smokeImages([cu124], '{"nope":1}', undefined, { images: 'input images', image: 'input image' })).toThrow(
      /input images: not the JSON list/,
    );
    expect(() => smokeImages([cu124], undefined, undefined, { images: 'input images', image: 'input image' })).toThrow(
      /set input images .* or input image/,
    );
  });
  it('refuses an images entry whose tag is not an image reference (it would reach docker argv as a flag)', () => {
    const field = { images: 'input images', image: 'input image' };
    for (const tag of ['--privileged', '-v', 'r/x:t --privileged', 'r/x:--t', '']) {
      const json = JSON.stringify([{ key: cu124.key, tags: [tag], digest: null, status: 'built' }]);
      expect(() => smokeImages([cu124], json, undefined, field), tag).toThrow(/input images\[0\]\.tags\[0\]/);
    }
    const badDigest = JSON.stringify([{ key: cu124.key, tags: ['r/x:t'], digest: '--privileged', status: 'built' }]);
    expect(() => smokeImages([cu124], badDigest, undefined, field)).toThrow(
      /input images\[0\]\.digest: "--privileged" is not a sha256 digest/,
    );
  });
});
