import { describe, expect, it } from 'vitest';
import { bundledCompat } from '../src/compat/load.js';
import type { ReleaseData } from '../src/frameworks/index.js';
import { newestNightlyDate, nightliesAsked, nightliesOn, nightlyRelease, type NightlyBuilds } from '../src/frameworks/torch-nightly.js';
import type { TorchEntry } from '../src/frameworks/pytorch.js';
import { parseVersionSelector } from '../src/matrix/selectors.js';
import { resolvePlans } from '../src/matrix/resolve.js';
import { parseMatrixSpecs } from '../src/matrix/spec.js';
import { emptyCustomisation } from '../src/custom/customisation.js';
import type { IndexFile } from '../src/verify/index-page.js';
import { brief, plan, planError } from './helpers.js';

// The pure half of torch nightlies: the selector, what a nightly page holds, which date `nightly`
// means, the release a date becomes, and how the planner treats it. The index half runs against a
// served index in e2e-nightly.

const file = (filename: string): IndexFile => ({ filename, url: `https://example/${filename}`, metadata: false, yanked: false });
const torchFiles = (date: string, variant: string, pythons: string[], extra: string[] = []): IndexFile[] =>
  [...pythons.map((py) => `torch-2.16.0.dev${date}+${variant}-cp${py.replace('t', '')}-cp${py}-manylinux_2_28_x86_64.whl`), ...extra].map(
    file,
  );

/** Builds by date on each variant: {variant: [dates]} with Python 3.12 and 3.13 wheels. */
function pages(dates: Record<string, string[]>): Map<string, NightlyBuilds> {
  return new Map(
    Object.entries(dates).map(([v, ds]) => [
      v,
      nightliesOn(
        ds.flatMap((d) => torchFiles(d, v, ['312', '313'])),
        'torch',
      ),
    ]),
  );
}

describe('nightly selectors', () => {
  it('reads nightly, nightly-YYYYMMDD and a planned nightly version, and nothing else', () => {
    expect(parseVersionSelector('nightly', 'm')).toMatchObject({ kind: 'nightly', date: null });
    expect(parseVersionSelector('nightly-20261201', 'm')).toMatchObject({ kind: 'nightly', date: '20261201' });
    // what a fan-out job's entry carries
    expect(parseVersionSelector('2.16.0.dev20261201', 'm')).toMatchObject({ kind: 'nightly', date: '20261201' });
    expect(() => parseVersionSelector('nightly-20260230', 'm')).toThrow('20260230 is not a date (YYYYMMDD)');
    expect(() => parseVersionSelector('nightly-2026-12-01', 'm')).toThrow('asked for as nightly or nightly-YYYYMMDD');
    expect(() => parseVersionSelector('2.16.0.dev1', 'm')).toThrow('is not valid');
    expect(nightliesAsked([parseVersionSelector('2.4', 'm')])).toBeNull();
    expect(nightliesAsked(['nightly', 'nightly-20261130', '2.4'].map((t) => parseVersionSelector(t, 'm')))).toEqual({
      newest: true,
      dates: new Set(['20261130']),
    });
  });
});

describe('what a nightly page holds', () => {
  it('dev builds by date with their Pythons, free-threaded ones and aarch64; releases and other projects are not nightlies', () => {
    const builds = nightliesOn(
      [
        ...torchFiles('20261201', 'cu130', ['312', '314t']),
        file('torch-2.16.0.dev20261201+cu130-cp312-cp312-manylinux_2_28_aarch64.whl'),
        file('torch-2.16.0.dev20261201+cu130-cp312-cp312-win_amd64.whl'),
        file('torch-2.15.0+cu130-cp312-cp312-manylinux_2_28_x86_64.whl'),
        file('torchvision-0.31.0.dev20261201+cu130-cp312-cp312-manylinux_2_28_x86_64.whl'),
      ],
      'torch',
    );
    expect([...builds.keys()]).toEqual(['20261201']);
    const b = builds.get('20261201')!;
    expect([b.version, [...b.pythons], [...b.freeThreaded], b.arm64, b.files.length]).toEqual([
      '2.16.0.dev20261201',
      ['3.12'],
      ['3.14'],
      true,
      2,
    ]);
  });
});

describe('which date nightly means', () => {
  it('the newest date when every variant has it', () => {
    expect(newestNightlyDate(pages({ cu130: ['20261130', '20261201'], cpu: ['20261201'] }))).toBe('20261201');
  });
  it('the newest date every variant that built this week has, while one is still uploading', () => {
    expect(newestNightlyDate(pages({ cu130: ['20261130', '20261201'], cu126: ['20261129', '20261130'] }))).toBe('20261130');
  });
  it('a variant whose last build is over a week old does not hold it back', () => {
    expect(newestNightlyDate(pages({ cu130: ['20261130', '20261201'], cu128: ['20261101'] }))).toBe('20261201');
  });
  it('the newest date of all when no date of the week has every current variant', () => {
    expect(newestNightlyDate(pages({ cu130: ['20261201'], cu126: ['20261130'] }))).toBe('20261201');
    expect(newestNightlyDate(new Map())).toBeNull();
  });
});

