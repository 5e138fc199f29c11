import { UserError, describeValue, quote } from '../errors.js';
import { FRAMEWORK_PACKAGES } from '../frameworks/index.js';
import { checkPlaceholders } from '../inputs/placeholders.js';
import type { Inputs } from '../inputs/table.js';
import { VARIABLE_NAME, lines, parseKeyValue, parseKeyValueLines, words } from '../inputs/values.js';
import { lowercaseRepository } from '../image/reference.js';
import { pipName } from '../repro/inventory.js';
import { ARCH_LIST_ACCEPTED, normaliseArchList } from '../frameworks/cuda-arch-list.js';

/**
 * What a team adds to the embedded template's image: system and Python packages, a
 * requirements file, environment, a working directory, a non-root user, a script of their
 * own, or another base image that already holds torch. Given as action inputs (for every
 * entry) and as matrix-spec keys (top level for every entry, under include for some).
 * Pure: parsing, merging, and the canonical form that goes into an entry's key.
 */

export interface Customisation {
  /** Debian/Ubuntu package names, optionally =version */
  aptPackages: string[];
  /** pip requirement specifiers: name[extras] with optional version specifiers */
  pipPackages: string[];
  /** a requirements file, relative to the workspace */
  requirements: string | null;
  /** replaces PyPI as the index for the team's packages (a mirror); torch keeps its own index */
  pipIndexUrl: string | null;
  pipExtraIndexUrls: string[];
  /** replaces https://download.pytorch.org/whl, the PyTorch index (a mirror); entries use <url>/<variant> */
  torchIndexUrl: string | null;
  /** replaces https://pypi.org/simple for TensorFlow, JAX and their libraries (a mirror) */
  pypiIndexUrl: string | null;
  /** KEY=VALUE set with ENV, sorted by key */
  env: [string, string][];
  workdir: string | null;
  /** a non-root user the image runs as: "name" or "name:uid" */
  user: string | null;
  /** a script in the workspace, run as root in its own layer */
  postInstall: string | null;
  /** an image that already holds torch, with {placeholders} filled per entry */
  baseImage: string | null;
  /** appended to the entry's tag, so that variants of one cell get their own tags */
  tagSuffix: string | null;
  /** TORCH_CUDA_ARCH_LIST for devel entries ("8.0;8.6;9.0"), instead of the wheel's own list; runtime entries ignore it */
  cudaArchList: string | null;
}

/** The spec keys and action inputs, by their written names. */
export const CUSTOM_KEYS = [
  'apt-packages',
  'pip-packages',
  'requirements',
  'pip-index-url',
  'pip-extra-index-url',
  'torch-index-url',
  'pypi-index-url',
  'env',
  'workdir',
  'user',
  'post-install',
  'base-image',
  'tag-suffix',
  'cuda-arch-list',
] as const;
export type CustomKey = (typeof CUSTOM_KEYS)[number];

const FIELD_OF: Record<CustomKey, keyof Customisation> = {
  'apt-packages': 'aptPackages',
  'pip-packages': 'pipPackages',
  requirements: 'requirements',
  'pip-index-url': 'pipIndexUrl',
  'pip-extra-index-url': 'pipExtraIndexUrls',
  'torch-index-url': 'torchIndexUrl',
  'pypi-index-url': 'pypiIndexUrl',
  env: 'env',
  workdir: 'workdir',
  user: 'user',
  'post-install': 'postInstall',
  'base-image': 'baseImage',
  'tag-suffix': 'tagSuffix',
  'cuda-arch-list': 'cudaArchList',
};

/** The written names (spec keys, inputs) of what a customisation sets. */
export function customKeysSet(c: Partial<Customisation>): CustomKey[] {
  return CUSTOM_KEYS.filter((k) => {
    const v = c[FIELD_OF[k]];
    return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
  });
}

export function emptyCustomisation(): Customisation {
  return {
    aptPackages: [],
    pipPackages: [],
    requirements: null,
    pipIndexUrl: null,
    pipExtraIndexUrls: [],
    torchIndexUrl: null,
    pypiIndexUrl: null,
    env: [],
    workdir: null,
    user: null,
    postInstall: null,
    baseImage: null,
    tagSuffix: null,
    cudaArchList: null,
  };
}

