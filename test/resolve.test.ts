import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDockerfile } from '../src/template/dockerfile.js';
import { checkArgs } from '../src/smoke/run-args.js';
import { parseSmokeOptions } from '../src/smoke/options.js';
import { brief, fakeInputs, plan, planError } from './helpers.js';
import { MIN_EXPANSION_LIMIT, expansionLimit } from '../src/matrix/resolve.js';

const smokeOptions = parseSmokeOptions(fakeInputs({}));

// Facts in these tables come from ../shared/research/torch-cuda-compat.json and
// gpu-matrix.md (RELEASE.md, test-infra release matrices, previous-versions.md),
// not from memory.

describe('resolve: versions and pairings', () => {
  const cases: { name: string; spec: string; expected: string[] }[] = [
    {
      name: 'pairs torch 2.4 (latest patch 2.4.1) with torchvision 0.19.1 / torchaudio 2.4.1 for cu121 and cu124',
      spec: 'torch: "2.4"\ncuda: ["12.1", "12.4"]\npython: "3.11"',
      expected: ['2.4.1/0.19.1/2.4.1 cu121 py3.11 ubuntu22.04 runtime', '2.4.1/0.19.1/2.4.1 cu124 py3.11 ubuntu22.04 runtime'],
    },
    {
      name: 'pairs torch 2.0 (2.0.1) with torchvision 0.15.2 and torchaudio 2.0.2',
      spec: 'torch: "2.0"\ncuda: "11.8"\npython: "3.10"',
      expected: ['2.0.1/0.15.2/2.0.2 cu118 py3.10 ubuntu22.04 runtime'],
    },
    {
      name: 'pairs torch 2.0.0 with the pip wheels torchvision 0.15.1 / torchaudio 2.0.1 (not conda numbering)',
      spec: 'torch: 2.0.0\ncuda: "11.7"\npython: "3.9"',
      expected: ['2.0.0/0.15.1/2.0.1 cu117 py3.9 ubuntu22.04 runtime'],
    },
    {
      name: 'pairs torch 2.12.1 and 2.13.0 with torchaudio 2.11.0, its last release',
      spec: 'torch: [2.12.1, 2.13.0]\ncuda: "13.0"\npython: "3.12"',
      expected: ['2.13.0/0.28.0/2.11.0 cu130 py3.12 ubuntu24.04 runtime', '2.12.1/0.27.1/2.11.0 cu130 py3.12 ubuntu24.04 runtime'],
    },
    {
      name: 'resolves latest to the newest stable release (2.13.0), not the 2.14 release candidate',
      spec: 'torch: latest\npython: "3.12"',
      expected: ['2.13.0/0.28.0/2.11.0 cu130 py3.12 ubuntu24.04 runtime'],
    },
    {
      name: 'resolves a semver range to the newest patch of each stable minor in it',
      spec: 'torch: ">=2.5 <2.8"\ncuda: cpu\npython: "3.11"',
      expected: [
        '2.7.1/0.22.1/2.7.1 cpu py3.11 ubuntu24.04 runtime',
        '2.6.0/0.21.0/2.6.0 cpu py3.11 ubuntu24.04 runtime',
        '2.5.1/0.20.1/2.5.1 cpu py3.11 ubuntu24.04 runtime',
      ],
    },
    {
      name: 'lets a range pick an older patch when the newest one is outside it',
      spec: 'torch: ">=2.5.0 <2.5.1"\ncuda: cpu\npython: "3.11"',
      expected: ['2.5.0/0.20.0/2.5.0 cpu py3.11 ubuntu24.04 runtime'],
    },
    {
      name: 'picks the PyPI default variant per release for cuda: default (cu124 for 2.5, cu130 for 2.11)',
      spec: 'torch: ["2.5", "2.11"]\ncuda: default\npython: "3.11"',
      expected: ['2.11.0/0.26.0/2.11.0 cu130 py3.11 ubuntu24.04 runtime', '2.5.1/0.20.1/2.5.1 cu124 py3.11 ubuntu22.04 runtime'],
    },
    {
      name: 'expands a CUDA major to every variant of it the release ships',
      spec: 'torch: "2.4"\ncuda: "12"\npython: "3.12"',
      expected: ['2.4.1/0.19.1/2.4.1 cu121 py3.12 ubuntu22.04 runtime', '2.4.1/0.19.1/2.4.1 cu124 py3.12 ubuntu22.04 runtime'],
    },
    {
      name: 'accepts a wheel variant name (cu128) for a CUDA minor',
      spec: 'torch: "2.7"\ncuda: cu128\npython: "3.12"',
      expected: ['2.7.1/0.22.1/2.7.1 cu128 py3.12 ubuntu24.04 runtime'],
    },
    {
      name: 'defaults python to the newest fully supported one (3.12 for 2.4, not experimental versions)',
      spec: 'torch: ["2.4", "2.2"]\ncuda: "12.1"',
      expected: ['2.4.1/0.19.1/2.4.1 cu121 py3.12 ubuntu22.04 runtime', '2.2.2/0.17.2/2.2.2 cu121 py3.11 ubuntu22.04 runtime'],
    },
    {
      name: 'expands a python range within what the release supports',
      spec: 'torch: "2.6"\ncuda: "12.6"\npython: ">=3.11"',
      expected: [
        '2.6.0/0.21.0/2.6.0 cu126 py3.11 ubuntu24.04 runtime',
        '2.6.0/0.21.0/2.6.0 cu126 py3.12 ubuntu24.04 runtime',
        '2.6.0/0.21.0/2.6.0 cu126 py3.13 ubuntu24.04 runtime',
      ],
    },
    {
      name: 'defaults os to the newest Ubuntu NVIDIA publishes for that CUDA (20.04 only for 11.6)',
      spec: 'torch: "1.13"\ncuda: ["11.6", "11.7"]\npython: "3.10"',
      expected: ['1.13.1/0.14.1/0.13.1 cu116 py3.10 ubuntu20.04 runtime', '1.13.1/0.14.1/0.13.1 cu117 py3.10 ubuntu22.04 runtime'],
    },
    {
      name: 'builds one entry per flavor',
      spec: 'torch: "2.8"\ncuda: "12.8"\npython: "3.12"\nflavor: [runtime, devel]',
      expected: ['2.8.0/0.23.0/2.8.0 cu128 py3.12 ubuntu24.04 runtime', '2.8.0/0.23.0/2.8.0 cu128 py3.12 ubuntu24.04 devel'],
    },
    {
      name: 'merges duplicates (2.4 and 2.4.1 are the same image)',
      spec: 'torch: ["2.4", "2.4.1"]\ncuda: "12.4"\npython: "3.11"',
      expected: ['2.4.1/0.19.1/2.4.1 cu124 py3.11 ubuntu22.04 runtime'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(plan(c.spec).include.map(brief)).toEqual(c.expected);
    });
  }
});

