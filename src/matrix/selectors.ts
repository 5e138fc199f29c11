import semver from 'semver';
import { cudaVersionOfVariant } from '../compat/variant.js';
import { UserError, quote } from '../errors.js';

/**
 * What one value of a matrix key asks for. Parsing checks the form only;
 * whether a version exists is the resolver's question (it has the data).
 */

export type VersionSelector =
  | { kind: 'latest'; text: string; field: string }
  | { kind: 'exact'; text: string; field: string; version: string }
  | { kind: 'minor'; text: string; field: string; minor: string }
  | { kind: 'range'; text: string; field: string; range: string }
  /**
   * torch's nightly build: of a date (YYYYMMDD), or null for the newest on the nightly index; `version`
   * where a planned entry names the build itself ("2.16.0.dev20261201")
   */
  | { kind: 'nightly'; text: string; field: string; date: string | null; version?: string };

export type CudaSelector =
  | { kind: 'default'; text: string; field: string }
  | { kind: 'cpu'; text: string; field: string }
  | { kind: 'minor'; text: string; field: string; version: string }
  | { kind: 'major'; text: string; field: string; major: string };

export type PythonSelector =
  | { kind: 'default'; text: string; field: string }
  | { kind: 'exact'; text: string; field: string; version: string }
  | { kind: 'range'; text: string; field: string; range: string };

export type OsSelector = { kind: 'default'; text: string; field: string } | { kind: 'ubuntu'; text: string; field: string; ubuntu: string };

export type Flavor = 'runtime' | 'devel';
export const FLAVORS: readonly Flavor[] = ['runtime', 'devel'];
export type FlavorSelector = { kind: 'flavor'; text: string; field: string; flavor: Flavor };

const MINOR = /^\d+\.\d+$/;
const MAJOR = /^\d+$/;
const EXACT = /^\d+\.\d+\.\d+$/;
const VARIANT = /^cu\d{3,}$/;

const VERSION_ACCEPTED =
  'an exact version (2.4.1), a minor (2.4 = its latest patch), a semver range (">=2.5 <2.8"), latest, ' +
  'or for torch nightly or nightly-YYYYMMDD';
/** A nightly's own version, as a planned entry carries it: "2.15.0.dev20261201" */
const NIGHTLY_VERSION = /^\d+\.\d+\.\d+\.dev(\d{8})$/;
const CUDA_ACCEPTED = 'a CUDA minor (12.4), a major (12 = every 12.x variant), a wheel variant (cu124), default or cpu';
const PYTHON_ACCEPTED = 'a Python minor ("3.11"), a free-threaded one ("3.13t"), a range (">=3.10 <3.13") or default';
const OS_ACCEPTED = 'ubuntu<version> (ubuntu22.04, ubuntu24.04) or default';

function bad(field: string, text: string, accepted: string, hint = ''): UserError {
  return new UserError(`${field}: ${quote(text)} is not valid; accepted: ${accepted}${hint ? `. ${hint}` : ''}`);
}

export function parseVersionSelector(text: string, field: string): VersionSelector {
  const t = text.trim();
  if (t === 'latest') return { kind: 'latest', text: t, field };
  if (t === 'nightly') return { kind: 'nightly', text: t, field, date: null };
  const build = NIGHTLY_VERSION.exec(t)?.[1];
  const nightly = /^nightly-(\d{8})$/.exec(t)?.[1] ?? build;
  if (nightly) {
    if (!isCalendarDate(nightly)) throw bad(field, text, VERSION_ACCEPTED, `${nightly} is not a date (YYYYMMDD)`);
    return { kind: 'nightly', text: t, field, date: nightly, ...(build ? { version: t } : {}) };
  }
  if (/^nightly/.test(t))
    throw bad(field, text, VERSION_ACCEPTED, 'A nightly is asked for as nightly or nightly-YYYYMMDD, e.g. nightly-20261201');
  if (EXACT.test(t)) return { kind: 'exact', text: t, field, version: semver.clean(t) ?? t };
  if (MINOR.test(t)) return { kind: 'minor', text: t, field, minor: normaliseMinor(t) };
  // Anything else must be a semver range over release versions; a bare major ("2") is the range 2.x.
  if (/^[\d\s.<>=^~|xX*-]+$/.test(t) && /\d/.test(t) && semver.validRange(t)) {
    return { kind: 'range', text: t, field, range: semver.validRange(t) ?? t };
  }
  throw bad(field, text, VERSION_ACCEPTED);
}

