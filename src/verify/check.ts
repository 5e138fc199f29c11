import { frameworkOf, type MatrixEntry, type ReleaseData } from '../frameworks/index.js';
import { PYPI_SIMPLE, exactPin } from '../frameworks/framework.js';
import { requirementName } from '../custom/customisation.js';
import { frameworkFromBaseImage } from '../matrix/entry.js';
import type { Listing } from './index-page.js';
import {
  GLIBC_OF_OS,
  compareVersions,
  isPreRelease,
  normaliseProject,
  parseWheelName,
  publicVersion,
  pythonLabel,
  sdistVersion,
  versionMatches,
  wheelMismatch,
  type Target,
  type WheelName,
} from './wheel.js';

/**
 * What `verify` checks for each entry (the wheels its build installs at exact versions, the images
 * it pulls) and what the answers of the indexes and registries make of it. Pure: the effects layer
 * fetches the listings and asks the registries (src/commands/verify.ts).
 */

export interface WheelNeed {
  /** normalised */
  project: string;
  version: string;
  /** a floor (>=) rather than the version itself */
  atLeast: boolean;
  /** where the build looks, in order (an index, then the extra indexes) */
  indexes: string[];
  /** other indexes that could serve it instead (the same torch release's other CUDA variants), for a hint */
  alternatives: string[];
  /** a team package may come as an sdist (built at install); a framework's must be a wheel */
  sdistOk: boolean;
  /** uv's rule: the first index that has the project decides (pip, in a base image, looks at all) */
  firstIndex: boolean;
  /** where the pin comes from, for the report: "torch", "pip-packages", "requirements docker/req.txt" */
  from: string;
}

export interface ImageNeed {
  reference: string;
  role: 'base image' | 'uv image';
}

export interface EntryNeeds {
  entry: MatrixEntry;
  target: Target;
  wheels: WheelNeed[];
  images: ImageNeed[];
  /** why some of the entry is not checked (a Dockerfile of one's own) */
  notes: string[];
}

export interface NeedsOptions {
  /** the uv image the template mounts (UV_IMAGE build-arg, else the template's) */
  uvImage: string;
  /** a Dockerfile of one's own: what it installs and pulls is its own */
  ownDockerfile: boolean;
  /** the pins of each entry's requirements file, read from the workspace */
  requirementsPins: (file: string) => string[];
  /** the platform's machine: "x86_64" today */
  machine: string;
}

/** The key a listing is fetched and shared under. */
export function listingKey(index: string, project: string): string {
  return `${index.replace(/\/+$/, '')}/${normaliseProject(project)}/`;
}

export function entryNeeds(entry: MatrixEntry, data: ReleaseData, options: NeedsOptions): EntryNeeds {
  const fromBase = frameworkFromBaseImage(entry);
  const custom = entry.customisation ?? {};
  const target: Target = { python: entry.python, machine: options.machine, glibc: fromBase ? null : (GLIBC_OF_OS[entry.os] ?? null) };
  if (options.ownDockerfile) {
    return { entry, target, wheels: [], images: [], notes: ['your own Dockerfile decides what it installs and pulls: not checked'] };
  }
  const framework = frameworkOf(entry);
  const wheels: WheelNeed[] = [];
  if (!fromBase) {
    const alternatives = framework.alternativeIndexes?.(entry, data) ?? [];
    for (const w of framework.wheels(entry, data)) {
      wheels.push({
        project: normaliseProject(w.project),
        version: w.version,
        atLeast: w.atLeast ?? false,
        indexes: [w.index],
        alternatives: alternatives.filter((a) => a !== w.index),
        sdistOk: false,
        firstIndex: true,
        from: framework.key,
      });
    }
  }
  // The team's packages: pip-index-url, else pypi-index-url, else PyPI; and the extra indexes, which
  // uv asks first (pip, which installs them in a base image, asks all alike).
  const primary = custom.pipIndexUrl ?? custom.pypiIndexUrl ?? PYPI_SIMPLE;
  const extras = custom.pipExtraIndexUrls ?? [];
  const teamIndexes = fromBase ? [primary, ...extras] : [...extras, primary];
  const teamPins: [string, string][] = [
    ...(custom.pipPackages ?? []).map((p) => [p, 'pip-packages'] as [string, string]),
    ...(custom.requirements
      ? options.requirementsPins(custom.requirements).map((p) => [p, `requirements ${custom.requirements}`] as [string, string])
      : []),
  ];
  const seen = new Set(wheels.map((w) => w.project));
  for (const [requirement, from] of teamPins) {
    const pin = exactPin(requirement);
    if (!pin || seen.has(normaliseProject(pin.project))) continue;
    seen.add(normaliseProject(pin.project));
    wheels.push({
      project: normaliseProject(requirementName(pin.project)),
      version: pin.version,
      atLeast: false,
      indexes: teamIndexes,
      alternatives: [],
      sdistOk: true,
      firstIndex: !fromBase,
      from,
    });
  }
  const images: ImageNeed[] = [{ reference: entry.baseImage, role: 'base image' }];
  if (!fromBase) images.push({ reference: options.uvImage, role: 'uv image' });
  return { entry, target, wheels, images, notes: [] };
}