describe('resolve: the flat entry contract', () => {
  it('fills every field of a CUDA entry', () => {
    const [entry] = plan('torch: 2.4.1\ncuda: "12.4"\npython: "3.11"').include;
    expect(entry).toEqual({
      framework: 'pytorch',
      torch: '2.4.1',
      torchvision: '0.19.1',
      torchaudio: '2.4.1',
      cuda: '12.4',
      cudaVariant: 'cu124',
      cudaFull: '12.4.1',
      cudnn: '9.1.0.70',
      python: '3.11',
      os: 'ubuntu22.04',
      flavor: 'runtime',
      baseImage: 'nvidia/cuda:12.4.1-base-ubuntu22.04',
      indexUrl: 'https://download.pytorch.org/whl/cu124',
      channel: 'release',
      minDriver: '550.54.15',
      platforms: ['linux/amd64'],
      tag: '2.4.1-cu124-py3.11-ubuntu22.04',
      key: expect.stringMatching(/^[0-9a-f]{12}$/),
    });
  });

  it('gives CPU entries a plain Ubuntu base, the cpu index and no driver or cuDNN', () => {
    const [entry] = plan('torch: 2.4.1\ncuda: cpu\npython: "3.11"').include;
    expect(entry).toMatchObject({
      cuda: 'cpu',
      cudaVariant: 'cpu',
      cudaFull: null,
      cudnn: null,
      minDriver: null,
      baseImage: 'ubuntu:24.04',
      indexUrl: 'https://download.pytorch.org/whl/cpu',
      tag: '2.4.1-cpu-py3.11-ubuntu24.04',
    });
  });

  // runtime: the slim base (torch's wheels bring cuDNN and cuBLAS); devel: cuDNN's headers, NVIDIA's cuDNN tag token per CUDA version
  const baseImages: [string, string][] = [
    ['torch: "2.3"\ncuda: "11.8"\npython: "3.11"', 'nvidia/cuda:11.8.0-base-ubuntu22.04'],
    ['torch: "2.3"\ncuda: "12.1"\npython: "3.11"\nos: ubuntu20.04', 'nvidia/cuda:12.1.1-base-ubuntu20.04'],
    ['torch: "2.3"\ncuda: "12.1"\npython: "3.11"\nos: ubuntu20.04\nflavor: devel', 'nvidia/cuda:12.1.1-cudnn8-devel-ubuntu20.04'],
    ['torch: "2.6"\ncuda: "12.4"\npython: "3.11"\nflavor: devel', 'nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04'],
    ['torch: "2.10"\ncuda: "13.0"\npython: "3.12"', 'nvidia/cuda:13.0.2-base-ubuntu24.04'],
    ['torch: "1.13"\ncuda: "11.7"\npython: "3.10"', 'nvidia/cuda:11.7.1-base-ubuntu22.04'],
  ];
  for (const [spec, image] of baseImages) {
    it(`names the base image ${image}`, () => {
      expect(plan(spec).include[0]?.baseImage).toBe(image);
    });
  }

  it('appends -devel to the tag of devel images', () => {
    expect(plan('torch: "2.6"\ncuda: "12.4"\npython: "3.11"\nflavor: devel').include[0]?.tag).toBe('2.6.0-cu124-py3.11-ubuntu22.04-devel');
  });

  it('gives every entry a distinct tag and key, and the same key for the same image on every run', () => {
    const spec = 'torch: ">=2.4"\ncuda: ["12", "13", cpu]\npython: [default, "3.11"]\nflavor: [runtime, devel]';
    const first = plan(spec, { maxEntries: 1000 }).include;
    const second = plan(spec, { maxEntries: 1000 }).include;
    expect(first.length).toBeGreaterThan(30);
    expect(new Set(first.map((e) => e.tag)).size).toBe(first.length);
    expect(new Set(first.map((e) => e.key)).size).toBe(first.length);
    expect(second.map((e) => e.key)).toEqual(first.map((e) => e.key));
  });
});

