import { parseAliases, type AliasRule } from './aliases.js';
import { CST, Lexer, parseDocument } from 'yaml';
import { isRecord } from '../json.js';
import { CUSTOM_KEYS, customisationFromSpec, type Customisation } from '../custom/customisation.js';
import { UserError, describeValue, quote } from '../errors.js';
import { FRAMEWORKS, VERSION_KEYS, frameworkByKey, type FrameworkId } from '../frameworks/index.js';
import { parsePlatforms, type Platform } from './platform.js';
import {
  parseCudaSelector,
  parseFlavorSelector,
  parseOsSelector,
  parsePythonSelector,
  parseVersionSelector,
  type CudaSelector,
  type FlavorSelector,
  type OsSelector,
  type PythonSelector,
  type VersionSelector,
} from './selectors.js';

/**
 * The matrix spec a person writes (YAML or JSON), parsed into selectors.
 * Pure: takes the text and where it came from (for messages).
 */

/** The keys crossed with a framework's versions. */
export const AXES = ['cuda', 'python', 'os', 'flavor'] as const;
export type Axis = (typeof AXES)[number];
const TOP_KEYS = [...VERSION_KEYS, ...AXES, 'platforms', ...CUSTOM_KEYS, 'include', 'exclude', 'aliases'] as const;
const INCLUDE_KEYS = [...VERSION_KEYS, ...AXES, 'platforms', ...CUSTOM_KEYS] as const;
const EXCLUDE_KEYS = [...VERSION_KEYS, ...AXES] as const;

/** One cell of the cross product: a selector per key. */
export interface Selectors {
  version: VersionSelector;
  cuda: CudaSelector;
  python: PythonSelector;
  os: OsSelector;
  flavor: FlavorSelector;
}

/** One include/exclude item: some keys, one selector each; `framework` when it names a version key. */
export type PartialEntry = Partial<Selectors> & { framework?: FrameworkId };

export interface MatrixSpec {
  /** the framework whose versions the top level lists (pytorch when it lists none) */
  framework: FrameworkId;
  /** the versions given at the top level */
  versions?: VersionSelector[];
  /** the other axes given at the top level, each a non-empty list of selectors */
  axes: { [A in Axis]?: Selectors[A][] };
  include: PartialEntry[];
  /** what each include item adds to the image (apt-packages, user, ...), by position in include */
  includeCustomisation: (Customisation | null)[];
  exclude: PartialEntry[];
  /** top-level customisation keys: for every entry */
  customisation: Customisation | null;
  /** the platforms every entry is built for (not crossed: one tag serves them all); the input's when absent */
  platforms?: Platform[];
  /** platforms an include item sets for the entries it matches or makes, by position in include */
  includePlatforms: (Platform[] | null)[];
  /** moving tags pointed at the one entry each selector picks (decided over the whole plan) */
  aliases: AliasRule[];
}

/** Longest matrix text accepted: a spec is a few lines; megabytes are a mistake or an attack. */
export const MAX_SPEC_BYTES = 256 * 1024;
/** Longest list accepted for one key. */
export const MAX_LIST_ITEMS = 1000;

const PARSERS: { [A in Axis]: (text: string, field: string) => Selectors[A] } = {
  cuda: parseCudaSelector,
  python: parsePythonSelector,
  os: parseOsSelector,
  flavor: parseFlavorSelector,
};

/**
 * Parse matrix text. The YAML "failsafe" schema reads every scalar as a
 * string, so `python: 3.10` stays "3.10" instead of becoming the number 3.1;
 * JSON is YAML, so the same holds for `{"python": 3.10}`.
 */
export function parseMatrixSpec(text: string, origin: string): MatrixSpec {
  const specs = parseMatrixSpecs(text, origin);
  if (specs.length !== 1) throw new UserError(`${origin}: one spec expected here, got a list of ${specs.length}`);
  return specs[0] as MatrixSpec;
}

/**
 * Parse matrix text: one spec (a mapping), or a list of specs whose plans are joined (to build
 * PyTorch and TensorFlow images side by side).
 */