/** The bundled data with the nightly of 2026-12-01 (cu130 and cpu, torchvision on cu130 only) added. */
function withNightly(notes: string[] = []): ReleaseData {
  const data = bundledCompat();
  const torch = new Map([
    ['cu130', nightliesOn(torchFiles('20261201', 'cu130', ['311', '312', '314t']), 'torch')],
    ['cu126', nightliesOn(torchFiles('20261201', 'cu126', ['312']), 'torch')],
    ['cu139', nightliesOn(torchFiles('20261201', 'cu139', ['312']), 'torch')],
    ['cpu', nightliesOn(torchFiles('20261201', 'cpu', ['312', '313']), 'torch')],
  ]);
  const vision = new Map([
    ['cu130', nightliesOn([file('torchvision-0.31.0.dev20261201+cu130-cp312-cp312-manylinux_2_28_x86_64.whl')], 'torchvision')],
  ]);
  const release = nightlyRelease(
    data,
    {
      date: '20261201',
      index: 'https://download.pytorch.org/whl/nightly',
      torch,
      torchvision: vision,
      torchaudio: new Map(),
      cudnn: new Map([['cu130', '9.20.0.48']]),
      paired: { torchvision: { date: '20261201', pinned: true } },
      readOn: '2026-12-02',
    },
    notes,
  );
  return { ...data, torch: [...data.torch, release!] };
}

describe('the release a nightly date becomes', () => {
  it('variants with a CUDA entry, their Pythons, the same day’s libraries, what is inferred from the newest release', () => {
    const notes: string[] = [];
    const r = withNightly(notes).torch.at(-1)!;
    expect(r.status).toBe('nightly');
    expect(r.minor).toBe('2.16');
    expect(r.cuda.variants).toEqual(['cu130', 'cu126']);
    expect(r.python).toEqual({ supported: ['3.11', '3.12', '3.13'], experimental: [], freeThreaded: ['3.14'] });
    expect(r.cuda.cudnn).toEqual({ cu130: '9.20.0.48' });
    expect(r.cuda.without).toEqual({ cu126: ['torchvision'], cpu: ['torchvision'] });
    expect(r.patches).toEqual([
      { torch: '2.16.0.dev20261201', torchvision: '0.31.0.dev20261201', torchaudio: null, provenance: { torchvision: 'read' } },
    ]);
    // the newest release in the data is the 2.14 candidate; its default variant and arch lists stand in, marked inferred
    expect(r.cuda.pypiDefault).toBe('cu130');
    expect(r.provenance?.pypiDefault).toBe('inferred');
    expect(r.cuda.archListInferred).toEqual(['cu130', 'cu126']);
    expect(notes).toEqual([
      'torch 2.16.0.dev20261201: cu139 wheels exist, but the data has no CUDA 13.9 entry (image tags, driver)',
      'torchaudio: no nightly that pairs with torch 2.16.0.dev20261201: left out of its entries',
    ]);
  });
});

describe('planning with a nightly in the data', () => {
  const data = withNightly();

  it('torch: nightly picks it, on the nightly index, with its date in the tag and a warning', () => {
    const p = plan('torch: nightly\ncuda: ["13.0", "12.6", cpu]\npython: "3.12"', { data });
    expect(p.include.map(brief)).toEqual([
      '2.16.0.dev20261201/0.31.0.dev20261201/null cu130 py3.12 ubuntu24.04 runtime',
      '2.16.0.dev20261201/null/null cu126 py3.12 ubuntu24.04 runtime',
      '2.16.0.dev20261201/null/null cpu py3.12 ubuntu24.04 runtime',
    ]);
    const e = p.include[0] as TorchEntry;
    expect([e.tag, e.indexUrl, e.channel]).toEqual([
      '2.16.0.dev20261201-cu130-py3.12-ubuntu24.04',
      'https://download.pytorch.org/whl/nightly/cu130',
      'nightly',
    ]);
    expect(p.warnings.some((w) => w.startsWith('torch 2.16.0.dev20261201 is a nightly build (the nightly of 2026-12-01'))).toBe(true);
    const byDefault = plan('torch: nightly\npython: "3.12"', { data });
    expect(byDefault.include.map((x) => x.cudaVariant)).toEqual(['cu130']);
    expect(byDefault.warnings).toContain('the default CUDA variant of torch 2.16 (cu130) is inferred, not read');
  });

  it('is never picked by latest, a minor or a range; other frameworks have no nightly', () => {
    expect(plan('torch: latest', { data }).include.map((e) => (e as TorchEntry).torch)).toEqual(['2.13.0']);
    expect(planError('torch: "2.16"', { data })).toContain('torch 2.16 is not in the release data');
    expect(plan('torch: ">=2.13"\npython: "3.12"', { data }).include.every((e) => !(e as TorchEntry).torch.includes('dev'))).toBe(true);
    expect(planError('jax: nightly', { data })).toContain('nightly builds are planned for torch only; jax takes released versions');
    // without the index read, a nightly is a clear error, not a crash
    expect(planError('torch: nightly-20261130', { data })).toContain('the nightly index was not read for it');
  });

  it('exclude matches nightlies by nightly and by date; a mirror serves <mirror>/nightly/<variant>', () => {
    const p = plan('torch: nightly\ncuda: ["13.0", cpu]\npython: "3.12"\nexclude: [{torch: nightly-20261201, cuda: cpu}]', { data });
    expect(p.include.map((e) => e.cudaVariant)).toEqual(['cu130']);
    const mirrored = resolvePlans(parseMatrixSpecs('torch: nightly\npython: "3.12"', 'matrix'), data, {
      maxEntries: 10,
      customisation: { ...emptyCustomisation(), torchIndexUrl: 'https://mirror.example/pytorch/whl/' },
    });
    expect((mirrored.include[0] as TorchEntry).indexUrl).toBe('https://mirror.example/pytorch/whl/nightly/cu130');
  });
});
