import { describe, expect, it } from 'vitest';
import { bundledCompat } from '../src/compat/load.js';
import { exactPin } from '../src/frameworks/framework.js';
import { frameworkOf } from '../src/frameworks/index.js';
import { IndexPageError, parseIndexPage } from '../src/verify/index-page.js';
import {
  entryNeeds,
  judge,
  listingKey,
  printable,
  wheelOutcome,
  type Answers,
  type ImageAnswer,
  type ListingAnswer,
} from '../src/verify/check.js';
import { compareVersions, parseWheelName, versionMatches, wheelMismatch, type Target } from '../src/verify/wheel.js';
import { renderDockerfile, templateCannotBuild } from '../src/template/dockerfile.js';
import { verifyMarkdown, verifyTable } from '../src/report/format.js';
import { plan, planError } from './helpers.js';

const T = (python: string, glibc: string | null = '2.39', machine = 'x86_64'): Target => ({ python, machine, glibc });
const wheel = (file: string) => {
  const w = parseWheelName(file);
  if (!w) throw new Error(`not a wheel name: ${file}`);
  return w;
};

describe('wheel names and tags, as pip and uv read them', () => {
  it('reads name, version and the tag sets, with a build tag and compressed tag sets', () => {
    expect(wheel('torch-2.4.1+cu124-cp311-cp311-linux_x86_64.whl')).toEqual({
      project: 'torch',
      version: '2.4.1+cu124',
      pythons: ['cp311'],
      abis: ['cp311'],
      platforms: ['linux_x86_64'],
    });
    expect(wheel('Nvidia_CUDNN_cu12-9.1.0.70-1-py3-none-manylinux2014_x86_64.manylinux_2_17_x86_64.whl').platforms).toEqual([
      'manylinux2014_x86_64',
      'manylinux_2_17_x86_64',
    ]);
    expect(wheel('Nvidia_CUDNN_cu12-9.1.0.70-py3-none-any.whl').project).toBe('nvidia-cudnn-cu12');
    expect(parseWheelName('torch-2.4.1.tar.gz')).toBeNull();
    expect(parseWheelName('torch-2.4.1-cp311.whl')).toBeNull();
  });

  it.each([
    ['torch-2.4.1+cu124-cp311-cp311-linux_x86_64.whl', '3.11', null],
    ['torch-2.4.1+cu124-cp311-cp311-linux_x86_64.whl', '3.12', 'python'],
    ['jax-0.8.0-py3-none-any.whl', '3.13', null],
    ['six-1.16.0-py2.py3-none-any.whl', '3.12', null],
    ['cryptography-43.0.0-cp39-abi3-manylinux_2_28_x86_64.whl', '3.12', null],
    ['cryptography-43.0.0-cp39-abi3-manylinux_2_28_x86_64.whl', '3.8', 'python'],
    ['cryptography-43.0.0-cp39-abi3-manylinux_2_28_x86_64.whl', '3.13t', 'python'],
    ['torch-2.9.0-cp313-cp313t-manylinux_2_28_x86_64.whl', '3.13t', null],
    ['torch-2.9.0-cp313-cp313-manylinux_2_28_x86_64.whl', '3.13t', 'python'],
    ['torch-2.9.0-cp313-cp313t-manylinux_2_28_x86_64.whl', '3.13', 'python'],
    ['torch-1.13.1-cp37-cp37m-manylinux1_x86_64.whl', '3.7', null],
    ['torch-2.9.0-cp312-cp312-manylinux_2_28_aarch64.whl', '3.12', 'platform'],
    ['numpy-2.3.0-cp312-cp312-musllinux_1_2_x86_64.whl', '3.12', 'platform'],
    ['numpy-2.3.0-cp312-cp312-win_amd64.whl', '3.12', 'platform'],
  ] as const)('%s on Python %s: %s', (file, python, why) => {
    expect(wheelMismatch(wheel(file), T(python))).toBe(why);
  });

  it("bounds manylinux_2_N by the OS's glibc", () => {
    const w = wheel('jaxlib-0.8.0-cp312-cp312-manylinux_2_34_x86_64.whl');
    expect(wheelMismatch(w, T('3.12', '2.35'))).toBe(null);
    expect(wheelMismatch(w, T('3.12', '2.31'))).toBe('platform');
    expect(wheelMismatch(w, T('3.12', null))).toBe(null);
    expect(wheelMismatch(wheel('x-1-cp312-cp312-manylinux2014_x86_64.whl'), T('3.12', '2.17'))).toBe(null);
  });

  it('matches == as PEP 440 does: local labels, zero padding, case', () => {
    expect(versionMatches('2.4.1+cu124', '2.4.1')).toBe(true);
    expect(versionMatches('2.4.1+cu124', '2.4.1+cu121')).toBe(false);
    expect(versionMatches('2.4.0', '2.4')).toBe(true);
    expect(versionMatches('2.4.1', '2.4')).toBe(false);
    expect(versionMatches('2.5.0RC1', '2.5.0rc1')).toBe(true);
    expect(versionMatches('2.5.0rc1', '2.5.0')).toBe(false);
  });
});