export function isEmpty(c: Customisation): boolean {
  // Asked once per planned entry: no allocation for the common case of nothing set.
  for (const key of Object.values(FIELD_OF)) {
    const v = c[key];
    if (v !== null && !(Array.isArray(v) && v.length === 0)) return false;
  }
  return true;
}

/**
 * Whether this customisation installs anything or changes the image (tag-suffix alone does not, nor
 * torch-index-url and cuda-arch-list, which a Dockerfile of one's own receives as the TORCH_INDEX_URL
 * and TORCH_CUDA_ARCH_LIST build-args).
 */
export function changesImage(c: Customisation): boolean {
  const { tagSuffix: _, torchIndexUrl: _t, cudaArchList: _a, ...rest } = compact(c);
  return Object.keys(rest).length > 0;
}

// ---------------------------------------------------------------------------------------------
// Parsing single values. `field` names where the value came from: "input apt-packages",
// "matrix.include[2].apt-packages[0]".

const APT_PACKAGE = /^[a-z0-9][a-z0-9+.-]+(?:=[A-Za-z0-9.+~:-]+|\/[a-z0-9-]+)?$/;
const PIP_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
const PIP_EXTRAS = /^\[[A-Za-z0-9._-]+(?:,[A-Za-z0-9._-]+)*\]$/;
const PIP_SPECIFIER = /^(?:===|==|!=|~=|>=|<=|>|<)[A-Za-z0-9.*+!_-]+$/;
const USER = /^([a-z_][a-z0-9_-]{0,31})(?::(\d{1,9}))?$/;
const WORKDIR = /^\/[A-Za-z0-9._@+/-]*$/;
const TAG_SUFFIX = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

export function parseAptPackage(text: string, field: string): string {
  const t = text.trim();
  if (!APT_PACKAGE.test(t)) {
    throw new UserError(
      `${field}: ${quote(text)} is not a Debian package name; accepted: ` +
        `a name like libgl1 or libglib2.0-0, optionally =version (libgl1=1.7.0-1) or /release`,
    );
  }
  return t;
}

/** pip requirement specifier: name, optional [extras], optional comma-separated version specifiers. */
export function parsePipPackage(text: string, field: string): string {
  const t = text.trim();
  const accepted =
    'name[extras] with optional versions, e.g. numpy==1.26.4, opencv-python-headless>=4.10,<5 or transformers[torch]==4.46.0';
  if (/^(?:https?|file|git\+\w+):|^[./]|@/.test(t)) {
    throw new UserError(
      `${field}: ${quote(text)} is a URL or path; pip-packages takes package names ` +
        `with versions (${accepted}); put URLs and local paths in a requirements file`,
    );
  }
  const m = /^([^[<>=!~;\s]+)(\[[^\]]*\])?(.*)$/.exec(t);
  const name = m?.[1] ?? '';
  const extras = m?.[2] ?? '';
  const specifiers = (m?.[3] ?? '').trim();
  const ok =
    PIP_NAME.test(name) &&
    (extras === '' || PIP_EXTRAS.test(extras)) &&
    (specifiers === '' || specifiers.split(',').every((s) => PIP_SPECIFIER.test(s.trim())));
  if (!ok) throw new UserError(`${field}: ${quote(text)} is not a pip requirement; accepted: ${accepted} (no spaces)`);
  const normal = pipName(name);
  if (FRAMEWORK_PACKAGES.includes(normal)) {
    throw new UserError(
      `${field}: ${quote(text)}: ${normal} is set by the matrix (each entry's exact version); leave it out of pip-packages`,
    );
  }
  return `${name}${extras}${specifiers.replace(/\s+/g, '')}`;
}