describe('resolve: combinations that were never shipped are skipped with the reason', () => {
  const cases: { spec: string; skipped: string }[] = [
    {
      spec: 'torch: 2.5.1\ncuda: ["12.4", "12.6"]\npython: "3.11"',
      skipped: 'torch 2.5.1 has no cu126 wheels; it ships cu118, cu121, cu124, cpu',
    },
    { spec: 'torch: ["2.0", "2.4"]\ncuda: "12"', skipped: 'torch 2.0.1 has no CUDA 12 wheels; it ships cu117, cu118, cpu' },
    { spec: 'torch: ["2.8", "2.4"]\npython: "3.8"\ncuda: cpu', skipped: 'torch 2.8.0 has wheels for Python 3.9–3.13; not 3.8' },
    {
      spec: 'torch: ["2.8", "2.13"]\npython: ">=3.14"\ncuda: cpu',
      skipped: 'torch 2.8.0 has wheels for Python 3.9–3.13; none of them matches >=3.14',
    },
    {
      spec: 'torch: "2.7"\ncuda: ["11.8", "12.6"]\nos: ubuntu24.04\npython: "3.11"',
      skipped: 'nvidia/cuda 11.8.0 images exist for ubuntu20.04, ubuntu22.04; not ubuntu24.04',
    },
    {
      spec: 'torch: "2.7"\ncuda: ["cpu", "12.6"]\nflavor: devel\npython: "3.11"',
      skipped: 'a CPU-only image has no devel flavor (devel adds the CUDA compiler); use flavor runtime',
    },
  ];
  for (const c of cases) {
    it(`skips: ${c.skipped}`, () => {
      const result = plan(c.spec);
      expect(result.include.length).toBeGreaterThan(0);
      expect(result.skipped.map((s) => s.reason)).toContain(c.skipped);
    });
  }

  it('records the skipped combination itself, not just the reason', () => {
    expect(plan('torch: 2.5.1\ncuda: ["12.4", "12.6"]\npython: "3.11"').skipped).toEqual([
      { torch: '2.5.1', cuda: '12.6', python: '3.11', os: 'default', flavor: 'runtime', reason: expect.any(String) },
    ]);
  });
});

