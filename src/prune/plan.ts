/**
 * What `prune` keeps and deletes in a repository, decided from what the registry said. Pure.
 *
 * Every build leaves a content tag `gim-<key>-<hash>` (and, from a fan-out, `gim-<key>-<hash>-linux-<arch>`
 * per platform); nothing removed them. Prune keeps:
 *   - every tag that is not a content tag: entry tags, aliases, the team's own tags, `buildcache-*`;
 *   - per key, the `keep` newest content tags (by the image's creation label), with their platform tags;
 *   - every content tag whose digest a kept tag points at, or that a kept index holds (in use).
 * The rest is deleted by digest, and only where every tag on that digest goes: a registry deletes a
 * manifest with all its tags.
 */

export interface TagFacts {
  tag: string;
  /** the manifest digest the tag points at */
  digest: string;
  /** when the image was made (org.opencontainers.image.created, else the config's created); null when unknown */
  created: string | null;
  /** for an index: the manifests it holds (platform images, attestations) */
  children: string[];
}

export interface PruneRow {
  tag: string;
  digest: string;
  /** the entry key of a content tag; null for other tags */
  key: string | null;
  created: string | null;
  action: 'keep' | 'delete';
  reason: string;
}

/** A content tag: gim-<12 hex key>-<16 hex hash>, with a platform suffix from a fan-out job. */
const CONTENT_TAG = /^gim-([0-9a-f]{12})-([0-9a-f]{16})(-linux-[a-z0-9]+)?$/;

export function contentTagParts(tag: string): { key: string; base: string; platform: boolean } | null {
  const m = CONTENT_TAG.exec(tag);
  return m ? { key: m[1] as string, base: `gim-${m[1]}-${m[2]}`, platform: m[3] !== undefined } : null;
}

export function decidePrune(facts: TagFacts[], keep: number): PruneRow[] {
  const byTag = new Map(facts.map((f) => [f.tag, f]));
  const rows = new Map<string, PruneRow>();
  const inUse = new Set<string>();
  const hold = (f: TagFacts): void => {
    inUse.add(f.digest);
    for (const c of f.children) inUse.add(c);
  };

  // 1. Tags that are not content tags stay, and so does what they point at.
  for (const f of facts) {
    if (contentTagParts(f.tag)) continue;
    rows.set(f.tag, { tag: f.tag, digest: f.digest, key: null, created: f.created, action: 'keep', reason: 'not a content tag' });
    hold(f);
  }

  // 2. Per key, the newest `keep` content tags (a platform tag is dated by its content tag, or by itself when that is gone).
  const groups = new Map<string, { base: string; created: string | null; tags: TagFacts[] }[]>();
  const builds = new Map<string, { base: string; created: string | null; tags: TagFacts[] }>();
  for (const f of facts) {
    const parts = contentTagParts(f.tag);
    if (!parts) continue;
    let build = builds.get(parts.base);
    if (!build) {
      build = { base: parts.base, created: null, tags: [] };
      builds.set(parts.base, build);
      groups.set(parts.key, [...(groups.get(parts.key) ?? []), build]);
    }
    build.tags.push(f);
    if (!parts.platform || build.created === null) build.created = f.created ?? build.created;
  }
  for (const [key, list] of groups) {
    // newest first; unknown dates last (never kept over a dated build), then by tag for a stable order
    const sorted = [...list].sort((a, b) =>
      a.created === b.created
        ? a.base < b.base
          ? -1
          : 1
        : a.created === null
          ? 1
          : b.created === null
            ? -1
            : a.created > b.created
              ? -1
              : 1,
    );
    sorted.forEach((build, i) => {
      const kept = i < keep;
      for (const f of build.tags) {
        rows.set(f.tag, {
          tag: f.tag,
          digest: f.digest,
          key,
          created: build.created,
          action: kept ? 'keep' : 'delete',
          reason: kept ? `one of the ${keep} newest builds of ${key}` : `older than the ${keep} newest builds of ${key}`,
        });
        if (kept) hold(f);
      }
    });
  }

  // 3. What a kept tag points at, or a kept index holds, stays, with the rest of its build (a fan-out's
  // platform tags: an attested one is an index that the merged index does not hold, but a later merge
  // or skip of that build reads it); and a digest goes only with all its tags.
  const baseOf = (tag: string): string | null => contentTagParts(tag)?.base ?? null;
  let changed = true;
  while (changed) {
    changed = false;
    const keptBuilds = new Set([...rows.values()].filter((r) => r.action === 'keep').map((r) => baseOf(r.tag)));
    for (const row of rows.values()) {
      if (row.action !== 'delete') continue;
      const sibling = keptBuilds.has(baseOf(row.tag));
      if (!inUse.has(row.digest) && !sibling) continue;
      row.action = 'keep';
      row.reason = sibling ? 'part of a kept build (its content tag is kept)' : 'in use: a kept tag points at it, or a kept index holds it';
      const f = byTag.get(row.tag);
      if (f) hold(f);
      changed = true;
    }
  }
  return facts.map((f) => rows.get(f.tag) as PruneRow);
}

/** The digests to delete: those whose every tag is to be deleted. */
export function digestsToDelete(rows: PruneRow[]): string[] {
  const keepDigests = new Set(rows.filter((r) => r.action === 'keep').map((r) => r.digest));
  return [...new Set(rows.filter((r) => r.action === 'delete' && !keepDigests.has(r.digest)).map((r) => r.digest))];
}
