import { describe, expect, it } from 'vitest';
import { renderDockerfile, templateCannotBuild, CONSTRAINTS_PATH, INVENTORY_PATH } from '../src/template/dockerfile.js';
import { cacheScopeKey } from '../src/image/build-plan.js';
import { diagnoseFailure, describeFailure } from '../src/image/progress.js';
import { isCacheFailure } from '../src/image/retry.js';
import {
  customisationFromEntry,
  emptyCustomisation,
  mergeCustomisation,
  parseCustomInputs,
  type CustomKey,
} from '../src/custom/customisation.js';
import { explainStepLog } from '../src/custom/diagnose.js';
import { readRequirements } from '../src/custom/requirements.js';
import { renderPlaceholders } from '../src/inputs/placeholders.js';
import { parseSmokeOptions } from '../src/smoke/options.js';
import { smokeEnvFile, smokeRunArgs } from '../src/smoke/run-args.js';
import type { InputName } from '../src/inputs/table.js';
import { fakeInputs, plan, planError } from './helpers.js';

// The customisation of the embedded template, as pure tables: parsing inputs and spec keys,
// merging, planning (include semantics, variants, keys), rendering every option in its order,
// reading requirements files, explaining recorded pip/uv/apt failures, and the smoke run's
// resources. The end-to-end counterpart is e2e-custom.test.ts.

const inputs = (raw: Partial<Record<CustomKey, string>>) => parseCustomInputs(fakeInputs(raw));