describe('resolve: exclude and include (GitHub matrix semantics)', () => {
  it('removes combinations an exclude matches, by selector (2.4 matches 2.4.1)', () => {
    const result = plan('torch: ["2.4", "2.5"]\ncuda: ["11.8", "12.4"]\npython: "3.11"\nexclude:\n  - {torch: "2.4", cuda: "11.8"}');
    expect(result.include.map((e) => e.tag)).toEqual([
      '2.5.1-cu118-py3.11-ubuntu22.04',
      '2.5.1-cu124-py3.11-ubuntu22.04',
      '2.4.1-cu124-py3.11-ubuntu22.04',
    ]);
  });

  it('excludes by CUDA major and by default', () => {
    const result = plan('torch: "2.6"\ncuda: ["11", "12"]\npython: "3.11"\nexclude:\n  - cuda: "11"\n  - cuda: default');
    expect(result.include.map((e) => e.cudaVariant)).toEqual(['cu126']);
  });

  it('warns about an exclude that matched nothing', () => {
    const result = plan('torch: "2.6"\ncuda: "12.4"\npython: "3.11"\nexclude:\n  - python: "3.9"');
    expect(result.warnings).toContain('matrix.exclude[0] matched no entry');
  });

  it('adds an include whose axis values match no combination as a new entry, with defaults for the rest', () => {
    const result = plan('torch: "2.5"\ncuda: "12.4"\npython: "3.11"\ninclude:\n  - {torch: 2.3.1, cuda: "12.1", python: "3.10"}');
    expect(result.include.map((e) => e.tag)).toEqual(['2.5.1-cu124-py3.11-ubuntu22.04', '2.3.1-cu121-py3.10-ubuntu22.04']);
  });

  it('extends matching combinations with keys that are not axes of the matrix (flavor devel for 2.5 only)', () => {
    const result = plan('torch: ["2.4", "2.5"]\ncuda: "12.4"\npython: "3.11"\ninclude:\n  - {torch: "2.5", flavor: devel}');
    expect(result.include.map((e) => e.tag)).toEqual(['2.5.1-cu124-py3.11-ubuntu22.04-devel', '2.4.1-cu124-py3.11-ubuntu22.04']);
  });

  it('recomputes defaults when an include changes the CUDA of matching entries', () => {
    const result = plan('torch: ["2.6", "2.7"]\ninclude:\n  - {torch: "2.7", cuda: "12.8"}');
    expect(result.include.map((e) => e.tag)).toEqual(['2.7.1-cu128-py3.13-ubuntu24.04', '2.6.0-cu124-py3.13-ubuntu22.04']);
  });

  it('builds a matrix from include entries alone', () => {
    const result = plan('include:\n  - {torch: 2.4.1, cuda: "12.4"}\n  - {torch: "2.7", cuda: cpu, python: "3.10"}');
    expect(result.include.map((e) => e.tag)).toEqual(['2.4.1-cu124-py3.12-ubuntu22.04', '2.7.1-cpu-py3.10-ubuntu24.04']);
  });

  it('lets include add back what exclude removed', () => {
    const result = plan(
      'torch: "2.5"\ncuda: ["12.1", "12.4"]\npython: "3.11"\nexclude:\n' +
        '  - cuda: "12.1"\ninclude:\n  - {torch: "2.5", cuda: "12.1", python: "3.10"}',
    );
    expect(result.include.map((e) => e.tag)).toEqual(['2.5.1-cu124-py3.11-ubuntu22.04', '2.5.1-cu121-py3.10-ubuntu22.04']);
  });
});