export function parseMatrixSpecs(text: string, origin: string): MatrixSpec[] {
  if (Buffer.byteLength(text, 'utf8') > MAX_SPEC_BYTES) {
    throw new UserError(`${origin}: the matrix spec is larger than ${MAX_SPEC_BYTES / 1024} KiB; a spec is a few lines of YAML or JSON`);
  }
  if (text.trim() === '') {
    throw new UserError(`${origin}: the matrix spec is empty; give at least torch, e.g. "torch: 2.4"`);
  }
  const depth = nestingDepth(text, MAX_NESTING);
  if (depth > MAX_NESTING) {
    // The YAML parser recurses per level: thousands of them take seconds before it gives up.
    throw new UserError(`${origin}: the matrix spec nests lists or mappings more than ${MAX_NESTING} levels deep; a spec needs a few`);
  }
  const doc = parseDocument(text, { schema: 'failsafe', prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const where = first.linePos?.[0] ? ` (line ${first.linePos[0].line}, column ${first.linePos[0].col})` : '';
    const message = first.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? first.message;
    throw new UserError(`${origin}${where}: not valid YAML or JSON: ${message}`);
  }
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    throw new UserError(`${origin}: not valid YAML or JSON: ${(err as Error).message}`);
  }
  if (Array.isArray(root)) {
    if (root.length === 0) throw new UserError(`${origin}: an empty list of specs; give at least one, e.g. [{torch: "2.4"}]`);
    if (root.length > MAX_LIST_ITEMS) throw new UserError(`${origin}: ${root.length} specs; at most ${MAX_LIST_ITEMS} are accepted`);
    return root.map((item, i) => specFromObject(item, `${origin}[${i}]`));
  }
  return [specFromObject(root, origin)];
}

const MAX_NESTING = 32;

/**
 * How deep YAML text nests, from the YAML library's lexer (linear, no recursion): flow brackets,
 * plus the "- ", "? " and ": " indicators that each open a level on one line. A spec needs 4 or
 * 5; it stops counting past `stopAt`.
 */
export function nestingDepth(text: string, stopAt = Number.MAX_SAFE_INTEGER): number {
  let flow = 0;
  let onLine = 0;
  let deepest = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'flow-seq-start' || type === 'flow-map-start') flow++;
    else if ((type === 'flow-seq-end' || type === 'flow-map-end') && flow > 0) flow--;
    else if (type === 'newline') onLine = 0;
    else if (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind') onLine++;
    deepest = Math.max(deepest, flow + onLine);
    if (deepest > stopAt) break;
  }
  return deepest;
}

export function specFromObject(root: unknown, origin: string): MatrixSpec {
  if (!isRecord(root)) {
    throw new UserError(
      `${origin}: the matrix spec must be a mapping with keys ${TOP_KEYS.join(', ')}; ` +
        `got ${describeValue(root)}. Example: {torch: "2.4", cuda: ["12.1", "12.4"], python: "3.11"}`,
    );
  }
  checkKnownKeys(root, TOP_KEYS, 'matrix');
  const named = VERSION_KEYS.filter((k) => root[k] !== undefined);
  if (named.length > 1) {
    throw new UserError(
      `${origin}: one spec names one framework, and this one names ${named.join(' and ')}; give a list of specs, ` +
        `e.g. [{torch: "2.4"}, {tensorflow: "2.18"}], or add the other framework's entries under include`,
    );
  }
  const versionKey = named[0];
  const framework = (versionKey ? frameworkByKey(versionKey) : FRAMEWORKS[0])?.id as FrameworkId;
  const listField = (key: string, i: number, all: string[]): string =>
    all.length > 1 || Array.isArray(root[key]) ? `matrix.${key}[${i}]` : `matrix.${key}`;

  const versions = versionKey
    ? valuesOf(root[versionKey], `matrix.${versionKey}`).map((v, i, all) => parseVersionSelector(v, listField(versionKey, i, all)))
    : undefined;
  const axes: MatrixSpec['axes'] = {};
  for (const axis of AXES) {
    if (root[axis] === undefined) continue;
    (axes as Record<Axis, unknown>)[axis] = valuesOf(root[axis], `matrix.${axis}`).map((v, i, all) =>
      PARSERS[axis](v, listField(axis, i, all)),
    );
  }
  const include = partials(root.include, 'matrix.include', INCLUDE_KEYS);
  const exclude = partials(root.exclude, 'matrix.exclude', EXCLUDE_KEYS);
  const includeCustomisation = Array.isArray(root.include)
    ? root.include.map((item: unknown, i: number) => customisationFromSpec(item as Record<string, unknown>, `matrix.include[${i}]`))
    : [];
  const customisation = customisationFromSpec(root, 'matrix');
  const platforms = root.platforms === undefined ? undefined : parsePlatforms(root.platforms, 'matrix.platforms');
  const includePlatforms = Array.isArray(root.include)
    ? root.include.map((item: unknown, i: number) =>
        isRecord(item) && item.platforms !== undefined ? parsePlatforms(item.platforms, `matrix.include[${i}].platforms`) : null,
      )
    : [];

  const givenAxes = AXES.filter((a) => axes[a]);
  if (givenAxes.length > 0 && !versions) {
    throw new UserError(
      `matrix.torch is missing: the matrix has ${givenAxes.join(', ')} but no torch versions to cross them with; ` +
        `add e.g. torch: "2.4" (or tensorflow: "2.18", or jax: "0.8"; or give every entry under include)`,
    );
  }
  if (!versions && include.length === 0) {
    throw new UserError(`matrix: nothing to build; give torch (e.g. torch: "2.4"), tensorflow or jax, or a list of entries under include`);
  }
  return {
    framework,
    ...(versions ? { versions } : {}),
    axes,
    include,
    includeCustomisation,
    exclude,
    customisation,
    ...(platforms ? { platforms } : {}),
    includePlatforms,
    aliases: parseAliases(root.aliases, 'matrix.aliases'),
  };
}

