import { describe, expect, it } from 'vitest';
import { bundledCompat } from '../src/compat/load.js';
import { mergeCompatFile } from '../src/compat/load.js';
import { joinPlatforms } from '../src/commands/verify.js';
import { emulatedPlatforms } from '../src/commands/build.js';
import { reproPlatform } from '../src/commands/repro.js';
import { smokePlatforms } from '../src/commands/smoke.js';
import { planEntryBuild, platformTagOf } from '../src/image/build-plan.js';
import { buildxArgs } from '../src/image/buildx.js';
import { indexPlatforms, ociIndex, platformDigest, readManifest } from '../src/image/manifest.js';
import { parseBuildOptions } from '../src/image/options.js';
import { resolvePlans } from '../src/matrix/resolve.js';
import { parseMatrixSpecs } from '../src/matrix/spec.js';
import { nativePlatform, parsePlatforms } from '../src/matrix/platform.js';
import type { EntryVerdict } from '../src/verify/check.js';
import { fakeInputs, plan, planError } from './helpers.js';

// Pure parts of multi-platform images (linux/arm64 beside linux/amd64); the builds, pushes, merges
// and emulated runs are in e2e-platforms.test.ts, on the real BuildKit and registry.

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('platforms: what a person writes', () => {
  const accepted: [unknown, string[]][] = [
    ['linux/arm64', ['linux/arm64']],
    ['linux/amd64,linux/arm64', ['linux/amd64', 'linux/arm64']],
    ['arm64, amd64', ['linux/amd64', 'linux/arm64']],
    ['linux/arm64\nlinux/amd64\nlinux/arm64', ['linux/amd64', 'linux/arm64']],
    [
      ['aarch64', 'x86_64'],
      ['linux/amd64', 'linux/arm64'],
    ],
    ['LINUX/ARM64/V8', ['linux/arm64']],
  ];
  for (const [value, expected] of accepted) {
    it(`reads ${JSON.stringify(value)} as ${expected.join(',')}`, () => expect(parsePlatforms(value, 'platforms')).toEqual(expected));
  }
  const refused: [unknown, RegExp][] = [
    [
      'linux/arm/v7',
      new RegExp(
        '^platforms: "linux/arm/v7" is not a platform this action builds: 32-bit ARM has no CUDA wheels or images; ' +
          'accepted: linux/amd64 or linux/arm64$',
      ),
    ],
    ['windows/amd64', /GPU images here are Linux images/],
    ['linux/amd64, linux/ppc64le', /^platforms\[1\]: "linux\/ppc64le" is not a platform/],
    [' , ', /^platforms: no platform given/],
    [[3], /^platforms\[0\]: expected a platform such as linux\/arm64, got the value 3/],
    [{ arm: true }, /^platforms: expected a platform or a list of them/],
  ];
  for (const [value, message] of refused) {
    it(`refuses ${JSON.stringify(value)}, naming what is accepted`, () =>
      expect(() => parsePlatforms(value, 'platforms')).toThrow(message));
  }
  it('knows the runner platforms Node reports', () => {
    expect(nativePlatform('x64')).toBe('linux/amd64');
    expect(nativePlatform('arm64')).toBe('linux/arm64');
    expect(nativePlatform('s390x')).toBeNull();
  });
});

