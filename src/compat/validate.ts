import semver from 'semver';
import { UserError, quote } from '../errors.js';
import { FRAMEWORKS, type ReleaseData } from '../frameworks/index.js';
import {
  DRIVER,
  MINOR,
  Problems,
  UBUNTU,
  checkKeys,
  checkList,
  checkNotes,
  checkProvenance,
  isObject,
  str,
  strList,
  type DataSection,
  type Json,
} from './checks.js';
import type { CompatOverride } from './schema.js';

/**
 * Schema and sanity checks for release data. Pure: takes parsed JSON, returns the typed data or
 * throws a UserError listing every problem with its path. The CUDA sections are checked here;
 * each framework checks its own (src/frameworks/<name>.ts).
 */

const CUDNN_TOKEN = /^cudnn\d*$/;
/** a platform this action builds (src/matrix/platform.ts) */
const PLATFORM = /^linux\/(amd64|arm64)$/;
const MAX_PROBLEMS = 20;

function checkCudaRelease(p: Problems, path: string, c: Json): void {
  if (!isObject(c)) return p.add(path, `expected an object, got ${quote(c)}`);
  checkKeys(p, path, c, ['version', 'release', 'minDriver', 'image', 'provenance', 'notes']);
  const versionOk = str(p, `${path}.version`, c.version, MINOR, 'a CUDA major.minor like 12.4');
  if (str(p, `${path}.release`, c.release)) {
    const v = semver.valid(c.release);
    if (!v) p.add(`${path}.release`, `${quote(c.release)} is not a CUDA point release like 12.4.1`);
    else if (versionOk && `${semver.major(v)}.${semver.minor(v)}` !== c.version) {
      p.add(`${path}.release`, `${c.release} does not belong to CUDA ${String(c.version)}`);
    }
  }
  str(p, `${path}.minDriver`, c.minDriver, DRIVER, 'a driver version like 550.54.15');
  if (!isObject(c.image)) {
    p.add(`${path}.image`, 'expected an object with ubuntu and cudnnToken');
  } else {
    checkKeys(p, `${path}.image`, c.image, ['ubuntu', 'cudnnToken', 'platforms']);
    strList(p, `${path}.image.ubuntu`, c.image.ubuntu, UBUNTU, 'Ubuntu version like 22.04');
    str(p, `${path}.image.cudnnToken`, c.image.cudnnToken, CUDNN_TOKEN, 'a tag token like cudnn8, cudnn9 or cudnn');
    if (c.image.platforms !== undefined) strList(p, `${path}.image.platforms`, c.image.platforms, PLATFORM, 'platform like linux/arm64');
  }
  checkProvenance(p, `${path}.provenance`, c.provenance, ['minDriver', 'image', 'platforms']);
  checkNotes(p, `${path}.notes`, c.notes);
}

function checkCpuImage(p: Problems, path: string, ci: Json): void {
  if (!isObject(ci)) return p.add(path, 'expected an object with an ubuntu list');
  checkKeys(p, path, ci, ['ubuntu', 'platforms']);
  strList(p, `${path}.ubuntu`, ci.ubuntu, UBUNTU, 'Ubuntu version like 24.04');
  if (ci.platforms !== undefined) strList(p, `${path}.platforms`, ci.platforms, PLATFORM, 'platform like linux/arm64');
}

function checkCudaMajor(p: Problems, path: string, m: Json): void {
  if (!isObject(m)) return p.add(path, 'expected an object');
  checkKeys(p, path, m, ['major', 'minorCompatDriver']);
  str(p, `${path}.major`, m.major, /^\d+$/, 'a CUDA major like 12');
  str(p, `${path}.minorCompatDriver`, m.minorCompatDriver, DRIVER, 'a driver version like 525.60.13');
}

function checkLeftOut(p: Problems, path: string, item: Json): void {
  if (!isObject(item)) return p.add(path, `expected an object, got ${quote(item)}`);
  checkKeys(p, path, item, ['key', 'versions', 'why']);
  str(p, `${path}.key`, item.key);
  if (item.versions !== undefined) strList(p, `${path}.versions`, item.versions, /^\d+\.\d+(\.\d+)?$/, 'minor or version like 2.22');
  str(p, `${path}.why`, item.why);
}