describe('resolve: release candidates and inferred data are flagged', () => {
  it('takes an explicitly requested release candidate from the test channel and warns', () => {
    const result = plan('torch: "2.14"\npython: "3.12"');
    expect(result.include[0]).toMatchObject({
      torch: '2.14.0',
      channel: 'test',
      indexUrl: 'https://download.pytorch.org/whl/test/cu130',
    });
    expect(result.warnings).toContain("torch 2.14.0 is a release candidate: its wheels come from PyTorch's test channel");
    expect(result.warnings.some((w) => w.startsWith('torchvision 0.29.0 for torch 2.14.0 is inferred'))).toBe(true);
    expect(result.warnings.some((w) => w.startsWith('the default CUDA variant of torch 2.14 (cu130) is inferred'))).toBe(true);
  });

  it('warns that the nvidia/cuda 13.2 image tags are inferred', () => {
    const result = plan('torch: "2.13"\ncuda: "13.2"\npython: "3.12"');
    expect(result.warnings).toContain(
      'the nvidia/cuda 13.2.0 image tags are inferred, not read: check that nvidia/cuda:13.2.0-base-ubuntu24.04 exists',
    );
  });

  it('resolves an experimental Python only when asked for exactly, with a warning', () => {
    const result = plan('torch: "2.2"\ncuda: "12.1"\npython: "3.12"');
    expect(result.include[0]?.python).toBe('3.12');
    expect(result.warnings).toContain('Python 3.12 is experimental for torch 2.2: wheels may be missing or unstable');
    expect(plan('torch: "2.2"\ncuda: "12.1"\npython: ">=3.11"').include.map((e) => e.python)).toEqual(['3.11']);
  });

  it('gives no warnings for data read in primary sources', () => {
    expect(plan('torch: "2.4"\ncuda: "12.4"\npython: "3.11"').warnings).toEqual([]);
  });
});

describe('resolve: errors name the field, the value and what would be accepted', () => {
  const cases: { name: string; spec: string; message: RegExp; maxEntries?: number }[] = [
    {
      name: 'a torch patch that was never released',
      spec: 'torch: 2.4.3',
      message: /^matrix\.torch: torch 2\.4\.3 is not in the release data; torch 2\.4 has 2\.4\.0 or 2\.4\.1$/,
    },
    {
      name: 'a torch minor not in the data',
      spec: 'torch: "3.1"',
      message: new RegExp(
        '^matrix\\.torch: torch 3\\.1 is not in the release data; known minors: ' +
          '1\\.13, 2\\.0, .*2\\.14 \\(add newer releases with compat-file\\)$',
      ),
    },
    {
      name: 'a range that matches nothing',
      spec: 'torch: ">=3.0"',
      message: /^matrix\.torch: ">=3\.0" matches no stable torch release in the data \(it knows 1\.13\.0 to 2\.13\.0\)$/,
    },
    {
      name: 'a range that matches only a release candidate',
      spec: 'torch: ">=2.14"',
      message: /2\.14\.0 is a release candidate, which a range never picks: ask for it exactly$/,
    },
    {
      name: 'python 3.1 (3.10 read as a number by some YAML tool)',
      spec: 'torch: "2.4"\npython: [3.11, 3.1]',
      message: new RegExp(
        '^matrix\\.python\\[1\\]: Python 3\\.1 is not supported by any torch release in the data \\(3\\.7 to ' +
          '3\\.15\\)\\. If you meant 3\\.10: a YAML or JSON tool read it as the number 3\\.1; quote it \\("3\\.10"\\)$',
      ),
    },
    {
      name: 'an include entry that was never shipped',
      spec: 'torch: "2.4"\ncuda: "12.4"\ninclude:\n  - {torch: 2.5.1, cuda: "12.6"}',
      message: new RegExp(
        '^matrix\\.include\\[0\\]: torch 2\\.5\\.1, cuda 12\\.6 was never shipped: ' +
          'torch 2\\.5\\.1 has no cu126 wheels; it ships cu118, cu121, cu124, cpu$',
      ),
    },
    {
      name: 'an include that adds a new entry without torch',
      spec: 'torch: "2.4"\ncuda: "12.4"\ninclude:\n  - {cuda: "11.8", python: "3.9"}',
      message: /^matrix\.include\[0\]: matches no entry of the matrix and names no torch/,
    },
    {
      name: 'an include that cannot apply to the entries it matches',
      spec: 'torch: ["2.4"]\ncuda: "12.4"\ninclude:\n  - {torch: "2.4", os: ubuntu24.04}',
      message: new RegExp(
        '^matrix\\.include\\[0\\]: cannot apply os ubuntu24\\.04 to 2\\.4\\.1-cu124-py3\\.12-ubuntu22\\.04: ' +
          'nvidia/cuda 12\\.4\\.1 images exist for ubuntu20\\.04, ubuntu22\\.04; not ubuntu24\\.04$',
      ),
    },
    {
      name: 'a request that resolves to nothing, saying what the torch versions do ship',
      spec: 'torch: ["2.4", "2.5"]\ncuda: "12.6"',
      message: new RegExp(
        '^the matrix resolves to no entries\\.\\nWhat the requested torch versions ship:\\n  torch 2\\.4\\.1: ' +
          'cu118, cu121, cu124, cpu \\(default cu121\\); Python 3\\.8–3\\.12\\n  torch 2\\.5\\.1: cu118, cu121, cu124, ' +
          'cpu \\(default cu124\\); Python 3\\.9–3\\.12\\nSkipped because:\\n  torch 2\\.4\\.1 has no cu126 wheels',
      ),
    },
    {
      name: 'more entries than max-entries',
      spec: 'torch: ">=2.0"\ncuda: ["11", "12", "13"]\npython: ">=3.8"',
      maxEntries: 20,
      message: /^the matrix resolves to \d+ entries, more than max-entries \(20\)\. Large matrices are usually a mistake/,
    },
  ];
  for (const c of cases) {
    it(`rejects ${c.name}`, () => {
      expect(planError(c.spec, c.maxEntries ? { maxEntries: c.maxEntries } : {})).toMatch(c.message);
    });
  }

  it('refuses a cross product too large to expand before doing any work', () => {
    const many = (n: number, f: (i: number) => string): string => `[${Array.from({ length: n }, (_, i) => f(i)).join(', ')}]`;
    // Distinct values (repeats count once): 1000 ranges x 1000 Python ranges x 2 CUDA majors.
    const spec =
      `torch: ${many(1000, (i) => `">=1.0.0 <${2 + i}.0.0"`)}\npython: ${many(1000, (i) => `">=3.0 <${4 + i}.0"`)}\n` +
      `cuda: ["12", "11"]`;
    expect(planError(spec)).toMatch(/^the matrix is a cross product of 2000000 combinations before filtering, more than 1000000/);
    // The same value 1000 times is one value, and plans.
    expect(plan(`torch: ${many(1000, () => 'latest')}\npython: ${many(1000, () => 'default')}`).include).toHaveLength(1);
  });
});