describe('platforms: planning', () => {
  it('leaves every entry as it was when no platforms are asked for (same key as before, platforms linux/amd64)', () => {
    const [before] = plan('torch: 2.8.0\ncuda: "12.8"\npython: "3.12"').include;
    const [asked] = plan('torch: 2.8.0\ncuda: "12.8"\npython: "3.12"\nplatforms: linux/amd64').include;
    expect(before?.platforms).toEqual(['linux/amd64']);
    expect(asked?.key).toBe(before?.key);
    expect(asked?.tag).toBe(before?.tag);
  });

  it('builds one tag for both platforms, under a key of its own, when the release ships both', () => {
    const one = plan('torch: 2.8.0\ncuda: "12.8"\npython: "3.12"').include[0];
    const both = plan('torch: 2.8.0\ncuda: "12.8"\npython: "3.12"\nplatforms: [linux/amd64, linux/arm64]');
    expect(both.include.map((e) => [e.tag, e.platforms])).toEqual([['2.8.0-cu128-py3.12-ubuntu24.04', ['linux/amd64', 'linux/arm64']]]);
    expect(both.include[0]?.key).not.toBe(one?.key);
  });

  it('leaves out a platform the release lacks, with the reason as a warning, and skips an entry left with none', () => {
    // torch 2.7 released aarch64 CUDA wheels for cu128 only (pytorch/test-infra#6492)
    const p = plan('torch: 2.7.1\ncuda: ["12.6", "12.8"]\npython: "3.12"\nplatforms: linux/amd64,linux/arm64');
    expect(p.include.map((e) => [e.cudaVariant, e.platforms])).toEqual([
      ['cu126', ['linux/amd64']],
      ['cu128', ['linux/amd64', 'linux/arm64']],
    ]);
    expect(p.warnings).toContainEqual(
      expect.stringMatching(
        new RegExp(
          '^2\\.7\\.1-cu126-py3\\.12-ubuntu24\\.04: built for linux/amd64 only: ' +
            'torch 2\\.7\\.1 has no linux/arm64 cu126 wheels \\(its aarch64 wheels: cpu, cu128\\)$',
        ),
      ),
    );
    const armOnly = plan('torch: 2.7.1\ncuda: ["12.6", "12.8"]\npython: "3.12"\nplatforms: linux/arm64');
    expect(armOnly.include.map((e) => e.cudaVariant)).toEqual(['cu128']);
    expect(armOnly.skipped).toEqual([
      expect.objectContaining({
        torch: '2.7.1',
        cuda: 'cu126',
        platforms: 'linux/arm64',
        reason: expect.stringMatching(/no linux\/arm64 cu126 wheels/),
      }),
    ]);
  });

  it('says why nothing is left when no requested entry ships the platform', () => {
    expect(planError('torch: 2.3.1\ncuda: "12.1"\npython: "3.11"\nplatforms: linux/arm64')).toMatch(
      /resolves to no entries[\s\S]*torch 2\.3\.1 has no linux\/arm64 cu121 wheels \(its aarch64 wheels: cpu\)/,
    );
    expect(planError('tensorflow: 2.18.1\ncuda: "12.5"\npython: "3.11"\nplatforms: linux/arm64')).toMatch(
      /TensorFlow has no CUDA build for linux\/arm64/,
    );
    expect(planError('jax: 0.4.26\ncuda: "12"\npython: "3.11"\nplatforms: linux/arm64')).toMatch(
      /jax 0\.4\.26 has no linux\/arm64 cuda12 plugin wheels \(the release data has them from jax 0\.4\.30\)/,
    );
  });

  it('warns where the arm64 data is inferred', () => {
    const p = plan('torch: 2.9.1\ncuda: "12.6"\npython: "3.12"\nplatforms: linux/arm64');
    expect(p.include[0]?.platforms).toEqual(['linux/arm64']);
    expect(p.warnings).toContainEqual("torch 2.9's linux/arm64 cu126 wheels are inferred, not read: verify checks them");
  });

  it('lets an include item set the platforms of the entries it matches, and the input set the default', () => {
    const spec = 'torch: [2.8.0, 2.6.0]\ncuda: cpu\npython: "3.12"\ninclude:\n  - torch: 2.8.0\n    platforms: [linux/arm64]';
    const torchOf = (e: object): string => (e as { torch: string }).torch;
    expect(plan(spec).include.map((e) => [torchOf(e), e.platforms])).toEqual([
      ['2.8.0', ['linux/arm64']],
      ['2.6.0', ['linux/amd64']],
    ]);
    const fromInput = resolvePlans(parseMatrixSpecs(spec, 'matrix'), bundledCompat(), {
      maxEntries: 10,
      platforms: ['linux/amd64', 'linux/arm64'],
    });
    expect(fromInput.include.map((e) => [torchOf(e), e.platforms])).toEqual([
      ['2.8.0', ['linux/arm64']],
      ['2.6.0', ['linux/amd64', 'linux/arm64']],
    ]);
  });

  it('takes a base-image at its word (verify checks the base has each platform)', () => {
    const p = plan('torch: 2.3.1\ncuda: "12.1"\npython: "3.11"\nplatforms: linux/arm64\nbase-image: registry.example/torch:{torch}');
    expect(p.include[0]?.platforms).toEqual(['linux/arm64']);
  });

  it('reads arm64 data from a compat-file, and refuses a variant the release does not have', () => {
    const data = mergeCompatFile(
      bundledCompat(),
      JSON.stringify({
        schemaVersion: 1,
        torch: [{ ...bundledCompat().torch.find((r) => r.minor === '2.3'), arm64: { variants: ['cpu', 'cu121'] } }],
      }),
      'compat',
    );
    expect(plan('torch: 2.3.1\ncuda: "12.1"\npython: "3.11"\nplatforms: linux/arm64', { data }).include[0]?.platforms).toEqual([
      'linux/arm64',
    ]);
    const bad = JSON.stringify({
      schemaVersion: 1,
      torch: [{ ...bundledCompat().torch.find((r) => r.minor === '2.3'), arm64: { variants: ['cu999'] } }],
    });
    expect(() => mergeCompatFile(bundledCompat(), bad, 'compat')).toThrow(
      /arm64\.variants: cu999 is not one of the release's CUDA variants/,
    );
  });
});