export function parseIndexUrl(text: string, field: string): string {
  const t = text.trim();
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    throw new UserError(
      `${field}: ${quote(text)} is not a URL; accepted: an http(s) URL of a package index, e.g. https://pypi.example.com/simple`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError(`${field}: ${quote(text)} is not an http(s) URL`);
  }
  if (url.username || url.password) {
    // The URL is written into the Dockerfile, and so into the image's history and the build log.
    throw new UserError(
      `${field}: the URL holds credentials, which would be stored in the image's history and the build log; ` +
        `give them as the build secret pip instead, a netrc file (secret-files: pip=PATH; docs/customisation.md#private-indexes)`,
    );
  }
  // The URL is rendered into RUN lines: only the characters an index URL needs, none a shell reads.
  const odd = /[^A-Za-z0-9._~:/?#[\]@%+=,-]/.exec(t);
  if (odd) {
    throw new UserError(
      `${field}: ${quote(text)} contains ${quote(odd[0])}, which an index URL does not need; ` +
        'accepted: letters, digits and . _ ~ : / ? # [ ] @ % + = , -',
    );
  }
  return t;
}

export function parseWorkdir(text: string, field: string): string {
  const t = text.trim();
  if (!WORKDIR.test(t) || t.split('/').includes('..')) {
    throw new UserError(
      `${field}: ${quote(text)} is not valid; accepted: an absolute path of letters, digits and ._@+-/ such as /workspace`,
    );
  }
  return t.length > 1 ? t.replace(/\/+$/, '') : t;
}

export function parseUser(text: string, field: string): string {
  const t = text.trim();
  const m = USER.exec(t);
  if (!m)
    throw new UserError(
      `${field}: ${quote(text)} is not valid; accepted: a user name (lowercase letters, ` +
        `digits, _ and -), optionally :uid, e.g. app or app:1001`,
    );
  if (m[1] === 'root' || m[2] === '0')
    throw new UserError(`${field}: ${quote(text)} is root; the user is the non-root user the image runs as (leave it out to stay root)`);
  return t;
}

/** A path in the workspace: relative, no `..` out of it, nothing a shell or Dockerfile would read specially. */
export function parseWorkspacePath(text: string, field: string): string {
  const t = text.trim().replace(/^\.\//, '');
  if (t === '' || t.startsWith('/') || t.split('/').includes('..') || !/^[A-Za-z0-9._@+/-]+$/.test(t)) {
    throw new UserError(
      `${field}: ${quote(text)} is not valid; accepted: a path inside the repository such as requirements.txt or docker/post-install.sh`,
    );
  }
  return t;
}

export function parseBaseImageTemplate(text: string, field: string): string {
  // Registries take lowercase repository names only: lowered, as for input image (the tag keeps its case).
  const t = lowercaseRepository(text.trim(), field).text;
  checkPlaceholders(t, 'base-image', field);
  const sample = t.replace(/\{[^}]*\}/g, 'x1').replace(/@sha256:[0-9a-f]{64}$/, '');
  // repository (lowercase, host:port allowed) and an optional tag (any case)
  const colon = sample.lastIndexOf(':');
  const [repository, tag] = colon > sample.lastIndexOf('/') ? [sample.slice(0, colon), sample.slice(colon + 1)] : [sample, null];
  if (
    t === '' ||
    /[\s"'`$\\]/.test(t) ||
    !/^[a-z0-9][a-z0-9._/:-]*[a-z0-9]$|^[a-z0-9]$/.test(repository) ||
    (tag !== null && !/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag))
  ) {
    throw new UserError(
      `${field}: ${quote(text)} is not an image reference; accepted: repository:tag with optional placeholders, ` +
        `e.g. pytorch/pytorch:{torch}-cuda{cuda}-cudnn{cudnnMajor}-runtime or nvcr.io/nvidia/pytorch:24.05-py3`,
    );
  }
  return t;
}

/**
 * torch-index-url: a root the variant is appended to (`<root>/cu130`), rendered into an ARG that
 * a RUN line expands unquoted; so no query, fragment or glob character either.
 */
export function parseWheelIndexRoot(text: string, field: string): string {
  const url = parseIndexUrl(text, field);
  const odd = /[?#[\]]/.exec(url);
  if (odd) {
    throw new UserError(`${field}: ${quote(text)} contains ${quote(odd[0])}; a wheel index root has no query or fragment`);
  }
  return url;
}

export function parseCudaArchList(text: string, field: string): string {
  const list = normaliseArchList(text);
  if (!list) throw new UserError(`${field}: ${quote(text)} is not valid; accepted: ${ARCH_LIST_ACCEPTED}`);
  return list;
}

export function parseTagSuffix(text: string, field: string): string {
  const t = text.trim();
  if (!TAG_SUFFIX.test(t))
    throw new UserError(
      `${field}: ${quote(text)} is not valid; accepted: up to 40 letters, digits, _ . - (starting with a letter or digit)`,
    );
  return t;
}

// ---------------------------------------------------------------------------------------------
// From action inputs (strings; lists one per line or separated by spaces) and from spec values.

/** The action inputs (or CLI flags) as a customisation for every entry. */
export function parseCustomInputs(inputs: Inputs): Customisation {
  const c = emptyCustomisation();
  const items = (name: CustomKey, parse: (text: string, field: string) => string): string[] =>
    dedupe(words(inputs.get(name)).map((w, i) => parse(w, `${inputs.field(name)} item ${i + 1}`)));
  c.aptPackages = items('apt-packages', parseAptPackage);
  c.pipPackages = items('pip-packages', parsePipPackage);
  c.pipExtraIndexUrls = items('pip-extra-index-url', parseIndexUrl);
  c.env = sortEnv(parseKeyValueLines(inputs.get('env'), inputs.field('env'), VARIABLE_NAME));
  setSingleValues(c, (key) => {
    const t = inputs.get(key)?.trim();
    return t ? { text: t, field: inputs.field(key) } : null;
  });
  return c;
}

/** The keys that take one value, each with its parser. */
const SINGLE_VALUES = {
  requirements: parseWorkspacePath,
  'pip-index-url': parseIndexUrl,
  'torch-index-url': parseWheelIndexRoot,
  'pypi-index-url': parseIndexUrl,
  workdir: parseWorkdir,
  user: parseUser,
  'post-install': parseWorkspacePath,
  'base-image': parseBaseImageTemplate,
  'tag-suffix': parseTagSuffix,
  'cuda-arch-list': parseCudaArchList,
} as const satisfies Partial<Record<CustomKey, (text: string, field: string) => string>>;

/** Parse each single-value key that `read` finds (inputs and spec keys differ only in how they are read). */
function setSingleValues(c: Customisation, read: (key: keyof typeof SINGLE_VALUES) => { text: string; field: string } | null): void {
  for (const [key, parse] of Object.entries(SINGLE_VALUES) as [keyof typeof SINGLE_VALUES, (t: string, f: string) => string][]) {
    const got = read(key);
    if (got) (c as unknown as Record<string, string>)[FIELD_OF[key]] = parse(got.text, got.field);
  }
}

/**
 * The customisation keys of a spec mapping (top level or one include item). Lists may be YAML
 * lists or one string; env may be a mapping or a list of KEY=VALUE.
 */
export function customisationFromSpec(obj: Record<string, unknown>, at: string): Customisation | null {
  const keys = CUSTOM_KEYS.filter((k) => obj[k] !== undefined);
  if (keys.length === 0) return null;
  const c = emptyCustomisation();
  const list = (key: CustomKey, parse: (t: string, f: string) => string): string[] => {
    const v = obj[key];
    const field = `${at}.${key}`;
    if (v === undefined) return [];
    if (typeof v === 'string') {
      const items = words(v);
      return items.map((w, i) => parse(w, items.length > 1 ? `${field} item ${i + 1}` : field));
    }
    if (Array.isArray(v)) {
      return v.map((item, i) => {
        if (typeof item !== 'string') throw new UserError(`${field}[${i}]: expected one value, got ${describeValue(item)}`);
        return parse(item, `${field}[${i}]`);
      });
    }
    throw new UserError(`${field}: expected a list of values, got ${describeValue(v)}`);
  };
  c.aptPackages = dedupe(list('apt-packages', parseAptPackage));
  c.pipPackages = dedupe(list('pip-packages', parsePipPackage));
  c.pipExtraIndexUrls = dedupe(list('pip-extra-index-url', parseIndexUrl));
  c.env = sortEnv(envFromSpec(obj.env, `${at}.env`));
  setSingleValues(c, (key) => {
    const v = obj[key];
    if (v === undefined) return null;
    if (typeof v !== 'string' || v.trim() === '') throw new UserError(`${at}.${key}: expected one value, got ${describeValue(v)}`);
    return { text: v, field: `${at}.${key}` };
  });
  return c;
}

function envFromSpec(v: unknown, field: string): [string, string][] {
  if (v === undefined) return [];
  if (typeof v === 'string') return lines(v).map((l, i) => parseKeyValue(l, `${field} line ${i + 1}`, VARIABLE_NAME));
  if (Array.isArray(v)) {
    return v.map((item, i) => {
      if (typeof item !== 'string') throw new UserError(`${field}[${i}]: expected KEY=VALUE, got ${describeValue(item)}`);
      return parseKeyValue(item, `${field}[${i}]`, VARIABLE_NAME);
    });
  }
  if (typeof v === 'object' && v !== null) {
    return Object.entries(v as Record<string, unknown>).map(([key, value]) => {
      if (!VARIABLE_NAME.key.test(key)) throw new UserError(`${field}: ${quote(key)} is not a variable name (letters, digits and _)`);
      if (typeof value !== 'string') throw new UserError(`${field}.${key}: expected a value, got ${describeValue(value)}`);
      return parseKeyValue(`${key}=${value}`, `${field}.${key}`, VARIABLE_NAME);
    });
  }
  throw new UserError(`${field}: expected a mapping of NAME: value, got ${describeValue(v)}`);
}

/**
 * An entry's customisation stored in a plan (the `customisation` field, compact), read back for a
 * fan-out job's `entry` input. Every value goes through the same parsers again.
 */
export function customisationFromEntry(v: unknown, field: string): Customisation | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'object' || Array.isArray(v))
    throw new UserError(`${field}: expected the customisation object a plan wrote, got ${describeValue(v)}`);
  const o = v as Record<string, unknown>;
  const spec: Record<string, unknown> = {};
  for (const key of CUSTOM_KEYS) {
    const value = o[FIELD_OF[key]];
    if (value === undefined) continue;
    spec[key] = key === 'env' && Array.isArray(value) ? value.map((p) => (Array.isArray(p) ? `${p[0]}=${p[1]}` : p)) : value;
  }
  const unknown = Object.keys(o).filter((k) => !Object.values(FIELD_OF).includes(k as keyof Customisation));
  if (unknown.length)
    throw new UserError(`${field}: unknown key ${quote(unknown[0])}; this entry was written by another version of the action?`);
  return customisationFromSpec(spec, field) ?? emptyCustomisation();
}

