import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDockerfile } from '../src/template/dockerfile.js';
import { entryBuildArgs, entryLabels } from '../src/image/build-plan.js';
import { bundledCompat } from '../src/compat/load.js';
import { planCommand } from '../src/commands/plan.js';
import { emptyCustomisation } from '../src/custom/customisation.js';
import type { MatrixEntry } from '../src/frameworks/index.js';
import { checkArgs } from '../src/smoke/run-args.js';
import { type SmokeOptions } from '../src/smoke/options.js';
import { brief, plan, planError } from './helpers.js';

// TensorFlow and JAX beside PyTorch, as tables: the release data against the research it came
// from, the planner (pairings, skips with reasons, errors, mixed matrices), the templates, and the
// build-args, labels and check argv. The smoke check itself is in framework-check.test.ts. None of
// these images was built here: nvidia/cuda, the uv image and PyPI are unreachable from this machine.

const research = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/research/tf-compat.json'), 'utf8')) as {
  releases: {
    tf_minor: string;
    latest_patch: string;
    status: string;
    python: { min: string; max: string };
    cuda: string | null;
    cudnn: string | null;
  }[];
  jax: { releases: { jax: string; python: { min: string; max: string } }[] };
};

describe('release data for tensorflow and jax, against the research', () => {
  const data = bundledCompat();
  it('has every released tensorflow minor with the tested CUDA, cuDNN, Python range and latest patch', () => {
    const released = research.releases.filter((r) => r.status === 'released');
    expect(data.tensorflow.map((r) => r.minor)).toEqual(released.map((r) => r.tf_minor));
    for (const r of released) {
      const ours = data.tensorflow.find((t) => t.minor === r.tf_minor)!;
      expect([ours.cuda, ours.cudnn, ours.python[0], ours.python.at(-1), ours.patches.at(-1)]).toEqual([
        r.cuda,
        r.cudnn,
        r.python.min,
        r.python.max,
        r.latest_patch,
      ]);
    }
  });
  it('leaves out 2.22 (a release candidate with no tested CUDA) and says so', () => {
    expect(data.tensorflow.some((r) => r.minor === '2.22')).toBe(false);
    expect(data.leftOut?.find((l) => l.key === 'tensorflow')?.why).toMatch(/2\.22\.0rc0/);
    expect(planError('tensorflow: 2.22.0')).toMatch(
      /tensorflow 2\.22\.0 is not in the release data .*2\.22 is left out: its CUDA and cuDNN are not in the tested-build table/,
    );
  });
  it('has every jax release the research read, with its Python range', () => {
    expect(data.jax.map((r) => [r.version, r.python[0], r.python.at(-1)])).toEqual(
      research.jax.releases.map((r) => [r.jax, r.python.min, r.python.max]),
    );
  });
  it('marks what the research inferred', () => {
    for (const r of data.tensorflow) expect(r.provenance.baseImage).toBe('inferred');
    expect(data.tensorflow.filter((r) => r.provenance.cudaLibraries === 'inferred').map((r) => r.minor)).toEqual(['2.20', '2.21']);
  });
});