describe('resolve: tags and keys stay what they were', () => {
  // Frozen from the planner before frameworks became plug-ins (test/fixtures/plan-keys.json says which commit).
  const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/plan-keys.json'), 'utf8')) as {
    cases: { spec: string; skipped: number; entries: [string, string][] }[];
  };
  for (const c of fixture.cases) {
    it(`gives the same ${c.entries.length} tags and keys for ${JSON.stringify(c.spec.split('\n')[0])}`, () => {
      const p = plan(c.spec, { maxEntries: 10_000 });
      const byTag = (a: string[], b: string[]): number => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : 1);
      expect(p.include.map((e) => [e.tag, e.key]).sort(byTag)).toEqual([...c.entries].sort(byTag));
      expect(p.skipped.length).toBe(c.skipped);
    });
  }
});

describe('resolve: a library the variant index lacks is left out, with a warning', () => {
  // download.pytorch.org/whl/cu132 has no torchaudio for torch 2.12/2.13 (pytorch/pytorch#193651, #183336).
  it('plans cu132 entries of torch 2.13 without torchaudio, and the others with it', () => {
    const p = plan('torch: 2.13.0\ncuda: ["13.0", "13.2"]\npython: "3.12"');
    expect(p.include.map((e) => [e.cudaVariant, e.framework === 'pytorch' ? e.torchaudio : '-'])).toEqual([
      ['cu130', '2.11.0'],
      ['cu132', null],
    ]);
    const warned = p.warnings.join('\n');
    expect(warned).toMatch(/torchaudio is left out of torch 2\.13\.0 cu132 entries: that index has no torchaudio 2\.11\.0 /);
    expect(warned).toMatch(/for torchaudio, use another CUDA variant of torch 2\.13 \(cu126, cu130\)/);
    const cu132 = p.include[1]!;
    expect(renderDockerfile(cu132)).not.toMatch(/torchaudio==/);
    expect(checkArgs(cu132, smokeOptions, false)).not.toContain('--expect-torchaudio');
  });
  it('keeps torchaudio for the release candidate, whose test channel has one for cu132', () => {
    const [e] = plan('torch: 2.14.0\ncuda: "13.2"').include;
    expect(e?.framework === 'pytorch' && e.torchaudio).toBe('2.11.0');
  });
});

