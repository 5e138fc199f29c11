import { describe, expect, it } from 'vitest';
import { buildxArgs, cleanVersion, dockerBuildArgs, type ToolVersions } from '../src/image/buildx.js';
import { renderDockerfile } from '../src/template/dockerfile.js';
import { cachePlan, contentHash, entryBuildArgs, entryTags, planEntryBuild, type BuildEnvironment } from '../src/image/build-plan.js';
import { parseBuildOptions, type BuildOptions } from '../src/image/options.js';
import type { InputName } from '../src/inputs/table.js';
import { describeFailure, diagnoseFailure, summariseSteps } from '../src/image/progress.js';
import { isLoopbackRegistry, parseRepository, parseTaggedReference } from '../src/image/reference.js';
import { backoffMs, isCacheFailure, isTransient } from '../src/image/retry.js';
import { fakeInputs, plan } from './helpers.js';
import type { TorchEntry } from '../src/frameworks/pytorch.js';

const [cu124, cpu] = [
  plan('torch: 2.4.1\ncuda: "12.4"\npython: "3.11"').include[0]!,
  plan('torch: 2.4.1\ncuda: cpu\npython: "3.11"').include[0]!,
];
const env: BuildEnvironment = {
  created: '2026-11-29T00:00:00.000Z',
  tempDir: '/tmp/rt',
  sourceUrl: 'https://github.com/acme/images',
  revision: 'abc123',
};

function options(raw: Partial<Record<InputName, string>> = {}): BuildOptions {
  return parseBuildOptions(fakeInputs({ image: '127.0.0.1:5000/team/pytorch', ...raw }));
}

describe('dockerfile: the embedded template', () => {
  const text = renderDockerfile(cu124);
  it('starts FROM the entry base image and pins torch, torchvision and torchaudio from its index', () => {
    // FROM names the image itself (pinned by digest when the build looked it up), not an ARG a build-arg could change
    expect(text).toContain('\nFROM nvidia/cuda:12.4.1-base-ubuntu22.04\n');
    expect(renderDockerfile(cu124, { baseDigest: `sha256:${'c'.repeat(64)}` })).toContain(
      `\nFROM nvidia/cuda:12.4.1-base-ubuntu22.04@sha256:${'c'.repeat(64)}\n`,
    );
    expect(text).toContain(
      'ARG TORCH_VERSION=2.4.1\nARG TORCHVISION_VERSION=0.19.1\nARG TORCHAUDIO_VERSION=2.4.1\nARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cu124\n',
    );
    expect(text).toContain(
      '--index-url ${TORCH_INDEX_URL} \\\n' +
        '      torch==${TORCH_VERSION} torchvision==${TORCHVISION_VERSION} torchaudio==${TORCHAUDIO_VERSION}\n',
    );
  });
  it('installs the exact Python before torch, so that entries sharing CUDA, OS and Python share those layers', () => {
    expect(text.indexOf('ARG PYTHON_VERSION=3.11')).toBeGreaterThan(0);
    expect(text.indexOf('ARG PYTHON_VERSION')).toBeLessThan(text.indexOf('ARG TORCH_VERSION'));
    expect(text).toContain('uv python install ${PYTHON_VERSION}');
  });
  it('sets what the NVIDIA Container Toolkit reads and leaves no package caches in layers', () => {
    expect(text).toContain('NVIDIA_VISIBLE_DEVICES=all');
    expect(text).toContain('NVIDIA_DRIVER_CAPABILITIES=compute,utility');
    expect(text).toContain('rm -rf /var/lib/apt/lists/*');
    expect(text).toContain('PIP_NO_CACHE_DIR=1');
    expect(text).toContain('UV_NO_CACHE=1');
  });
  it('leaves out a library the entry has none of', () => {
    const noAudio = renderDockerfile({ ...(cu124 as TorchEntry), torchaudio: null });
    expect(noAudio).not.toMatch(/TORCHAUDIO_VERSION|torchaudio==/);
    expect(noAudio).toContain('\\"torchaudio\\":null'); // the pin step keeps whatever the image has
  });
  it('renders CPU entries on plain Ubuntu', () => {
    expect(renderDockerfile(cpu)).toContain('\nFROM ubuntu:24.04\n');
  });
});

