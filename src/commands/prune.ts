import { readManifest, indexPlatforms } from '../image/manifest.js';
import { repositoryName } from '../image/reference.js';
import { RegistryClient, RegistryError } from '../effects/registry.js';
import { GithubPackages, type PackageDeletes } from '../effects/github-packages.js';
import { contentTagParts, decidePrune, digestsToDelete, type PruneRow, type TagFacts } from '../prune/plan.js';
import type { PruneOptions } from '../prune/options.js';
import type { Runtime } from '../runtime.js';

/**
 * `prune`: read every tag of the repository, decide what goes (src/prune/plan.ts), and delete it
 * by digest with `prune-apply` (a dry run otherwise). What the registry sends is read bounded:
 * tags page by page, manifests checked by the client, configs at most 1 MiB.
 */

export interface PruneReport {
  repository: string;
  keep: number;
  applied: boolean;
  rows: PruneRow[];
  /** digests deleted (apply), or that would be (dry run) */
  digests: string[];
  /** deletes that failed, each with the registry's answer */
  errors: string[];
}

/** Most tags read: a repository with more is pruned in several runs (each removes what it saw). */
const MAX_TAG_PAGES = 50;
const CONCURRENCY = 8;

export async function pruneCommand(options: PruneOptions, rt: Runtime): Promise<PruneReport> {
  const registry = new RegistryClient(rt.env, options.retries, rt.mask, undefined, (m) => rt.log.warning(m));
  const repo = options.repository;
  const name = repositoryName(repo);
  const { tags, complete } = await registry.listTags(repo, MAX_TAG_PAGES);
  rt.log.info(`${name}: ${tags.length} tags${complete ? '' : ' (more than prune reads in one run)'}`);
  const facts: TagFacts[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tags.length) {
      const tag = tags[next++] as string;
      const f = await factsOf(registry, options, tag);
      if (f) facts.push(f);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, tags.length) }, worker));
  // the registry's order (tags sorted), whatever order the workers finished in
  facts.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const rows = decidePrune(facts, options.keep);
  const digests = digestsToDelete(rows);
  const errors: string[] = [];
  const deleting = rows.filter((r) => r.action === 'delete').length;
  // An unread tag may be the one that keeps a build in use (tags are listed in order: gim-* before
  // latest, pr-*, v*): nothing is deleted from a repository prune could not read whole.
  const apply = options.apply && complete;
  if (options.apply && !complete) {
    errors.push(
      `not applied: ${name} has more than the ${tags.length} tags prune reads in one run, and an unread tag could be ` +
        'what keeps a build in use; delete by hand, or ask for a higher limit',
    );
    rt.log.error(errors[0] as string);
  }
  if (!apply) {
    rt.log.info(
      `dry run: ${deleting} of ${rows.length} tags (${digests.length} manifests) would be deleted; set prune-apply to true to delete them`,
    );
  } else if (repo.registry === 'ghcr.io') {
    const done = await ghcrDeletes(repo.path, digests, rt);
    errors.push(...done.errors);
    for (const e of done.errors) rt.log.error(e);
    rt.log.info(`deleted ${done.deleted} of ${digests.length} package versions of ${name} (GitHub's packages API)`);
  } else {
    let deleted = 0;
    for (const digest of digests) {
      try {
        if (await registry.deleteManifest(repo, digest)) deleted++;
      } catch (err) {
        errors.push((err as Error).message);
        rt.log.error((err as Error).message);
        // A registry that refuses deletes refuses them all: one answer is enough.
        const status = err instanceof RegistryError ? err.status : null;
        if (status === 401 || status === 403 || status === 405) break;
      }
    }
    rt.log.info(`deleted ${deleted} of ${digests.length} manifests of ${name}`);
  }
  return { repository: name, keep: options.keep, applied: apply, rows, digests, errors };
}

/**
 * ghcr.io deletes package versions through GitHub's REST API (its registry API refuses DELETE), with
 * GITHUB_TOKEN from the step's environment. Owner and package: ghcr.io/<owner>/<package name>.
 */
async function ghcrDeletes(path: string, digests: string[], rt: Runtime): Promise<PackageDeletes> {
  const token = rt.env.GITHUB_TOKEN;
  if (!token) {
    return {
      deleted: 0,
      errors: [
        "ghcr.io deletes through GitHub's packages API, which needs a token: set env GITHUB_TOKEN on the step " +
          '(${{ secrets.GITHUB_TOKEN }} with permissions packages: write, or a token with delete:packages)',
      ],
    };
  }
  rt.mask?.(token);
  const [owner, ...rest] = path.split('/');
  return new GithubPackages(rt.env.GITHUB_API_URL || 'https://api.github.com', token).deleteDigests(
    owner as string,
    rest.join('/'),
    digests,
  );
}

/** What one tag points at: its digest, an index's children, and for content tags when the image was made. */
async function factsOf(registry: RegistryClient, options: PruneOptions, tag: string): Promise<TagFacts | null> {
  const repo = options.repository;
  const head = await registry.head(repo, tag);
  if (!head) return null; // gone since the listing
  const content = contentTagParts(tag) !== null;
  const isIndex = /index|list/.test(head.mediaType);
  if (!content && !isIndex && head.digest) return { tag, digest: head.digest, created: null, children: [] };
  const manifest = await registry.get(repo, tag);
  if (!manifest) return null;
  const doc = readManifest(manifest.body.toString('utf8'), `${repo.path}:${tag}`);
  const children = doc.kind === 'index' ? doc.manifests.map((m) => m.digest) : [];
  let created: string | null = null;
  if (content) {
    let image = doc;
    if (doc.kind === 'index') {
      const first = indexPlatforms(doc.manifests)[0];
      const inner = first ? await registry.get(repo, first.digest) : null;
      image = inner ? readManifest(inner.body.toString('utf8'), `${repo.path}@${first?.digest}`) : doc;
    }
    if (image.kind === 'image') created = createdOf(await registry.config(repo, image.config));
  }
  return { tag, digest: manifest.digest, created, children };
}

/** The image's creation time: the label this action writes (the commit's time), else the config's own. */
function createdOf(config: Record<string, unknown> | null): string | null {
  const labels = (config?.config as { Labels?: Record<string, unknown> } | undefined)?.Labels;
  const label = labels?.['org.opencontainers.image.created'];
  const value = typeof label === 'string' ? label : typeof config?.created === 'string' ? config.created : null;
  // RFC 3339 only (compared as text); anything else counts as unknown
  return value && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value) ? new Date(value).toISOString() : null;
}