// ---------------------------------------------------------------------------------------------
// Answers

/** A project's listing on one index: read, absent (404), or not readable (a warning). */
export type ListingAnswer = { listing: Listing } | { absent: true } | { error: string };

/** An image's registry: it exists (for the platform), it does not, or it could not be asked. */
export type ImageAnswer = { exists: true; digest: string | null } | { exists: false; why: string; nearest: string[] } | { unknown: string };

/** ok: everything found; missing: something the build needs is not there; unchecked: some of it could not be asked. */
export type VerifyStatus = 'ok' | 'missing' | 'unchecked';

export interface EntryVerdict {
  tag: string;
  key: string;
  status: VerifyStatus;
  /** what would make the build fail, one sentence each */
  missing: string[];
  /** what could not be checked, or is odd but installs (a yanked file) */
  warnings: string[];
  /** how many wheels and images the entry needs */
  checked: number;
  /** how many of them were found */
  confirmed: number;
}

export interface Answers {
  listing(key: string): ListingAnswer | undefined;
  image(reference: string): ImageAnswer | undefined;
}

export function judge(needs: EntryNeeds, answers: Answers): EntryVerdict {
  const missing: string[] = [];
  const warnings: string[] = [...needs.notes];
  let confirmed = 0;
  for (const w of needs.wheels) {
    const outcome = wheelOutcome(w, needs.target, answers);
    if (outcome.missing) missing.push(outcome.missing);
    else if (outcome.found) confirmed++;
    warnings.push(...outcome.warnings);
  }
  for (const image of needs.images) {
    const a = answers.image(image.reference);
    if (!a) warnings.push(`${image.role} ${image.reference}: not asked`);
    else if ('unknown' in a) warnings.push(`${image.role} ${image.reference}: could not be checked (${a.unknown})`);
    else if (!a.exists) {
      const near = a.nearest.length ? `; it has ${a.nearest.map((t) => `:${t}`).join(', ')}` : '';
      missing.push(`${image.role} ${image.reference} ${a.why}${near}`);
    } else confirmed++;
  }
  const total = needs.wheels.length + needs.images.length;
  // ok only when everything was confirmed; what could not be asked leaves the entry unchecked, not failed.
  const status: VerifyStatus = missing.length ? 'missing' : confirmed === total && total > 0 ? 'ok' : 'unchecked';
  return { tag: needs.entry.tag, key: needs.entry.key, status, missing, warnings, checked: total, confirmed };
}