describe('platforms: the build', () => {
  const entry = plan('torch: 2.8.0\ncuda: cpu\npython: "3.12"\nplatforms: linux/amd64,linux/arm64').include[0]!;
  const options = (more: Record<string, string> = {}) =>
    parseBuildOptions(fakeInputs({ image: '127.0.0.1:5000/acme/torch', push: 'true', ...more }));
  const planFor = (o: ReturnType<typeof options>) =>
    planEntryBuild(
      entry,
      o,
      { dockerfile: 'FROM x', contextDigest: 'c', entryCount: 1, supportsIgnoreError: true },
      { created: '', tempDir: '/tmp' },
    );
  const tools = { buildx: '0.29.1', buildkit: '0.25.2' };

  it('builds every platform of the entry in one build, tagged as always', () => {
    const build = planFor(options());
    const args = buildxArgs({ build, file: 'Dockerfile', context: '.', push: true, load: false, metadataFile: 'm.json' }, tools);
    expect(args.slice(args.indexOf('--platform'), args.indexOf('--platform') + 2)).toEqual(['--platform', 'linux/amd64,linux/arm64']);
    expect(args.filter((a, i) => args[i - 1] === '--tag')).toEqual([build.tags[0], build.contentTag]);
  });

  it('builds one platform for a fan-out job, under its own tag only, with the same content hash', () => {
    const all = planFor(options());
    const arm = planFor(options({ platform: 'arm64' }));
    expect(arm.contentHash).toBe(all.contentHash);
    expect(arm.platforms).toEqual(['linux/arm64']);
    expect(arm.platformTag).toBe(`${all.contentTag}-linux-arm64`);
    expect(platformTagOf(all.contentTag, 'linux/arm64')).toBe(arm.platformTag);
    const args = buildxArgs({ build: arm, file: 'Dockerfile', context: '.', push: true, load: false, metadataFile: 'm.json' }, tools);
    expect(args.filter((a, i) => args[i - 1] === '--tag')).toEqual([arm.platformTag]);
    expect(args).toContain('linux/arm64');
  });

  it("gives a fan-out job a cache of its own platform, which the other platform's job cannot overwrite", () => {
    const all = planFor(options({ cache: 'registry' }));
    const arm = planFor(options({ cache: 'registry', platform: 'linux/arm64' }));
    expect(arm.cache.to[0]).toMatch(new RegExp(`:buildcache-${entry.key}-linux-arm64,mode=max`));
    expect(all.cache.to[0]).toMatch(new RegExp(`:buildcache-${entry.key},mode=max`));
  });

  it('knows which platforms it builds under emulation, for the warning', () => {
    expect(emulatedPlatforms([entry], undefined, 'x64')).toEqual(['linux/arm64']);
    expect(emulatedPlatforms([entry], undefined, 'arm64')).toEqual(['linux/amd64']);
    expect(emulatedPlatforms([entry], 'linux/amd64', 'x64')).toEqual([]);
  });

  it('refuses a fan-out platform the entry is not built for', () => {
    const amd = plan('torch: 2.8.0\ncuda: cpu\npython: "3.12"').include[0]!;
    expect(() =>
      planEntryBuild(
        amd,
        options({ platform: 'linux/arm64' }),
        { dockerfile: 'x', contextDigest: 'c', entryCount: 1, supportsIgnoreError: true },
        { created: '', tempDir: '/tmp' },
      ),
    ).toThrow(/^platform: linux\/arm64 is not one of entry 2\.8\.0-cpu-py3\.12-ubuntu24\.04's platforms \(linux\/amd64\)$/);
  });

  it("repro builds the runner's own platform where the entry has it, else the first, else what was asked", () => {
    expect(reproPlatform(entry, undefined, 'arm64')).toBe('linux/arm64');
    expect(reproPlatform(entry, undefined, 'x64')).toBe('linux/amd64');
    expect(reproPlatform({ ...entry, platforms: ['linux/arm64'] }, undefined, 'x64')).toBe('linux/arm64');
    expect(reproPlatform(entry, 'linux/arm64', 'x64')).toBe('linux/arm64');
  });

  it("smoke checks the runner's own platform on the GPU, every platform in CPU mode", () => {
    expect(smokePlatforms(['linux/amd64', 'linux/arm64'], true, 'x64')).toEqual({ run: ['linux/amd64'], elsewhere: ['linux/arm64'] });
    expect(smokePlatforms(['linux/amd64', 'linux/arm64'], true, 'arm64')).toEqual({ run: ['linux/arm64'], elsewhere: ['linux/amd64'] });
    expect(smokePlatforms(['linux/amd64', 'linux/arm64'], false, 'x64')).toEqual({ run: ['linux/amd64', 'linux/arm64'], elsewhere: [] });
    // a smoke job per platform (input platform) checks its own alone
    expect(smokePlatforms(['linux/amd64', 'linux/arm64'], false, 'x64', 'linux/arm64')).toEqual({ run: ['linux/arm64'], elsewhere: [] });
    expect(smokePlatforms(['linux/amd64', 'linux/arm64'], true, 'arm64', 'linux/arm64')).toEqual({ run: ['linux/arm64'], elsewhere: [] });
  });
});

describe('platforms: manifests', () => {
  const index = (platforms: (string | null)[]) =>
    readManifest(
      JSON.stringify({
        manifests: platforms.map((p, i) => ({
          digest: `sha256:${String(i).repeat(64)}`,
          size: 10 + i,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          ...(p ? { platform: { os: p.split('/')[0], architecture: p.split('/')[1] } } : {}),
        })),
      }),
      'index',
    );
  it('picks the image of the architecture asked for, and says what an index has when it lacks it', () => {
    const doc = index(['linux/amd64', 'linux/arm64', 'unknown/unknown']);
    if (doc.kind !== 'index') throw new Error('not an index');
    expect(platformDigest(doc.manifests, 'x', 'arm64')).toBe(`sha256:${'1'.repeat(64)}`);
    expect(indexPlatforms(doc.manifests).map((m) => m.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    const amdOnly = index(['linux/amd64']);
    if (amdOnly.kind !== 'index') throw new Error('not an index');
    expect(() => platformDigest(amdOnly.manifests, 'r:t', 'arm64')).toThrow(
      /^r:t: the index has no linux\/arm64 image \(it has linux\/amd64\)$/,
    );
    const unnamed = index([null]);
    if (unnamed.kind !== 'index') throw new Error('not an index');
    expect(platformDigest(unnamed.manifests, 'layout', 'arm64')).toBe(`sha256:${'0'.repeat(64)}`);
  });
  it('writes an OCI index that reads back with each platform, size and media type', () => {
    const text = ociIndex([
      { digest: `sha256:${A}`, size: 500, mediaType: 'application/vnd.oci.image.manifest.v1+json', os: 'linux', architecture: 'amd64' },
      { digest: `sha256:${B}`, size: 600, mediaType: 'application/vnd.oci.image.manifest.v1+json', os: 'linux', architecture: 'arm64' },
    ]);
    const doc = readManifest(text, 'merged');
    expect(doc).toEqual({
      kind: 'index',
      manifests: [
        {
          digest: `sha256:${A}`,
          size: 500,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          platform: { os: 'linux', architecture: 'amd64' },
        },
        {
          digest: `sha256:${B}`,
          size: 600,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          platform: { os: 'linux', architecture: 'arm64' },
        },
      ],
    });
    expect(JSON.parse(text).mediaType).toBe('application/vnd.oci.image.index.v1+json');
    const list = ociIndex(
      [
        {
          digest: `sha256:${A}`,
          size: 5,
          mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
          os: 'linux',
          architecture: 'arm64',
        },
      ],
      'application/vnd.docker.distribution.manifest.list.v2+json',
    );
    expect(JSON.parse(list).mediaType).toBe('application/vnd.docker.distribution.manifest.list.v2+json');
  });
});

describe('platforms: verify joins the platforms of an entry', () => {
  const verdict = (over: Partial<EntryVerdict>): EntryVerdict => ({
    tag: 't',
    key: 'k',
    status: 'ok',
    missing: [],
    warnings: [],
    checked: 4,
    confirmed: 4,
    ...over,
  });
  it('reads as before for linux/amd64 alone', () => {
    const v = verdict({ warnings: ['w'] });
    expect(joinPlatforms([{ platform: 'linux/amd64', verdict: v }])).toBe(v);
  });
  it('names the platform of each finding, and fails the entry when one platform misses something', () => {
    const joined = joinPlatforms([
      { platform: 'linux/amd64', verdict: verdict({}) },
      {
        platform: 'linux/arm64',
        verdict: verdict({ status: 'missing', missing: ['torch 2.7.1 has no cp312 aarch64 wheel'], confirmed: 3 }),
      },
    ]);
    expect(joined).toMatchObject({
      status: 'missing',
      missing: ['linux/arm64: torch 2.7.1 has no cp312 aarch64 wheel'],
      checked: 8,
      confirmed: 7,
    });
  });
});