describe('index pages, PEP 691 JSON and PEP 503 HTML', () => {
  const page = 'https://download.pytorch.org/whl/cu124/torch/';

  it('reads anchors, entities, yanked and metadata attributes from HTML, resolving relative links', () => {
    const html =
      '<!DOCTYPE html><html><body>\n' +
      '<a href="/whl/cu124/torch-2.4.1%2Bcu124-cp311-cp311-linux_x86_64.whl#sha256=ab" data-dist-info-metadata="sha256=cd">' +
      'torch-2.4.1+cu124-cp311-cp311-linux_x86_64.whl</a><br/>\n' +
      "<a href='../files/torch-2.4.0-cp311-cp311-linux_x86_64.whl' data-yanked>torch-2.4.0-cp311-cp311-linux_x86_64.whl</a>\n" +
      '<a href="javascript:alert(1)">evil-1-py3-none-any.whl</a>\n' +
      '<a href="x.whl">a&amp;b-1-py3-none-any.whl</a>\n</body></html>';
    const { files, format } = parseIndexPage(html, 'text/html; charset=utf-8', page);
    expect(format).toBe('html');
    expect(files).toEqual([
      {
        filename: 'torch-2.4.1+cu124-cp311-cp311-linux_x86_64.whl',
        url: 'https://download.pytorch.org/whl/cu124/torch-2.4.1%2Bcu124-cp311-cp311-linux_x86_64.whl',
        metadata: true,
        yanked: false,
      },
      {
        filename: 'torch-2.4.0-cp311-cp311-linux_x86_64.whl',
        url: 'https://download.pytorch.org/whl/cu124/files/torch-2.4.0-cp311-cp311-linux_x86_64.whl',
        metadata: false,
        yanked: true,
      },
      { filename: 'a&b-1-py3-none-any.whl', url: 'https://download.pytorch.org/whl/cu124/torch/x.whl', metadata: false, yanked: false },
    ]);
  });

  it('reads PEP 691 JSON, and refuses what is neither', () => {
    const json = JSON.stringify({
      meta: { 'api-version': '1.1' },
      files: [
        {
          filename: 'jax-0.8.0-py3-none-any.whl',
          url: 'https://files.example/jax-0.8.0-py3-none-any.whl',
          'core-metadata': true,
          yanked: 'broken',
        },
      ],
    });
    expect(parseIndexPage(json, 'application/vnd.pypi.simple.v1+json', page).files).toEqual([
      { filename: 'jax-0.8.0-py3-none-any.whl', url: 'https://files.example/jax-0.8.0-py3-none-any.whl', metadata: true, yanked: true },
    ]);
    expect(() => parseIndexPage('{"files": 3}', 'application/vnd.pypi.simple.v1+json', page)).toThrow(IndexPageError);
    expect(() => parseIndexPage('{"files": [', 'application/vnd.pypi.simple.v1+json', page)).toThrow(/not valid JSON/);
    expect(() => parseIndexPage('just text', 'text/plain', page)).toThrow(/neither a PEP 503 HTML page nor PEP 691 JSON/);
    // An empty project page is a page.
    expect(parseIndexPage('<html><body></body></html>', 'text/html', page).files).toEqual([]);
  });
});

