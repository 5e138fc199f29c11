import { describe, expect, it } from 'vitest';
import { bundledCompat } from '../src/compat/load.js';
import type { ReleaseData } from '../src/frameworks/index.js';
import {
  newestNightlyDate,
  nightliesAsked,
  nightliesOn,
  nightlyAsPlanned,
  nightlyRelease,
  type NightlyBuilds,
} from '../src/frameworks/torch-nightly.js';
import type { TorchEntry } from '../src/frameworks/pytorch.js';
import { parseVersionSelector } from '../src/matrix/selectors.js';
import { resolvePlans } from '../src/matrix/resolve.js';
import { parseMatrixSpecs } from '../src/matrix/spec.js';
import { emptyCustomisation } from '../src/custom/customisation.js';
import type { IndexFile } from '../src/verify/index-page.js';
import { brief, plan, planError } from './helpers.js';
import { planCommand } from '../src/commands/plan.js';
import { renderPlaceholders } from '../src/inputs/placeholders.js';

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
  it('the newest date every variant that built on it or the day before has, while one is still uploading', () => {
    expect(newestNightlyDate(pages({ cu130: ['20261130', '20261201'], cu126: ['20261129', '20261130'] }))).toBe('20261130');
  });
  it('a variant whose last build is older than the day before does not hold it back (PyTorch dropped it)', () => {
    expect(newestNightlyDate(pages({ cu130: ['20261129', '20261130', '20261201'], cu128: ['20261129'] }))).toBe('20261201');
    expect(newestNightlyDate(pages({ cu130: ['20261130', '20261201'], cu128: ['20261101'] }))).toBe('20261201');
  });
  it('a date on a page that is not a date is no nightly', () => {
    const odd = nightliesOn(torchFiles('99999999', 'cu130', ['312']).concat(torchFiles('20261201', 'cu130', ['312'])), 'torch');
    expect([...odd.keys()]).toEqual(['20261201']);
  });
  it('the newest date of all when no recent date has every current variant', () => {
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
  // the effects layer marks the date it chose for `nightly`
  return { ...data, torch: [...data.torch, { ...release!, newestNightly: true }] };
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
    expect(planError('jax: nightly', { data })).toBe(
      'matrix.jax: "nightly": jax has no nightly builds to plan (nightly is for torch); give a release',
    );
    // a planned build is that build: another version of the same date is an error, not that date's build
    expect(planError('torch: 2.99.0.dev20261201', { data })).toContain(
      'torch 2.99.0.dev20261201 is not on the nightly index; its build of that date is 2.16.0.dev20261201',
    );
    // without the index read, a nightly is a clear error, not a crash
    expect(planError('torch: nightly-20261130', { data })).toContain('the nightly index was not read for it');
  });

  it('aliases: latest is never the nightly, {torch: nightly} names it; {torchMinor} of a nightly is not the release', () => {
    const aliased = planCommand(
      {
        command: 'plan',
        matrix: { text: 'torch: [latest, nightly]\ncuda: "13.0"\npython: "3.12"', origin: 'matrix' },
        maxEntries: 256,
        aliases: { text: 'latest: {torch: latest}\nnightly: {torch: nightly}\ndated: {torch: nightly-20261201}', origin: 'aliases' },
      },
      data,
    );
    expect(Object.fromEntries(aliased.include.map((e) => [e.tag, e.aliases ?? []]))).toEqual({
      '2.13.0-cu130-py3.12-ubuntu24.04': ['latest'],
      '2.16.0.dev20261201-cu130-py3.12-ubuntu24.04': ['nightly', 'dated'],
    });
    const [nightly, release] = ['2.16.0.dev20261201', '2.13.0'].map((v) => aliased.include.find((e) => (e as TorchEntry).torch === v)!);
    expect(renderPlaceholders('{torchMinor}-cuda{cudaMajor}', nightly!)).toBe('2.16.dev-cuda13');
    expect(renderPlaceholders('{torchMinor}', release!)).toBe('2.13');
  });

  it('exclude matches nightlies by nightly and by date, never by a minor; a mirror serves <mirror>/nightly/<variant>', () => {
    expect(plan('torch: nightly\ncuda: "13.0"\npython: "3.12"\nexclude: [{torch: "2.16"}]', { data }).include).toHaveLength(1);
    expect(planError('torch: nightly\ncuda: "13.0"\npython: "3.12"\nexclude: [{torch: nightly}]', { data })).toContain(
      'exclude removed the rest',
    );
    const p = plan('torch: nightly\ncuda: ["13.0", cpu]\npython: "3.12"\nexclude: [{torch: nightly-20261201, cuda: cpu}]', { data });
    expect(p.include.map((e) => e.cudaVariant)).toEqual(['cu130']);
    const mirrored = resolvePlans(parseMatrixSpecs('torch: nightly\npython: "3.12"', 'matrix'), data, {
      maxEntries: 10,
      customisation: { ...emptyCustomisation(), torchIndexUrl: 'https://mirror.example/pytorch/whl/' },
    });
    expect((mirrored.include[0] as TorchEntry).indexUrl).toBe('https://mirror.example/pytorch/whl/nightly/cu130');
  });
});

describe('nightly edge cases', () => {
  it('a date whose wheels are all for variants the data cannot plan makes no release, and says why', () => {
    const notes: string[] = [];
    const data = bundledCompat();
    const release = nightlyRelease(
      data,
      {
        date: '20261201',
        index: 'https://mirror.example/whl/nightly',
        torch: new Map([['cu139', nightliesOn(torchFiles('20261201', 'cu139', ['312']), 'torch')]]),
        torchvision: new Map(),
        torchaudio: new Map(),
        cudnn: new Map(),
        paired: {},
        readOn: '2026-12-02',
      },
      notes,
    );
    expect(release).toBeNull();
    expect(notes.at(-1)).toBe("torch 2.16.0.dev20261201: that day's wheels are for cu139 only, none the data has a CUDA entry for");
  });

  it('a fan-out leg keeps what its plan read: libraries, cuDNN, Python and platform from the cell', () => {
    const release = withNightly().torch.at(-1)!;
    const cell = {
      torch: '2.16.0.dev20261201',
      torchvision: null,
      torchaudio: '2.11.0.dev20261201',
      cudaVariant: 'cu130',
      cudnn: '9.20.0.99',
      python: '3.15',
      platforms: ['linux/amd64', 'linux/arm64'],
    };
    const kept = nightlyAsPlanned(release, cell);
    expect(kept.cuda.without?.cu130).toEqual(['torchvision']);
    expect(kept.patches[0]).toMatchObject({ torchvision: '0.31.0.dev20261201', torchaudio: '2.11.0.dev20261201' });
    expect(kept.cuda.cudnn.cu130).toBe('9.20.0.99');
    expect(kept.python.supported).toContain('3.15');
    expect(kept.arm64?.variants).toContain('cu130');
    // another build's cell changes nothing
    expect(nightlyAsPlanned(release, { ...cell, torch: '2.16.0.dev20261130' })).toBe(release);
  });
});