// ---------------------------------------------------------------------------------------------

/** `over` on top of `base`: lists are joined (first mention kept), env by name, single values replaced. */
export function mergeCustomisation(base: Customisation, over: Customisation | null): Customisation {
  if (!over) return base;
  const envs = new Map(base.env);
  for (const [k, v] of over.env) envs.set(k, v);
  return {
    aptPackages: dedupe([...base.aptPackages, ...over.aptPackages]),
    pipPackages: dedupeByName([...base.pipPackages, ...over.pipPackages]),
    requirements: over.requirements ?? base.requirements,
    pipIndexUrl: over.pipIndexUrl ?? base.pipIndexUrl,
    pipExtraIndexUrls: dedupe([...base.pipExtraIndexUrls, ...over.pipExtraIndexUrls]),
    torchIndexUrl: over.torchIndexUrl ?? base.torchIndexUrl,
    pypiIndexUrl: over.pypiIndexUrl ?? base.pypiIndexUrl,
    env: sortEnv([...envs]),
    workdir: over.workdir ?? base.workdir,
    user: over.user ?? base.user,
    postInstall: over.postInstall ?? base.postInstall,
    baseImage: over.baseImage ?? base.baseImage,
    tagSuffix: over.tagSuffix ?? base.tagSuffix,
    cudaArchList: over.cudaArchList ?? base.cudaArchList,
  };
}