describe('what verify checks per entry', () => {
  const data = bundledCompat();
  const opts = {
    uvImage: 'ghcr.io/astral-sh/uv:0.13.0',
    ownDockerfile: false,
    requirementsPins: () => ['demo-pkg==1.0'],
    machine: 'x86_64',
  };

  it('torch: torch, torchvision and torchaudio on the variant index; the base and uv images; the team pins on PyPI', () => {
    const [e] = plan('torch: 2.4.1\ncuda: "12.4"\npython: "3.11"\npip-packages: [numpy==1.26.4, "requests>=2"]').include;
    const needs = entryNeeds(e!, data, opts);
    expect(needs.wheels.map((w) => [w.project, w.version, w.indexes, w.from])).toEqual([
      ['torch', '2.4.1', ['https://download.pytorch.org/whl/cu124'], 'torch'],
      ['torchvision', '0.19.1', ['https://download.pytorch.org/whl/cu124'], 'torch'],
      ['torchaudio', '2.4.1', ['https://download.pytorch.org/whl/cu124'], 'torch'],
      ['numpy', '1.26.4', ['https://pypi.org/simple'], 'pip-packages'],
    ]);
    expect(needs.wheels[0]?.alternatives).toEqual(['https://download.pytorch.org/whl/cu118', 'https://download.pytorch.org/whl/cu121']);
    expect(needs.images.map((i) => i.role)).toEqual(['base image', 'uv image']);
    expect(needs.target).toEqual({ python: '3.11', machine: 'x86_64', glibc: '2.35' });
  });

  it('mirrors: torch-index-url replaces the PyTorch index root, pypi-index-url PyPI (and the team index, without pip-index-url)', () => {
    const spec =
      'torch: 2.4.1\ncuda: ["12.4", cpu]\npython: "3.11"\ntorch-index-url: https://mirror.example/pytorch/\n' +
      'pypi-index-url: https://mirror.example/pypi/simple\npip-packages: [numpy==1.26.4]';
    const [cuda, cpu] = plan(spec).include;
    expect((cuda as { indexUrl: string }).indexUrl).toBe('https://mirror.example/pytorch/cu124');
    expect((cpu as { indexUrl: string }).indexUrl).toBe('https://mirror.example/pytorch/cpu');
    const needs = entryNeeds(cuda!, data, opts);
    expect(needs.wheels.find((w) => w.project === 'numpy')?.indexes).toEqual(['https://mirror.example/pypi/simple']);
    const tf = plan('tensorflow: 2.18.1\ncuda: "12.5"\npython: "3.12"\npypi-index-url: https://mirror.example/pypi/simple').include[0]!;
    expect(frameworkOf(tf).install(tf, data)).toContain('--index-url https://mirror.example/pypi/simple');
    expect(entryNeeds(tf, data, opts).wheels.map((w) => `${w.project}==${w.version} ${w.indexes[0]}`)).toContain(
      'tensorflow==2.18.1 https://mirror.example/pypi/simple',
    );
  });

  it("jax: jax and jaxlib at the entry's version, the CUDA plugin from 0.4.30 as a floor", () => {
    const [e] = plan('jax: 0.8.0\ncuda: "13"\npython: "3.12"').include;
    expect(entryNeeds(e!, data, opts).wheels.map((w) => [w.project, w.version, w.atLeast])).toEqual([
      ['jax', '0.8.0', false],
      ['jaxlib', '0.8.0', false],
      ['jax-cuda13-plugin', '0.8.0', true],
    ]);
  });

  it('a base-image entry checks its base image and the team pins only; a Dockerfile of one own, nothing', () => {
    const [e] = plan('torch: 2.4.1\ncuda: "12.4"\npython: "3.11"\nbase-image: 127.0.0.1:5000/x:{torch}\nrequirements: req.txt').include;
    const needs = entryNeeds(e!, data, opts);
    expect(needs.wheels.map((w) => `${w.project} ${w.from}`)).toEqual(['demo-pkg requirements req.txt']);
    expect(needs.images).toEqual([{ reference: '127.0.0.1:5000/x:2.4.1', role: 'base image' }]);
    const own = entryNeeds(e!, data, { ...opts, ownDockerfile: true });
    expect([own.wheels, own.images, own.notes.length]).toEqual([[], [], 1]);
  });

  it('reads exact pins only', () => {
    expect(exactPin('numpy==1.26.4')).toEqual({ project: 'numpy', version: '1.26.4' });
    expect(exactPin('transformers[torch]==4.46.0')).toEqual({ project: 'transformers', version: '4.46.0' });
    expect([exactPin('numpy>=1'), exactPin('numpy==1.*'), exactPin('numpy')]).toEqual([null, null, null]);
  });
});

