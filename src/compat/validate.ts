import semver from 'semver';
import { UserError, quote } from '../errors.js';
import { cudaVersionOfVariant } from './variant.js';
import { PROVENANCES, RELEASE_STATUSES, type CompatData, type CompatOverride, type CudaRelease, type TorchRelease } from './schema.js';

/**
 * Schema and sanity checks for release data. Pure: takes parsed JSON, returns
 * the typed data or throws a UserError listing every problem with its path.
 */

const MINOR = /^\d+\.\d+$/;
const VARIANT = /^cu\d{3,}$/;
const UBUNTU = /^\d{2}\.\d{2}$/;
const DRIVER = /^\d+(\.\d+){0,2}$/;
const CUDNN_TOKEN = /^cudnn\d*$/;
const MAX_PROBLEMS = 20;

type Json = unknown;

class Problems {
  readonly list: string[] = [];
  add(path: string, message: string): void {
    this.list.push(`${path}: ${message}`);
  }
}

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkKeys(p: Problems, path: string, obj: Record<string, Json>, allowed: readonly string[]): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) p.add(`${path}.${k}`, `unknown key; accepted: ${allowed.join(', ')}`);
  }
}

function str(p: Problems, path: string, v: Json, pattern?: RegExp, what?: string): v is string {
  if (typeof v !== 'string') {
    p.add(path, `expected a string${what ? ` (${what})` : ''}, got ${quote(v)}`);
    return false;
  }
  if (pattern && !pattern.test(v)) {
    p.add(path, `${quote(v)} is not ${what ?? `of the form ${pattern.source}`}`);
    return false;
  }
  return true;
}

function strList(p: Problems, path: string, v: Json, pattern: RegExp, what: string, nonEmpty = true): v is string[] {
  if (!Array.isArray(v)) {
    p.add(path, `expected a list of ${what}, got ${quote(v)}`);
    return false;
  }
  if (nonEmpty && v.length === 0) {
    p.add(path, `must list at least one ${what}`);
    return false;
  }
  let ok = true;
  v.forEach((item, i) => {
    ok = str(p, `${path}[${i}]`, item, pattern, what) && ok;
  });
  if (ok && new Set(v).size !== v.length) {
    p.add(path, 'lists a value twice');
    ok = false;
  }
  return ok;
}

function checkProvenance(p: Problems, path: string, v: Json, fields: readonly string[]): void {
  if (v === undefined) return;
  if (!isObject(v)) return p.add(path, `expected an object, got ${quote(v)}`);
  checkKeys(p, path, v, fields);
  for (const [k, value] of Object.entries(v)) {
    if (fields.includes(k) && !PROVENANCES.includes(value as never)) {
      p.add(`${path}.${k}`, `${quote(value)} is not one of ${PROVENANCES.join(', ')}`);
    }
  }
}

function checkNotes(p: Problems, path: string, v: Json): void {
  if (v === undefined) return;
  if (!Array.isArray(v) || v.some((n) => typeof n !== 'string')) p.add(path, 'expected a list of strings');
}

function ascendingMinors(list: string[]): boolean {
  for (let i = 1; i < list.length; i++) {
    if (semver.compare(`${list[i - 1]}.0`, `${list[i]}.0`) >= 0) return false;
  }
  return true;
}