/** The stored form: only what is set. Also the canonical form hashed into the entry key. */
export function compact(c: Customisation): Partial<Customisation> {
  const out: Partial<Customisation> = {};
  for (const key of Object.values(FIELD_OF)) {
    const v = c[key];
    if (v === null || (Array.isArray(v) && v.length === 0)) continue;
    (out as Record<string, unknown>)[key] = v;
  }
  return out;
}

/** The user name and uid (null: the next free one) of `user`. */
export function userParts(user: string): { name: string; uid: string | null } {
  const [name, uid] = user.split(':');
  return { name: name as string, uid: uid ?? null };
}

/** Name of a pip requirement, normalised: "Opencv_Python[x]>=4" -> "opencv-python". */
export function requirementName(requirement: string): string {
  return pipName(/^[^[<>=!~;\s]+/.exec(requirement)?.[0] ?? requirement);
}

function dedupe(items: string[]): string[] {
  return [...new Set(items)];
}

/** A later requirement for a package replaces an earlier one (an include's pin over the input's). */
function dedupeByName(items: string[]): string[] {
  const byName = new Map<string, string>();
  for (const item of items) {
    const name = requirementName(item);
    byName.delete(name);
    byName.set(name, item);
  }
  return [...byName.values()];
}

function sortEnv(pairs: [string, string][]): [string, string][] {
  const map = new Map(pairs);
  return [...map].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