describe('judging the answers', () => {
  const data = bundledCompat();
  const opts = { uvImage: 'uv:1', ownDockerfile: false, requirementsPins: () => [], machine: 'x86_64' };
  const [e] = plan('torch: 2.4.1\ncuda: "12.4"\npython: "3.12"').include;
  const needs = entryNeeds(e!, data, opts);
  const html = (...files: string[]): ListingAnswer => ({
    listing: { format: 'html', files: files.map((f) => ({ filename: f, url: `https://x/${f}`, metadata: false, yanked: false })) },
  });
  const idx = (v: string) => `https://download.pytorch.org/whl/${v}`;
  const answers = (listings: Record<string, ListingAnswer>, images: Record<string, ImageAnswer> = {}): Answers => ({
    listing: (k) => listings[k],
    image: (r) => images[r] ?? { exists: true, digest: null },
  });
  const all = {
    [listingKey(idx('cu124'), 'torch')]: html('torch-2.4.1+cu124-cp312-cp312-linux_x86_64.whl'),
    [listingKey(idx('cu124'), 'torchvision')]: html('torchvision-0.19.1+cu124-cp312-cp312-linux_x86_64.whl'),
    [listingKey(idx('cu124'), 'torchaudio')]: html(
      'torchaudio-2.4.1+cu124-cp311-cp311-linux_x86_64.whl',
      'torchaudio-2.4.1+cu124-cp310-cp310-linux_x86_64.whl',
    ),
    [listingKey(idx('cu121'), 'torchaudio')]: html('torchaudio-2.4.1+cu121-cp312-cp312-linux_x86_64.whl'),
    [listingKey(idx('cu118'), 'torchaudio')]: html('torchaudio-2.4.1+cu118-cp311-cp311-linux_x86_64.whl'),
  };

  it('names what is missing for this Python, what the index has, and which other variant has it', () => {
    const v = judge(needs, answers(all));
    expect(v.status).toBe('missing');
    expect(v.missing).toEqual([
      `torchaudio 2.4.1 (torch) has no wheel for cp312 x86_64: ${idx('cu124')}: 2.4.1 has wheels for cp311, cp310 only; ` +
        `${idx('cu121')} has it`,
    ]);
    expect([v.confirmed, v.checked]).toEqual([4, 5]);
  });

  it('a version not there names the newest that would install', () => {
    const v = judge(
      needs,
      answers({
        ...all,
        [listingKey(idx('cu124'), 'torchvision')]: html(
          'torchvision-0.18.0+cu124-cp312-cp312-linux_x86_64.whl',
          'torchvision-0.18.1+cu124-cp312-cp312-linux_x86_64.whl',
        ),
      }),
    );
    expect(v.missing[0]).toBe(
      `torchvision 0.19.1 (torch) has no wheel for cp312 x86_64: ${idx('cu124')}: no 0.19.1 (newest for this Python there: 0.18.1)`,
    );
  });

  it('a project the index does not have; an index that cannot be read leaves the entry unchecked, not failed', () => {
    const absent = judge(needs, answers({ ...all, [listingKey(idx('cu124'), 'torch')]: { absent: true } }));
    expect(absent.missing[0]).toContain(`${idx('cu124')} has no project torch`);
    const unread = judge(needs, answers({ ...all, [listingKey(idx('cu124'), 'torchaudio')]: { error: 'HTTP 503' } }));
    expect([unread.status, unread.missing, unread.warnings]).toEqual([
      'unchecked',
      [],
      [`torchaudio 2.4.1 (torch): could not read ${idx('cu124')}/torchaudio/ (HTTP 503)`],
    ]);
  });

  it('images: a tag that is gone is missing, with the tags that look alike; a registry that cannot be asked is a warning', () => {
    const base = e!.baseImage;
    const v = judge(
      needs,
      answers(
        { ...all, [listingKey(idx('cu124'), 'torchaudio')]: html('torchaudio-2.4.1+cu124-cp312-cp312-linux_x86_64.whl') },
        {
          [base]: {
            exists: false,
            why: 'does not exist (docker.io/nvidia/cuda has no tag x)',
            nearest: ['12.4.2-cudnn-runtime-ubuntu22.04'],
          },
          'uv:1': { unknown: 'ghcr.io answered 401' },
        },
      ),
    );
    expect(v.missing).toEqual([
      `base image ${base} does not exist (docker.io/nvidia/cuda has no tag x); it has :12.4.2-cudnn-runtime-ubuntu22.04`,
    ]);
    expect(v.warnings).toEqual(['uv image uv:1: could not be checked (ghcr.io answered 401)']);
  });

  it('everything there is ok; a yanked file installs for an exact pin, with a warning', () => {
    const ok = { ...all, [listingKey(idx('cu124'), 'torchaudio')]: html('torchaudio-2.4.1+cu124-cp312-cp312-linux_x86_64.whl') };
    expect(judge(needs, answers(ok)).status).toBe('ok');
    const yanked: ListingAnswer = {
      listing: {
        format: 'json',
        files: [{ filename: 'torch-2.4.1+cu124-cp312-cp312-linux_x86_64.whl', url: 'https://x/t', metadata: false, yanked: true }],
      },
    };
    const v = judge(needs, answers({ ...ok, [listingKey(idx('cu124'), 'torch')]: yanked }));
    expect([v.status, v.warnings[0]]).toEqual(['ok', expect.stringContaining('is yanked')]);
  });

  it('prints names from an index only as tag characters', () => {
    expect(printable('::error::x')).toBe('??error??x');
    expect(printable('manylinux_2_28_x86_64')).toBe('manylinux_2_28_x86_64');
  });
});

