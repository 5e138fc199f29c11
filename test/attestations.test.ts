import { describe, expect, it } from 'vitest';
import { attestationFlags, attestationHashPart, parseProvenance, parseSbom } from '../src/image/attestations.js';
import { buildxArgs, buildxLacks } from '../src/image/buildx.js';
import { planEntryBuild } from '../src/image/build-plan.js';
import { attestationsOf, indexPlatforms, readManifest } from '../src/image/manifest.js';
import { parseBuildOptions } from '../src/image/options.js';
import { fakeInputs, plan, userErrorOf } from './helpers.js';

// Inputs provenance and sbom, the pure parts: what buildx is told, what the content hash takes, and
// how an attested index is read. On BuildKit and the registry: e2e-attestations.test.ts.

describe('provenance and sbom: parsing, as build-push-action spells them', () => {
  it('provenance: false, true (mode=min), mode=min, mode=max', () => {
    expect(['', 'false', 'False'].map((t) => parseProvenance(t, 'input provenance'))).toEqual([null, null, null]);
    expect(['true', 'mode=min', 'MODE=MIN'].map((t) => parseProvenance(t, 'input provenance'))).toEqual([
      'mode=min',
      'mode=min',
      'mode=min',
    ]);
    expect(parseProvenance('mode=max', 'input provenance')).toBe('mode=max');
    expect(userErrorOf(() => parseProvenance('max', 'input provenance'))).toBe(
      'input provenance: "max" is not valid; accepted: false, true, mode=min or mode=max',
    );
  });

  it('sbom: false, true, or a generator image with or without generator=', () => {
    expect(parseSbom('false', 'input sbom')).toBeNull();
    expect(parseSbom('true', 'input sbom')).toBe('true');
    expect(parseSbom('generator=docker/buildkit-syft-scanner:stable-1', 'input sbom')).toBe(
      'generator=docker/buildkit-syft-scanner:stable-1',
    );
    expect(parseSbom('127.0.0.1:5000/scanner:1', 'input sbom')).toBe('generator=127.0.0.1:5000/scanner:1');
    expect(userErrorOf(() => parseSbom('generator=', 'input sbom'))).toContain('accepted: false, true, or a generator image');
    expect(userErrorOf(() => parseSbom('a b', 'input sbom'))).toContain('accepted: false, true, or a generator image');
    expect(userErrorOf(() => parseSbom('Not/An:Image:ref', 'input sbom'))).toMatch(/^input sbom: /);
  });
});

describe('attestations on the build command line and in the content hash', () => {
  const [entry] = plan('torch: 2.8.0\ncuda: cpu\npython: "3.12"').include;
  const planFor = (inputs: Record<string, string>): ReturnType<typeof planEntryBuild> =>
    planEntryBuild(
      entry!,
      parseBuildOptions(fakeInputs({ image: 'ghcr.io/acme/pt', ...inputs })),
      { dockerfile: 'FROM x\n', contextDigest: 'd', entryCount: 1, supportsIgnoreError: true },
      { created: '2026-01-01T00:00:00Z', tempDir: '/tmp' },
    );

  it('always names both flags, off unless asked (buildx would add provenance mode=min on its own)', () => {
    const build = planFor({});
    const args = (attestations?: { provenance: string | null; sbom: string | null }): string[] =>
      buildxArgs(
        {
          build,
          file: 'Dockerfile',
          context: '.',
          push: true,
          load: false,
          metadataFile: 'm.json',
          ...(attestations ? { attestations } : {}),
        },
        { buildx: '0.29.1', buildkit: '0.25.2' },
      );
    expect(args()).toEqual(expect.arrayContaining(['--provenance=false', '--sbom=false']));
    expect(args({ provenance: 'mode=max', sbom: 'generator=r/s:1' })).toEqual(
      expect.arrayContaining(['--provenance=mode=max', '--sbom=generator=r/s:1']),
    );
    // buildx before 0.10 has neither flag
    expect(
      buildxArgs({ build, file: 'D', context: '.', push: true, load: false, metadataFile: 'm' }, { buildx: '0.9.1', buildkit: null }),
    ).not.toContain('--provenance=false');
    expect(attestationFlags({ provenance: 'mode=min', sbom: null })).toEqual(['--provenance=mode=min', '--sbom=false']);
  });

  it('keeps the content hash of an unattested build as it was, and gives an attested one its own', () => {
    expect(attestationHashPart({ provenance: null, sbom: null })).toBeNull();
    const plain = planFor({});
    expect(planFor({ provenance: 'false', sbom: 'false' }).contentHash).toBe(plain.contentHash);
    const withProvenance = planFor({ provenance: 'true' });
    expect(withProvenance.contentHash).not.toBe(plain.contentHash);
    expect(planFor({ provenance: 'mode=max' }).contentHash).not.toBe(withProvenance.contentHash);
    expect(planFor({ sbom: 'true' }).contentHash).not.toBe(plain.contentHash);
  });
});

