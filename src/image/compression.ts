import { UserError, quote } from '../errors.js';

/**
 * Inputs compression and force-compression: how BuildKit compresses the layers it pushes. Pure.
 *
 * gzip is the default and what every runtime pulls. zstd pushes and pulls multi-GB layers faster
 * (measured here: a 1.1 GB layer of real shared libraries pushed in 24.3–24.6 s with gzip and
 * 14.0–15.9 s with zstd; issue 16), but a daemon needs Docker 23+ or containerd 1.5+ to pull it.
 * BuildKit compresses only the layers it makes unless force-compression is set: a base image's gzip
 * layers stay gzip (and shared with other images), and so does a layer its cache already holds from
 * a gzip build (seen in e2e-compression.test.ts).
 */

export interface Compression {
  type: 'gzip' | 'zstd';
  /** gzip 1-9, zstd 1-22 (BuildKit maps zstd's onto its speed levels); null for the default */
  level: number | null;
  /** recompress the base image's layers too */
  force: boolean;
}

export const DEFAULT_COMPRESSION: Compression = { type: 'gzip', level: null, force: false };

const LEVELS = { gzip: 9, zstd: 22 } as const;

/** "gzip" (default), "zstd", or either with a level: "zstd:3", "gzip:9". */
export function parseCompression(text: string | undefined, force: boolean, field: string): Compression {
  const t = (text ?? '').trim().toLowerCase();
  if (t === '') return { ...DEFAULT_COMPRESSION, force };
  const m = /^(gzip|zstd)(?::(\d{1,2}))?$/.exec(t);
  const type = m?.[1] as Compression['type'] | undefined;
  const level = m?.[2] === undefined ? null : Number(m[2]);
  if (!m || !type || (level !== null && (level < 1 || level > LEVELS[type]))) {
    throw new UserError(
      `${field}: ${quote(text)} is not valid; accepted: gzip or zstd, with a level after a colon (gzip:1 to gzip:9, zstd:1 to zstd:22)`,
    );
  }
  return { type, level, force };
}

export function isDefaultCompression(c: Compression): boolean {
  return c.type === 'gzip' && c.level === null && !c.force;
}

/** The exporter attributes: none for the default, so the build's arguments stay what they were. */
export function compressionAttributes(c: Compression): string {
  if (isDefaultCompression(c)) return '';
  return `,compression=${c.type}${c.level !== null ? `,compression-level=${c.level}` : ''}${c.force ? ',force-compression=true' : ''}`;
}

/** What the content hash adds: nothing for the default, so images built before keep their content tags. */
export function compressionHashPart(c: Compression): string | null {
  return isDefaultCompression(c) ? null : `compression=${c.type}:${c.level ?? 'default'}:${c.force ? 'force' : 'new-layers'}`;
}