describe('free-threaded Pythons ("3.13t")', () => {
  it('plans them where the release data lists free-threaded wheels, only when asked for by name', () => {
    const p = plan('torch: 2.6.0\ncuda: "12.6"\npython: ["3.13t", "3.13"]');
    expect(p.include.map((e) => e.tag)).toEqual(['2.6.0-cu126-py3.13t-ubuntu24.04', '2.6.0-cu126-py3.13-ubuntu24.04']);
    expect(p.warnings).toContain('Python 3.13t is free-threaded: torch 2.6 ships its wheels, and calls them experimental');
    expect(plan('torch: 2.6.0\ncuda: "12.6"\npython: ">=3.12"').include.map((e) => e.python)).toEqual(['3.12', '3.13']);
    const inferred = plan('torch: 2.7.1\ncuda: "12.8"\npython: "3.13t"');
    expect(inferred.warnings).toContain("torch 2.7's free-threaded wheels (Python 3.13t) are inferred, not read: verify checks them");
  });

  it('says why a release without free-threaded wheels in the data gets none', () => {
    expect(planError('tensorflow: 2.18.1\npython: "3.12t"')).toBe(
      'matrix.python: Python 3.12t: no tensorflow release in the data has free-threaded wheels for it',
    );
    expect(planError('torch: 2.6.0\npython: "3.12t"')).toBe(
      'matrix.python: Python 3.12t: no torch release in the data has free-threaded wheels for it (some have 3.13t, 3.14t)',
    );
    const p = plan('torch: [2.6.0, 2.5.1]\ncuda: "12.4"\npython: "3.13t"');
    expect(p.skipped.map((s) => [s.torch, s.reason])).toEqual([
      ['2.5.1', 'torch 2.5.1 has no free-threaded wheels in the release data; not 3.13t'],
    ]);
  });

  it('renders the template with uv installing the free-threaded build, and verify asks for cp313t wheels', () => {
    const [e] = plan('torch: 2.6.0\ncuda: "12.6"\npython: "3.13t"').include;
    expect(templateCannotBuild(e!)).toBeNull();
    expect(renderDockerfile(e!)).toContain(
      'ARG PYTHON_VERSION=3.13t\nRUN --mount=from=uv,source=/uv,target=/usr/local/bin/uv \\\n    uv python install ${PYTHON_VERSION}',
    );
    const needs = entryNeeds(e!, bundledCompat(), { uvImage: 'uv', ownDockerfile: false, requirementsPins: () => [], machine: 'x86_64' });
    expect(needs.target.python).toBe('3.13t');
    const w = parseWheelName('torch-2.6.0+cu126-cp313-cp313t-manylinux_2_28_x86_64.whl')!;
    expect(wheelMismatch(w, needs.target)).toBeNull();
  });
});

