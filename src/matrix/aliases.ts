import semver from 'semver';
import { parse } from 'yaml';
import { UserError, describeValue, quote } from '../errors.js';
import { FRAMEWORKS, frameworkOf, frameworkVersion, type MatrixEntry } from '../frameworks/index.js';
import { checkPlaceholders, renderPlaceholders } from '../inputs/placeholders.js';
import { isRecord } from '../json.js';
import { TAG } from '../image/reference.js';

/**
 * Aliases: moving tags (`latest`, `2.8-cuda12`) that point at the one entry of the plan a selector
 * picks. Decided when the whole plan is known (a fan-out leg sees one entry only), so the plan
 * gives each chosen entry an `aliases` field and its build writes those tags with its own. Pure.
 *
 *   latest: {torch: latest, cuda: default}
 *   "{torchMinor}-cuda{cudaMajor}": {torch: latest, cuda: latest, python: latest}
 *
 * A tag with placeholders splits the plan into groups (the entries that render the same tag); in
 * each group the selector must leave exactly one entry. `latest` keeps the highest value of a key
 * among what is left; `default` (cuda, python) keeps entries whose value is what that key's
 * `default` resolves to for the entry's release; any other value filters as in the matrix spec
 * (a minor matches its patches, a CUDA major its minors).
 */

export interface AliasRule {
  /** the tag, with optional entry placeholders */
  template: string;
  /** key -> value, in the order given */
  selector: [string, string][];
  /** where it was given, for messages */
  field: string;
}

const VERSION_KEYS = FRAMEWORKS.map((f) => f.key);
const SELECTOR_KEYS = [...VERSION_KEYS, 'version', 'cuda', 'python', 'os', 'flavor'] as const;
/** Most alias rules read: a few are normal, hundreds a mistake. */
const MAX_RULES = 64;

/** The aliases key of a spec, or the aliases input parsed as YAML: a mapping of tag -> selector. */
export function parseAliases(value: unknown, field: string): AliasRule[] {
  if (value === undefined || value === null) return [];
  if (!isRecord(value)) {
    throw new UserError(
      `${field}: expected a mapping of tag to selector, e.g. {latest: {torch: latest, cuda: default}}; got ${describeValue(value)}`,
    );
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_RULES) throw new UserError(`${field}: ${entries.length} aliases; at most ${MAX_RULES}`);
  return entries.map(([template, sel]) => {
    const at = `${field}.${template}`;
    checkPlaceholders(template, 'aliases', at);
    // A rendered tag is checked again per entry; the literal text must at least be a tag's characters.
    if (!TAG.test(template.replace(/\{\w+\}/g, 'x'))) {
      throw new UserError(`${at}: ${quote(template)} cannot be a tag; accepted: letters, digits, _ . - and {placeholders}, e.g. latest`);
    }
    if (!isRecord(sel) || Object.keys(sel).length === 0) {
      throw new UserError(`${at}: expected a selector mapping such as {torch: latest, cuda: default}; got ${describeValue(sel)}`);
    }
    const selector = Object.entries(sel).map(([k, v]): [string, string] => {
      if (!(SELECTOR_KEYS as readonly string[]).includes(k)) {
        throw new UserError(`${at}: unknown key ${quote(k)}; accepted: ${SELECTOR_KEYS.join(', ')}`);
      }
      if (typeof v !== 'string' && typeof v !== 'number')
        throw new UserError(`${at}.${k}: expected a value such as latest; got ${describeValue(v)}`);
      return [k, String(v).trim()];
    });
    return { template, selector, field: at };
  });
}

export function parseAliasesText(text: string | undefined, field: string): AliasRule[] {
  if (!text || text.trim() === '') return [];
  let value: unknown;
  try {
    // failsafe: every scalar a string, as in the matrix spec (python: 3.10 stays "3.10")
    value = parse(text, { schema: 'failsafe', maxAliasCount: 0, uniqueKeys: true });
  } catch (err) {
    throw new UserError(`${field}: not YAML (${(err as Error).message.split('\n')[0]})`);
  }
  return parseAliases(value, field);
}