describe('an attested index, read', () => {
  const image = `sha256:${'a'.repeat(64)}`;
  const other = `sha256:${'b'.repeat(64)}`;
  const attestation = `sha256:${'c'.repeat(64)}`;
  const index = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: image,
        size: 668,
        platform: { os: 'linux', architecture: 'amd64' },
      },
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: attestation,
        size: 566,
        annotations: { 'vnd.docker.reference.digest': image, 'vnd.docker.reference.type': 'attestation-manifest', odd: 7 },
        platform: { os: 'unknown', architecture: 'unknown' },
      },
    ],
  });

  it('lists the image as its one platform and finds the attestation of it, keeping string annotations only', () => {
    const doc = readManifest(index, 'test');
    if (doc.kind !== 'index') throw new Error('not an index');
    expect(indexPlatforms(doc.manifests)).toEqual([{ platform: 'linux/amd64', digest: image }]);
    expect(attestationsOf(doc.manifests, image).map((m) => [m.digest, m.annotations])).toEqual([
      [attestation, { 'vnd.docker.reference.digest': image, 'vnd.docker.reference.type': 'attestation-manifest' }],
    ]);
    expect(attestationsOf(doc.manifests, other)).toEqual([]);
  });

  it('bounds what it keeps of a hostile index: at most 32 annotations, none over 1 KiB', () => {
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 'v']));
    const doc = readManifest(
      JSON.stringify({
        manifests: [
          { digest: image, annotations: many },
          { digest: other, annotations: { big: 'x'.repeat(5000) } },
        ],
      }),
      'test',
    );
    if (doc.kind !== 'index') throw new Error('not an index');
    expect(Object.keys(doc.manifests[0]?.annotations ?? {})).toHaveLength(32);
    expect(doc.manifests[1]?.annotations).toBeUndefined();
  });
});

describe('what a build without buildx (or with an old one) cannot do, said in one clause', () => {
  const options = (inputs: Record<string, string>): ReturnType<typeof parseBuildOptions> =>
    parseBuildOptions(fakeInputs({ image: 'ghcr.io/acme/pt', push: 'true', ...inputs }));
  it('names each feature asked for that the tools lack, and nothing when they have it', () => {
    const none = { buildx: null, buildkit: null };
    expect(buildxLacks(options({}), none)).toBeNull();
    expect(buildxLacks(options({ secrets: 't=v', compression: 'zstd', provenance: 'true' }), none)).toBe(
      'build secrets (secrets, secret-files), compression other than gzip, attestations (provenance, sbom) ' +
        'need docker buildx, which was not found',
    );
    expect(buildxLacks(options({ provenance: 'true' }), { buildx: '0.9.1', buildkit: null })).toBe(
      'attestations (provenance, sbom) need buildx 0.10 or newer',
    );
    // attestations only go with a push
    expect(buildxLacks(options({ provenance: 'true', push: 'false' }), none)).toBeNull();
    expect(
      buildxLacks(options({ secrets: 't=v', compression: 'zstd', provenance: 'true' }), { buildx: '0.29.1', buildkit: '0.25.2' }),
    ).toBeNull();
  });
});