describe('planning tensorflow', () => {
  const table: [string, string[]][] = [
    ['tensorflow: "2.18"', ['tensorflow 2.18.1 cu125 py3.12 ubuntu22.04 runtime']],
    ['tensorflow: 2.16.1\npython: "3.9"', ['tensorflow 2.16.1 cu123 py3.9 ubuntu22.04 runtime']],
    [
      'tensorflow: latest\ncuda: [default, cpu]',
      ['tensorflow 2.21.0 cu125 py3.13 ubuntu22.04 runtime', 'tensorflow 2.21.0 cpu py3.13 ubuntu24.04 runtime'],
    ],
    [
      'tensorflow: ">=2.19"\npython: "3.12"',
      [
        'tensorflow 2.21.0 cu125 py3.12 ubuntu22.04 runtime',
        'tensorflow 2.20.0 cu125 py3.12 ubuntu22.04 runtime',
        'tensorflow 2.19.1 cu125 py3.12 ubuntu22.04 runtime',
      ],
    ],
    ['tensorflow: "2.10"', ['tensorflow 2.10.1 cu112 py3.10 ubuntu20.04 runtime']],
    [
      'tensorflow: "2.14"\ncuda: "11.8"\npython: ">=3.10"',
      ['tensorflow 2.14.1 cu118 py3.10 ubuntu22.04 runtime', 'tensorflow 2.14.1 cu118 py3.11 ubuntu22.04 runtime'],
    ],
    ['tensorflow: "2.18"\ncuda: "12"', ['tensorflow 2.18.1 cu125 py3.12 ubuntu22.04 runtime']],
  ];
  for (const [spec, expected] of table)
    it(`resolves ${JSON.stringify(spec)}`, () => expect(plan(spec).include.map(brief)).toEqual(expected));

  it('fills the entry contract: framework, tensorflow, CUDA and cuDNN of the release, its base image and driver', () => {
    expect(plan('tensorflow: 2.18.1\npython: "3.11"').include[0]).toEqual({
      framework: 'tensorflow',
      tensorflow: '2.18.1',
      cuda: '12.5',
      cudaVariant: 'cu125',
      cudaFull: '12.5.1',
      cudnn: '9.3',
      python: '3.11',
      os: 'ubuntu22.04',
      flavor: 'runtime',
      baseImage: 'nvidia/cuda:12.5.1-base-ubuntu22.04',
      minDriver: '555.42.02',
      platforms: ['linux/amd64'],
      tag: 'tf2.18.1-cu125-py3.11-ubuntu22.04',
      key: expect.stringMatching(/^[0-9a-f]{12}$/),
    });
  });

  const skips: [string, RegExp][] = [
    [
      'tensorflow: "2.18"\ncuda: ["12.4", "12.5"]',
      /tensorflow 2\.18 is built for CUDA 12\.5 \(cuDNN 9\.3\); its CUDA follows from the release, not 12\.4/,
    ],
    ['tensorflow: ["2.14", "2.18"]\ncuda: "11"', /tensorflow 2\.18 is built for CUDA 12\.5 .*not CUDA 11/],
    ['tensorflow: ["2.10", "2.21"]\npython: "3.13"', /tensorflow 2\.10\.1 has wheels for Python 3\.7–3\.10; not 3\.13/],
    ['tensorflow: ["2.10", "2.21"]\nos: ubuntu22.04', /tensorflow 2\.10\.1 images for cu112 are built for ubuntu20\.04; not ubuntu22\.04/],
    ['tensorflow: "2.18"\nflavor: [runtime, devel]', /tensorflow images start from nvidia\/cuda base images .* there is no devel flavor/],
  ];
  for (const [spec, reason] of skips) {
    it(`skips with the reason: ${JSON.stringify(spec)}`, () => {
      const p = plan(spec);
      expect(p.include.length).toBeGreaterThan(0);
      expect(p.skipped.map((s) => s.reason).join('\n')).toMatch(reason);
      expect(p.skipped[0]).toMatchObject({ framework: 'tensorflow', tensorflow: expect.any(String) });
    });
  }

  const errors: [string, RegExp][] = [
    ['tensorflow: 2.18.5', /matrix\.tensorflow: tensorflow 2\.18\.5 is not in the release data; tensorflow 2\.18 has 2\.18\.0 or 2\.18\.1/],
    ['tensorflow: "2.9"', /matrix\.tensorflow: tensorflow 2\.9 is not in the release data; known minors: 2\.10, 2\.11/],
    [
      'tensorflow: "2.18"\ncuda: "12.4"',
      new RegExp(
        'the matrix resolves to no entries\\.\\nWhat the requested tensorflow versions ship:\\n  tensorflow ' +
          '2\\.18\\.1: cu125, cpu; Python 3\\.9–3\\.12\\nSkipped because:\\n  tensorflow 2\\.18 is built for CUDA 12\\.5',
      ),
    ],
    ['torch: "2.4"\ntensorflow: "2.18"', /one spec names one framework, and this one names torch and tensorflow; give a list of specs/],
    [
      'tensorflow: "2.18"\nexclude:\n  - {torch: 2.4.1}',
      /matrix\.exclude\[0\]: names torch in a tensorflow spec; exclude applies to the tensorflow entries of this spec/,
    ],
    ['tensorflow: banana', /matrix\.tensorflow: "banana" is not valid/],
    [
      'include:\n  - {tensorflow: "2.18", cuda: "12.4"}',
      /^matrix\.include\[0\]: tensorflow 2\.18, cuda 12\.4 was never shipped: tensorflow 2\.18 is built for CUDA 12\.5/,
    ],
  ];
  for (const [spec, message] of errors) it(`explains ${JSON.stringify(spec)}`, () => expect(planError(spec)).toMatch(message));

  it('adds an entry of another framework for an include item that names it, as in a torch spec', () => {
    const p = plan('tensorflow: "2.18"\npython: "3.11"\ninclude:\n  - {torch: 2.4.1, cuda: "12.4", python: "3.11"}');
    expect(p.include.map((e) => e.tag)).toEqual(['tf2.18.1-cu125-py3.11-ubuntu22.04', '2.4.1-cu124-py3.11-ubuntu22.04']);
  });
  it('re-resolves the entries an include item matches with the keys the matrix does not list (GitHub semantics)', () => {
    const p = plan('tensorflow: ["2.17", "2.18"]\ninclude:\n  - {tensorflow: "2.18", python: "3.10"}');
    expect(p.include.map((e) => e.tag)).toEqual(['tf2.18.1-cu125-py3.10-ubuntu22.04', 'tf2.17.1-cu123-py3.12-ubuntu22.04']);
  });
});