function checkTorchRelease(p: Problems, path: string, r: Json): void {
  if (!isObject(r)) return p.add(path, `expected an object, got ${quote(r)}`);
  checkKeys(p, path, r, ['minor', 'status', 'python', 'cuda', 'patches', 'provenance', 'notes']);
  const minorOk = str(p, `${path}.minor`, r.minor, MINOR, 'a major.minor version like 2.4');
  if (!RELEASE_STATUSES.includes(r.status as never)) {
    p.add(`${path}.status`, `${quote(r.status)} is not one of ${RELEASE_STATUSES.join(', ')}`);
  }

  const py = r.python;
  if (!isObject(py)) {
    p.add(`${path}.python`, 'expected an object with supported and experimental lists');
  } else {
    checkKeys(p, `${path}.python`, py, ['supported', 'experimental']);
    const supOk = strList(p, `${path}.python.supported`, py.supported, MINOR, 'Python minor like 3.11');
    const expOk = strList(p, `${path}.python.experimental`, py.experimental, MINOR, 'Python minor like 3.13', false);
    if (supOk && !ascendingMinors(py.supported as string[])) {
      p.add(`${path}.python.supported`, 'must be in ascending order');
    }
    if (supOk && expOk) {
      const both = (py.experimental as string[]).filter((v) => (py.supported as string[]).includes(v));
      if (both.length) p.add(`${path}.python.experimental`, `${both.join(', ')} is also listed as supported`);
    }
  }

  const cuda = r.cuda;
  if (!isObject(cuda)) {
    p.add(`${path}.cuda`, 'expected an object with variants, pypiDefault and cudnn');
  } else {
    checkKeys(p, `${path}.cuda`, cuda, ['variants', 'pypiDefault', 'cudnn']);
    const varOk = strList(p, `${path}.cuda.variants`, cuda.variants, VARIANT, 'wheel variant like cu124');
    const variants = varOk ? (cuda.variants as string[]) : [];
    if (str(p, `${path}.cuda.pypiDefault`, cuda.pypiDefault) && varOk && !variants.includes(cuda.pypiDefault as string)) {
      p.add(`${path}.cuda.pypiDefault`, `${quote(cuda.pypiDefault)} is not one of its variants (${variants.join(', ')})`);
    }
    if (!isObject(cuda.cudnn)) {
      p.add(`${path}.cuda.cudnn`, 'expected an object mapping each variant to its cuDNN version');
    } else if (varOk) {
      for (const v of variants) {
        if (typeof cuda.cudnn[v] !== 'string') p.add(`${path}.cuda.cudnn`, `has no cuDNN version for ${v}`);
      }
      for (const k of Object.keys(cuda.cudnn)) {
        if (!variants.includes(k)) p.add(`${path}.cuda.cudnn.${k}`, `${k} is not one of its variants`);
      }
    }
  }

  if (!Array.isArray(r.patches) || r.patches.length === 0) {
    p.add(`${path}.patches`, 'must list at least one patch release');
  } else {
    const seen = new Set<string>();
    r.patches.forEach((patch, i) => {
      const pp = `${path}.patches[${i}]`;
      if (!isObject(patch)) return p.add(pp, `expected an object, got ${quote(patch)}`);
      checkKeys(p, pp, patch, ['torch', 'torchvision', 'torchaudio', 'provenance']);
      if (str(p, `${pp}.torch`, patch.torch)) {
        const v = semver.valid(patch.torch);
        if (!v || semver.prerelease(v)) {
          p.add(`${pp}.torch`, `${quote(patch.torch)} is not a release version like 2.4.1`);
        } else if (minorOk && `${semver.major(v)}.${semver.minor(v)}` !== r.minor) {
          p.add(`${pp}.torch`, `${patch.torch} does not belong to minor ${String(r.minor)}`);
        } else if (seen.has(v)) {
          p.add(`${pp}.torch`, `${patch.torch} is listed twice`);
        } else {
          seen.add(v);
        }
      }
      for (const lib of ['torchvision', 'torchaudio'] as const) {
        const value = patch[lib];
        if (value !== null && !(typeof value === 'string' && semver.valid(value))) {
          p.add(`${pp}.${lib}`, `${quote(value)} is not a version like 0.19.1 (or null where none was released)`);
        }
      }
      checkProvenance(p, `${pp}.provenance`, patch.provenance, ['torchvision', 'torchaudio']);
    });
  }
  checkProvenance(p, `${path}.provenance`, r.provenance, ['python', 'cuda', 'pypiDefault']);
  checkNotes(p, `${path}.notes`, r.notes);
}

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
    checkKeys(p, `${path}.image`, c.image, ['ubuntu', 'cudnnToken']);
    strList(p, `${path}.image.ubuntu`, c.image.ubuntu, UBUNTU, 'Ubuntu version like 22.04');
    str(p, `${path}.image.cudnnToken`, c.image.cudnnToken, CUDNN_TOKEN, 'a tag token like cudnn8, cudnn9 or cudnn');
  }
  checkProvenance(p, `${path}.provenance`, c.provenance, ['minDriver', 'image']);
  checkNotes(p, `${path}.notes`, c.notes);
}

const TOP_KEYS = [
  'schemaVersion',
  'about',
  'snapshot',
  'provenanceLegend',
  'sources',
  'indexUrls',
  'cpuImage',
  'cudaMajors',
  'cuda',
  'torch',
] as const;