export function parseCudaSelector(text: string, field: string): CudaSelector {
  const t = text.trim().toLowerCase();
  if (t === 'default') return { kind: 'default', text: t, field };
  if (t === 'cpu') return { kind: 'cpu', text: t, field };
  if (MINOR.test(t)) return { kind: 'minor', text: t, field, version: normaliseMinor(t) };
  if (MAJOR.test(t)) return { kind: 'major', text: t, field, major: String(Number(t)) };
  if (VARIANT.test(t)) return { kind: 'minor', text: t, field, version: cudaVersionOfVariant(t) };
  if (EXACT.test(t)) {
    const [major, minor] = t.split('.');
    throw bad(
      field,
      text,
      CUDA_ACCEPTED,
      `Torch wheels are built per CUDA minor and the image uses NVIDIA's newest point release of it: write ${major}.${minor}`,
    );
  }
  throw bad(field, text, CUDA_ACCEPTED);
}

export function parsePythonSelector(text: string, field: string): PythonSelector {
  const t = text.trim();
  if (t === 'default') return { kind: 'default', text: t, field };
  if (MINOR.test(t)) return { kind: 'exact', text: t, field, version: normaliseMinor(t) };
  if (/^\d+\.\d+\.\d+$/.test(t)) {
    throw bad(field, text, PYTHON_ACCEPTED, `Images are built per Python minor: write ${t.split('.').slice(0, 2).join('.')}`);
  }
  // A free-threaded build ("3.13t"): asked for exactly, never picked by a range or default.
  if (/t$/.test(t) && MINOR.test(t.slice(0, -1))) return { kind: 'exact', text: t, field, version: `${normaliseMinor(t.slice(0, -1))}t` };
  if (/^[\d\s.<>=^~|xX*-]+$/.test(t) && /\d/.test(t) && semver.validRange(t)) {
    return { kind: 'range', text: t, field, range: semver.validRange(t) ?? t };
  }
  throw bad(field, text, PYTHON_ACCEPTED);
}

export function parseOsSelector(text: string, field: string): OsSelector {
  const t = text.trim().toLowerCase();
  if (t === 'default') return { kind: 'default', text: t, field };
  const m = /^ubuntu-?(\d{2}\.\d{2})$/.exec(t);
  if (m?.[1]) return { kind: 'ubuntu', text: `ubuntu${m[1]}`, field, ubuntu: m[1] };
  throw bad(field, text, OS_ACCEPTED);
}

export function parseFlavorSelector(text: string, field: string): FlavorSelector {
  const t = text.trim().toLowerCase();
  if (FLAVORS.includes(t as Flavor)) return { kind: 'flavor', text: t, field, flavor: t as Flavor };
  throw bad(field, text, FLAVORS.join(' or '));
}

/** "20261201" is a day of the calendar (not 20261301 or 20260230). */
export function isCalendarDate(yyyymmdd: string): boolean {
  const [y, m, d] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)].map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 2000 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Drop leading zeros so that equal versions compare equal as text: "3.010" -> "3.10". */
function normaliseMinor(t: string): string {
  const [major, minor] = t.split('.');
  return `${Number(major)}.${Number(minor)}`;
}

/** Python or CUDA minor "3.11" as a semver version for range checks. */
export function minorAsSemver(minor: string): string {
  return `${minor}.0`;
}

/** Whether a Python minor ("3.11") lies in a semver range (">=3.10 <3.13"). */
export function minorSatisfies(minor: string, range: string): boolean {
  // A free-threaded Python is asked for by name ("3.13t"), never by a range.
  return !minor.endsWith('t') && semver.satisfies(minorAsSemver(minor), range);
}