/** The sections every framework shares. */
const CUDA_SECTIONS: DataSection[] = [
  {
    name: 'cuda',
    merge: { kind: 'list', id: 'version' },
    check: (p, path, v) => checkList(p, path, v, 'CUDA', 'version', checkCudaRelease),
  },
  { name: 'cpuImage', merge: { kind: 'replace' }, check: checkCpuImage },
  {
    name: 'cudaMajors',
    merge: { kind: 'list', id: 'major' },
    check: (p, path, v) => checkList(p, path, v, 'CUDA major', 'major', checkCudaMajor),
  },
];

/** Every section of the release data: the CUDA ones, then each framework's. */
export const SECTIONS: readonly DataSection[] = [...CUDA_SECTIONS, ...FRAMEWORKS.flatMap((f) => f.sections)];

/** Fields that describe the data rather than being it. */
const NOTE_KEYS = ['about', 'snapshot', 'provenanceLegend', 'sources', 'leftOut'] as const;

function checkSections(p: Problems, root: Record<string, Json>, complete: boolean): void {
  checkKeys(p, '$', root, ['schemaVersion', ...NOTE_KEYS, ...SECTIONS.map((s) => s.name)]);
  if (root.schemaVersion !== 1) p.add('$.schemaVersion', `must be 1, got ${quote(root.schemaVersion)}`);
  if (root.sources !== undefined) checkNotes(p, '$.sources', root.sources);
  if (root.leftOut !== undefined) {
    if (!Array.isArray(root.leftOut)) p.add('$.leftOut', 'expected a list');
    else root.leftOut.forEach((item, i) => checkLeftOut(p, `$.leftOut[${i}]`, item));
  }
  for (const section of SECTIONS) {
    const value = root[section.name];
    if (value === undefined) {
      if (complete) p.add(`$.${section.name}`, 'is missing');
      continue;
    }
    section.check(p, `$.${section.name}`, value);
  }
}

/** Checks that need the whole (merged) data: every CUDA major has its driver floor, and each framework's own. */
function checkCrossReferences(p: Problems, data: ReleaseData): void {
  for (const f of FRAMEWORKS) f.checkReferences?.(p, data);
  const majors = new Set(data.cudaMajors.map((m) => m.major));
  for (const c of data.cuda) {
    const major = c.version.split('.')[0] ?? '';
    if (!majors.has(major)) p.add('$.cudaMajors', `has no entry for CUDA major ${major} (needed by CUDA ${c.version})`);
  }
}

function fail(origin: string, p: Problems): never {
  const shown = p.list.slice(0, MAX_PROBLEMS);
  const more = p.list.length > MAX_PROBLEMS ? `\n  ... and ${p.list.length - MAX_PROBLEMS} more` : '';
  throw new UserError(`${origin} does not match the release-data schema:\n  ${shown.join('\n  ')}${more}`);
}

/** Validate complete release data (the bundled files, or bundled data merged with a compat-file). */
export function validateCompat(json: Json, origin: string): ReleaseData {
  const p = new Problems();
  if (!isObject(json)) {
    p.add('$', `expected an object, got ${Array.isArray(json) ? 'a list' : quote(json)}`);
    fail(origin, p);
  }
  checkSections(p, json, true);
  if (p.list.length) fail(origin, p);
  checkCrossReferences(p, json as unknown as ReleaseData);
  if (p.list.length) fail(origin, p);
  return json as unknown as ReleaseData;
}

/** Validate a compat-file on its own (sections optional); cross references are checked after merging. */
export function validateOverride(json: Json, origin: string): CompatOverride {
  const p = new Problems();
  if (!isObject(json)) {
    p.add('$', `expected an object, got ${Array.isArray(json) ? 'a list' : quote(json)}`);
    fail(origin, p);
  }
  checkSections(p, json, false);
  if (p.list.length) fail(origin, p);
  return json as unknown as CompatOverride;
}
