import { describe, expect, it } from 'vitest';
import { ManifestError, imageBytes, platformDigest, readManifest } from '../src/image/manifest.js';

// Issue 17: what a registry or an OCI layout sends as a manifest is read into checked fields; the
// fuzz run (npm run bench:fuzz) found each of these ending in a TypeError or SyntaxError before.
const D = `sha256:${'a'.repeat(64)}`;
const layer = { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: D, size: 10 };
const config = { mediaType: 'application/vnd.oci.image.config.v1+json', digest: D, size: 5 };

describe('readManifest: a hostile manifest is a ManifestError naming what is wrong', () => {
  const bad: [string, string, RegExp][] = [
    ['not JSON', 'x', /the manifest is not JSON/],
    ['cut JSON', '{"sc,he', /the manifest is not JSON/],
    ['null', 'null', /is not a JSON object/],
    ['layers a string', JSON.stringify({ config, layers: '' }), /layers is not a list/],
    ['no layers', JSON.stringify({ config }), /layers is not a list/],
    ['config null', JSON.stringify({ config: null, layers: [] }), /config is not a descriptor/],
    ['a null layer', JSON.stringify({ config, layers: [null] }), /layers\[0\] is not a descriptor/],
    [
      'a layer without a digest',
      JSON.stringify({ config, layers: [{ ...layer, digest: undefined }] }),
      /layers\[0\]\.digest is not a digest/,
    ],
    ['a path for a digest', JSON.stringify({ config, layers: [{ ...layer, digest: '../../x' }] }), /layers\[0\]\.digest is not a digest/],
    ['a string size', JSON.stringify({ config, layers: [{ ...layer, size: '5' }] }), /layers\[0\]\.size is not a byte count: "5"/],
    ['a negative size', JSON.stringify({ config, layers: [{ ...layer, size: -1 }] }), /size is not a byte count/],
    ['a size past 2^53', JSON.stringify({ config, layers: [{ ...layer, size: 2 ** 60 }] }), /size is not a byte count/],
    ['no media type', JSON.stringify({ config, layers: [{ ...layer, mediaType: 7 }] }), /mediaType is not a media type/],
    ['manifests an object', JSON.stringify({ manifests: {} }), /manifests is not a list/],
    ['a null in manifests', JSON.stringify({ manifests: [null] }), /manifests\[0\] is not an object/],
    ['an index entry without a digest', JSON.stringify({ manifests: [{ platform: {} }] }), /manifests\[0\]\.digest is not a digest/],
    ['20,000 layers', JSON.stringify({ config, layers: Array(20_000).fill(layer) }), /has 20000 items; at most 10000/],
  ];
  for (const [name, text, message] of bad) {
    it(`refuses ${name}`, () => {
      expect(() => readManifest(text, 'the image')).toThrow(ManifestError);
      expect(() => readManifest(text, 'the image')).toThrow(message);
    });
  }
  it('reads an image manifest and an index, and picks linux/amd64 from an index', () => {
    expect(readManifest(JSON.stringify({ schemaVersion: 2, config, layers: [layer] }), 'i')).toEqual({
      kind: 'image',
      config,
      layers: [layer],
    });
    const other = `sha256:${'b'.repeat(64)}`;
    const index = readManifest(
      JSON.stringify({
        manifests: [
          { digest: other, platform: { os: 'unknown', architecture: 'unknown' } },
          { digest: D, platform: { os: 'linux', architecture: 'amd64' } },
        ],
      }),
      'i',
    );
    expect(index.kind === 'index' && platformDigest(index.manifests, 'i')).toBe(D);
    expect(() => platformDigest([], 'the index')).toThrow(/the index: the index lists no manifest/);
  });
  it('sizes an image only from byte counts', () => {
    expect(imageBytes(JSON.stringify({ config, layers: [layer, layer] }))).toBe(25);
    expect(imageBytes(JSON.stringify({ config, layers: [{ ...layer, size: '5' }] }))).toBeNull();
    expect(imageBytes(JSON.stringify({ manifests: [] }))).toBeNull();
    expect(imageBytes('x')).toBeNull();
  });
});