describe('planning jax', () => {
  const table: [string, string[]][] = [
    ['jax: 0.8.0\npython: "3.12"', ['jax 0.8.0 cuda12 py3.12 ubuntu24.04 runtime']],
    [
      'jax: latest\ncuda: ["12", "13", cpu]',
      [
        'jax 0.11.0 cuda12 py3.14 ubuntu24.04 runtime',
        'jax 0.11.0 cuda13 py3.14 ubuntu24.04 runtime',
        'jax 0.11.0 cpu py3.14 ubuntu24.04 runtime',
      ],
    ],
    ['jax: "0.4"\npython: "3.10"\nos: ubuntu22.04', ['jax 0.4.34 cuda12 py3.10 ubuntu22.04 runtime']],
  ];
  for (const [spec, expected] of table)
    it(`resolves ${JSON.stringify(spec)}`, () => expect(plan(spec).include.map(brief)).toEqual(expected));

  it('fills the entry: the extra as cudaVariant, the nvidia/cuda base of that major, no cuDNN (it floats above a floor)', () => {
    expect(plan('jax: 0.8.0\ncuda: "13"\npython: "3.12"').include[0]).toMatchObject({
      framework: 'jax',
      jax: '0.8.0',
      cuda: '13.0',
      cudaVariant: 'cuda13',
      cudaFull: '13.0.2',
      cudnn: null,
      baseImage: 'nvidia/cuda:13.0.2-base-ubuntu24.04',
      minDriver: '580.95.05',
      tag: 'jax0.8.0-cuda13-py3.12-ubuntu24.04',
    });
    expect(plan('jax: 0.8.0\ncuda: "13"').warnings.join('\n')).toMatch(
      /jax's CUDA wheels have lower bounds only, so a rebuild can get newer ones/,
    );
  });
  it('skips what jax never shipped, with the reason', () => {
    const p = plan('jax: ["0.6.0", "0.8.0"]\ncuda: "13"');
    expect(p.include.map((e) => e.tag)).toEqual(['jax0.8.0-cuda13-py3.14-ubuntu24.04']);
    expect(p.skipped[0]).toMatchObject({
      framework: 'jax',
      jax: '0.6.0',
      reason: 'jax 0.6.0 has no stable jax[cuda13] extra; it has cuda12 and cpu',
    });
    expect(plan('jax: "0.8"\ncuda: ["12.8", "12"]').skipped[0]?.reason).toMatch(
      /jax's CUDA wheels come per major \(jax\[cuda12\], jax\[cuda13\]\), not per minor: ask for cuda 12/,
    );
  });
});