describe('resolve: a wide request ends at the expansion limit, not in memory exhaustion (issue 17 item 4)', () => {
  // The spec of the security review: 1.1 KB that expanded to millions of entries before max-entries applied.
  const repeated = [
    `torch: [${Array(100).fill('">=2"').join(', ')}]`,
    `cuda: [${Array(100).fill('"12"').join(', ')}]`,
    'python: ">=3"',
  ].join('\n');

  it('repeated selectors count once: the 100x spec plans exactly what the 1x spec plans', () => {
    const once = plan('torch: ">=2"\ncuda: "12"\npython: ">=3"', { maxEntries: 10_000 });
    const hundred = plan(repeated, { maxEntries: 10_000 });
    expect(hundred.include.map((e) => e.key)).toEqual(once.include.map((e) => e.key));
    expect(hundred.skipped).toEqual(once.skipped);
    expect(once.include.length).toBeGreaterThan(1);
  });

  it('with max-entries 1 it is refused by max-entries, naming it', () => {
    expect(planError(repeated, { maxEntries: 1 })).toMatch(/more than max-entries \(1\)/);
  });

  it('selectors that differ in text but not in what they pick are one', () => {
    const a = plan('torch: [">=2.0", ">= 2.0", ">=2.0.0"]\ncuda: ["12", "12"]\npython: ["3.8", "3.14"]', { maxEntries: 10_000 });
    const b = plan('torch: ">=2.0"\ncuda: "12"\npython: ["3.8", "3.14"]', { maxEntries: 10_000 });
    expect(a.include.map((e) => e.key)).toEqual(b.include.map((e) => e.key));
    // what the final de-duplication by key would hide: the skips are counted once too
    expect(a.skipped).toEqual(b.skipped);
    expect(b.skipped.length).toBeGreaterThan(0);
  });

  it('distinct selectors that cannot be merged stop at the expansion limit with a clear error', () => {
    // 400 different ranges, each matching every stable 2.x release: far more than 10,000 entries.
    const ranges = Array.from({ length: 400 }, (_, i) => `">=2.0.0 <${3 + i}.0.0"`);
    const spec = `torch: [${ranges.join(', ')}]\ncuda: ["12", "11", "13"]\npython: ">=3"\nflavor: [runtime, devel]`;
    const message = planError(spec, { maxEntries: 1 });
    expect(message).toMatch(
      /expands to more than 10000 entries \(at the cross product\), before max-entries applies; resolving stopped there/,
    );
    expect(message).toMatch(/raise max-entries/);
    // The limit follows max-entries: twice it, when that is more.
    expect(planError(spec, { maxEntries: 6000 })).toMatch(/more than 12000 entries/);
  });

  it('variants made by tag-suffix include items count toward the limit (found in review)', () => {
    const items = Array.from({ length: 1000 }, (_, i) => `  - {tag-suffix: s${i}}`).join('\n');
    const spec = `torch: ">=2"\ncuda: ["12", cpu, default]\npython: ">=3"\nflavor: [runtime, devel]\ninclude:\n${items}`;
    expect(planError(spec)).toMatch(/expands to more than 10000 entries \(at matrix\.include\[\d+\]\)/);
  });

  it('an include that changes the entries it matches counts what they become, not twice (found in review)', () => {
    const items = Array.from({ length: 80 }, () => '  - {flavor: devel}').join('\n');
    const spec = `torch: ">=2"\ncuda: ["12", "11", "13"]\npython: ">=3"\ninclude:\n${items}`;
    expect(plan(spec, { maxEntries: 10_000 }).include.length).toBeGreaterThan(150);
  });

  it('skipped combinations stop at their own bound', () => {
    // 400 ranges x 50 Python ranges, each cell a CUDA no release ships: a skip per release and cell.
    const ranges = Array.from({ length: 400 }, (_, i) => `">=2.0.0 <${3 + i}.0.0"`);
    const pythons = Array.from({ length: 50 }, (_, i) => `">=3.0 <${4 + i}.0"`);
    const spec = `torch: [${ranges.join(', ')}]\ncuda: "9"\npython: [${pythons.join(', ')}]`;
    expect(planError(spec, { maxEntries: 1 })).toMatch(/more than 50000 skipped combinations \(at the cross product\)/);
  });

  it('the expansion limit is twice max-entries, at least 10000', () => {
    expect(expansionLimit(1)).toBe(MIN_EXPANSION_LIMIT);
    expect(expansionLimit(10_000)).toBe(20_000);
  });
});
