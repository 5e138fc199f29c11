import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledCompat, mergeCompatFile } from '../src/compat/load.js';
import type { ReleaseData } from '../src/frameworks/index.js';
import { validateCompat } from '../src/compat/validate.js';
import { plan, planError, torchOf } from './helpers.js';

const data = bundledCompat();

describe('compat: the bundled release data', () => {
  it('passes its schema and cross-reference checks', () => {
    expect(() => validateCompat(structuredClone(data), 'bundled')).not.toThrow();
  });

  it('has torchvision and torchaudio for every patch, and a cuDNN and a CUDA entry for every wheel variant', () => {
    const cudaVersions = new Set(data.cuda.map((c) => c.version));
    for (const release of data.torch) {
      for (const patch of release.patches) {
        expect(patch.torchvision, `torchvision for ${patch.torch}`).toMatch(/^\d+\.\d+\.\d+$/);
        expect(patch.torchaudio, `torchaudio for ${patch.torch}`).toMatch(/^\d+\.\d+\.\d+$/);
      }
      for (const v of release.cuda.variants) {
        expect(release.cuda.cudnn[v], `cuDNN for torch ${release.minor} ${v}`).toBeTruthy();
        expect(cudaVersions.has(`${v.slice(2, -1)}.${v.slice(-1)}`), `CUDA entry for ${v}`).toBe(true);
      }
    }
  });

  it('follows the torchvision numbering rule 0.(minor+15).patch for torch 2.x, where 2.0.x is one patch ahead (2.0.0 -> 0.15.1)', () => {
    for (const release of data.torch.filter((r) => r.minor.startsWith('2.'))) {
      for (const patch of release.patches) {
        const [, minor, micro] = patch.torch.split('.').map(Number) as [number, number, number];
        const expected = minor === 0 ? `0.15.${micro + 1}` : `0.${minor + 15}.${micro}`;
        expect(patch.torchvision, `torch ${patch.torch}`).toBe(expected);
      }
    }
  });

  it('moves the nvidia/cuda cuDNN tag token from cudnn8 to the unversioned cudnn at 12.4', () => {
    const tokens = Object.fromEntries(data.cuda.map((c) => [c.version, c.image.cudnnToken]));
    expect(tokens).toMatchObject({ '11.8': 'cudnn8', '12.1': 'cudnn8', '12.4': 'cudnn', '12.6': 'cudnn', '13.0': 'cudnn' });
  });

  it('has exactly one release candidate and marks what the research could not read as inferred', () => {
    expect(data.torch.filter((r) => r.status === 'rc').map((r) => r.minor)).toEqual(['2.14']);
    const inferredPatches = data.torch.flatMap((r) =>
      r.patches.filter((p) => p.provenance?.torchvision === 'inferred').map((p) => p.torch),
    );
    expect(inferredPatches).toEqual(['2.12.0', '2.14.0']);
    expect(data.cuda.filter((c) => c.provenance?.image === 'inferred').map((c) => c.version)).toEqual(['13.2']);
  });

  // The research file the bundled data was transcribed from, frozen under test/fixtures/research.
  const researchFile = path.resolve(import.meta.dirname, 'fixtures/research/torch-cuda-compat.json');
  it('agrees with the research data on pairings, wheel variants, PyPI default and cuDNN', () => {
    const research = JSON.parse(readFileSync(researchFile, 'utf8')) as {
      releases: {
        torch_minor: string;
        patches: { torch: string; torchvision: string; torchaudio: string }[];
        cuda: { wheel_variants: string[]; pypi_default_linux_x86_64: string; cudnn: Record<string, string> };
        python: { min: string; max: string };
      }[];
    };
    expect(data.torch.map((r) => r.minor)).toEqual(research.releases.map((r) => r.torch_minor));
    for (const r of research.releases) {
      const ours = data.torch.find((t) => t.minor === r.torch_minor);
      expect(ours?.patches.map((p) => [p.torch, p.torchvision, p.torchaudio])).toEqual(
        r.patches.map((p) => [p.torch, p.torchvision, p.torchaudio]),
      );
      expect(ours?.cuda.variants).toEqual(r.cuda.wheel_variants);
      expect(ours?.cuda.pypiDefault).toBe(r.cuda.pypi_default_linux_x86_64.split(' ')[0]);
      expect(ours?.cuda.cudnn).toEqual(Object.fromEntries(Object.entries(r.cuda.cudnn).map(([k, v]) => [`cu${k.replace('.', '')}`, v])));
      expect(ours?.python.supported[0]).toBe(r.python.min);
    }
  });
});