describe('entry build: tags, labels, build-args', () => {
  it('passes every entry field as a build-arg', () => {
    expect(Object.fromEntries(entryBuildArgs(cu124))).toEqual({
      BASE_IMAGE: 'nvidia/cuda:12.4.1-base-ubuntu22.04',
      TORCH_VERSION: '2.4.1',
      TORCHVISION_VERSION: '0.19.1',
      TORCHAUDIO_VERSION: '2.4.1',
      TORCH_INDEX_URL: 'https://download.pytorch.org/whl/cu124',
      CUDA_VERSION: '12.4',
      CUDA_FULL_VERSION: '12.4.1',
      CUDA_VARIANT: 'cu124',
      CUDNN_VERSION: '9.1.0.70',
      PYTHON_VERSION: '3.11',
      OS: 'ubuntu22.04',
      FLAVOR: 'runtime',
      MIN_DRIVER: '550.54.15',
      ENTRY_TAG: '2.4.1-cu124-py3.11-ubuntu22.04',
      ENTRY_KEY: cu124.key,
    });
  });

  it('tags the entry under the image, then extra tags rendered per entry', () => {
    const repo = parseRepository('ghcr.io/acme/pytorch', 'image');
    expect(entryTags(cu124, repo, ['{tag}-nightly', 'ghcr.io/acme/mirror:{torch}-{cudaVariant}'], 2)).toEqual([
      'ghcr.io/acme/pytorch:2.4.1-cu124-py3.11-ubuntu22.04',
      'ghcr.io/acme/pytorch:2.4.1-cu124-py3.11-ubuntu22.04-nightly',
      'ghcr.io/acme/mirror:2.4.1-cu124',
    ]);
  });

  it('refuses an extra tag that every entry of a larger matrix would overwrite', () => {
    const repo = parseRepository('ghcr.io/acme/pytorch', 'image');
    expect(() => entryTags(cu124, repo, ['latest'], 3)).toThrow(
      /tags line 1: "latest" has no placeholder, so all 3 entries would push to the same tag/,
    );
    expect(entryTags(cu124, repo, ['latest'], 1)).toContain('ghcr.io/acme/pytorch:latest');
  });

  it('fills tags from the same placeholders as base-image ({cudnnMajor}, {ubuntu}, ...), and refuses {image} there', () => {
    const tags = options({ tags: '{version}-cudnn{cudnnMajor}-{ubuntu}' }).tags;
    expect(entryTags(cu124, parseRepository('ghcr.io/acme/pytorch', 'image'), tags, 2)).toContain(
      'ghcr.io/acme/pytorch:2.4.1-cudnn9-22.04',
    );
    expect(() => options({ tags: '{image}:x' })).toThrow(
      /input tags line 1: unknown placeholder \{image\}: \{image\} is not available in tags/,
    );
    expect(() => options({ tags: '{tga}' })).toThrow(/unknown placeholder \{tga\}; accepted: \{tag\}/);
  });

  describe('tag-prefix (pull requests write scoped tags, never release tags)', () => {
    const extra = '{tag}-nightly\n127.0.0.1:5000/team/mirror:{torch}-{cudaVariant}';
    const planWith = (raw: Partial<Record<InputName, string>>) =>
      planEntryBuild(
        cu124,
        options({ tags: extra, cache: 'registry', push: 'true', ...raw }),
        { dockerfile: 'FROM x', contextDigest: 'c', entryCount: 2, supportsIgnoreError: true },
        env,
      );

    it("puts the prefix before the entry's tag and every extra tag, in the image's repository or another", () => {
      expect(planWith({ 'tag-prefix': 'pr-12-' }).tags).toEqual([
        '127.0.0.1:5000/team/pytorch:pr-12-2.4.1-cu124-py3.11-ubuntu22.04',
        '127.0.0.1:5000/team/pytorch:pr-12-2.4.1-cu124-py3.11-ubuntu22.04-nightly',
        '127.0.0.1:5000/team/mirror:pr-12-2.4.1-cu124',
      ]);
    });

    it('keeps the content tag, the content hash and the cache refs as they are without it', () => {
      const [scoped, release] = [planWith({ 'tag-prefix': 'pr-12-' }), planWith({})];
      expect(release.tags[0]).toBe('127.0.0.1:5000/team/pytorch:2.4.1-cu124-py3.11-ubuntu22.04');
      expect(scoped.contentTag).toBe(release.contentTag);
      expect(scoped.contentTag).toMatch(new RegExp(`:gim-${cu124.key}-[0-9a-f]{16}$`));
      expect(scoped.contentHash).toBe(release.contentHash);
      expect(scoped.cache).toEqual(release.cache);
      expect(scoped.cache.to[0]).toContain(`:buildcache-${cu124.key},`);
    });

    it('is empty by default and trimmed', () => {
      expect(options().tagPrefix).toBe('');
      expect(options({ 'tag-prefix': ' pr-7- \n' }).tagPrefix).toBe('pr-7-');
    });

    const bad: [string, RegExp][] = [
      ['-pr-12-', /input tag-prefix: "-pr-12-" cannot start a tag; accepted: letters, digits, _ \. -/],
      ['.pr', /cannot start a tag/],
      ['pr/12-', /cannot start a tag/],
      ['pr 12-', /cannot start a tag/],
      ['pr-$(id)-', /cannot start a tag/],
      ['x'.repeat(129), /cannot start a tag/],
    ];
    for (const [prefix, message] of bad) {
      it(`refuses the prefix ${JSON.stringify(prefix.length > 20 ? `${prefix.slice(0, 8)}... (${prefix.length})` : prefix)}`, () =>
        expect(() => options({ 'tag-prefix': prefix })).toThrow(message));
    }

    it('refuses a prefix that makes a tag longer than 128 characters', () => {
      expect(() => planWith({ 'tag-prefix': 'p'.repeat(100) })).toThrow(
        /^matrix tag with tag-prefix "p+\.\.\.": "p+\.\.\." is not a valid tag; accepted: .*\(up to 128,/,
      );
    });
  });

  it('labels the image with OCI labels and the versions inside it', () => {
    const build = planEntryBuild(
      cu124,
      options({ labels: 'team=ml' }),
      { dockerfile: 'FROM x', contextDigest: 'c', entryCount: 1, supportsIgnoreError: true },
      env,
    );
    expect(Object.fromEntries(build.labels)).toMatchObject({
      'org.opencontainers.image.version': '2.4.1-cu124-py3.11-ubuntu22.04',
      'org.opencontainers.image.source': 'https://github.com/acme/images',
      'org.opencontainers.image.revision': 'abc123',
      'org.opencontainers.image.created': '2026-11-29T00:00:00.000Z',
      'io.github.gpu-image-matrix.torch': '2.4.1',
      'io.github.gpu-image-matrix.cuda': '12.4.1',
      'io.github.gpu-image-matrix.cudnn': '9.1.0.70',
      'io.github.gpu-image-matrix.python': '3.11',
      'io.github.gpu-image-matrix.min-driver': '550.54.15',
      team: 'ml',
    });
  });

  it('labels the base image digest FROM is pinned to, when it was looked up', () => {
    const digest = `sha256:${'d'.repeat(64)}`;
    const inputs = { dockerfile: 'FROM x', contextDigest: 'c', entryCount: 1, supportsIgnoreError: true };
    const labelled = Object.fromEntries(planEntryBuild(cu124, options(), { ...inputs, baseDigest: digest }, env).labels);
    expect(labelled['org.opencontainers.image.base.digest']).toBe(digest);
    expect(Object.fromEntries(planEntryBuild(cu124, options(), inputs, env).labels)).not.toHaveProperty([
      'org.opencontainers.image.base.digest',
    ]);
  });

  it('refuses a build-arg that would contradict the entry', () => {
    expect(() =>
      planEntryBuild(
        cu124,
        options({ 'build-args': 'TORCH_VERSION=2.5.0' }),
        { dockerfile: 'x', contextDigest: 'c', entryCount: 1, supportsIgnoreError: true },
        env,
      ),
    ).toThrow(/build-args: TORCH_VERSION is set from each matrix entry and cannot be overridden/);
  });
});

describe('entry build: the content hash decides what is already built', () => {
  const base = {
    entry: cu124,
    dockerfile: 'FROM x\nRUN a',
    contextDigest: 'ctx1',
    buildArgs: [['A', '1']] as [string, string][],
    userLabels: [] as [string, string][],
  };
  const h = contentHash(base);
  const changes: [string, Partial<typeof base>][] = [
    ['the Dockerfile', { dockerfile: 'FROM x\nRUN b' }],
    ['a context file', { contextDigest: 'ctx2' }],
    ['a build-arg value', { buildArgs: [['A', '2']] }],
    ['a user label', { userLabels: [['team', 'ml']] }],
    ['the entry', { entry: cpu }],
  ];
  for (const [what, change] of changes) {
    it(`changes with ${what}`, () => expect(contentHash({ ...base, ...change })).not.toBe(h));
  }
  it('does not depend on the order build-args are given in', () => {
    const two = {
      ...base,
      buildArgs: [
        ['A', '1'],
        ['B', '2'],
      ] as [string, string][],
    };
    expect(contentHash(two)).toBe(
      contentHash({
        ...two,
        buildArgs: [
          ['B', '2'],
          ['A', '1'],
        ],
      }),
    );
  });
  it('does not change with the time or the commit (labels created/revision are left out)', () => {
    const a = planEntryBuild(cu124, options(), { dockerfile: 'x', contextDigest: 'c', entryCount: 1, supportsIgnoreError: true }, env);
    const b = planEntryBuild(
      cu124,
      options(),
      { dockerfile: 'x', contextDigest: 'c', entryCount: 1, supportsIgnoreError: true },
      { ...env, created: '2030-01-01T00:00:00Z', revision: 'def' },
    );
    expect(b.contentHash).toBe(a.contentHash);
    expect(a.contentTag).toBe(`127.0.0.1:5000/team/pytorch:gim-${cu124.key}-${a.contentHash.slice(0, 16)}`);
  });
});

describe('entry build: cache backends, each scoped to the entry', () => {
  const repo = parseRepository('127.0.0.1:5000/team/pytorch', 'image');
  const opts = { repo, primaryTag: '127.0.0.1:5000/team/pytorch:t', supportsIgnoreError: true, tempDir: '/rt' };
  const k = cu124.key;
  const cases: [string, boolean, object][] = [
    [
      'auto',
      true,
      {
        backend: 'registry',
        from: [`type=registry,ref=127.0.0.1:5000/team/pytorch:buildcache-${k}`],
        to: [`type=registry,ref=127.0.0.1:5000/team/pytorch:buildcache-${k},mode=max,ignore-error=true`],
      },
    ],
    ['auto', false, { backend: 'none', from: [], to: [] }],
    // Not pushing (a fork's pull request): the shared registry cache is read, never written (issue 17).
    [
      'registry',
      false,
      {
        backend: 'registry',
        from: [`type=registry,ref=127.0.0.1:5000/team/pytorch:buildcache-${k}`],
        to: [],
        note: `push is false: the registry cache 127.0.0.1:5000/team/pytorch:buildcache-${k} is read, not written`,
      },
    ],
    ['gha', false, { backend: 'gha', from: [`type=gha,scope=gim-${k}`], to: [`type=gha,scope=gim-${k},mode=max,ignore-error=true`] }],
    ['inline', true, { backend: 'inline', from: ['type=registry,ref=127.0.0.1:5000/team/pytorch:t'], to: ['type=inline'] }],
    [
      'local',
      true,
      {
        backend: 'local',
        from: [`type=local,src=/rt/gim-cache/${k}`],
        to: [`type=local,dest=/rt/gim-cache/${k}.new,mode=max,ignore-error=true`],
        local: {
          dir: `/rt/gim-cache/${k}`,
          exportDir: `/rt/gim-cache/${k}.new`,
          key: `gpu-image-matrix-${k}-0123456789abcdef`,
          restoreKeys: [`gpu-image-matrix-${k}-`],
        },
      },
    ],
  ];
  for (const [backend, push, expected] of cases) {
    it(`plans cache ${backend}${push ? ' when pushing' : ''}`, () => {
      expect(cachePlan(backend as never, { ...opts, push }, cu124, '0123456789abcdef0123')).toEqual(expected);
    });
  }
  it('has no "/" in any scope', () => {
    expect(cachePlan('gha', { ...opts, push: true }, cu124, 'h').from[0]).toMatch(/scope=[^/,]+$/);
  });
  it('leaves ignore-error out when BuildKit is older than 0.11', () => {
    expect(cachePlan('registry', { ...opts, push: true, supportsIgnoreError: false }, cu124, 'h').to[0]).not.toContain('ignore-error');
  });
  it('uses inline cache on the docker driver, which exports no other, and says why', () => {
    for (const backend of ['registry', 'gha', 'local'] as const) {
      const plan = cachePlan(backend, { ...opts, push: true, driver: 'docker' }, cu124, 'h');
      expect(plan).toMatchObject({ backend: 'inline', to: ['type=inline'] });
      expect(plan.note).toMatch(new RegExp(`docker driver, which cannot export a ${backend} cache`));
    }
    expect(cachePlan('auto', { ...opts, push: true, driver: 'docker' }, cu124, 'h')).toMatchObject({ backend: 'inline' });
    expect(cachePlan('auto', { ...opts, push: false, driver: 'docker' }, cu124, 'h')).toEqual({ backend: 'none', from: [], to: [] });
    expect(cachePlan('registry', { ...opts, push: true, driver: 'docker-container' }, cu124, 'h').backend).toBe('registry');
  });
});

describe('buildx argv', () => {
  const build = planEntryBuild(
    cu124,
    options({ push: 'true', cache: 'registry', 'build-args': 'EXTRA=1' }),
    { dockerfile: 'x', contextDigest: 'c', entryCount: 1, supportsIgnoreError: true },
    env,
  );
  const inv = { build, file: '/w/Dockerfile', context: '/w', push: true, load: false, metadataFile: '/t/meta.json', builder: 'bk' };
  const table: [string, ToolVersions, (args: string[]) => void][] = [
    [
      'buildx 0.29 / BuildKit 0.25',
      { buildx: '0.29.1', buildkit: '0.25.2' },
      (a) => {
        expect(a.slice(0, 10)).toEqual([
          'buildx',
          'build',
          '--builder',
          'bk',
          '--progress',
          'plain',
          '--file',
          '/w/Dockerfile',
          '--metadata-file',
          '/t/meta.json',
        ]);
        expect(a).toContain('--provenance=false');
        expect(a).toContain('EXTRA=1');
        expect(a.slice(-1)).toEqual(['/w']);
        expect(a.slice(-2, -1)).toEqual(['--push']);
        expect(a.filter((x) => x === '--tag')).toHaveLength(2);
        expect(a).toContain(build.contentTag);
      },
    ],
    [
      'buildx 0.9 (no attestation flags)',
      { buildx: '0.9.1', buildkit: '0.10.0' },
      (a) => {
        expect(a).not.toContain('--provenance=false');
        expect(a).toContain('--metadata-file');
      },
    ],
    [
      'buildx 0.5 (no metadata file)',
      { buildx: '0.5.1', buildkit: null },
      (a) => {
        expect(a).not.toContain('--metadata-file');
      },
    ],
  ];
  for (const [name, versions, check] of table) it(`builds the argv for ${name}`, () => check(buildxArgs(inv, versions)));

  it('loads into the local docker and adds no content tag when not pushing', () => {
    const a = buildxArgs({ ...inv, push: false, load: true }, { buildx: '0.29.1', buildkit: '0.25.2' });
    expect(a).toContain('--load');
    expect(a).not.toContain('--push');
    expect(a).not.toContain(build.contentTag);
  });

  it('keeps each build-arg and label one argument, whatever characters it holds', () => {
    const hostile = planEntryBuild(
      cu124,
      options({ 'build-args': 'NOTE=$(id); echo `x` && rm -rf /', labels: 'x=a b;c' }),
      { dockerfile: 'x', contextDigest: 'c', entryCount: 1, supportsIgnoreError: true },
      env,
    );
    const a = buildxArgs({ ...inv, build: hostile }, { buildx: '0.29.1', buildkit: '0.25.2' });
    expect(a).toContain('NOTE=$(id); echo `x` && rm -rf /');
    expect(a).toContain('x=a b;c');
  });

  it('falls back to docker build with inline cache, then docker push per tag', () => {
    const d = dockerBuildArgs(inv);
    expect(d.env).toEqual({ DOCKER_BUILDKIT: '1' });
    expect(d.build.slice(0, 5)).toEqual(['build', '--progress', 'plain', '--file', '/w/Dockerfile']);
    expect(d.build).toContain('BUILDKIT_INLINE_CACHE=1');
    expect(d.pushes).toEqual([...build.tags, build.contentTag].map((t) => ['push', t]));
  });

  it('reads tool versions with build metadata and a v prefix', () => {
    expect(cleanVersion('v0.25.2')).toBe('0.25.2');
    expect(cleanVersion('0.29.1+ds1')).toBe('0.29.1');
    expect(cleanVersion(null)).toBeNull();
  });
});

const CACHED_OUTPUT = `#0 building with "bk-remote" instance using remote driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 171B done
#1 DONE 0.0s

#2 [internal] load metadata for 127.0.0.1:5000/debian:bookworm
#2 DONE 0.1s

#3 [1/3] FROM 127.0.0.1:5000/debian:bookworm@sha256:85390d7d
#3 CACHED

#4 [2/3] RUN echo one > /one
#4 CACHED

#5 [3/3] RUN echo two > /two
#5 0.102 hello from step three
#5 DONE 0.2s

#6 exporting to image
#6 DONE 0.5s
`;

const FAILED_OUTPUT =
  `#4 [2/3] RUN echo one > /one
#4 CACHED

#5 [3/3] RUN echo starting && ls /nope && exit 3
#5 0.101 starting
#5 0.105 ls: cannot access '/nope': No such file or directory
#5 ERROR: process "/bin/sh -c echo starting && ls /nope && exit 3" did not complete successfully: exit code: 2
------
 > [3/3] RUN echo starting && ls /nope && exit 3:
0.101 starting
------
Dockerfile:3
ERROR: failed to build: failed to solve: process "/bin/sh -c echo starting && ls /nope && exit 3" ` +
  `did not complete successfully: exit code: 2
`;

describe('progress: reading BuildKit plain output', () => {
  it('counts the Dockerfile steps that build layers and the cached ones, leaving FROM and internal vertices out', () => {
    expect(summariseSteps(CACHED_OUTPUT)).toEqual({ total: 2, cached: 1, ran: ['[3/3] RUN echo two > /two'] });
  });
  it('names the failing step with its own output and the final error', () => {
    const f = diagnoseFailure(FAILED_OUTPUT);
    expect(f).toEqual({
      step: '[3/3] RUN echo starting && ls /nope && exit 3',
      log: ['starting', "ls: cannot access '/nope': No such file or directory"],
      error:
        'ERROR: failed to build: failed to solve: process "/bin/sh -c echo ' +
        'starting && ls /nope && exit 3" did not complete successfully: exit code: 2',
    });
    expect(describeFailure(f)).toContain("its last output:\n    starting\n    ls: cannot access '/nope'");
  });
  it('falls back to the last line when there is no step to blame', () => {
    expect(
      diagnoseFailure('connecting...\nERROR: failed to dial gRPC: unix:///run/buildkit/buildkitd.sock: connect: connection refused\n'),
    ).toEqual({
      step: null,
      log: [],
      error: 'ERROR: failed to dial gRPC: unix:///run/buildkit/buildkitd.sock: connect: connection refused',
    });
  });
});

describe('transient failures are retried, others are not', () => {
  const cases: [string, boolean][] = [
    [
      'failed to push 127.0.0.1:5000/x:t: failed commit on ref "layer-sha256:ab": ' +
        'unexpected status from PUT request: 503 Service Unavailable',
      true,
    ],
    [
      'ERROR: failed to solve: failed to do request: Head "http://127.0.0.1:5000/v2/x/manifests/t": dial tcp 127.0.0.1:5000: connect: connection refused',
      true,
    ],
    ['write tcp 127.0.0.1:41234->127.0.0.1:5000: write: connection reset by peer', true],
    ['net/http: TLS handshake timeout', true],
    ['unexpected status from POST request: 429 Too Many Requests', true],
    ['ERROR: failed to push: unexpected status from HEAD request: 401 Unauthorized', false],
    ['denied: requested access to the resource is denied', false],
    ['process "/bin/sh -c exit 3" did not complete successfully: exit code: 3', false],
    ['ERROR: failed to solve: dockerfile parse error on line 2: unknown instruction: RUNN', false],
    ['manifest unknown: manifest unknown', false],
  ];
  for (const [text, transient] of cases) {
    it(`${transient ? 'retries' : 'does not retry'}: ${text.slice(0, 70)}`, () => expect(isTransient(text)).toBe(transient));
  }
  it('tells a cache backend failure from a build failure', () => {
    expect(isCacheFailure('ERROR: failed to build: failed to solve: failed to configure gha cache exporter: token is malformed')).toBe(
      true,
    );
    expect(isCacheFailure('ERROR: failed to solve: failed to configure registry cache importer: invalid reference format')).toBe(true);
    expect(isCacheFailure('process "/bin/sh -c exit 3" did not complete successfully: exit code: 3')).toBe(false);
  });
  it('backs off 2 s, 4 s, 8 s, capped at 30 s', () => {
    expect([1, 2, 3, 10].map((n) => backoffMs(n))).toEqual([2000, 4000, 8000, 30000]);
  });
});

describe('references and build options', () => {
  const repos: [string, object][] = [
    ['ghcr.io/acme/pytorch', { registry: 'ghcr.io', path: 'acme/pytorch' }],
    ['127.0.0.1:5000/gim', { registry: '127.0.0.1:5000', path: 'gim' }],
    ['localhost/a/b', { registry: 'localhost', path: 'a/b' }],
    ['nvidia/cuda', { registry: 'docker.io', path: 'nvidia/cuda' }],
    ['ubuntu', { registry: 'docker.io', path: 'library/ubuntu' }],
  ];
  for (const [text, expected] of repos) it(`parses ${text}`, () => expect(parseRepository(text, 'image')).toEqual(expected));

  const bad: [string, RegExp][] = [
    ['ghcr.io/acme/pytorch:latest', /has a tag or digest; give the repository alone/],
    ['ghcr.io/acme/py torch', /is not valid; accepted: a repository like/],
    ['ghcr.io/acme/$(id)', /is not valid/],
    ['ghcr.io/acme/py\ntorch', /is not valid/],
    ['', /is not valid/],
  ];
  for (const [text, message] of bad)
    it(`rejects image ${JSON.stringify(text)}`, () => expect(() => parseRepository(text, 'input image')).toThrow(message));

  it('splits repo:tag and knows loopback registries', () => {
    expect(parseTaggedReference('127.0.0.1:5000/a/b:c', 'x')).toEqual({ repo: { registry: '127.0.0.1:5000', path: 'a/b' }, tag: 'c' });
    expect(isLoopbackRegistry('127.0.0.1:5000')).toBe(true);
    expect(isLoopbackRegistry('localhost:5001')).toBe(true);
    expect(isLoopbackRegistry('ghcr.io')).toBe(false);
  });

  const badOptions: [Partial<Record<InputName, string>>, RegExp][] = [
    [{ image: '' }, /input image is required: the image repository/],
    [{ push: 'yes' }, /input push: "yes" is not valid; accepted: true or false/],
    [{ cache: 's3' }, /input cache: "s3" is not a cache backend; accepted: auto, registry, gha, local, inline or none/],
    [{ 'build-args': 'no-equals' }, /input build-args line 1: "no-equals" is not KEY=VALUE/],
    [{ 'build-args': '1BAD=x' }, /is not KEY=VALUE/],
    [{ tags: '{tga}' }, /unknown placeholder \{tga\}; accepted: \{tag\}, \{key\}/],
    [{ tags: 'a b' }, /contains whitespace/],
    [{ retries: '99' }, /accepted: a whole number from 0 to 10/],
    [{ builder: 'bk;rm' }, /is not a builder name/],
    [{ context: 'ctx' }, /input context is set but input dockerfile is not/],
  ];
  for (const [raw, message] of badOptions) {
    it(`rejects ${JSON.stringify(raw)}`, () => expect(() => options(raw)).toThrow(message));
  }

  it('has defaults a user of build-push-action expects', () => {
    expect(options()).toMatchObject({
      push: false,
      cache: 'auto',
      context: '.',
      skipExisting: true,
      failFast: false,
      retries: 2,
      cacheTimeoutSeconds: 120,
      tags: [],
      labels: [],
      buildArgs: [],
    });
  });
});
