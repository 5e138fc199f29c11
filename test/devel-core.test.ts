import { describe, expect, it } from 'vitest';
import { bundledCompat, mergeCompatFile } from '../src/compat/load.js';
import { normaliseArchList, unionArchLists } from '../src/frameworks/cuda-arch-list.js';
import type { MatrixEntry } from '../src/frameworks/index.js';
import type { TorchEntry } from '../src/frameworks/pytorch.js';
import { entryBuildArgs } from '../src/image/build-plan.js';
import { checkArgs } from '../src/smoke/run-args.js';
import type { SmokeOptions } from '../src/smoke/options.js';
import { renderDockerfile } from '../src/template/dockerfile.js';
import { MAX_JOBS_PATH, buildJobsPrefix, develSetuptools } from '../src/template/devel.js';
import { GIM_DIR } from '../src/template/dockerfile.js';
import { plan, userErrorOf } from './helpers.js';

// The devel flavour's pure parts: the architecture lists, what planning puts in devel entries, what
// the template renders for them. The build and the extension check run in e2e-devel.test.ts.

const torchOf = (spec: string): TorchEntry => plan(spec).include[0] as TorchEntry;

describe('TORCH_CUDA_ARCH_LIST values', () => {
  it('normalises separators and repeats, and refuses what torch would not read as a capability', () => {
    expect(normaliseArchList(' 8.0 8.6;9.0+PTX;8.0 ')).toBe('8.0;8.6;9.0+PTX');
    expect(normaliseArchList('9.0a;10.0f;12.0')).toBe('9.0a;10.0f;12.0');
    for (const bad of [
      '',
      'Ampere',
      'sm_90',
      '8',
      '8.0+ptx',
      '8.0;$(id)',
      '80',
      Array(33)
        .fill('8.0')
        .map((v, i) => `${i}.0`)
        .join(';'),
    ]) {
      expect(normaliseArchList(bad), bad).toBeNull();
    }
  });

  it('keeps one list in its own order, and joins several ascending with +PTX where any has it', () => {
    expect(unionArchLists(['5.0;6.0;7.0;7.5;8.0;8.6;3.7;9.0'])).toBe('5.0;6.0;7.0;7.5;8.0;8.6;3.7;9.0');
    expect(unionArchLists(['7.5;8.0;8.6;9.0;10.0;12.0', '8.0;9.0;10.0;11.0;12.0+PTX'])).toBe('7.5;8.0;8.6;9.0;10.0;11.0;12.0+PTX');
  });
});