/** One wheel's outcome: what is missing (nothing when it installs, or could not be checked), and warnings. */
export function wheelOutcome(w: WheelNeed, target: Target, answers: Answers): { found?: true; missing?: string; warnings: string[] } {
  const warnings: string[] = [];
  const what = `${w.project} ${w.atLeast ? '>=' : ''}${w.version}`;
  const py = target.python.endsWith('t') ? `cp${target.python.replace(/[.t]/g, '')}t` : `cp${target.python.replace('.', '')}`;
  const findings: string[] = [];
  let unreadable = false;
  for (const index of w.indexes) {
    const a = answers.listing(listingKey(index, w.project));
    if (!a) {
      unreadable = true;
      continue;
    }
    if ('error' in a) {
      unreadable = true;
      warnings.push(`${what} (${w.from}): could not read ${listingKey(index, w.project)} (${a.error})`);
      continue;
    }
    if ('absent' in a) {
      findings.push(`${index} has no project ${w.project}`);
      continue;
    }
    const found = match(w, target, a.listing);
    if (found.ok) {
      if (found.yanked) warnings.push(`${what} (${w.from}): the file on ${index} is yanked; installers take it only for an exact pin`);
      return { found: true, warnings };
    }
    findings.push(`${index}: ${found.why}`);
    // uv takes a project from the first index that has it, and looks no further (its default
    // index strategy, first-index); pip looks at every index.
    if (w.firstIndex) break;
  }
  // An index that could not be read might have had it: a warning, not a failure.
  if (unreadable || findings.length === 0) return { warnings };
  const elsewhere = w.alternatives.filter((alt) => {
    const a = answers.listing(listingKey(alt, w.project));
    return a !== undefined && 'listing' in a && match(w, target, a.listing).ok;
  });
  const hint = elsewhere.length ? `; ${elsewhere.join(', ')} ${elsewhere.length === 1 ? 'has' : 'have'} it` : '';
  return {
    missing:
      `${what} (${w.from}) has no ${w.sdistOk ? 'wheel or sdist' : 'wheel'} for ${py} ${target.machine}: ` +
      `${findings.join('; ')}${hint}`,
    warnings,
  };
}

/** Whether the listing has a file that installs; if not, why not, with the nearest that exists. */
function match(w: WheelNeed, target: Target, listing: Listing): { ok: true; yanked: boolean } | { ok: false; why: string } {
  const wheels: { name: WheelName; yanked: boolean }[] = [];
  const sdists: { version: string; yanked: boolean }[] = [];
  for (const f of listing.files) {
    const name = parseWheelName(f.filename);
    if (name) {
      if (name.project === w.project) wheels.push({ name, yanked: f.yanked });
      continue;
    }
    const v = sdistVersion(f.filename, w.project);
    if (v) sdists.push({ version: v, yanked: f.yanked });
  }
  const wanted = (v: string): boolean => (w.atLeast ? atLeast(v, w.version) : versionMatches(v, w.version));
  // A yanked file is taken only for an exact pin (PEP 592); a floor passes it by.
  const atVersion = wheels.filter((x) => wanted(x.name.version) && !(w.atLeast && x.yanked));
  const fitting = atVersion.filter((x) => wheelMismatch(x.name, target) === null);
  const pick = fitting.find((x) => !x.yanked) ?? fitting[0];
  if (pick) return { ok: true, yanked: pick.yanked };
  const sdist = w.sdistOk ? sdists.filter((s) => wanted(s.version) && !(w.atLeast && s.yanked)) : [];
  if (sdist.length) return { ok: true, yanked: sdist.every((s) => s.yanked) };

  if (atVersion.length) {
    const platformOnly = atVersion.filter((x) => wheelMismatch(x.name, target) === 'platform');
    if (platformOnly.length) {
      const platforms = unique(platformOnly.flatMap((x) => x.name.platforms));
      return { ok: false, why: `its ${w.version} wheels for this Python are for ${shortList(platforms)}` };
    }
    const pythons = unique(atVersion.flatMap((x) => pythonLabel(x.name)));
    return { ok: false, why: `${w.version} has wheels for ${shortList(pythons)} only` };
  }
  // The version is not there: the newest that would install, for a hint.
  const installable = unique(wheels.filter((x) => wheelMismatch(x.name, target) === null).map((x) => publicVersion(x.name.version))).sort(
    compareVersions,
  );
  const newest = installable[installable.length - 1];
  const near = newest ? ` (newest for this Python there: ${newest})` : wheels.length ? ' (no version there for this Python)' : '';
  return { ok: false, why: `no ${w.version}${near}` };
}

/** Names read from an index or a registry, made safe to print: only what tags and versions use. */
export function printable(text: string): string {
  const t = text.replace(/[^A-Za-z0-9_.+!/-]/g, '?');
  return t.length > 80 ? `${t.slice(0, 80)}…` : t;
}

function unique(list: string[]): string[] {
  return [...new Set(list.map(printable))];
}

function shortList(list: string[]): string {
  return list.length > 6 ? `${list.slice(0, 6).join(', ')} and ${list.length - 6} more` : list.join(', ');
}

function atLeast(candidate: string, floor: string): boolean {
  // A pre-release is not picked for a floor without one (pip and uv skip them by default).
  if (isPreRelease(candidate) && !isPreRelease(floor)) return false;
  return compareVersions(candidate, floor) >= 0;
}