/**
 * The plan's entries with `aliases` set on those the rules pick. `resolveDefault` answers what
 * `default` means for a key of an entry's release (the planner resolving `cuda: default` for it).
 */
export function assignAliases(include: MatrixEntry[], rules: AliasRule[], resolveDefault: DefaultResolver): MatrixEntry[] {
  if (rules.length === 0) return include;
  const owned = new Map<MatrixEntry, string[]>();
  const owner = new Map<string, { entry: MatrixEntry; field: string }>();
  const ownTags = new Set(include.map((e) => e.tag));
  for (const rule of rules) {
    const groups = new Map<string, MatrixEntry[]>();
    for (const e of include.filter((x) => ruleSpeaksOf(rule, x))) {
      const tag = renderPlaceholders(rule.template, e);
      groups.set(tag, [...(groups.get(tag) ?? []), e]);
    }
    const templated = /\{\w+\}/.test(rule.template);
    for (const [tag, members] of groups) {
      const left = select(members, rule.selector, resolveDefault);
      if (left.length === 0) {
        if (!templated) throw new UserError(`${rule.field}: ${describeSelector(rule)} matches no entry of the plan`);
        continue;
      }
      if (left.length > 1) {
        throw new UserError(
          `${rule.field}: ${describeSelector(rule)} leaves ${left.length} entries for tag ${quote(tag)} ` +
            `(${left
              .slice(0, 4)
              .map((e) => e.tag)
              .join(', ')}${left.length > 4 ? ', ...' : ''}); ` +
            `add keys (python, os, cuda, ...) or latest so that one remains`,
        );
      }
      if (!TAG.test(tag)) throw new UserError(`${rule.field}: ${quote(tag)} (for ${left[0]?.tag}) is not a valid tag`);
      if (ownTags.has(tag)) throw new UserError(`${rule.field}: ${quote(tag)} is an entry's own tag; an alias needs a tag of its own`);
      const before = owner.get(tag);
      if (before && before.entry !== left[0]) {
        throw new UserError(
          `${rule.field}: ${quote(tag)} would point at ${left[0]?.tag}, but ${before.field} points it at ${before.entry.tag}`,
        );
      }
      owner.set(tag, { entry: left[0] as MatrixEntry, field: rule.field });
      owned.set(left[0] as MatrixEntry, [...new Set([...(owned.get(left[0] as MatrixEntry) ?? []), tag])]);
    }
  }
  return include.map((e) => (owned.has(e) ? { ...e, aliases: owned.get(e) } : e));
}

/**
 * Whether a rule is about an entry at all: one that names a framework (a torch: key, a {torchMinor}
 * or {torch} placeholder) leaves other frameworks' entries out, so a plan of torch and jax entries
 * takes `{torchMinor}-cuda{cudaMajor}: {torch: latest}` for its torch entries alone.
 */
function ruleSpeaksOf(rule: AliasRule, e: MatrixEntry): boolean {
  const own = frameworkOf(e);
  for (const f of FRAMEWORKS) {
    if (f === own) continue;
    if (rule.selector.some(([k]) => k === f.key)) return false;
    if ([...f.placeholderNames, `${f.key}Minor`].some((p) => rule.template.includes(`{${p}}`))) return false;
  }
  return true;
}