describe('found in review: what pip and uv do that verify must do too', () => {
  const data = bundledCompat();
  const opts = { uvImage: 'uv', ownDockerfile: false, requirementsPins: () => [], machine: 'x86_64' };
  const listing = (...files: (string | { f: string; yanked: boolean })[]): ListingAnswer => ({
    listing: {
      format: 'html',
      files: files.map((x) =>
        typeof x === 'string'
          ? { filename: x, url: `https://x/${x}`, metadata: false, yanked: false }
          : { filename: x.f, url: `https://x/${x.f}`, metadata: false, yanked: x.yanked },
      ),
    },
  });
  const team = (spec: string) => entryNeeds(plan(spec).include[0]!, data, opts);

  it('the team packages install from pypi-index-url when pip-index-url is not set, and verify asks the same index', () => {
    const [e] = plan(
      'torch: 2.4.1\ncuda: "12.4"\npython: "3.11"\npypi-index-url: https://mirror.example/pypi/simple\npip-packages: [numpy==1.26.4]',
    ).include;
    expect(renderDockerfile(e!)).toContain("--index-url https://mirror.example/pypi/simple \\\n      'numpy==1.26.4'");
    expect(entryNeeds(e!, data, opts).wheels.find((w) => w.project === 'numpy')?.indexes).toEqual(['https://mirror.example/pypi/simple']);
  });

  it('uv asks the extra indexes first and stops at the first that has the project; an unreadable index leaves it unchecked', () => {
    const needs = team(
      'torch: 2.4.1\ncuda: "12.4"\npython: "3.11"\npip-index-url: https://a.example/simple\npip-extra-index-url: https://b.example/simple\npip-packages: [foo==1.2.3]',
    );
    const foo = needs.wheels.find((w) => w.project === 'foo')!;
    expect([foo.indexes, foo.firstIndex]).toEqual([['https://b.example/simple', 'https://a.example/simple'], true]);
    const answers = (b: ListingAnswer, a: ListingAnswer): Answers => ({
      listing: (k) => (k.startsWith('https://b.example') ? b : k.startsWith('https://a.example') ? a : listing()),
      image: () => ({ exists: true, digest: null }),
    });
    // b has foo, but not 1.2.3: uv does not look at a, which has it
    const stopped = wheelOutcome(foo, needs.target, answers(listing('foo-1.0.0-py3-none-any.whl'), listing('foo-1.2.3-py3-none-any.whl')));
    expect(stopped.missing).toBe(
      'foo 1.2.3 (pip-packages) has no wheel or sdist for cp311 x86_64: https://b.example/simple: no 1.2.3 (newest for this Python there: 1.0.0)',
    );
    expect(wheelOutcome(foo, needs.target, answers({ absent: true }, listing('foo-1.2.3-py3-none-any.whl'))).found).toBe(true);
    const unread = wheelOutcome(foo, needs.target, answers({ error: 'HTTP 503' }, { absent: true }));
    expect([unread.missing, unread.found, unread.warnings.length]).toEqual([undefined, undefined, 1]);
  });

  it('a floor takes a post release but not a yanked file or a pre-release; py310 wheels install on 3.11', () => {
    const [e] = plan('jax: 0.8.0\ncuda: "13"\npython: "3.12"').include;
    const needs = entryNeeds(e!, data, opts);
    const plugin = needs.wheels.find((w) => w.atLeast)!;
    const ans = (l: ListingAnswer): Answers => ({ listing: () => l, image: () => ({ exists: true, digest: null }) });
    const whl = (v: string) => `jax_cuda13_plugin-${v}-cp312-cp312-manylinux_2_27_x86_64.whl`;
    expect(wheelOutcome(plugin, needs.target, ans(listing(whl('0.8.0.post1')))).found).toBe(true);
    expect(wheelOutcome(plugin, needs.target, ans(listing({ f: whl('0.8.1'), yanked: true }))).missing).toBeDefined();
    expect(wheelOutcome(plugin, needs.target, ans(listing(whl('0.8.1rc1')))).missing).toBeDefined();
    expect(wheelMismatch(parseWheelName('tomli-2.0.1-py310-none-any.whl')!, T('3.11'))).toBeNull();
    expect(wheelMismatch(parseWheelName('tomli-2.0.1-py312-none-any.whl')!, T('3.11'))).toBe('python');
  });

  it('PEP 440 spellings compare as packaging normalises them', () => {
    expect(versionMatches('1.0c1', '1.0rc1')).toBe(true);
    expect(versionMatches('0!1.0', '1.0')).toBe(true);
    expect(versionMatches('1.0-1', '1.0.post1')).toBe(true);
    expect(versionMatches('1.0rc01', '1.0rc1')).toBe(true);
    expect(compareVersions('2.0.post1', '2.0')).toBeGreaterThan(0);
    expect(['1.0', '1.0.dev1', '1.0a1', '1.0.post1', '1.0rc1', '1.0a1.dev1'].sort(compareVersions)).toEqual([
      '1.0.dev1',
      '1.0a1.dev1',
      '1.0a1',
      '1.0rc1',
      '1.0',
      '1.0.post1',
    ]);
  });

  it('HTML: a > inside a quoted attribute, an href that does not decode, a page of unclosed anchors read in one pass', () => {
    const page = 'https://x.example/simple/torch/';
    const html =
      '<a data-requires-python=">=3.8" href="/t/torch-2.4.1-cp311-cp311-linux_x86_64.whl">torch-2.4.1-cp311-cp311-linux_x86_64.whl</a>\n' +
      '<a href="/t/%E0%A4%A">  </a>\n';
    expect(parseIndexPage(html, 'text/html', page).files.map((f) => f.filename)).toEqual(['torch-2.4.1-cp311-cp311-linux_x86_64.whl']);
    // quadratic with a regular expression (minutes at this size); one pass here
    expect(parseIndexPage('<html>' + '<a x'.repeat(200_000), 'text/html', page).files).toEqual([]);
  });
});