describe('planning devel entries', () => {
  it("defaults to the wheels' own list, per release and CUDA variant", () => {
    expect(torchOf('torch: 2.4.1\ncuda: "11.8"\npython: "3.11"\nflavor: devel').cudaArchList).toBe('5.0;6.0;7.0;7.5;8.0;8.6;3.7;9.0');
    expect(torchOf('torch: 2.8.0\ncuda: "12.8"\npython: "3.12"\nflavor: devel').cudaArchList).toBe('7.0;7.5;8.0;8.6;9.0;10.0;12.0');
    expect(torchOf('torch: 2.11.0\ncuda: "13.0"\npython: "3.12"\nflavor: devel').cudaArchList).toBe('7.5;8.0;8.6;9.0;10.0;12.0');
    expect(torchOf('torch: 1.13.1\ncuda: "11.7"\npython: "3.10"\nflavor: devel').cudaArchList).toBe('3.7;5.0;6.0;7.0;7.5;8.0;8.6');
  });

  it('takes the aarch64 list for linux/arm64, and the union for an image of both platforms', () => {
    const spec = 'torch: 2.11.0\ncuda: "13.0"\npython: "3.12"\nflavor: devel\nplatforms: ';
    expect(torchOf(`${spec}[linux/arm64]`).cudaArchList).toBe('8.0;9.0;10.0;11.0;12.0');
    expect(torchOf(`${spec}[linux/amd64, linux/arm64]`).cudaArchList).toBe('7.5;8.0;8.6;9.0;10.0;11.0;12.0');
  });

  it('says when a list is inferred, and when there is none (then the entry has null and the template sets nothing)', () => {
    const inferred = plan('torch: 2.6.0\ncuda: "12.4"\npython: "3.12"\nflavor: devel');
    expect(inferred.warnings).toContain(
      "torch 2.6 cu124's TORCH_CUDA_ARCH_LIST on linux/amd64 (5.0;6.0;7.0;7.5;8.0;8.6;9.0) is inferred, not read",
    );
    const none = plan('torch: 2.6.0\ncuda: "12.6"\npython: "3.12"\nflavor: devel\nplatforms: [linux/arm64]');
    expect((none.include[0] as TorchEntry).cudaArchList).toBeNull();
    expect(none.warnings.join('\n')).toMatch(
      /torch 2\.6\.0 cu126 devel on linux\/arm64: the release data has no TORCH_CUDA_ARCH_LIST .*set cuda-arch-list/,
    );
    expect(renderDockerfile(none.include[0]!)).not.toMatch(/TORCH_CUDA_ARCH_LIST/);
  });

  it('gives runtime entries no list, and cuda-arch-list changes neither their key nor their customisation', () => {
    const spec = 'torch: 2.8.0\ncuda: "12.8"\npython: "3.12"\nflavor: [runtime, devel]';
    const plain = plan(spec).include;
    const own = plan(`${spec}\ncuda-arch-list: "8.0 9.0+PTX"`).include;
    expect(plain.map((e) => e.flavor)).toEqual(['runtime', 'devel']);
    expect((plain[0] as TorchEntry).cudaArchList).toBeUndefined();
    expect(own[0]).toEqual(plain[0]);
    // the devel entry: the list replaced, and a key of its own (it is another image)
    expect(own[1]).toMatchObject({ cudaArchList: '8.0;9.0+PTX', customisation: { cudaArchList: '8.0;9.0+PTX' } });
    expect(own[1]!.key).not.toBe(plain[1]!.key);
  });

  it('takes no default where cuda-arch-list is set or a base image brings torch, and warns about neither', () => {
    const set = plan('torch: 2.6.0\ncuda: "12.4"\npython: "3.12"\nflavor: devel\ncuda-arch-list: "8.0"');
    expect(set.include[0]).toMatchObject({ cudaArchList: '8.0' });
    expect(set.warnings.join('\n')).not.toMatch(/TORCH_CUDA_ARCH_LIST/);
    const based = plan('torch: 2.8.0\ncuda: "12.8"\npython: "3.12"\nflavor: devel\nbase-image: nvcr.io/nvidia/pytorch:25.01-py3');
    expect((based.include[0] as TorchEntry).cudaArchList).toBeNull();
    expect(renderDockerfile(based.include[0]!)).not.toMatch(/TORCH_CUDA_ARCH_LIST/);
  });

  it('keeps the list of the platforms that have one when another has none, and says so', () => {
    const both = plan('torch: 2.6.0\ncuda: "12.6"\npython: "3.12"\nflavor: devel\nplatforms: [linux/amd64, linux/arm64]');
    expect((both.include[0] as TorchEntry).cudaArchList).toBe('5.0;6.0;7.0;7.5;8.0;8.6;9.0');
    expect(both.warnings.join('\n')).toMatch(
      /on linux\/arm64: the release data has no TORCH_CUDA_ARCH_LIST .*\(the list is that of its other platforms\)/,
    );
  });

  it('refuses env values the devel steps would misread: TORCH_CUDA_ARCH_LIST (applied too late), MAX_JOBS 0', () => {
    expect(userErrorOf(() => plan('torch: 2.8.0\nflavor: devel\nenv: {TORCH_CUDA_ARCH_LIST: "8.0"}'))).toMatch(
      /^env: TORCH_CUDA_ARCH_LIST is set too late for a devel entry .* set it with cuda-arch-list instead/,
    );
    expect(userErrorOf(() => plan('torch: 2.8.0\nflavor: devel\nenv: {MAX_JOBS: "0"}'))).toMatch(
      /^env: MAX_JOBS="0" is not valid for a devel entry; accepted: a whole number from 1 to 9999$/,
    );
    // runtime entries: env is theirs
    expect(plan('torch: 2.8.0\nenv: {TORCH_CUDA_ARCH_LIST: "8.0", MAX_JOBS: "0"}').include).toHaveLength(1);
  });

  it('refuses a bad cuda-arch-list where it is written', () => {
    expect(
      userErrorOf(() => plan('torch: 2.8.0\nflavor: devel\ninclude:\n  - {torch: 2.8.0, flavor: devel, cuda-arch-list: "Hopper"}')),
    ).toMatch(/^matrix\.include\[0\]\.cuda-arch-list: "Hopper" is not valid; accepted: compute capabilities like "8\.0;8\.6;9\.0\+PTX"/);
  });

  it('checks archList in release data and compat files', () => {
    const release = (cuda: Record<string, unknown>) =>
      JSON.stringify({
        schemaVersion: 1,
        torch: [
          {
            minor: '2.15',
            status: 'stable',
            python: { supported: ['3.12'], experimental: [] },
            cuda: { variants: ['cu130'], pypiDefault: 'cu130', cudnn: { cu130: '9.24.0.43' }, ...cuda },
            patches: [{ torch: '2.15.0', torchvision: null, torchaudio: null }],
          },
        ],
      });
    const error = (cuda: Record<string, unknown>) =>
      userErrorOf(() => mergeCompatFile(bundledCompat(), release(cuda), 'compat-file c.json'));
    expect(error({ archList: { cu130: '8.0 9.0' } })).toMatch(
      /torch\[0\]\.cuda\.archList\.cu130: "8\.0 9\.0" is not a list of compute capabilities/,
    );
    expect(error({ archList: { cu999: '8.0' } })).toMatch(/cuda\.archList\.cu999: cu999 is not one of its variants/);
    expect(error({ archListInferred: ['cu130'] })).toMatch(/cuda\.archListInferred: cu130 has no archList/);
    const ok = mergeCompatFile(bundledCompat(), release({ archList: { cu130: '9.0;12.0' } }), 'compat-file c.json');
    expect((plan('torch: 2.15.0\nflavor: devel', { data: ok }).include[0] as TorchEntry).cudaArchList).toBe('9.0;12.0');
  });

  it('has a list for every CUDA variant of every bundled torch release on linux/amd64', () => {
    for (const r of bundledCompat().torch) {
      for (const v of r.cuda.variants) expect(r.cuda.archList?.[v], `${r.minor} ${v}`).toMatch(/^\d/);
    }
  });
});