function describeSelector(rule: AliasRule): string {
  return `{${rule.selector.map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
}

/** A development build's version (PEP 440 .devN): a torch nightly, "2.16.0.dev20261201". */
const DEVELOPMENT = /\.dev\d+$/;

/** Filters first, then each `latest` in the order given. */
function select(members: MatrixEntry[], selector: [string, string][], resolveDefault: DefaultResolver): MatrixEntry[] {
  let left = members;
  for (const [key, value] of selector) {
    if (value === 'latest') continue;
    left = left.filter((e) => matches(e, key, value, resolveDefault));
  }
  for (const [key, value] of selector) {
    if (value !== 'latest' || left.length === 0) continue;
    // as in the matrix, the latest version is a release, never a development build (a nightly)
    left = left.filter((e) => !DEVELOPMENT.test(valueOf(e, key) ?? ''));
    if (left.length === 0) continue;
    const best = left.reduce((a, b) => (compareBy(key, b, a) > 0 ? b : a));
    left = left.filter((e) => compareBy(key, e, best) === 0);
  }
  return left;
}

function valueOf(e: MatrixEntry, key: string): string | null {
  if (key === 'version') return frameworkVersion(e);
  if ((VERSION_KEYS as readonly string[]).includes(key)) return frameworkOf(e).key === key ? frameworkVersion(e) : null;
  return String((e as unknown as Record<string, unknown>)[key] ?? '');
}

function matches(e: MatrixEntry, key: string, value: string, resolveDefault: DefaultResolver): boolean {
  const v = valueOf(e, key);
  if (v === null) return false; // a torch: selector never picks a jax entry
  if (value === 'default' && (key === 'cuda' || key === 'python')) {
    const d = resolveDefault(e, key);
    return d !== null && (key === 'cuda' ? e.cudaVariant === d : v === d);
  }
  switch (key) {
    case 'cuda':
      return v === value || e.cudaVariant === value || (/^\d+$/.test(value) && v.split('.')[0] === value);
    case 'os':
      return v === value || v === `ubuntu${value}`;
    case 'python':
    case 'flavor':
      return v === value;
    default:
      // a development build is asked for as nightly or nightly-YYYYMMDD, as in the matrix; never by a minor or major
      if (DEVELOPMENT.test(v)) return value === 'nightly' || v.endsWith(`.dev${/^nightly-(\d{8})$/.exec(value)?.[1] ?? 'none'}`);
      // a framework version: exact, or a minor (its patches), or a major
      return v === value || v.startsWith(`${value}.`) || v.startsWith(`${value}rc`);
  }
}

/** > 0 when a's value of key is higher than b's: versions by semver, cpu below every CUDA. */
function compareBy(key: string, a: MatrixEntry, b: MatrixEntry): number {
  const va = valueOf(a, key) ?? '';
  const vb = valueOf(b, key) ?? '';
  if (key === 'flavor') return va === vb ? 0 : va < vb ? -1 : 1;
  return compareLoose(va, vb);
}

function compareLoose(a: string, b: string): number {
  const norm = (s: string): string => {
    if (s === 'cpu') return '0.0.0';
    const c = semver.coerce(s.replace(/^ubuntu/, '').replace(/t$/, ''), { includePrerelease: true });
    return c ? c.version : '0.0.0';
  };
  const byVersion = semver.compare(norm(a), norm(b));
  if (byVersion !== 0) return byVersion;
  // The same version: the plain one is the "latest", above a free-threaded Python (3.13t) or a release candidate (2.9.0rc1).
  const plain = (s: string): boolean => /^\d+(\.\d+)*$/.test(s.replace(/^ubuntu/, ''));
  if (plain(a) !== plain(b)) return plain(a) ? 1 : -1;
  return a === b ? 0 : a < b ? -1 : 1;
}

/** What `default` means for cuda or python of an entry's release, asked of the planner by the caller. */
export type DefaultResolver = (entry: MatrixEntry, key: 'cuda' | 'python') => string | null;

/** Every distinct default asked once: a plan of hundreds of entries asks about a few releases. */
export function cachedResolver(resolve: DefaultResolver): DefaultResolver {
  const cache = new Map<string, string | null>();
  return (entry, key) => {
    const id = `${entry.framework}|${frameworkVersion(entry)}|${entry.python}|${entry.os}|${entry.flavor}|${key}`;
    if (!cache.has(id)) cache.set(id, resolve(entry, key));
    return cache.get(id) ?? null;
  };
}
