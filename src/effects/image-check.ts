import { parseImageReference, type Repository } from '../image/reference.js';
import { indexPlatforms, readManifest } from '../image/manifest.js';
import { printable, type ImageAnswer } from '../verify/check.js';
import { RegistryClient, RegistryError } from './registry.js';

/**
 * Whether an image the build pulls exists, for the platform, asked of its registry. A tag the
 * registry says is not there is a failure, with the tags it has that look alike (NVIDIA removes
 * nvidia/cuda tags once a newer update of the same CUDA version is out); a registry that cannot
 * be reached, or refuses an anonymous read, is a warning naming it.
 */

const INDEX_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'];

export async function checkImage(
  reference: string,
  registry: RegistryClient,
  platform: { os: string; architecture: string },
): Promise<ImageAnswer> {
  let ref: ReturnType<typeof parseImageReference>;
  try {
    ref = parseImageReference(reference, 'image');
  } catch (err) {
    return { exists: false, why: `is not an image reference (${(err as Error).message})`, nearest: [] };
  }
  const where = `${ref.repo.registry}/${ref.repo.path}`;
  try {
    const head = await registry.head(ref.repo, ref.digest ?? ref.tag);
    if (!head) {
      const nearest = ref.digest ? [] : await nearestTags(registry, ref.repo, ref.tag);
      return {
        exists: false,
        why: ref.digest ? `does not exist (${where} has no ${ref.digest})` : `does not exist (${where} has no tag ${ref.tag})`,
        nearest,
      };
    }
    const wanted = `${platform.os}/${platform.architecture}`;
    if (INDEX_TYPES.includes(head.mediaType)) {
      const manifest = await registry.get(ref.repo, ref.digest ?? ref.tag);
      const platforms = manifest ? platformsOf(manifest.body) : [];
      if (platforms.length && !platforms.includes(wanted)) {
        return { exists: false, why: `has no ${wanted} image (it has ${platforms.map(printable).join(', ')})`, nearest: [] };
      }
    } else if (platform.architecture !== 'amd64') {
      // One image, not an index: its config says what it runs on (every image asked for before
      // platforms existed was amd64's, and is not read again here).
      const own = await imagePlatform(registry, ref.repo, ref.digest ?? ref.tag);
      if (own && own !== wanted) return { exists: false, why: `is a ${printable(own)} image only, not ${wanted}`, nearest: [] };
    }
    return { exists: true, digest: head.digest || null };
  } catch (err) {
    const status = err instanceof RegistryError ? err.status : null;
    if (status === 401 || status === 403) {
      return { unknown: `${ref.repo.registry} answered ${status}: a private image without a login here, or no such repository` };
    }
    return { unknown: `${ref.repo.registry} could not be asked: ${(err as Error).message.slice(0, 300)}` };
  }
}

/** "linux/arm64" from an image manifest's config blob; null when it cannot be told. */
async function imagePlatform(registry: RegistryClient, repo: Repository, reference: string): Promise<string | null> {
  const manifest = await registry.get(repo, reference);
  if (!manifest) return null;
  const doc = readManifest(manifest.body.toString('utf8'), `${repo.path}:${reference}`);
  if (doc.kind !== 'image') return null;
  const config = await registry.config(repo, doc.config);
  return config && typeof config.os === 'string' && typeof config.architecture === 'string' ? `${config.os}/${config.architecture}` : null;
}

/** "linux/amd64", ... as an image index lists them, attestation manifests left out; [] when it cannot be read. */
function platformsOf(body: Buffer): string[] {
  try {
    const doc = readManifest(body.toString('utf8'), 'index');
    return doc.kind === 'index' ? [...new Set(indexPlatforms(doc.manifests).map((m) => m.platform))] : [];
  } catch {
    return [];
  }
}

/**
 * Tags shaped like the missing one (its version numbers aside), closest first: for
 * 13.2.0-cudnn-runtime-ubuntu24.04, 13.2.1-cudnn-runtime-ubuntu24.04. At most three; none when the
 * tags cannot be listed.
 */
async function nearestTags(registry: RegistryClient, repo: Parameters<RegistryClient['tags']>[0], tag: string): Promise<string[]> {
  let tags: string[];
  try {
    tags = await registry.tags(repo);
  } catch {
    return [];
  }
  const shape = (t: string): string => t.replace(/\d+(\.\d+)*/g, '#');
  const wanted = shape(tag);
  const common = (t: string): number => {
    let i = 0;
    while (i < t.length && t[i] === tag[i]) i++;
    return i;
  };
  return tags
    .filter((t) => t !== tag && shape(t) === wanted)
    .sort((a, b) => common(b) - common(a) || (a < b ? 1 : -1))
    .slice(0, 3)
    .map(printable);
}
