import { byMinorNumber } from '../compat/checks.js';
import type { JaxRelease } from '../frameworks/jax.js';
import type { ReleaseData } from '../frameworks/index.js';
import type { WheelMetadata } from './wheel-metadata.js';

/**
 * What refresh makes of PyPI's jax and jaxlib: a release entry per new jax version, its Pythons
 * from jaxlib's wheels and its CUDA majors from jax's own `cudaNN` extras (Requires-Dist lines
 * marked `extra == "cuda13"`). Pure: commands/refresh.ts reads the pages and the METADATA.
 */

/** The CUDA majors whose `cudaNN` extra a jax METADATA declares ("cuda" alone and `_local` extras aside). */
export function cudaExtras(meta: WheelMetadata): string[] {
  const majors = new Set<string>();
  for (const req of meta.requiresDist) {
    const m = /extra\s*==\s*["']cuda(\d+)["']/.exec(req.split(';')[1] ?? '');
    if (m?.[1]) majors.add(m[1]);
  }
  return [...majors].sort((a, b) => Number(a) - Number(b));
}

/** What refresh read of one jax version. */
export interface JaxRead {
  version: string;
  /** CPython minors jaxlib has linux x86_64 wheels for at this version (GIL builds) */
  pythons: Set<string>;
  /** the majors of jax's cudaNN extras; null where jax's METADATA could not be read */
  extras: string[] | null;
  /** the upload date of jax's wheel (PEP 700), where the index gives one */
  uploaded: string | undefined;
}

/**
 * The release entry of a new jax version, or null (with a note) where what it needs was not read.
 * A CUDA major the data has no `jaxCuda` entry for (base image, driver) is named and left out.
 */
export function jaxRelease(data: ReleaseData, read: JaxRead, source: string, today: string, notes: string[]): JaxRelease | null {
  if (!read.pythons.size) {
    notes.push(`jax ${read.version}: no linux x86_64 jaxlib ${read.version} wheels on ${source}: not written`);
    return null;
  }
  if (!read.extras) {
    notes.push(`jax ${read.version}: its METADATA could not be read (its CUDA extras): not written`);
    return null;
  }
  const cuda = read.extras.filter((major) => {
    if (data.jaxCuda[major]) return true;
    notes.push(`jax ${read.version} has a cuda${major} extra, but the data has no jaxCuda ${major} entry (base image, driver): add one`);
    return false;
  });
  // A release with CUDA extras and none the data can build would become the newest jax and plan CPU only.
  if (read.extras.length && !cuda.length) {
    notes.push(`jax ${read.version}: not written, as none of its CUDA extras can be planned; add the jaxCuda entries, then refresh again`);
    return null;
  }
  return {
    version: read.version,
    released: read.uploaded ?? today,
    python: [...read.pythons].sort(byMinorNumber),
    cuda,
    provenance: { python: 'read', cuda: 'read' },
    notes: [
      `read by gpu-image-matrix refresh on ${today} from ${source}: Pythons from jaxlib's wheels, CUDA majors from jax's cudaNN extras` +
        (read.uploaded ? '' : '; released is the day refresh read it (the index gives no upload time)'),
    ],
  };
}
