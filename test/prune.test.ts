import { describe, expect, it } from 'vitest';
import { contentTagParts, decidePrune, digestsToDelete, type TagFacts } from '../src/prune/plan.js';

// What prune keeps and deletes, from registry facts (pure). On the registry: e2e-prune.test.ts.

const d = (n: number): string => `sha256:${n.toString(16).padStart(64, '0')}`;
const KEY = 'aaaaaaaaaaaa';
const OTHER = 'bbbbbbbbbbbb';
const content = (key: string, n: number): string => `gim-${key}-${n.toString(16).padStart(16, '0')}`;
const fact = (tag: string, digest: string, created: string | null = null, children: string[] = []): TagFacts => ({
  tag,
  digest,
  created,
  children,
});
const day = (n: number): string => new Date(Date.UTC(2026, 0, n)).toISOString();

function decide(facts: TagFacts[], keep = 2): Record<string, string> {
  return Object.fromEntries(decidePrune(facts, keep).map((r) => [r.tag, r.action]));
}

describe('prune: what stays', () => {
  it('reads content tags, with the platform suffix of a fan-out job', () => {
    expect(contentTagParts(content(KEY, 1))).toEqual({ key: KEY, base: content(KEY, 1), platform: false });
    expect(contentTagParts(`${content(KEY, 1)}-linux-arm64`)).toEqual({ key: KEY, base: content(KEY, 1), platform: true });
    expect(contentTagParts('latest')).toBeNull();
    expect(contentTagParts('buildcache-aaaaaaaaaaaa')).toBeNull();
    expect(contentTagParts('gim-notakey-0000000000000001')).toBeNull();
  });

  it('keeps the newest builds per key and every other tag; deletes the rest', () => {
    const facts = [
      fact(content(KEY, 1), d(1), day(1)),
      fact(content(KEY, 2), d(2), day(2)),
      fact(content(KEY, 3), d(3), day(3)),
      fact(content(OTHER, 1), d(11), day(1)),
      fact('2.8.0-cu128-py3.12-ubuntu24.04', d(3)),
      fact('buildcache-aaaaaaaaaaaa', d(99)),
    ];
    expect(decide(facts)).toEqual({
      [content(KEY, 1)]: 'delete',
      [content(KEY, 2)]: 'keep',
      [content(KEY, 3)]: 'keep',
      [content(OTHER, 1)]: 'keep',
      '2.8.0-cu128-py3.12-ubuntu24.04': 'keep',
      'buildcache-aaaaaaaaaaaa': 'keep',
    });
    expect(digestsToDelete(decidePrune(facts, 2))).toEqual([d(1)]);
  });

  it('keeps an old build that a kept tag points at, directly or through an index it holds', () => {
    const facts = [
      fact(content(KEY, 1), d(1), day(1)),
      fact(content(KEY, 2), d(2), day(2)),
      fact(content(KEY, 3), d(3), day(3)),
      fact(content(KEY, 4), d(4), day(4)),
      fact('release-1', d(1)),
      fact('pinned', d(50), null, [d(2)]),
    ];
    const rows = decidePrune(facts, 1);
    expect(Object.fromEntries(rows.map((r) => [r.tag, r.action]))).toMatchObject({
      [content(KEY, 1)]: 'keep',
      [content(KEY, 2)]: 'keep',
      [content(KEY, 3)]: 'delete',
      [content(KEY, 4)]: 'keep',
    });
    expect(rows.find((r) => r.tag === content(KEY, 2))?.reason).toMatch(/^in use/);
  });

  it("keeps a kept index's platform images, and deletes a fan-out's platform tags with their build", () => {
    const facts = [
      fact(content(KEY, 1), d(10), day(1), [d(11), d(12)]),
      fact(`${content(KEY, 1)}-linux-amd64`, d(11), day(1)),
      fact(`${content(KEY, 1)}-linux-arm64`, d(12), day(1)),
      fact(content(KEY, 2), d(20), day(2), [d(21), d(22)]),
      fact(`${content(KEY, 2)}-linux-amd64`, d(21), day(2)),
      fact(`${content(KEY, 2)}-linux-arm64`, d(22), day(2)),
    ];
    expect(decide(facts, 1)).toEqual({
      [content(KEY, 1)]: 'delete',
      [`${content(KEY, 1)}-linux-amd64`]: 'delete',
      [`${content(KEY, 1)}-linux-arm64`]: 'delete',
      [content(KEY, 2)]: 'keep',
      [`${content(KEY, 2)}-linux-amd64`]: 'keep',
      [`${content(KEY, 2)}-linux-arm64`]: 'keep',
    });
  });

  it("keeps an in-use build's attested platform tags, which the merged index does not hold", () => {
    // fan-out with provenance: each platform tag is an index (image + attestation); merge copied their children
    const facts = [
      fact(content(KEY, 1), d(10), day(1), [d(11), d(12), d(13), d(14)]),
      fact(`${content(KEY, 1)}-linux-amd64`, d(15), day(1), [d(11), d(13)]),
      fact(`${content(KEY, 1)}-linux-arm64`, d(16), day(1), [d(12), d(14)]),
      fact(content(KEY, 2), d(20), day(2)),
      fact('latest', d(10)),
    ];
    const rows = decidePrune(facts, 1);
    expect(rows.map((r) => [r.tag, r.action])).toEqual([
      [content(KEY, 1), 'keep'],
      [`${content(KEY, 1)}-linux-amd64`, 'keep'],
      [`${content(KEY, 1)}-linux-arm64`, 'keep'],
      [content(KEY, 2), 'keep'],
      ['latest', 'keep'],
    ]);
    expect(rows[1]?.reason).toBe('part of a kept build (its content tag is kept)');
  });

  it('never keeps an undated build over a dated one, and never deletes a digest a kept tag shares', () => {
    const facts = [fact(content(KEY, 1), d(1), null), fact(content(KEY, 2), d(2), day(2)), fact(content(KEY, 3), d(2), day(1))];
    const rows = decidePrune(facts, 1);
    expect(Object.fromEntries(rows.map((r) => [r.tag, r.action]))).toEqual({
      [content(KEY, 1)]: 'delete',
      [content(KEY, 2)]: 'keep',
      // older, but the same manifest as a kept build: deleting it would delete that build too
      [content(KEY, 3)]: 'keep',
    });
    expect(digestsToDelete(rows)).toEqual([d(1)]);
  });
});