describe('mixed matrices', () => {
  it('joins a list of specs: torch, tensorflow and jax images side by side', () => {
    const p = plan(
      '- {torch: "2.4", cuda: "12.4", python: "3.11"}\n- {tensorflow: "2.18", python: "3.11"}\n- {jax: "0.8", cuda: "13", python: "3.12"}',
    );
    expect(p.include.map((e) => [e.framework, e.tag])).toEqual([
      ['pytorch', '2.4.1-cu124-py3.11-ubuntu22.04'],
      ['tensorflow', 'tf2.18.1-cu125-py3.11-ubuntu22.04'],
      ['jax', 'jax0.8.0-cuda13-py3.12-ubuntu24.04'],
    ]);
  });
  it('adds other frameworks through include, with the top-level additions', () => {
    const p = plan('torch: 2.4.1\ncuda: "12.4"\napt-packages: [libgl1]\ninclude:\n  - {tensorflow: "2.16", cuda: "12.3", user: app}');
    expect(p.include.map((e) => [e.tag, e.customisation])).toEqual([
      ['2.4.1-cu124-py3.12-ubuntu22.04', { aptPackages: ['libgl1'] }],
      ['tf2.16.2-cu123-py3.12-ubuntu22.04', { aptPackages: ['libgl1'], user: 'app' }],
    ]);
  });
  it('excludes and includes by tensorflow version in a tensorflow spec', () => {
    const p = plan(
      'tensorflow: ["2.17", "2.18"]\nexclude:\n  - {tensorflow: "2.17"}\ninclude:\n  - {tensorflow: "2.18", pip-packages: [keras==3.6.0]}',
    );
    expect(p.include.map((e) => [e.tag, e.customisation])).toEqual([
      ['tf2.18.1-cu125-py3.12-ubuntu22.04', { pipPackages: ['keras==3.6.0'] }],
    ]);
  });
  it('keeps every torch entry, its key and its fields, only adding framework', () => {
    const e = plan('torch: 2.4.1\ncuda: "12.4"\npython: "3.11"').include[0]!;
    expect(e.key).toBe('ca2f367402b5'); // as docs/matrix.md documents it (changed once: the slim base, issue 16)
    expect(Object.keys(e)[0]).toBe('framework');
  });
  it("plans a fan-out job's entry again from toJSON(matrix), for each framework", () => {
    const text = '- {torch: "2.4", cuda: "12.4"}\n- {tensorflow: "2.18", python: "3.11", user: app}\n- {jax: "0.8", cuda: "13"}';
    const all = planCommand({
      command: 'plan',
      matrix: { text, origin: 'input matrix' },
      maxEntries: 256,
      customisation: emptyCustomisation(),
    }).include;
    for (const entry of all) {
      const again = planCommand({
        command: 'plan',
        matrix: { text: '', origin: 'input matrix' },
        entry: { text: JSON.stringify(entry), origin: 'input entry' },
        maxEntries: 256,
      });
      expect(again.include).toEqual([entry]);
    }
  });
});