function checkSections(p: Problems, root: Record<string, Json>, complete: boolean): void {
  checkKeys(p, '$', root, TOP_KEYS);
  if (root.schemaVersion !== 1) p.add('$.schemaVersion', `must be 1, got ${quote(root.schemaVersion)}`);
  const need = (key: string): boolean => {
    if (root[key] !== undefined) return true;
    if (complete) p.add(`$.${key}`, 'is missing');
    return false;
  };
  if (need('torch')) {
    if (!Array.isArray(root.torch)) p.add('$.torch', 'expected a list of torch releases');
    else {
      root.torch.forEach((r, i) => checkTorchRelease(p, `$.torch[${i}]`, r));
      checkUnique(p, '$.torch', root.torch, 'minor', 'torch');
    }
  }
  if (need('cuda')) {
    if (!Array.isArray(root.cuda)) p.add('$.cuda', 'expected a list of CUDA releases');
    else {
      root.cuda.forEach((c, i) => checkCudaRelease(p, `$.cuda[${i}]`, c));
      checkUnique(p, '$.cuda', root.cuda, 'version', 'CUDA');
    }
  }
  if (need('cpuImage')) {
    const ci = root.cpuImage;
    if (!isObject(ci)) p.add('$.cpuImage', 'expected an object with an ubuntu list');
    else {
      checkKeys(p, '$.cpuImage', ci, ['ubuntu']);
      strList(p, '$.cpuImage.ubuntu', ci.ubuntu, UBUNTU, 'Ubuntu version like 24.04');
    }
  }
  if (need('indexUrls')) {
    const iu = root.indexUrls;
    if (!isObject(iu)) p.add('$.indexUrls', 'expected an object with stable and rc URL templates');
    else {
      checkKeys(p, '$.indexUrls', iu, ['stable', 'rc']);
      for (const k of ['stable', 'rc']) {
        const v = iu[k];
        if (str(p, `$.indexUrls.${k}`, v) && (!/^https:\/\/\S+$/.test(v) || !v.includes('{variant}'))) {
          p.add(`$.indexUrls.${k}`, `${quote(v)} must be an https URL containing {variant}`);
        }
      }
    }
  }
  if (need('cudaMajors')) {
    if (!Array.isArray(root.cudaMajors)) p.add('$.cudaMajors', 'expected a list');
    else
      root.cudaMajors.forEach((m, i) => {
        const mp = `$.cudaMajors[${i}]`;
        if (!isObject(m)) return p.add(mp, 'expected an object');
        checkKeys(p, mp, m, ['major', 'minorCompatDriver']);
        str(p, `${mp}.major`, m.major, /^\d+$/, 'a CUDA major like 12');
        str(p, `${mp}.minorCompatDriver`, m.minorCompatDriver, DRIVER, 'a driver version like 525.60.13');
      });
  }
}

function checkUnique(p: Problems, path: string, list: Json[], key: string, what: string): void {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const id = isObject(item) ? item[key] : undefined;
    if (typeof id !== 'string') return;
    if (seen.has(id)) p.add(`${path}[${i}].${key}`, `${what} ${id} is listed twice`);
    seen.add(id);
  });
}

/** Checks that need the whole (merged) data: every wheel variant has its CUDA entry, every CUDA its major. */
function checkCrossReferences(p: Problems, data: CompatData): void {
  const cudaVersions = new Set(data.cuda.map((c) => c.version));
  data.torch.forEach((r, i) => {
    for (const v of r.cuda.variants) {
      const version = cudaVersionOfVariant(v);
      if (!cudaVersions.has(version)) {
        p.add(`$.torch[${i}].cuda.variants`, `${v} needs a CUDA ${version} entry in $.cuda (image tags and driver), and there is none`);
      }
    }
  });
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

/** Validate complete release data (the bundled file, or bundled data merged with a compat-file). */
export function validateCompat(json: Json, origin: string): CompatData {
  const p = new Problems();
  if (!isObject(json)) {
    p.add('$', `expected an object, got ${Array.isArray(json) ? 'a list' : quote(json)}`);
    fail(origin, p);
  }
  checkSections(p, json, true);
  if (p.list.length) fail(origin, p);
  checkCrossReferences(p, json as unknown as CompatData);
  if (p.list.length) fail(origin, p);
  return json as unknown as CompatData;
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

export type { TorchRelease, CudaRelease };