describe('customisation inputs', () => {
  it('reads every input', () => {
    const c = inputs({
      'apt-packages': 'libgl1 libglib2.0-0\n# a comment\nffmpeg=7:5.1.6-0+deb12u1',
      'pip-packages': 'numpy==1.26.4\nopencv-python-headless>=4.10,<5 transformers[torch]==4.46.0',
      requirements: './docker/requirements.txt',
      'pip-index-url': 'https://pypi.example.com/simple',
      'pip-extra-index-url': 'https://a.example/simple https://b.example/simple',
      'torch-index-url': 'https://mirror.example/pytorch/whl',
      'pypi-index-url': 'https://mirror.example/pypi/simple',
      env: 'HF_HOME=/cache/hf\nOMP_NUM_THREADS=1\nA_PRICE=$5 "each"',
      workdir: '/workspace/',
      user: 'app:1001',
      'post-install': 'docker/post-install.sh',
      'base-image': 'pytorch/pytorch:{torch}-cuda{cuda}-cudnn{cudnnMajor}-runtime',
      'tag-suffix': 'opencv',
      'cuda-arch-list': '8.0 8.6;9.0+PTX 8.0',
    });
    expect(c).toEqual({
      aptPackages: ['libgl1', 'libglib2.0-0', 'ffmpeg=7:5.1.6-0+deb12u1'],
      pipPackages: ['numpy==1.26.4', 'opencv-python-headless>=4.10,<5', 'transformers[torch]==4.46.0'],
      requirements: 'docker/requirements.txt',
      pipIndexUrl: 'https://pypi.example.com/simple',
      pipExtraIndexUrls: ['https://a.example/simple', 'https://b.example/simple'],
      torchIndexUrl: 'https://mirror.example/pytorch/whl',
      pypiIndexUrl: 'https://mirror.example/pypi/simple',
      env: [
        ['A_PRICE', '$5 "each"'],
        ['HF_HOME', '/cache/hf'],
        ['OMP_NUM_THREADS', '1'],
      ],
      workdir: '/workspace',
      user: 'app:1001',
      postInstall: 'docker/post-install.sh',
      baseImage: 'pytorch/pytorch:{torch}-cuda{cuda}-cudnn{cudnnMajor}-runtime',
      tagSuffix: 'opencv',
      // spaces become ";", a repeat goes
      cudaArchList: '8.0;8.6;9.0+PTX',
    });
  });
  it('is empty when nothing is given', () => expect(inputs({})).toEqual(emptyCustomisation()));

  const bad: [Partial<Record<CustomKey, string>>, RegExp][] = [
    [{ 'apt-packages': 'libgl1 "; rm -rf /"' }, /input apt-packages item 2: .* is not a Debian package name; accepted: a name like libgl1/],
    [{ 'apt-packages': 'LibGL1' }, /is not a Debian package name/],
    [
      { 'cuda-arch-list': 'Ampere' },
      /input cuda-arch-list: "Ampere" is not valid; accepted: compute capabilities like "8\.0;8\.6;9\.0\+PTX"/,
    ],
    [{ 'cuda-arch-list': '8.6;sm_90' }, /"8\.6;sm_90" is not valid/],
    [{ 'cuda-arch-list': '8.6 "; id' }, /is not valid/],
    [
      { 'pip-packages': 'torch==2.4.1' },
      /input pip-packages item 1: "torch==2.4.1": torch is set by the matrix \(each entry's exact version\); leave it out of pip-packages/,
    ],
    [{ 'pip-packages': 'TorchVision>=0.19' }, /torchvision is set by the matrix/],
    [
      { 'pip-packages': 'https://evil.example/x.whl' },
      /is a URL or path; pip-packages takes package names with versions .* put URLs and local paths in a requirements file/,
    ],
    [{ 'pip-packages': './local-pkg' }, /is a URL or path/],
    [{ 'pip-packages': 'numpy;rm' }, /is not a pip requirement; accepted: name\[extras\] with optional versions/],
    [{ 'pip-packages': 'numpy=1.2' }, /is not a pip requirement/],
    [
      { 'pip-extra-index-url': 'https://user:token@pypi.example/simple' },
      /the URL holds credentials, which would be stored in the image's history and the build log/,
    ],
    [{ 'pip-index-url': 'ftp://mirror/simple' }, /is not an http\(s\) URL/],
    [{ 'pip-index-url': 'not a url' }, /is not a URL; accepted: an http\(s\) URL of a package index/],
    [{ env: 'NO_EQUALS' }, /input env line 1: "NO_EQUALS" is not KEY=VALUE/],
    [{ env: '1BAD=x' }, /is not KEY=VALUE with a name of letters, digits and _/],
    [{ workdir: 'relative/dir' }, /input workdir: "relative\/dir" is not valid; accepted: an absolute path/],
    [{ workdir: '/a/../etc' }, /is not valid; accepted: an absolute path/],
    [{ user: 'root' }, /input user: "root" is root; the user is the non-root user the image runs as/],
    [{ user: 'app:0' }, /is root/],
    [{ user: 'App User' }, /is not valid; accepted: a user name \(lowercase letters, digits, _ and -\), optionally :uid/],
    [{ requirements: '../outside.txt' }, /input requirements: "..\/outside.txt" is not valid; accepted: a path inside the repository/],
    [{ requirements: '/etc/passwd' }, /is not valid; accepted: a path inside the repository/],
    [{ 'post-install': 'a b.sh' }, /input post-install: "a b.sh" is not valid/],
    [
      { 'base-image': 'pytorch/pytorch:{torch}-{gpu}' },
      /input base-image: unknown placeholder \{gpu\}; accepted: \{framework\}, \{version\}, \{torch\}, \{torchvision\}/,
    ],
    [{ 'base-image': 'pytorch/pytorch:$(id)' }, /is not an image reference; accepted: repository:tag with optional placeholders/],
    [{ 'tag-suffix': '-x' }, /input tag-suffix: "-x" is not valid; accepted: up to 40 letters/],
  ];
  for (const [raw, message] of bad) {
    it(`refuses ${JSON.stringify(raw)}`, () => expect(() => inputs(raw)).toThrow(message));
  }
});

describe('merging: inputs < spec top level < include', () => {
  it('joins lists, replaces single values, merges env by name, keeps the last pin of a package', () => {
    const base = inputs({ 'apt-packages': 'libgl1', 'pip-packages': 'numpy==1.26.4 scipy', env: 'A=1\nB=2', user: 'app' });
    const over = inputs({ 'apt-packages': 'libgl1 ffmpeg', 'pip-packages': 'numpy==2.0.0', env: 'B=3', user: 'svc', workdir: '/w' });
    expect(mergeCustomisation(base, over)).toMatchObject({
      aptPackages: ['libgl1', 'ffmpeg'],
      pipPackages: ['scipy', 'numpy==2.0.0'],
      env: [
        ['A', '1'],
        ['B', '3'],
      ],
      user: 'svc',
      workdir: '/w',
    });
  });
  it('is idempotent, so a fan-out job may give the same inputs again', () => {
    const c = inputs({ 'apt-packages': 'libgl1', 'pip-packages': 'numpy==1.26.4', env: 'A=1', user: 'app' });
    expect(mergeCustomisation(c, c)).toEqual(c);
  });
});

describe('planning with customisation', () => {
  const base = 'torch: 2.4.1\ncuda: ["12.1", "12.4"]\npython: "3.11"\n';

  it('leaves entries without customisation exactly as before (no field, same key and tag)', () => {
    const e = plan(base).include[0]!;
    expect(e.customisation).toBeUndefined();
    expect(e.tag).toBe('2.4.1-cu121-py3.11-ubuntu22.04');
    // the key of this entry as earlier versions planned it
    expect(plan('torch: 2.4.1\ncuda: "12.1"\npython: "3.11"').include[0]!.key).toBe(e.key);
  });
  it('applies top-level keys to every entry and changes their keys', () => {
    const p = plan(`${base}apt-packages: [libgl1]\nuser: app`);
    const plain = plan(base);
    for (const [i, e] of p.include.entries()) {
      expect(e.customisation).toEqual({ aptPackages: ['libgl1'], user: 'app' });
      expect(e.tag).toBe(plain.include[i]!.tag);
      expect(e.key).not.toBe(plain.include[i]!.key);
    }
  });
  it("adds an include item's keys to the entries it matches (GitHub's rule)", () => {
    const p = plan(`${base}apt-packages: [libgl1]\ninclude:\n  - {cuda: "12.4", apt-packages: [ffmpeg], env: {A: "1"}}`);
    expect(p.include.map((e) => [e.cudaVariant, e.customisation])).toEqual([
      ['cu121', { aptPackages: ['libgl1'] }],
      ['cu124', { aptPackages: ['libgl1', 'ffmpeg'], env: [['A', '1']] }],
    ]);
  });
  it('makes a variant beside the entry for an include item with tag-suffix', () => {
    const p = plan(`${base}include:\n  - {cuda: "12.4", pip-packages: ["opencv-python-headless==4.10.0.84"], tag-suffix: opencv}`);
    expect(p.include.map((e) => e.tag)).toEqual([
      '2.4.1-cu121-py3.11-ubuntu22.04',
      '2.4.1-cu124-py3.11-ubuntu22.04',
      '2.4.1-cu124-py3.11-ubuntu22.04-opencv',
    ]);
    expect(p.include[2]!.customisation).toEqual({ pipPackages: ['opencv-python-headless==4.10.0.84'], tagSuffix: 'opencv' });
  });
  it('resolves base-image templates per entry', () => {
    const p = plan(`${base}base-image: "pytorch/pytorch:{torch}-cuda{cuda}-cudnn{cudnnMajor}-runtime"`);
    expect(p.include.map((e) => e.baseImage)).toEqual([
      'pytorch/pytorch:2.4.1-cuda12.1-cudnn9-runtime',
      'pytorch/pytorch:2.4.1-cuda12.4-cudnn9-runtime',
    ]);
  });
  it('fills every base-image placeholder', () => {
    const e = plan('torch: 2.4.1\ncuda: "12.4"\npython: "3.11"\nflavor: devel').include[0]!;
    expect(
      renderPlaceholders(
        'r/{torch}/{torchvision}/{torchaudio}/{cuda}/{cudaFull}/{cudaVariant}/{cudnn}/{cudnnMajor}/{python}/{os}/{ubuntu}/{flavor}',
        e,
      ),
    ).toBe('r/2.4.1/0.19.1/2.4.1/12.4/12.4.1/cu124/9.1.0.70/9/3.11/ubuntu22.04/22.04/devel');
  });

  const errors: [string, RegExp][] = [
    [`${base}apt_packages: [libgl1]`, /matrix: unknown key "apt_packages"; accepted keys: .* \(did you mean apt-packages\?\)/],
    [
      `${base}exclude:\n  - {cuda: "12.1", user: app}`,
      /matrix.exclude\[0\]: unknown key "user"; accepted keys: torch, tensorflow, jax, cuda, python, os, flavor/,
    ],
    [`${base}pip-packages: [torch==2.5.0]`, /matrix.pip-packages\[0\]: "torch==2.5.0": torch is set by the matrix/],
    [`${base}env: [NOPE]`, /matrix.env\[0\]: "NOPE" is not KEY=VALUE/],
    [`${base}user: [a, b]`, /matrix.user: expected one value, got a list/],
    [
      `${base}include:\n  - {cuda: "12.4", apt-packages: [{x: 1}]}`,
      /matrix.include\[0\].apt-packages\[0\]: expected one value, got a mapping/,
    ],
    [
      `${base}include:\n  - {cuda: "12.4", user: app, tag-suffix: x, flavor: devel}`,
      /matrix.include\[0\]: an include item with tag-suffix makes variants of the entries it matches; it cannot also change their flavor/,
    ],
    [
      `${base}include:\n  - {torch: 2.4.1, cuda: "12.4", python: "3.11", tag-suffix: x}\n` +
        `  - {torch: 2.4.1, cuda: "12.4", python: "3.11", tag-suffix: x, user: app}`,
      /two entries would push to the same tag "2.4.1-cu124-py3.11-ubuntu22.04-x".*give one of them a tag-suffix/,
    ],
  ];
  for (const [spec, message] of errors) {
    it(`explains ${JSON.stringify(spec.split('\n').slice(3).join(' ') || spec)}`, () => expect(planError(spec)).toMatch(message));
  }

  it("reads an entry's stored customisation back to the same value (fan-out jobs)", () => {
    const e = plan(
      `${base}apt-packages: [libgl1]\npip-packages: ["numpy>=1.26,<2"]\nenv: {A: "x y"}\nuser: app:1001\nbase-image: "r/t:{torch}"`,
    ).include[0]!;
    const back = customisationFromEntry(JSON.parse(JSON.stringify(e.customisation)), 'input entry.customisation');
    expect(mergeCustomisation(emptyCustomisation(), back)).toMatchObject(e.customisation!);
    expect(() => customisationFromEntry({ aptPackages: ['ok'], sneaky: 1 }, 'input entry.customisation')).toThrow(/unknown key "sneaky"/);
    expect(() => customisationFromEntry({ aptPackages: ['$(id)'] }, 'input entry.customisation')).toThrow(/is not a Debian package name/);
  });
});

describe('cache scopes', () => {
  const cell = 'torch: 2.4.1\ncuda: "12.4"\npython: "3.11"\n';
  const scope = (extra: string) => cacheScopeKey(plan(cell + extra).include[0]!);
  it('leave out what the image adds, so a changed package list reuses the layers below it', () => {
    expect(scope('apt-packages: [libgl1]')).toBe(scope('apt-packages: [ffmpeg]\npip-packages: [numpy==2.0.0]'));
    expect(scope('')).toBe(plan(cell).include[0]!.key);
  });
  it('keep variants and other base images apart', () => {
    expect(scope('tag-suffix: opencv')).toBe(`${scope('')}-opencv`);
    expect(scope('base-image: "r/pt:{torch}"')).not.toBe(scope(''));
  });
});

describe('the template with customisation', () => {
  const plain = plan('torch: 2.4.1\ncuda: "12.4"\npython: "3.11"').include[0]!;
  const custom = plan(
    `torch: 2.4.1\ncuda: "12.4"\npython: "3.11"
apt-packages: [libgl1, libglib2.0-0]
requirements: docker/requirements.txt
pip-packages: ["numpy==1.26.4", "opencv-python-headless>=4.10,<5"]
pip-extra-index-url: [https://extra.example/simple]
env: {HF_HOME: /cache, NOTE: 'costs $5 "each"'}
post-install: docker/post.sh
user: app:1001
workdir: /workspace`,
  ).include[0]!;
  const text = renderDockerfile(custom, {
    baseDigest: `sha256:${'a'.repeat(64)}`,
    requirements: { facts: { includes: [], hashes: true, pins: ['numpy==1.26.4'] } },
  });

  it('orders the layers for sharing: base, Python, torch, pin, apt, requirements, pip, env, post-install, user, workdir, inventory', () => {
    const order = [
      /^FROM \$\{UV_IMAGE\}/m,
      /^FROM nvidia\/cuda:12\.4\.1-base-ubuntu22\.04@sha256:a{64}$/m,
      /uv python install/,
      /uv pip install --python \/opt\/venv\/bin\/python --index-url \$\{TORCH_INDEX_URL\}/,
      /^RUN \/opt\/venv\/bin\/python - <<'GIM_PIN'$/m,
      /apt-get install -y --no-install-recommends \\\n +libgl1 libglib2\.0-0/,
      /--require-hashes -r \/tmp\/gim-requirements\/requirements\.txt/,
      /'numpy==1\.26\.4' 'opencv-python-headless>=4\.10,<5'/,
      /^ENV HF_HOME="\/cache" \\\n {4}NOTE="costs \\\$5 \\"each\\""$/m,
      /\/tmp\/gim-post-install$/m,
      /useradd --create-home --shell \/bin\/sh --uid 1001 app/,
      /^WORKDIR \/workspace$/m,
      /^RUN \/opt\/venv\/bin\/python - <<'GIM_INVENTORY'$/m,
      /^USER app$/m,
    ];
    let at = 0;
    for (const re of order) {
      const m = re.exec(text.slice(at));
      expect(m, `${re} after position ${at}`).not.toBeNull();
      at += (m?.index ?? 0) + (m?.[0].length ?? 0);
    }
  });
  it("constrains every install of the team's packages by the pinned torch", () => {
    const installs = text.split('\n').filter((l) => /uv pip install/.test(l) && !/TORCH_INDEX_URL/.test(l));
    expect(installs.length).toBe(2);
    for (const l of installs) expect(l).toContain(`-c ${CONSTRAINTS_PATH} --extra-index-url https://extra.example/simple`);
  });
  it('keeps the torch layers byte for byte what an uncustomised entry builds', () => {
    const torchPart = (t: string) => t.slice(t.indexOf('ARG UV_IMAGE'), t.indexOf('# torch stays what the matrix says'));
    expect(torchPart(text).replace(/@sha256:a{64}/, '')).toBe(torchPart(renderDockerfile(plain)));
  });
  it('writes the inventory, labels it, and runs as the user last', () => {
    expect(text).toContain(`LABEL io.github.gpu-image-matrix.inventory=${INVENTORY_PATH}`);
    expect(text.trimEnd().split('\n').filter(Boolean).slice(-2)).toEqual(['USER app', 'CMD ["python"]']);
    // the requirements' pins go into the inventory, for the smoke check
    expect(text).toContain('\\"pins\\":[\\"numpy==1.26.4\\"]');
  });
  it('renders nothing of a kind that is not asked for', () => {
    const bare = renderDockerfile(plain);
    for (const absent of [
      'apt-get install -y --no-install-recommends \\\n',
      'gim-requirements',
      'gim-post-install',
      'useradd',
      'WORKDIR',
      'USER ',
    ])
      expect(bare).not.toContain(absent);
    expect(bare).toContain('GIM_PIN');
    expect(bare).toContain('GIM_INVENTORY');
  });
  it('with base-image, starts FROM it (pinned), uses its pip, and installs no Python or torch', () => {
    const e = plan(
      'torch: 2.4.1\ncuda: "12.4"\npython: "3.11"\n' +
        'base-image: "pytorch/pytorch:{torch}-cuda{cuda}-cudnn{cudnnMajor}-runtime"\npip-packages: [numpy==1.26.4]',
    ).include[0]!;
    const t = renderDockerfile(e, { baseDigest: `sha256:${'b'.repeat(64)}` });
    expect(t).toMatch(/^FROM pytorch\/pytorch:2\.4\.1-cuda12\.4-cudnn9-runtime@sha256:b{64}$/m);
    expect(t).not.toMatch(/uv python install|TORCH_INDEX_URL|UV_IMAGE|CMD/);
    expect(t).toContain(`RUN PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install -c ${CONSTRAINTS_PATH}`);
    expect(t).toContain("RUN python3 - <<'GIM_PIN'");
    expect(t).toContain('does not hold what this entry says');
  });
  it('gives the index URL before the extra ones, for pip and uv alike', () => {
    const e = plan(
      'torch: 2.4.1\ncuda: "12.4"\npython: "3.11"\npip-packages: [x==1]\npip-index-url: https://mirror/simple\npip-extra-index-url: [https://extra/simple]',
    ).include[0]!;
    expect(renderDockerfile(e)).toContain(
      `-c ${CONSTRAINTS_PATH} --index-url https://mirror/simple --extra-index-url https://extra/simple`,
    );
  });
});

describe('requirements files', () => {
  const cases: [string, string, { includes?: string[]; hashes?: boolean; pins?: string[] } | RegExp][] = [
    [
      'pins and ranges',
      'numpy==1.26.4\nscipy>=1.11\nPillow_SIMD === 9.0.0.post1 ; python_version >= "3.8"\n',
      { includes: [], hashes: false, pins: ['numpy==1.26.4', 'pillow-simd==9.0.0.post1'] },
    ],
    [
      'hashes over continuation lines',
      'demo==1.0 \\\n    --hash=sha256:aaaa \\\n    --hash=sha256:bbbb\n# comment\n',
      { hashes: true, pins: ['demo==1.0'] },
    ],
    [
      'includes',
      '-r base.txt\n--constraint=pins/c.txt\n--index-url https://x/simple\nrich==13.0.0 # trailing comment\n',
      { includes: ['base.txt', 'pins/c.txt'], pins: ['rich==13.0.0'] },
    ],
    ['an editable local package', '-e ./lib\n', /line 1: "-e .\/lib" installs from a local path, which the image build cannot see/],
    ['a local path', 'numpy==1\n./wheels/x.whl\n', /line 2: ".\/wheels\/x.whl" installs from a local path/],
    ['a direct file reference', 'pkg @ file:///tmp/pkg.whl\n', /installs from a local path/],
    ['an include outside', '-r ../other.txt\n', /line 1: "..\/other.txt" is outside the requirements file's folder/],
    ['an include by URL', '-r https://x/req.txt\n', /includes by URL are not followed/],
  ];
  for (const [name, text, expected] of cases) {
    it(`reads ${name}`, () => {
      if (expected instanceof RegExp) expect(() => readRequirements(text, 'requirements req.txt')).toThrow(expected);
      else expect(readRequirements(text, 'requirements req.txt')).toMatchObject(expected);
    });
  }
});

describe('why a customised step failed (recorded outputs)', () => {
  const cases: [string, string, RegExp][] = [
    [
      'pip: a package that asks for another torch (pip 23.0.1, seen here)',
      'ERROR: Cannot install evil-pkg==1.0 because these package versions have conflicting dependencies.\n' +
        '\nThe conflict is caused by:\n    evil-pkg 1.0 depends on torch>=2\n' +
        '    The user requested (constraint) torch==1.13.0a0+gitunknown\n\nTo fix this you could try to:',
      new RegExp(
        '^evil-pkg 1\\.0 asks for torch>=2, but torch is pinned to 1\\.13\\.0a0\\+gitunknown for ' +
          "this entry: installing it would replace the entry's torch\\. Choose a version of evil-pkg",
      ),
    ],
    [
      'pip: a package that asks for another torchvision',
      'The conflict is caused by:\n    The user requested (constraint) torchvision==0.19.1+cu124\n' +
        '    ultralytics 8.3.0 depends on torchvision>=0.20\n',
      /^ultralytics 8\.3\.0 asks for torchvision>=0\.20, but torchvision is pinned to 0\.19\.1\+cu124/,
    ],
    [
      'pip: the requirements file itself asks for another torch',
      'The conflict is caused by:\n    The user requested torch==2.3.0\n    The user requested (constraint) torch==2.4.1+cu124\n',
      /^the requirements ask for torch==2\.3\.0, but torch is pinned to 2\.4\.1\+cu124 for this entry \(the matrix decides it\)/,
    ],
    [
      'uv: a package that asks for another torch',
      '  × No solution found when resolving dependencies:\n  ╰─▶ Because evil-pkg==1.0 depends on ' +
        'torch>=2.5 and you require torch==2.4.1+cu124, we can conclude that evil-pkg==1.0 cannot be used.',
      /^evil-pkg 1\.0 asks for torch>=2\.5, which the entry's pinned torch does not meet/,
    ],
    [
      'pip: a hash that does not match (seen here)',
      'ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE. If you have updated the package versions, please update the hashes.\n    demo-pkg==1.0 from http://127.0.0.1:8765/packages/demo_pkg-1.0-py3-none-any.whl#sha256=5dae (from -r /tmp/gim-requirements/requirements.txt (line 1)):\n        Expected sha256 0000000000000000000000000000000000000000000000000000000000000000\n             Got        5daee45a5c83314642a81882a64707673cd9457b1c3f7015790860179501a0ab\n',
      new RegExp(
        '^requirements: the file downloaded for demo-pkg==1\\.0 does not match its hash in the requirements ' +
          'file \\(the requirements file says sha256 000000000000…, the download is 5daee45a5c83…\\)',
      ),
    ],
    [
      'uv: a hash that does not match',
      'error: Failed to download `demo-pkg==1.0`\n  Caused by: Hash mismatch for `demo-pkg==1.0`\n' +
        '\nExpected:\n  sha256:0000000000000000000000000000000000000000000000000000000000000000\n' +
        '\nComputed:\n  sha256:5daee45a5c83314642a81882a64707673cd9457b1c3f7015790860179501a0ab',
      /^requirements: the file downloaded for demo-pkg==1\.0 does not match/,
    ],
    [
      'pip: hashes missing for some requirements',
      'ERROR: Hashes are required in --require-hashes mode, but they are missing from some requirements.',
      /every requirement, dependencies included, needs a --hash/,
    ],
    [
      'pip: a version that is not on the index',
      'ERROR: Could not find a version that satisfies the requirement demo-pkg==9.9 (from versions: 1.0)\n' +
        'ERROR: No matching distribution found for demo-pkg==9.9',
      /^demo-pkg==9\.9 is not on the package index the build uses/,
    ],
    ['a base image without pip', '/usr/bin/python3: No module named pip', /^the base image has no pip for python3/],
    [
      'apt: an unknown package',
      'E: Unable to locate package libgl-nope',
      /^apt-packages: libgl-nope is not a package of the base image's distribution/,
    ],
    ['useradd: a taken uid', 'useradd: UID 1000 is not unique', /^user: uid 1000 already belongs to another user of the base image/],
    [
      "the template's own check: a base image with another torch",
      'gpu-image-matrix: torch is 2.3.0, the entry says 2.4.1: the base image x does not hold what this entry says',
      /^torch is 2\.3\.0, the entry says 2\.4\.1: the base image x/,
    ],
    [
      "the template's own check: post-install replaced torch",
      'gpu-image-matrix: torch is now 2.5.0, it was 2.4.1+cu124: a step after the pin replaced it',
      /^torch is now 2\.5\.0, it was 2\.4\.1\+cu124/,
    ],
  ];
  for (const [name, output, cause] of cases) it(`explains ${name}`, () => expect(explainStepLog(output.split('\n'))).toMatch(cause));
  it('says nothing about output it does not know', () =>
    expect(explainStepLog(['Segmentation fault', 'gpu-image-matrix: pinned torch==2.4.1'])).toBeNull());

  it('puts the explanation first in the failure a person reads', () => {
    const output = [
      '#7 [3/4] RUN PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install evil-pkg==1.0',
      '#7 0.859 The conflict is caused by:',
      '#7 0.859     evil-pkg 1.0 depends on torch>=2',
      '#7 0.859     The user requested (constraint) torch==1.13.0a0+gitunknown',
      '#7 ERROR: process "/bin/sh -c ..." did not complete successfully: exit code: 1',
      '#4 importing cache manifest from r:buildcache-x',
      '#4 ERROR: failed to configure registry cache importer: r:buildcache-x: not found',
      'ERROR: failed to build: failed to solve: process "/bin/sh -c ..." did not complete successfully: exit code: 1',
    ].join('\n');
    expect(describeFailure(diagnoseFailure(output))).toMatch(/^evil-pkg 1\.0 asks for torch>=2.*\n {2}step \[3\/4\] RUN/);
    // A failed step on a first build (no cache yet) is the build's failure, not the cache's.
    expect(isCacheFailure(output)).toBe(false);
    expect(isCacheFailure('ERROR: failed to solve: failed to configure registry cache exporter: invalid reference format')).toBe(true);
  });
});

describe('smoke-run resources', () => {
  const cpu = plan('torch: 2.4.1\ncuda: cpu\npython: "3.11"').include[0]!;
  const gpu = plan('torch: 2.4.1\ncuda: "12.4"\npython: "3.11"').include[0]!;

  it("gives a 1g /dev/shm by default (Docker's 64m breaks DataLoader workers)", () => {
    expect(smokeRunArgs(cpu, 'i', parseSmokeOptions(fakeInputs({})), { checkDir: '/c' }, 'n')).toEqual(
      expect.arrayContaining(['--shm-size', '1g']),
    );
  });
  it("sets ipc host, memory, cpus, and env through an --env-file (values stay out of argv and out of docker's own environment)", () => {
    const o = parseSmokeOptions(
      fakeInputs({
        'smoke-ipc-host': 'true',
        'smoke-memory': '16g',
        'smoke-cpus': '2.5',
        'smoke-env': 'HF_TOKEN=hf_secret_value\nMODE=fast',
      }),
    );
    const args = smokeRunArgs(cpu, 'i', o, { checkDir: '/c', envFile: '/t/smoke.env' }, 'n');
    expect(args.join(' ')).toContain('--ipc host --memory 16g --cpus 2.5 --env-file /t/smoke.env');
    expect(args).not.toContain('--shm-size');
    expect(args).not.toContain('--env');
    expect(args.join(' ')).not.toContain('hf_secret_value');
    expect(smokeEnvFile(o)).toBe('HF_TOKEN=hf_secret_value\nMODE=fast\n');
    expect(smokeEnvFile(parseSmokeOptions(fakeInputs({})))).toBeNull();
  });
  it('leaves /dev/shm and IPC to their own inputs, not gpu-flags', () => {
    expect(() => parseSmokeOptions(fakeInputs({ 'gpu-flags': '--gpus all --ipc=host' }))).toThrow(
      /input gpu-flags: "--ipc" is not accepted; .*use smoke-shm-size and smoke-ipc-host/,
    );
    const args = smokeRunArgs(gpu, 'i', parseSmokeOptions(fakeInputs({ 'gpu-flags': '--gpus all' })), { checkDir: '/c' }, 'n');
    expect(args.filter((a) => /^--(ipc|shm-size)/.test(a))).toEqual(['--shm-size']);
  });
  it('mounts the workspace read-only for smoke-script and runs the script from it', () => {
    const o = parseSmokeOptions(fakeInputs({}), '/ws/tests/smoke.py', '/ws');
    const args = smokeRunArgs(cpu, 'i', o, { checkDir: '/c', script: '/ws/tests/smoke.py' }, 'n');
    expect(args).toContain('/ws:/workspace:ro');
    expect(args.slice(-6)).toEqual(['--then', '/workspace/tests/smoke.py', '--user-timeout', '300', '--then-cwd', '/workspace']);
  });
  it('requires the inventory only for customised entries', () => {
    const custom = plan('torch: 2.4.1\ncuda: cpu\npython: "3.11"\nuser: app').include[0]!;
    expect(smokeRunArgs(custom, 'i', parseSmokeOptions(fakeInputs({})), { checkDir: '/c' }, 'n')).toContain('--require-inventory');
    expect(smokeRunArgs(cpu, 'i', parseSmokeOptions(fakeInputs({})), { checkDir: '/c' }, 'n')).not.toContain('--require-inventory');
  });
  const bad: [Partial<Record<InputName, string>>, RegExp][] = [
    [{ 'smoke-shm-size': '2 gigs' }, /input smoke-shm-size: "2 gigs" is not a size; accepted: a number with an optional unit b, k, m or g/],
    [{ 'smoke-memory': '-1g' }, /input smoke-memory: "-1g" is not a size/],
    [{ 'smoke-cpus': '0' }, /input smoke-cpus: "0" is not valid; accepted: a number of CPUs greater than 0/],
    [{ 'smoke-env': 'X' }, /input smoke-env line 1: "X" is not KEY=VALUE/],
    [{ 'smoke-ipc-host': 'yes' }, /input smoke-ipc-host: "yes" is not valid; accepted: true or false/],
    [{ 'smoke-ipc-host': 'true', 'smoke-shm-size': '2g' }, /input smoke-shm-size and input smoke-ipc-host are both set/],
  ];
  for (const [raw, message] of bad)
    it(`refuses ${JSON.stringify(raw)}`, () => expect(() => parseSmokeOptions(fakeInputs(raw))).toThrow(message));
});

describe('what the embedded template cannot build', () => {
  it('refuses Python 3.7 (uv has none), unless a base-image brings the Python', () => {
    const own = plan('torch: 1.13.1\ncuda: cpu\npython: "3.7"').include[0]!;
    expect(templateCannotBuild(own)).toMatch(/uv, which has no CPython 3\.7/);
    const fromBase = plan('torch: 1.13.1\ncuda: cpu\npython: "3.7"\nbase-image: "127.0.0.1:5000/py37-torch:{torch}"').include[0]!;
    expect(templateCannotBuild(fromBase)).toBeNull();
    expect(templateCannotBuild(plan('torch: 1.13.1\ncuda: cpu\npython: "3.8"').include[0]!)).toBeNull();
  });
});

describe('base-image with capitals in its repository', () => {
  it('is lowered, as input image is (registries take lowercase repository names); the tag keeps its case', () => {
    expect(inputs({ 'base-image': 'Ghcr.io/Acme/Torch:{torch}-Runtime' }).baseImage).toBe('ghcr.io/acme/torch:{torch}-Runtime');
  });
});