describe('templates, build-args, labels and the check argv', () => {
  const e = (spec: string): MatrixEntry => plan(spec).include[0]!;
  const modes: [string, RegExp[], RegExp[]][] = [
    [
      'tensorflow: "2.10"',
      [
        /FROM nvidia\/cuda:11\.2\.2-cudnn8-runtime-ubuntu20\.04/,
        // built against NumPy 1 (TensorFlow 2.18 is the first built against NumPy 2)
        /uv pip install --python \/opt\/venv\/bin\/python tensorflow==\$\{TENSORFLOW_VERSION\} 'numpy<2'$/m,
      ],
      [/and-cuda|nvidia-cudnn|ld\.so\.conf/],
    ],
    [
      'tensorflow: "2.14"',
      [
        /tensorflow==\$\{TENSORFLOW_VERSION\} 'numpy<2' \\\n +'nvidia-cublas-cu11==11\.11\.3\.6'/,
        /'nvidia-cudnn-cu11==8\.7\.0\.84'/,
        /gim-pip-cuda\.conf/,
      ],
      [/tensorrt==|"tensorflow\[and-cuda\]/],
    ],
    [
      'tensorflow: "2.19"',
      [/"tensorflow\[and-cuda\]==\$\{TENSORFLOW_VERSION\}"/, /ln -sf "\$p" \/opt\/venv\/bin\/ptxas/],
      [/gim-cuda-pins/],
    ],
    [
      'tensorflow: "2.21"',
      [
        /'nvidia-cudnn-cu12==9\.3\.0\.75'.* > \/tmp\/gim-cuda-pins\.txt/,
        /-c \/tmp\/gim-cuda-pins\.txt "tensorflow\[and-cuda\]==\$\{TENSORFLOW_VERSION\}"/,
      ],
      [],
    ],
    [
      'tensorflow: "2.18"\ncuda: cpu',
      [/FROM ubuntu:24\.04/, /tensorflow-cpu==\$\{TENSORFLOW_VERSION\}/, /\\"expected\\":\{\\"tensorflow-cpu\\":\\"2\.18\.1\\"\}/],
      [/and-cuda|nvidia-/],
    ],
    [
      'jax: "0.8"\ncuda: "13"',
      [
        /FROM nvidia\/cuda:13\.0\.2-base-ubuntu24\.04/,
        /"jax\[cuda13\]==\$\{JAX_VERSION\}"/,
        /\\"expected\\":\{\\"jax\\":\\"0\.8\.0\\",\\"jaxlib\\":\\"0\.8\.0\\"\}/,
      ],
      [/TORCH/],
    ],
    // jax[cpu]: before 0.4.30 plain jax does not depend on jaxlib (jax setup.py at jax-v0.4.26); the extra pins it
    ['jax: "0.8"\ncuda: cpu', [/"jax\[cpu\]==\$\{JAX_VERSION\}"/], [/cuda1/]],
    ['jax: "0.4.26"\ncuda: cpu', [/"jax\[cpu\]==\$\{JAX_VERSION\}"/, /\\"jaxlib\\":\\"0\.4\.26\\"/], [/cuda1/]],
  ];
  for (const [spec, present, absent] of modes) {
    it(`renders ${JSON.stringify(spec)}`, () => {
      const text = renderDockerfile(e(spec));
      for (const re of present) expect(text).toMatch(re);
      for (const re of absent) expect(text).not.toMatch(re);
      // the same layer order as torch: Python, the framework, the pin, the inventory
      const order = ['uv python install', 'uv pip install', 'GIM_PIN', 'GIM_INVENTORY'].map((s) => text.indexOf(s));
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    });
  }
  it("gives build-args and labels per framework, and keeps torch's as they were", () => {
    const tf = e('tensorflow: 2.18.1\npython: "3.11"');
    expect(entryBuildArgs(tf).slice(0, 3)).toEqual([
      ['BASE_IMAGE', 'nvidia/cuda:12.5.1-base-ubuntu22.04'],
      ['FRAMEWORK', 'tensorflow'],
      ['TENSORFLOW_VERSION', '2.18.1'],
    ]);
    const labels = Object.fromEntries(entryLabels(tf, { created: 'x', tempDir: '/t' }, 'h'));
    expect(labels).toMatchObject({
      'org.opencontainers.image.title': 'tensorflow 2.18.1 cu125 python 3.11',
      'io.github.gpu-image-matrix.framework': 'tensorflow',
      'io.github.gpu-image-matrix.tensorflow': '2.18.1',
    });
    expect(
      entryBuildArgs(e('torch: 2.4.1\ncuda: "12.4"'))
        .map(([k]) => k)
        .slice(0, 5),
    ).toEqual(['BASE_IMAGE', 'TORCH_VERSION', 'TORCHVISION_VERSION', 'TORCHAUDIO_VERSION', 'TORCH_INDEX_URL']);
  });
  it('passes the check the framework, version, CUDA and cuDNN', () => {
    const options = { minGpus: 1, timeoutSeconds: 60 } as SmokeOptions;
    expect(checkArgs(e('tensorflow: 2.18.1'), options, true).slice(0, 8)).toEqual([
      '--framework',
      'tensorflow',
      '--expect-version',
      '2.18.1',
      '--expect-cuda',
      '12.5',
      '--expect-cudnn',
      '9.3',
    ]);
    expect(checkArgs(e('jax: 0.8.0\ncuda: "13"'), options, true).slice(0, 6)).toEqual([
      '--framework',
      'jax',
      '--expect-version',
      '0.8.0',
      '--expect-cuda',
      '13.0',
    ]);
  });
});