describe('the devel template', () => {
  const devel = torchOf(
    'torch: 2.8.0\ncuda: "12.8"\npython: "3.12"\nflavor: devel\npip-packages: [flash-attn==2.8.3]\npost-install: build.sh',
  );
  const runtime = torchOf('torch: 2.8.0\ncuda: "12.8"\npython: "3.12"\npip-packages: [flash-attn==2.8.3]');
  const text = renderDockerfile(devel);

  it('starts FROM the cudnn devel image of the CUDA the wheels were built for (nvcc matches torch.version.cuda)', () => {
    expect(text).toMatch(/^FROM nvidia\/cuda:12\.8\.1-cudnn-devel-ubuntu24\.04$/m);
  });

  it('adds a compiler and ninja where missing, setuptools, the max-jobs script and TORCH_CUDA_ARCH_LIST, after torch is pinned', () => {
    expect(MAX_JOBS_PATH.startsWith(`${GIM_DIR}/`)).toBe(true);
    const pin = text.indexOf('GIM_PIN\n\n');
    const step = text.indexOf('(command -v c++ && command -v ninja) >/dev/null 2>&1');
    expect(pin).toBeGreaterThan(0);
    expect(step).toBeGreaterThan(pin);
    expect(text).toMatch(/apt-get install -y --no-install-recommends g\+\+ ninja-build/);
    expect(text).toContain(`cat > ${MAX_JOBS_PATH} <<'GIM_MAX_JOBS'`);
    expect(text).toMatch(
      /\/opt\/venv\/bin\/python -c 'import setuptools' 2>\/dev\/null \\\n \|\| uv pip install .* setuptools==80\.9\.0$/m,
    );
    expect(text).toContain('ARG TORCH_CUDA_ARCH_LIST="7.0;7.5;8.0;8.6;9.0;10.0;12.0"\nENV TORCH_CUDA_ARCH_LIST=${TORCH_CUDA_ARCH_LIST}');
    expect(develSetuptools('3.8')).toBe('75.3.0');
  });

  it("runs the team's package and post-install steps with MAX_JOBS from max-jobs and NVCC_THREADS 1", () => {
    const prefix = `export NVCC_THREADS=1 MAX_JOBS="$(NVCC_THREADS=1 ${MAX_JOBS_PATH})"`;
    expect(text).toContain(`RUN --mount=from=uv,source=/uv,target=/usr/local/bin/uv \\\n    ${prefix}`);
    expect(text).toMatch(/target=\/tmp\/gim-post-install \\\n {4}export NVCC_THREADS=1 MAX_JOBS=.*\n.*\n && \/tmp\/gim-post-install$/m);
    const team = torchOf('torch: 2.8.0\ncuda: "12.8"\nflavor: devel\npip-packages: [x==1]\nenv: {MAX_JOBS: "2", NVCC_THREADS: "4"}');
    expect(buildJobsPrefix(team, team.customisation ?? {})).toMatch(/^export NVCC_THREADS=4 MAX_JOBS=2 /);
  });

  it('leaves runtime entries as they were: no devel step, no prefix, no extra build-arg', () => {
    const plain = renderDockerfile(runtime);
    expect(plain).not.toMatch(/max-jobs|TORCH_CUDA_ARCH_LIST|ninja|MAX_JOBS/);
    expect(entryBuildArgs(runtime).map(([k]) => k)).not.toContain('TORCH_CUDA_ARCH_LIST');
    expect(entryBuildArgs(devel)).toContainEqual(['TORCH_CUDA_ARCH_LIST', '7.0;7.5;8.0;8.6;9.0;10.0;12.0']);
  });

  it('verify checks the setuptools wheel the devel step may install', async () => {
    const { frameworkOf } = await import('../src/frameworks/index.js');
    const wheels = frameworkOf(devel as MatrixEntry).wheels(devel as MatrixEntry, bundledCompat());
    expect(wheels).toContainEqual({ project: 'setuptools', version: '80.9.0', index: 'https://pypi.org/simple' });
  });

  it('asks the smoke check to build an extension with the entry list', () => {
    const options = { expectGpu: true } as SmokeOptions;
    expect(checkArgs(devel, options, true)).toEqual(
      expect.arrayContaining(['--devel', '--expect-arch-list', '7.0;7.5;8.0;8.6;9.0;10.0;12.0']),
    );
    expect(checkArgs(runtime, options, true)).not.toContain('--devel');
  });
});
