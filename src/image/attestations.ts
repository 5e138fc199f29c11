import { UserError, quote } from '../errors.js';
import { parseImageReference } from './reference.js';

/**
 * Inputs provenance and sbom: BuildKit's attestations, spelled as docker/build-push-action spells
 * them, and what buildx is told. Pure.
 *
 * Off by default. An attested image is pushed as an index holding the image and an attestation
 * manifest (platform unknown/unknown, annotated `vnd.docker.reference.type: attestation-manifest`),
 * which GHCR lists as an extra "unknown/unknown" platform; every reader here skips those.
 */

export interface Attestations {
  /** --provenance's value: "mode=min" or "mode=max"; null for none */
  provenance: string | null;
  /** --sbom's value: "true" (BuildKit's default scanner) or "generator=IMAGE"; null for none */
  sbom: string | null;
}

export const NO_ATTESTATIONS: Attestations = { provenance: null, sbom: null };

/** provenance: false (default), true (mode=min, as buildx means it), mode=min or mode=max. */
export function parseProvenance(text: string | undefined, field: string): string | null {
  const t = (text ?? '').trim().toLowerCase().replace(/\s+/g, '');
  if (t === '' || t === 'false') return null;
  if (t === 'true' || t === 'mode=min') return 'mode=min';
  if (t === 'mode=max') return 'mode=max';
  throw new UserError(`${field}: ${quote(text)} is not valid; accepted: false, true, mode=min or mode=max`);
}

/** sbom: false (default), true (BuildKit's default scanner, docker/buildkit-syft-scanner), or a generator image. */
export function parseSbom(text: string | undefined, field: string): string | null {
  const t = (text ?? '').trim();
  if (t === '' || /^false$/i.test(t)) return null;
  if (/^true$/i.test(t)) return 'true';
  const image = t.startsWith('generator=') ? t.slice('generator='.length) : t;
  if (image === '' || /[\s,]/.test(image)) {
    throw new UserError(`${field}: ${quote(text)} is not valid; accepted: false, true, or a generator image (generator=IMAGE or IMAGE)`);
  }
  parseImageReference(image, field);
  return `generator=${image}`;
}

/** Whether any attestation is asked for. */
export function attests(a: Attestations): boolean {
  return a.provenance !== null || a.sbom !== null;
}

/** The buildx flags: always both, so that buildx's own default (provenance mode=min since 0.10) never applies unasked. */
export function attestationFlags(a: Attestations): string[] {
  return [`--provenance=${a.provenance ?? 'false'}`, `--sbom=${a.sbom ?? 'false'}`];
}

/** What the content hash adds for attestations: nothing when off, so images built before keep their content tags. */
export function attestationHashPart(a: Attestations): string | null {
  return attests(a) ? `provenance=${a.provenance ?? 'false'};sbom=${a.sbom ?? 'false'}` : null;
}