describe('the verify report', () => {
  const report = {
    verdicts: [
      { tag: 'a', key: 'k1', status: 'ok' as const, missing: [], warnings: [], checked: 5, confirmed: 5 },
      {
        tag: 'bb',
        key: 'k2',
        status: 'missing' as const,
        missing: ['torch 9 (torch) has no wheel'],
        warnings: ['w|1'],
        checked: 5,
        confirmed: 4,
      },
    ],
    requests: { indexes: 7, registries: 2 },
    seconds: 0.42,
  };
  it('as text: counts, a table, then what is missing and the warnings', () => {
    expect(verifyTable(report)).toBe(
      'verify: 1 ok, 1 missing (7 index and 2 registry requests, 0.4s)\n' +
        'entry  verify   found   problems\n' +
        '-----  -------  ------  ---------\n' +
        'a      ok       5 of 5  -\n' +
        'bb     missing  4 of 5  1 missing\n' +
        'bb: missing: torch 9 (torch) has no wheel\n' +
        'bb: warning: w|1\n',
    );
  });
  it('as markdown: entries that cannot build first, cells escaped', () => {
    const md = verifyMarkdown(report);
    expect(md.split('\n').slice(0, 5)).toEqual([
      '### gpu-image-matrix verify: 1 ok, 1 missing',
      '',
      '| entry | verify | found | missing | warnings |',
      '|---|---|---|---|---|',
      '| bb | missing | 4 of 5 | torch 9 (torch) has no wheel | w\\|1 |',
    ]);
  });
});

describe('index pages: tags in an anchor are removed in one pass (issue 17, found by the fuzz run)', () => {
  it('strips tags as before, and leaves a run of "<" without ">" as text', () => {
    const page = (inner: string): string => `<html><body><a href="https://i.example/f.whl">${inner}</a></body></html>`;
    const name = (inner: string): string | undefined =>
      parseIndexPage(page(inner), 'text/html', 'https://i.example/simple/f/').files[0]?.filename;
    expect(name('<b>torch-2.4.1-cp311-none-any.whl</b>')).toBe('torch-2.4.1-cp311-none-any.whl');
    expect(name('a<i>b</i>c<')).toBe('abc<');
    // 100,000 '<' with no '>': a quadratic regex took seconds here
    expect(name(`x${'<'.repeat(100_000)}`)).toBe(`x${'<'.repeat(100_000)}`);
  });
});
