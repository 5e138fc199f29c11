import { describe, expect, it } from 'vitest';
import { buildxArgs } from '../src/image/buildx.js';
import { planEntryBuild } from '../src/image/build-plan.js';
import { compressionAttributes, compressionHashPart, parseCompression } from '../src/image/compression.js';
import { parseBuildOptions } from '../src/image/options.js';
import { fakeInputs, plan, userErrorOf } from './helpers.js';

// Inputs compression and force-compression, the pure parts. On BuildKit and the registry:
// e2e-compression.test.ts.

describe('compression: parsing', () => {
  it('takes gzip or zstd, with a level after a colon', () => {
    expect(parseCompression('', false, 'c')).toEqual({ type: 'gzip', level: null, force: false });
    expect(parseCompression('ZSTD', false, 'c')).toEqual({ type: 'zstd', level: null, force: false });
    expect(parseCompression('zstd:19', true, 'c')).toEqual({ type: 'zstd', level: 19, force: true });
    expect(parseCompression('gzip:1', false, 'c')).toEqual({ type: 'gzip', level: 1, force: false });
  });

  it('refuses what BuildKit would not take, saying what it takes', () => {
    for (const bad of ['brotli', 'gzip:10', 'zstd:0', 'zstd:23', 'zstd:', 'zstd 3', 'estargz']) {
      expect(userErrorOf(() => parseCompression(bad, false, 'input compression'))).toMatch(
        /^input compression: ".*" is not valid; accepted: gzip or zstd, with a level after a colon \(gzip:1 to gzip:9, zstd:1 to zstd:22/,
      );
    }
  });
});

describe('compression on the command line and in the content hash', () => {
  const [entry] = plan('torch: 2.8.0\ncuda: cpu\npython: "3.12"').include;
  const planFor = (inputs: Record<string, string>): ReturnType<typeof planEntryBuild> =>
    planEntryBuild(
      entry!,
      parseBuildOptions(fakeInputs({ image: 'ghcr.io/acme/pt', push: 'true', ...inputs })),
      { dockerfile: 'FROM x\n', contextDigest: 'd', entryCount: 1, supportsIgnoreError: true },
      { created: '2026-01-01T00:00:00Z', tempDir: '/tmp' },
    );
  const argv = (inputs: Record<string, string>): string[] => {
    const options = parseBuildOptions(fakeInputs({ image: 'ghcr.io/acme/pt', push: 'true', ...inputs }));
    return buildxArgs(
      { build: planFor(inputs), file: 'D', context: '.', push: true, load: false, metadataFile: 'm', compression: options.compression },
      { buildx: '0.29.1', buildkit: '0.25.2' },
    );
  };

  it('keeps --push for gzip, and names the registry exporter with its attributes otherwise', () => {
    expect(argv({})).toContain('--push');
    expect(argv({ compression: 'gzip' })).not.toContain('--output');
    const zstd = argv({ compression: 'zstd:3', 'force-compression': 'true' });
    expect(zstd).not.toContain('--push');
    expect(zstd).toEqual(expect.arrayContaining(['--output', 'type=registry,compression=zstd,compression-level=3,force-compression=true']));
    // the tags still name where it goes
    expect(zstd).toEqual(expect.arrayContaining(['--tag', 'ghcr.io/acme/pt:2.8.0-cpu-py3.12-ubuntu24.04']));
  });

  it('keeps the content hash of a gzip build, and gives each other compression its own', () => {
    expect(compressionHashPart(parseCompression('gzip', false, 'c'))).toBeNull();
    expect(compressionAttributes(parseCompression('', false, 'c'))).toBe('');
    const gzip = planFor({}).contentHash;
    expect(planFor({ compression: 'gzip' }).contentHash).toBe(gzip);
    const zstd = planFor({ compression: 'zstd' }).contentHash;
    expect(zstd).not.toBe(gzip);
    expect(planFor({ compression: 'zstd', 'force-compression': 'true' }).contentHash).not.toBe(zstd);
    expect(planFor({ compression: 'zstd:19' }).contentHash).not.toBe(zstd);
  });
});