function broken(mutate: (d: ReleaseData) => void): string {
  const copy = structuredClone(data);
  mutate(copy);
  try {
    validateCompat(copy, 'data');
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected validation to fail');
}

describe('compat: validation catches data that lies', () => {
  const torch = (d: ReleaseData, minor: string) => d.torch.find((r) => r.minor === minor)!;
  const cases: { name: string; mutate: (d: ReleaseData) => void; message: RegExp }[] = [
    {
      name: 'a wrong schema version',
      mutate: (d) => ((d as { schemaVersion: number }).schemaVersion = 2),
      message: /\$\.schemaVersion: must be 1, got 2/,
    },
    {
      name: 'a PyPI default that is not a variant',
      mutate: (d) => (torch(d, '2.4').cuda.pypiDefault = 'cu126'),
      message: /\$\.torch\[5\]\.cuda\.pypiDefault: "cu126" is not one of its variants \(cu118, cu121, cu124\)/,
    },
    {
      name: 'a variant without a CUDA entry',
      mutate: (d) => (torch(d, '2.4').cuda.variants.push('cu125'), (torch(d, '2.4').cuda.cudnn.cu125 = '9.1.0.70')),
      message: /cu125 needs a CUDA 12\.5 entry in \$\.cuda/,
    },
    {
      name: 'a variant without cuDNN',
      mutate: (d) => delete torch(d, '2.4').cuda.cudnn.cu121,
      message: /\$\.torch\[5\]\.cuda\.cudnn: has no cuDNN version for cu121/,
    },
    {
      name: 'a patch of another minor',
      mutate: (d) => (torch(d, '2.4').patches[0]!.torch = '2.5.0'),
      message: /2\.5\.0 does not belong to minor 2\.4/,
    },
    {
      name: 'a torchvision that is not a version',
      mutate: (d) => ((torch(d, '2.4').patches[0] as { torchvision: unknown }).torchvision = 19),
      message: /torchvision: 19 is not a version/,
    },
    {
      name: 'Python versions out of order',
      mutate: (d) => torch(d, '2.4').python.supported.reverse(),
      message: /python\.supported: must be in ascending order/,
    },
    {
      name: 'a Python both supported and experimental',
      mutate: (d) => torch(d, '2.4').python.experimental.push('3.11'),
      message: /3\.11 is also listed as supported/,
    },
    {
      name: 'a duplicate torch minor',
      mutate: (d) => d.torch.push(structuredClone(torch(d, '2.4'))),
      message: /torch 2\.4 is listed twice/,
    },
    {
      name: 'an unknown key',
      mutate: (d) => ((torch(d, '2.4') as unknown as Record<string, unknown>).rocm = '6.1'),
      message: /\$\.torch\[5\]\.rocm: unknown key/,
    },
    {
      name: 'a CUDA release of another minor',
      mutate: (d) => (d.cuda[0]!.release = '11.7.1'),
      message: /11\.7\.1 does not belong to CUDA 11\.6/,
    },
    {
      name: 'a bad driver version',
      mutate: (d) => (d.cuda[0]!.minDriver = 'latest'),
      message: /minDriver: "latest" is not a driver version/,
    },
    {
      name: 'a bad provenance',
      mutate: (d) => (torch(d, '2.4').provenance = { python: 'rumour' as never }),
      message: /"rumour" is not one of read, third-party, inferred/,
    },
    {
      name: 'a library left out of a variant the release does not have',
      mutate: (d) => (torch(d, '2.4').cuda.without = { cu132: ['torchaudio'] }),
      message: /\$\.torch\[5\]\.cuda\.without\.cu132: cu132 is not one of its variants/,
    },
    {
      name: 'a left-out library that is not torchvision or torchaudio',
      mutate: (d) => (torch(d, '2.4').cuda.without = { cu124: ['torch' as never] }),
      message: /\$\.torch\[5\]\.cuda\.without\.cu124\[0\]: "torch" is not library \(torchvision or torchaudio\)/,
    },
    {
      name: 'an index URL without {variant}',
      mutate: (d) => (d.indexUrls.stable = 'https://example.invalid/whl'),
      message: /must be an https URL containing \{variant\}/,
    },
  ];
  for (const c of cases) {
    it(`rejects ${c.name}`, () => expect(broken(c.mutate)).toMatch(c.message));
  }
});

describe('compat-file: extends or overrides the bundled data', () => {
  const release215 = {
    minor: '2.15',
    status: 'stable',
    python: { supported: ['3.10', '3.11', '3.12', '3.13', '3.14'], experimental: [] },
    cuda: {
      variants: ['cu126', 'cu130', 'cu134'],
      pypiDefault: 'cu130',
      cudnn: { cu126: '9.10.2.21', cu130: '9.24.0.43', cu134: '9.24.0.43' },
    },
    patches: [{ torch: '2.15.0', torchvision: '0.30.0', torchaudio: '2.11.0' }],
  };
  const cuda134 = { version: '13.4', release: '13.4.0', minDriver: '600.10', image: { ubuntu: ['24.04'], cudnnToken: 'cudnn' } };

  it('adds a newer torch release and CUDA version, which then resolve (latest moves to 2.15.0)', () => {
    const merged = mergeCompatFile(data, JSON.stringify({ schemaVersion: 1, torch: [release215], cuda: [cuda134] }), 'compat-file x.json');
    const result = plan('torch: latest\ncuda: "13"', { data: merged });
    expect(result.include.map((e) => e.tag)).toEqual(['2.15.0-cu130-py3.14-ubuntu24.04', '2.15.0-cu134-py3.14-ubuntu24.04']);
    expect(result.include[1]).toMatchObject({ baseImage: 'nvidia/cuda:13.4.0-base-ubuntu24.04', minDriver: '600.10' });
  });

  it('replaces a bundled release of the same minor (promoting 2.14 to stable)', () => {
    const bundled214 = data.torch.find((r) => r.minor === '2.14')!;
    const promoted = { ...structuredClone(bundled214), status: 'stable' };
    const merged = mergeCompatFile(data, JSON.stringify({ schemaVersion: 1, torch: [promoted] }), 'compat-file');
    expect(torchOf(plan('torch: latest\ncuda: cpu', { data: merged }).include[0])).toBe('2.14.0');
    expect(torchOf(plan('torch: latest\ncuda: cpu').include[0])).toBe('2.13.0');
  });

  const bad: { name: string; text: string; message: RegExp }[] = [
    { name: 'text that is not JSON', text: 'torch: [2.15]', message: /^compat-file c\.json is not valid JSON: / },
    {
      name: 'a list at the top',
      text: '[]',
      message: /^compat-file c\.json does not match the release-data schema:\n {2}\$: expected an object, got a list/,
    },
    { name: 'a missing schema version', text: '{"torch": []}', message: /\$\.schemaVersion: must be 1, got nothing/ },
    { name: 'an unknown section', text: '{"schemaVersion": 1, "rocm": []}', message: /\$\.rocm: unknown key/ },
    {
      name: 'a release whose variant has no CUDA entry (found after merging)',
      text: JSON.stringify({ schemaVersion: 1, torch: [release215] }),
      message: new RegExp(
        '^compat-file c\\.json merged with the bundled release data does not match the release-data ' +
          'schema:\\n  \\$\\.torch\\[16\\]\\.cuda\\.variants: cu134 needs a CUDA 13\\.4 entry',
      ),
    },
  ];
  for (const c of bad) {
    it(`rejects ${c.name}`, () => {
      expect(() => mergeCompatFile(data, c.text, 'compat-file c.json')).toThrow(c.message);
    });
  }

  it('adds a TensorFlow release and a JAX release, which then resolve', () => {
    const tf = structuredClone(data.tensorflow.find((r) => r.minor === '2.21')!);
    Object.assign(tf, { minor: '2.22', patches: ['2.22.0'], python: ['3.10', '3.11', '3.12', '3.13'] });
    const jaxRelease = { ...structuredClone(data.jax.at(-1)!), version: '0.12.0', released: '2026-11-20' };
    const text = JSON.stringify({ schemaVersion: 1, tensorflow: [tf], jax: [jaxRelease] });
    const merged = mergeCompatFile(data, text, 'compat-file x.json');
    expect(plan('tensorflow: latest', { data: merged }).include.map((e) => e.tag)).toEqual(['tf2.22.0-cu125-py3.13-ubuntu22.04']);
    expect(plan('jax: "0.12"\ncuda: "13"', { data: merged }).include.map((e) => e.tag)[0]).toMatch(
      /^jax0\.12\.0-cuda13-py3\.\d+-ubuntu24\.04$/,
    );
    expect(() => plan('tensorflow: "2.22"')).toThrow(/tensorflow 2\.22 is not in the release data/);
  });
  it('checks a TensorFlow or JAX section of a compat-file as strictly as the bundled one', () => {
    const bad = [
      [{ tensorflow: [{ minor: '2.22', status: 'stable' }] }, /\$\.tensorflow\[0\]\.patches: expected a list/],
      [{ jax: [{ version: '0.12', python: [], cuda: ['14'] }] }, /\$\.jax\[0\]\.version: "0\.12" is not a release version/],
      [{ jax: [{ ...structuredClone(data.jax.at(-1)!), version: '0.12.0', cuda: ['14'] }] }, /CUDA 14 needs an entry in \$\.jaxCuda/],
    ] as const;
    for (const [section, message] of bad) {
      expect(() => mergeCompatFile(data, JSON.stringify({ schemaVersion: 1, ...section }), 'compat-file c.json')).toThrow(message);
    }
  });

  it('leaves the bundled data untouched after a merge', () => {
    mergeCompatFile(data, JSON.stringify({ schemaVersion: 1, torch: [release215], cuda: [cuda134] }), 'compat-file');
    expect(planError('torch: 2.15')).toMatch(/torch 2\.15 is not in the release data/);
  });
});