function partials(value: unknown, field: string, allowed: readonly string[]): PartialEntry[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new UserError(`${field}: expected a list of partial entries like [{torch: "2.4.1", cuda: "12.4"}], got ${describeValue(value)}`);
  }
  if (value.length > MAX_LIST_ITEMS) throw new UserError(`${field}: ${value.length} items; at most ${MAX_LIST_ITEMS} are accepted`);
  return value.map((item, i) => {
    const at = `${field}[${i}]`;
    if (!isRecord(item)) {
      throw new UserError(`${at}: expected a mapping of ${allowed.join(', ')}, got ${describeValue(item)}`);
    }
    checkKnownKeys(item, allowed, at);
    if (Object.keys(item).length === 0) throw new UserError(`${at}: an empty entry; name at least one of ${allowed.join(', ')}`);
    const entry: Record<string, unknown> = {};
    for (const axis of AXES) {
      const v = item[axis];
      if (v === undefined) continue;
      if (typeof v !== 'string') {
        throw new UserError(
          `${at}.${axis}: expected one value, got ${describeValue(v)}; write one ${field.split('.')[1]} item per combination`,
        );
      }
      entry[axis] = PARSERS[axis](nonEmpty(v, `${at}.${axis}`), `${at}.${axis}`);
    }
    const named = VERSION_KEYS.filter((k) => item[k] !== undefined);
    if (named.length > 1) throw new UserError(`${at}: names ${named.join(' and ')}; one item is one entry of one framework`);
    const key = named[0];
    if (key) {
      const v = item[key];
      if (typeof v !== 'string') {
        throw new UserError(
          `${at}.${key}: expected one value, got ${describeValue(v)}; write one ${field.split('.')[1]} item per combination`,
        );
      }
      entry.framework = frameworkByKey(key)?.id;
      entry.version = parseVersionSelector(nonEmpty(v, `${at}.${key}`), `${at}.${key}`);
    }
    return entry as PartialEntry;
  });
}

function valuesOf(value: unknown, field: string): string[] {
  if (typeof value === 'string') return [nonEmpty(value, field)];
  if (Array.isArray(value)) {
    if (value.length === 0) throw new UserError(`${field}: an empty list; give at least one value or leave the key out`);
    if (value.length > MAX_LIST_ITEMS) throw new UserError(`${field}: ${value.length} values; at most ${MAX_LIST_ITEMS} are accepted`);
    return value.map((v, i) => {
      if (typeof v !== 'string') throw new UserError(`${field}[${i}]: expected a version, got ${describeValue(v)}`);
      return nonEmpty(v, `${field}[${i}]`);
    });
  }
  throw new UserError(`${field}: expected a value or a list of values, got ${describeValue(value)}`);
}

function nonEmpty(v: string, field: string): string {
  if (v.trim() === '' || v === 'null' || v === '~') throw new UserError(`${field}: no value given`);
  if (/[\u0000-\u001f\u007f]/.test(v)) throw new UserError(`${field}: ${quote(v)} contains control characters`);
  return v;
}

function checkKnownKeys(obj: Record<string, unknown>, allowed: readonly string[], field: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      const plain = (k: string): string => k.toLowerCase().replace(/_/g, '-');
      const near = allowed.find((a) => a === plain(key).replace(/s$/, '') || a === plain(key) || a === `${plain(key)}s`);
      throw new UserError(
        `${field}: unknown key ${quote(key)}; accepted keys: ${allowed.join(', ')}${near ? ` (did you mean ${near}?)` : ''}`,
      );
    }
  }
}
