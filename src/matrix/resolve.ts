import semver from 'semver';
import { emptyCustomisation, mergeCustomisation, type Customisation } from '../custom/customisation.js';
import { UserError, listWords, quote } from '../errors.js';
import type { CudaChoice, EntryParts, Framework, FrameworkRelease, Outcome, PlanContext } from '../frameworks/framework.js';
import { FRAMEWORKS, frameworkById, type MatrixEntry, type ReleaseData } from '../frameworks/index.js';
import { customiseEntry, identityOf, namedEntry } from './entry.js';
import { DEFAULT_PLATFORMS, isDefaultPlatforms, type Platform } from './platform.js';
import {
  minorSatisfies,
  parseCudaSelector,
  type CudaSelector,
  type Flavor,
  type OsSelector,
  type PythonSelector,
  type VersionSelector,
} from './selectors.js';
import { AXES, type MatrixSpec, type PartialEntry, type Selectors } from './spec.js';
import { MAX_ENTRIES_CEILING } from '../request.js';

/**
 * Resolution: the cross product of the requested keys, filtered by the release data, with
 * GitHub's include/exclude semantics. One planner for every framework; what differs per
 * framework (its releases, CUDA variants, Pythons, entry fields) it asks the framework
 * (src/frameworks/). Pure.
 */

export interface SkippedCell {
  /** absent for pytorch (as before): tensorflow or jax */
  framework?: string;
  /** the framework's version under its own key: torch, tensorflow or jax */
  torch?: string;
  tensorflow?: string;
  jax?: string;
  cuda: string;
  python: string;
  os: string;
  flavor: string;
  /** the platforms asked for, when none of them could be built ("linux/arm64") */
  platforms?: string;
  reason: string;
}

export interface Plan {
  include: MatrixEntry[];
  skipped: SkippedCell[];
  /** things a person should look at: inferred data, release candidates, excludes that matched nothing */
  warnings: string[];
}

export interface PlanOptions {
  /** most entries the plan may have (input max-entries) */
  maxEntries: number;
  /** what every entry adds to its image (the action's customisation inputs); the spec's keys go on top */
  customisation?: Customisation;
  /** the platforms input: what entries are built for unless the spec says otherwise */
  platforms?: Platform[];
}

export const DEFAULT_MAX_ENTRIES = 256;
/** Most cross-product cells expanded before filtering, whatever max-entries says. */
export const MAX_CROSS_PRODUCT = 1_000_000;
/**
 * Most entries resolving may make before exclude, include and max-entries apply: excludes may
 * narrow a wide request, so the plan may pass through more than max-entries, but not without end
 * (a 1 KB spec could otherwise ask for millions). Skipped combinations have a bound of their own.
 */
export const MIN_EXPANSION_LIMIT = 10_000;
export const MAX_SKIPPED = 50_000;
export function expansionLimit(maxEntries: number): number {
  return Math.max(MIN_EXPANSION_LIMIT, 2 * maxEntries);
}

type AnyFramework = Framework<MatrixEntry, FrameworkRelease>;

/** The keys an include or exclude item can name, the framework's version first. */
const KEYS = ['version', ...AXES] as const;
type Key = (typeof KEYS)[number];

export function resolvePlan(spec: MatrixSpec, data: ReleaseData, options: PlanOptions): Plan {
  return resolvePlans([spec], data, options);
}

/** Several specs (a list at the top level): each resolved, their entries joined. */
export function resolvePlans(specs: MatrixSpec[], data: ReleaseData, options: PlanOptions): Plan {
  const warnings = new Set<string>();
  const entryLimit = expansionLimit(options.maxEntries);
  const budget = { entries: entryLimit, skipped: MAX_SKIPPED, entryLimit };
  const parts = specs.map((spec) => new SpecPlanner(spec, data, warnings, budget).plan(options));
  const include = dedupe(parts.flatMap((p) => p.include));
  checkTagsUnique(include);
  if (include.length > options.maxEntries) {
    throw new UserError(
      `the matrix resolves to ${include.length} entries, more than max-entries (${options.maxEntries}). ` +
        `Large matrices are usually a mistake (a range or major where one version was meant); ` +
        `narrow the request, or raise max-entries if you mean it`,
    );
  }
  return { include, skipped: parts.flatMap((p) => p.skipped), warnings: [...warnings] };
}

/** A resolved entry with what it was made of, and the selectors that produced it (include may re-resolve it). */
interface Resolved {
  framework: AnyFramework;
  parts: EntryParts;
  entry: MatrixEntry;
  cell: Selectors;
  /** what this entry adds to its image, applied when the plan is done */
  custom: Customisation;
  /** the platforms an include item asked for this entry; the spec's or the input's when null */
  platforms: Platform[] | null;
}

const DEFAULTS: Omit<Selectors, 'version'> = {
  cuda: { kind: 'default', text: 'default', field: '' },
  python: { kind: 'default', text: 'default', field: '' },
  os: { kind: 'default', text: 'default', field: '' },
  flavor: { kind: 'flavor', text: 'runtime', field: '', flavor: 'runtime' },
};

const COMPAT_HINT = 'add newer releases with compat-file';

class SpecPlanner {
  private readonly framework: AnyFramework;
  private readonly context: PlanContext;
  private readonly skipped: SkippedCell[] = [];
  private readonly versionCache = new Map<VersionSelector, FrameworkRelease[]>();
  /** reason of the last skip, for include errors (which are errors, not skips) */
  private lastReason = '';
  /** what is being resolved, for the expansion-limit message */
  private stage = 'the cross product';
  /** the match of a selector against one release or one entry's value, worked out once (excludes x entries) */
  private readonly matchMemo = new WeakMap<object, Map<string, boolean>>();

  constructor(
    private readonly spec: MatrixSpec,
    private readonly data: ReleaseData,
    private readonly warnings: Set<string>,
    /** entries and skipped combinations all specs of the request may still make */
    private readonly budget: { entries: number; skipped: number; readonly entryLimit: number },
  ) {
    this.framework = frameworkById(spec.framework);
    this.context = { data, warn: (m) => warnings.add(m) };
  }

  plan(options: PlanOptions): Plan {
    const { spec, framework } = this;
    for (const sel of spec.axes.python ?? []) this.checkPythonKnown(framework, sel);
    for (const item of spec.include) if (item.python) this.checkPythonKnown(this.frameworkOfItem(item), item.python);
    const everyEntry = mergeCustomisation(options.customisation ?? emptyCustomisation(), spec.customisation);
    const specKeys: Key[] = KEYS.filter((k) => (k === 'version' ? spec.versions : spec.axes[k]));

    let resolved: Resolved[] = [];
    for (const cell of this.crossProduct()) resolved.push(...this.resolveCell(framework, cell, true, everyEntry));
    // Newest release first; otherwise the order the spec lists values in (sort is stable).
    const rank = new Map(framework.releases(this.data).map((r, i) => [r.version, i]));
    resolved.sort((a, b) => (rank.get(a.parts.release.version) ?? 0) - (rank.get(b.parts.release.version) ?? 0));

    spec.exclude.forEach((exclude, i) => {
      this.stage = `matrix.exclude[${i}]`;
      if (exclude.framework && exclude.framework !== framework.id) {
        const key = frameworkById(exclude.framework).key;
        throw new UserError(
          `matrix.exclude[${i}]: names ${key} in a ${framework.key} spec; exclude applies to the ${framework.key} entries of this spec`,
        );
      }
      const before = resolved.length;
      resolved = resolved.filter((r) => !this.matches(r, exclude, KEYS));
      if (resolved.length === before) this.warnings.add(`matrix.exclude[${i}] matched no entry`);
    });

    const added: Resolved[] = [];
    spec.include.forEach((include, i) => {
      const field = `matrix.include[${i}]`;
      this.stage = field;
      const custom = spec.includeCustomisation[i] ?? null;
      const platforms = spec.includePlatforms[i] ?? null;
      const itemFramework = this.frameworkOfItem(include);
      // An item that names another framework's version is a new entry of that framework.
      if (itemFramework !== framework) {
        added.push(...this.resolveInclude(itemFramework, include, field, mergeCustomisation(everyEntry, custom), platforms));
        return;
      }
      const named = KEYS.filter((k) => include[k]);
      const matchKeys = named.filter((k) => specKeys.includes(k));
      const extraKeys = named.filter((k) => !specKeys.includes(k));
      const matched = specKeys.length === 0 ? [] : resolved.filter((r) => this.matches(r, include, matchKeys));
      if (matched.length === 0) {
        added.push(...this.resolveInclude(framework, include, field, mergeCustomisation(everyEntry, custom), platforms));
        return;
      }
      if (custom?.tagSuffix && extraKeys.length > 0) {
        const names = extraKeys.map((k) => (k === 'version' ? framework.key : k));
        throw new UserError(
          `${field}: an include item with tag-suffix makes variants of the entries it matches; ` +
            `it cannot also change their ${names.join(', ')} (give those in a separate include item)`,
        );
      }
      if (applyAdditions(matched, custom, platforms, added)) {
        // variants (tag-suffix): a copy of each matched entry, counted like any other
        this.spend('entries', matched.length);
        return;
      }
      if (extraKeys.length === 0) return; // already in the matrix
      const extras: PartialEntry = {};
      for (const k of extraKeys) (extras as Record<Key, unknown>)[k] = include[k];
      // The matched entries are replaced, not added to: only what they become counts.
      this.budget.entries += matched.length;
      resolved = resolved.flatMap((r) => {
        if (!matched.includes(r)) return [r];
        const cell = { ...r.cell, ...extras } as Selectors;
        const outcome = this.resolveCell(framework, cell, false, r.custom, r.platforms);
        if (outcome.length === 0) {
          throw new UserError(`${field}: cannot apply ${this.describePartial(extras)} to ${r.entry.tag}: ${this.lastReason}`);
        }
        return outcome;
      });
    });

    const requested = spec.platforms ?? options.platforms ?? [...DEFAULT_PLATFORMS];
    const include = dedupe(
      [...resolved, ...added].flatMap((r) => {
        const entry = this.withPlatforms(r, r.platforms ?? requested);
        return entry ? [customiseEntry(entry, r.custom)] : [];
      }),
    );
    if (include.length === 0) throw new UserError(this.explainEmpty());
    return { include, skipped: this.skipped, warnings: [] };
  }

  /**
   * The entry built for the platforms asked for that its release ships (the data says which CUDA
   * variants have wheels and images for which platform); a platform it lacks is left out with a
   * warning, and an entry left with none is skipped. A base-image entry takes the base's word for it
   * (verify checks the base has each platform).
   */
  private withPlatforms(r: Resolved, requested: Platform[]): MatrixEntry | null {
    const { framework, parts } = r;
    const kept: Platform[] = [];
    const dropped: string[] = [];
    for (const platform of requested) {
      const why = r.custom.baseImage ? null : framework.platformReason(parts.release, parts.choice, platform, this.context);
      if (why) dropped.push(why);
      else kept.push(platform);
    }
    if (kept.length === 0) {
      const reason = dropped.join('; ');
      this.lastReason = reason;
      this.recordSkip(framework, parts.release.version, {
        cuda: parts.choice.variant,
        python: parts.python,
        os: r.entry.os,
        flavor: parts.flavor,
        platforms: requested.join(','),
        reason,
      });
      return null;
    }
    for (const why of dropped) this.warnings.add(`${r.entry.tag}: built for ${kept.join(', ')} only: ${why}`);
    const own = framework.platformFields?.(parts as never, kept, this.context, r.custom) ?? {};
    // The entry was named for the default platforms: renamed (a new key) only when it has others.
    if (isDefaultPlatforms(kept)) return { ...r.entry, ...own } as MatrixEntry;
    return namedEntry({ ...identityOf(r.entry), ...own, platforms: kept } as never);
  }

  /** A combination that was never shipped, for the plan's skipped list (counted against its bound). */
  private recordSkip(
    framework: AnyFramework,
    version: string,
    cell: Omit<SkippedCell, 'framework' | 'torch' | 'tensorflow' | 'jax'>,
  ): void {
    this.spend('skipped');
    // pytorch's cells carry no framework field, as before other frameworks came
    const id = framework.id === 'pytorch' ? {} : { framework: framework.id };
    this.skipped.push({ ...id, [framework.key]: version, ...cell });
  }

  /** Count what resolving made; past the limit, stop with the error that says where. */
  private spend(what: 'entries' | 'skipped', n = 1): void {
    this.budget[what] -= n;
    if (this.budget[what] < 0) this.overLimit(what);
  }

  private overLimit(what: 'entries' | 'skipped'): never {
    const limit = what === 'entries' ? `${this.budget.entryLimit} entries` : `${MAX_SKIPPED} skipped combinations`;
    const raise =
      what === 'entries' && this.budget.entryLimit < 2 * MAX_ENTRIES_CEILING
        ? `, or raise max-entries if you mean it (the limit is twice max-entries, at least ${MIN_EXPANSION_LIMIT})`
        : '';
    throw new UserError(
      `the matrix expands to more than ${limit} (at ${this.stage}), before max-entries applies; resolving stopped there. ` +
        `A request this wide is almost always a mistake (a range or major where one version was meant): narrow it${raise}`,
    );
  }

  /** `test` once per selector and value. */
  private memo(sel: object, value: string, test: () => boolean): boolean {
    let known = this.matchMemo.get(sel);
    if (!known) this.matchMemo.set(sel, (known = new Map()));
    let hit = known.get(value);
    if (hit === undefined) known.set(value, (hit = test()));
    return hit;
  }

  private frameworkOfItem(item: PartialEntry): AnyFramework {
    return item.framework ? frameworkById(item.framework) : this.framework;
  }

  /** A Python no release supports is a typo (or YAML's 3.10 -> 3.1), not a combination to skip. */
  private checkPythonKnown(framework: AnyFramework, sel: PythonSelector): void {
    if (sel.kind !== 'exact') return;
    const known = new Set(
      framework.releases(this.data).flatMap((r) => {
        const p = framework.pythons(r);
        return [...p.supported, ...p.experimental, ...(p.freeThreaded ?? []).map((v) => `${v}t`)];
      }),
    );
    if (known.has(sel.version)) return;
    if (sel.version.endsWith('t')) {
      const free = [...known].filter((v) => v.endsWith('t')).sort((a, b) => semver.compare(`${a.slice(0, -1)}.0`, `${b.slice(0, -1)}.0`));
      throw new UserError(
        `${sel.field}: Python ${sel.version}: no ${framework.key} release in the data has free-threaded wheels for it` +
          `${free.length ? ` (some have ${free.join(', ')})` : ''}`,
      );
    }
    const sorted = [...known].filter((v) => !v.endsWith('t')).sort((a, b) => semver.compare(`${a}.0`, `${b}.0`));
    const yamlHint =
      /^\d+\.\d$/.test(sel.version) && known.has(`${sel.version}0`)
        ? `. If you meant ${sel.version}0: a YAML or JSON tool read it as the number ${sel.version}; quote it ("${sel.version}0")`
        : '';
    throw new UserError(
      `${sel.field}: Python ${sel.version} is not supported by any ${framework.key} ` +
        `release in the data (${sorted[0]} to ${sorted[sorted.length - 1]})${yamlHint}`,
    );
  }

  /** The cells one at a time: a wide request stops at the expansion limit without holding them all. */
  private *crossProduct(): Generator<Selectors> {
    const { axes } = this.spec;
    if (!this.spec.versions) return;
    // The same selector twice (">=2" listed 100 times) is one: it would resolve to the same entries.
    const versions = distinct(this.spec.versions);
    const lists = {
      cuda: distinct(axes.cuda ?? [DEFAULTS.cuda]),
      python: distinct(axes.python ?? [DEFAULTS.python]),
      os: distinct(axes.os ?? [DEFAULTS.os]),
      flavor: distinct(axes.flavor ?? [DEFAULTS.flavor]),
    };
    const size = versions.length * lists.cuda.length * lists.python.length * lists.os.length * lists.flavor.length;
    if (size > MAX_CROSS_PRODUCT) {
      throw new UserError(
        `the matrix is a cross product of ${size} combinations before filtering, more than ${MAX_CROSS_PRODUCT}; list fewer values per key`,
      );
    }
    for (const version of versions)
      for (const cuda of lists.cuda)
        for (const python of lists.python)
          for (const os of lists.os) for (const flavor of lists.flavor) yield { version, cuda, python, os, flavor };
  }

  private resolveInclude(
    framework: AnyFramework,
    include: PartialEntry,
    field: string,
    custom: Customisation,
    platforms: Platform[] | null,
  ): Resolved[] {
    if (!include.version) {
      const others = frameworkList(framework);
      throw new UserError(
        `${field}: matches no entry of the matrix and names no ${framework.key} (or ${others}); ` +
          `a new entry needs one, e.g. ${framework.key}: "${framework.example}"`,
      );
    }
    const cell: Selectors = { ...DEFAULTS, ...include } as Selectors;
    const out = this.resolveCell(framework, cell, false, custom, platforms);
    if (out.length === 0)
      throw new UserError(`${field}: ${this.describePartial(include, framework)} was never shipped: ${this.lastReason}`);
    return out;
  }

  /**
   * Resolve one cell of selectors to concrete entries. A cell that the data rules out is
   * recorded as skipped (cross product) or left for the caller to turn into an error (include).
   */
  private resolveCell(
    framework: AnyFramework,
    cell: Selectors,
    recordSkips: boolean,
    custom: Customisation,
    platforms: Platform[] | null = null,
  ): Resolved[] {
    const out: Resolved[] = [];
    const skip = (version: string, cuda: string, python: string, os: string, reason: string): void => {
      this.lastReason = reason;
      if (recordSkips) this.recordSkip(framework, version, { cuda, python, os, flavor: cell.flavor.flavor, reason });
    };
    for (const release of this.versionsFor(framework, cell.version)) {
      const cuda = framework.cuda(release, cell.cuda, this.context);
      if ('reason' in cuda) {
        skip(release.version, cell.cuda.text, cell.python.text, cell.os.text, cuda.reason);
        continue;
      }
      for (const choice of cuda.ok) {
        const python = this.pythonFor(framework, release, cell.python);
        if ('reason' in python) {
          skip(release.version, choice.variant, cell.python.text, cell.os.text, python.reason);
          continue;
        }
        for (const py of python.ok) {
          const os = osFor(framework, choice, cell.os, cell.flavor.flavor);
          if ('reason' in os) {
            skip(release.version, choice.variant, py, cell.os.text, os.reason);
            continue;
          }
          for (const ubuntu of os.ok) {
            this.spend('entries');
            const parts: EntryParts = { release, choice, python: py, ubuntu, flavor: cell.flavor.flavor };
            const entry = namedEntry(framework.entry(parts, this.context) as never);
            out.push({ framework, parts, entry, cell: concreteCell(framework, cell, entry), custom, platforms });
          }
        }
      }
    }
    return out;
  }

  private versionsFor(framework: AnyFramework, sel: VersionSelector): FrameworkRelease[] {
    const cached = this.versionCache.get(sel);
    if (cached) return cached;
    const found = this.expandVersion(framework, sel);
    this.versionCache.set(sel, found);
    return found;
  }

  private expandVersion(framework: AnyFramework, sel: VersionSelector): FrameworkRelease[] {
    const { key } = framework;
    const all = framework.releases(this.data);
    // A nightly is asked for by name only: never by a minor, a range or latest.
    const known = all.filter((r) => !r.nightly);
    const stable = known.filter((r) => r.stable);
    const span = `${known[known.length - 1]?.version} to ${stable[0]?.version ?? known[0]?.version}`;
    switch (sel.kind) {
      case 'nightly': {
        if (!framework.nightlies) {
          throw new UserError(
            `${sel.field}: ${quote(sel.text)}: ${key} has no nightly builds to plan (nightly is for torch); give a release`,
          );
        }
        const nightlies = all.filter((r) => r.nightly);
        const hit =
          sel.date === null ? (nightlies.find((r) => r.newestNightly) ?? nightlies[0]) : nightlies.find((r) => r.nightly === sel.date);
        // The nightly index is read before planning (effects/torch-nightly.ts): a date it lacks failed there.
        if (!hit) throw new UserError(`${sel.field}: ${key} ${sel.text} is not in the release data: the nightly index was not read for it`);
        // A planned version ("2.16.0.dev20261201") is that build, not whatever that date built.
        if (sel.version && sel.version !== hit.version) {
          throw new UserError(`${sel.field}: ${key} ${sel.version} is not on the nightly index; its build of that date is ${hit.version}`);
        }
        return [hit];
      }
      case 'latest': {
        const newest = stable[0];
        if (!newest) throw new UserError(`${sel.field}: the release data has no stable ${key} release; latest cannot be resolved`);
        return [newest];
      }
      case 'exact': {
        const hit = known.find((r) => r.version === sel.version);
        if (hit) return [hit];
        const minor = `${semver.major(sel.version)}.${semver.minor(sel.version)}`;
        const sameMinor = known.filter((r) => r.minor === minor).map((r) => r.version);
        if (sameMinor.length) {
          throw new UserError(
            `${sel.field}: ${key} ${sel.version} is not in the release data; ${key} ${minor} has ${listWords(sameMinor.reverse())}`,
          );
        }
        throw new UserError(
          `${sel.field}: ${key} ${sel.version} is not in the release data ` +
            `(it knows ${span}; ${COMPAT_HINT})${this.leftOut(key, sel.version)}`,
        );
      }
      case 'minor': {
        const newest = known.find((r) => r.minor === sel.minor);
        if (!newest) {
          const minors = [...new Set(known.map((r) => r.minor))].reverse();
          throw new UserError(
            `${sel.field}: ${key} ${sel.minor} is not in the release data; known minors: ` +
              `${minors.join(', ')} (${COMPAT_HINT})${this.leftOut(key, sel.minor)}`,
          );
        }
        return [newest];
      }
      case 'range': {
        const newestPerMinor = new Map<string, FrameworkRelease>();
        for (const r of stable) if (!newestPerMinor.has(r.minor) && semver.satisfies(r.version, sel.range)) newestPerMinor.set(r.minor, r);
        if (newestPerMinor.size > 0) return [...newestPerMinor.values()];
        const rc = known.find((r) => !r.stable && semver.satisfies(r.version, sel.range));
        const rcHint = rc ? `; ${rc.version} is a release candidate, which a range never picks: ask for it exactly` : '';
        throw new UserError(
          `${sel.field}: ${JSON.stringify(sel.text)} matches no stable ${key} release in the data (it knows ${span})${rcHint}`,
        );
      }
    }
  }

  /** What the data says it left out on purpose, for a version it does not have. */
  private leftOut(key: string, version: string): string {
    const minor = version.split('.').slice(0, 2).join('.');
    const note = (this.data.leftOut ?? []).find((l) => l.key === key && (l.versions ?? []).some((v) => v === version || v === minor));
    return note ? `; ${key} ${note.versions?.includes(version) ? version : minor} is left out: ${note.why}` : '';
  }

  private pythonFor(framework: AnyFramework, release: FrameworkRelease, sel: PythonSelector): Outcome<string[]> {
    const { supported, experimental, freeThreaded = [] } = framework.pythons(release);
    const has = `${framework.key} ${release.version} has wheels for Python ${supported[0]}–${supported[supported.length - 1]}`;
    const exp = experimental.length ? ` (experimental: ${experimental.join(', ')})` : '';
    switch (sel.kind) {
      case 'default':
        return { ok: [supported[supported.length - 1] as string] };
      case 'exact':
        if (sel.version.endsWith('t')) {
          const minor = sel.version.slice(0, -1);
          if (freeThreaded.includes(minor)) {
            this.warnings.add(
              `Python ${sel.version} is free-threaded: ${framework.key} ${release.minor} ships its wheels, and calls them experimental`,
            );
            return { ok: [sel.version] };
          }
          const ft = freeThreaded.length
            ? `free-threaded wheels for ${freeThreaded.map((v) => `${v}t`).join(', ')}`
            : 'no free-threaded wheels';
          return { reason: `${framework.key} ${release.version} has ${ft} in the release data; not ${sel.version}` };
        }
        if (supported.includes(sel.version)) return { ok: [sel.version] };
        if (experimental.includes(sel.version)) {
          this.warnings.add(
            `Python ${sel.version} is experimental for ${framework.key} ${release.minor}: wheels may be missing or unstable`,
          );
          return { ok: [sel.version] };
        }
        return { reason: `${has}${exp}; not ${sel.version}` };
      case 'range': {
        const hits = supported.filter((v) => minorSatisfies(v, sel.range));
        if (hits.length) return { ok: hits };
        return { reason: `${has}${exp}; none of them matches ${sel.text}` };
      }
    }
  }

  /** Whether a resolved entry matches a partial entry (exclude, include) on the given keys. */
  private matches(r: Resolved, partial: PartialEntry, keys: readonly Key[]): boolean {
    if (partial.framework && partial.framework !== r.framework.id) return false;
    const { framework, parts, entry } = r;
    return keys.every((key) => {
      switch (key) {
        case 'version': {
          const sel = partial.version;
          return sel
            ? this.memo(sel, `${framework.id} ${parts.release.version}`, () => this.versionMatches(framework, parts.release, sel))
            : true;
        }
        case 'cuda': {
          const sel = partial.cuda;
          return sel
            ? this.memo(sel, `${framework.id} ${parts.release.version} ${parts.choice.variant}`, () => this.cudaMatches(r, sel))
            : true;
        }
        case 'python': {
          const sel = partial.python;
          return sel
            ? this.memo(sel, `${framework.id} ${parts.release.version} ${parts.python}`, () => this.pythonMatches(framework, parts, sel))
            : true;
        }
        case 'os':
          return partial.os ? osMatches(parts, partial.os) : true;
        case 'flavor':
          return partial.flavor ? entry.flavor === partial.flavor.flavor : true;
      }
    });
  }

  private versionMatches(framework: AnyFramework, release: FrameworkRelease, sel: VersionSelector): boolean {
    switch (sel.kind) {
      case 'nightly':
        return Boolean(release.nightly) && (sel.date === null ? Boolean(release.newestNightly) : release.nightly === sel.date);
      case 'latest':
        return release.version === framework.releases(this.data).find((r) => r.stable)?.version;
      case 'exact':
        return !release.nightly && release.version === sel.version;
      case 'minor':
        return !release.nightly && release.minor === sel.minor;
      case 'range':
        return semver.satisfies(release.version, sel.range);
    }
  }

  /** The entry's CUDA is one the selector resolves to for its release. */
  private cudaMatches(r: Resolved, sel: CudaSelector): boolean {
    const { choice } = r.parts;
    switch (sel.kind) {
      case 'cpu':
        return choice.cuda === 'cpu';
      case 'minor':
        return choice.cuda === sel.version;
      case 'major':
        return choice.cuda.split('.')[0] === sel.major;
      case 'default': {
        const outcome = r.framework.cuda(r.parts.release, sel, { data: this.data, warn: () => undefined });
        return 'ok' in outcome && outcome.ok.some((c) => c.variant === choice.variant);
      }
    }
  }

  private pythonMatches(framework: AnyFramework, parts: EntryParts, sel: PythonSelector): boolean {
    switch (sel.kind) {
      case 'default': {
        const supported = framework.pythons(parts.release).supported;
        return parts.python === supported[supported.length - 1];
      }
      case 'exact':
        return parts.python === sel.version;
      case 'range':
        return minorSatisfies(parts.python, sel.range);
    }
  }

  private explainEmpty(): string {
    const { framework, spec } = this;
    const lines = ['the matrix resolves to no entries.'];
    const releases = new Map<string, FrameworkRelease>();
    for (const sel of spec.versions ?? []) for (const r of this.versionsFor(framework, sel)) releases.set(r.version, r);
    if (releases.size) {
      lines.push(`What the requested ${framework.key} versions ship:`);
      for (const r of releases.values()) lines.push(`  ${framework.key} ${r.version}: ${framework.ships(r)}`);
    }
    const reasons = [...new Set(this.skipped.map((s) => s.reason))];
    if (reasons.length) {
      lines.push('Skipped because:');
      for (const r of reasons.slice(0, 10)) lines.push(`  ${r}`);
      if (reasons.length > 10) lines.push(`  ... and ${reasons.length - 10} more`);
    }
    if (spec.exclude.length) lines.push(`(exclude removed the rest: ${spec.exclude.length} exclude item(s))`);
    return lines.join('\n');
  }

  private describePartial(partial: PartialEntry, framework = this.framework): string {
    return KEYS.filter((k) => partial[k])
      .map((k) => `${k === 'version' ? framework.key : k} ${partial[k]?.text}`)
      .join(', ');
  }
}

function osFor(framework: AnyFramework, choice: CudaChoice, sel: OsSelector, flavor: Flavor): Outcome<string[]> {
  const flavorReason = framework.flavorReason(flavor, choice);
  if (flavorReason) return { reason: flavorReason };
  const available = choice.ubuntu;
  if (sel.kind === 'default') return { ok: [available[available.length - 1] as string] };
  if (available.includes(sel.ubuntu)) return { ok: [sel.ubuntu] };
  return { reason: `${choice.imagesAre} for ${available.map((u) => `ubuntu${u}`).join(', ')}; not ${sel.text}` };
}

function osMatches(parts: EntryParts, sel: OsSelector): boolean {
  if (sel.kind === 'ubuntu') return parts.ubuntu === sel.ubuntu;
  const available = parts.choice.ubuntu;
  return parts.ubuntu === available[available.length - 1];
}

/**
 * The selectors an entry keeps for a later include: the concrete values it resolved to for every
 * key that was asked for, `default` where a key was left to its default (so a changed cuda or
 * flavor picks its own default os).
 */
function concreteCell(framework: AnyFramework, cell: Selectors, entry: MatrixEntry): Selectors {
  const field = cell.version.field;
  const version = String((entry as unknown as Record<string, unknown>)[framework.key]);
  return {
    version: { kind: 'exact', text: version, field, version },
    cuda: cell.cuda.kind === 'default' ? cell.cuda : parseCudaSelector(framework.cudaRequest(entry), field),
    python: cell.python.kind === 'default' ? cell.python : { kind: 'exact', text: entry.python, field, version: entry.python },
    os: cell.os.kind === 'default' ? cell.os : { kind: 'ubuntu', text: entry.os, field, ubuntu: entry.os.replace(/^ubuntu/, '') },
    flavor: cell.flavor,
  };
}

/** "tensorflow, jax": the other frameworks' keys. */
function frameworkList(except: AnyFramework): string {
  return listWords(
    FRAMEWORKS.filter((f) => f !== except).map((f) => f.key),
    'or',
  );
}

/**
 * An include item's additions (apt-packages, ...) to the entries it matched. With tag-suffix they
 * make variants: a copy of each matched entry, beside it (and true is returned). Otherwise GitHub's
 * rule: they are added to the matched entries themselves.
 */
function applyAdditions<R extends { custom: Customisation; platforms: Platform[] | null }>(
  matched: R[],
  custom: Customisation | null,
  platforms: Platform[] | null,
  added: R[],
): boolean {
  if (custom?.tagSuffix) {
    for (const r of matched) added.push({ ...r, custom: mergeCustomisation(r.custom, custom), platforms: platforms ?? r.platforms });
    return true;
  }
  if (custom) for (const r of matched) r.custom = mergeCustomisation(r.custom, custom);
  if (platforms) for (const r of matched) r.platforms = platforms;
  return false;
}

/** Two entries under one tag would overwrite each other's image: a tag-suffix tells them apart. */
function checkTagsUnique(entries: MatrixEntry[]): void {
  const seen = new Map<string, MatrixEntry>();
  for (const e of entries) {
    const other = seen.get(e.tag);
    if (other) {
      throw new UserError(
        `two entries would push to the same tag ${quote(e.tag)}: they differ only in what they add to ` +
          `the image (${quote(JSON.stringify(other.customisation ?? {}))} and ${quote(JSON.stringify(e.customisation ?? {}))}); ` +
          `give one of them a tag-suffix in its include item, e.g. tag-suffix: opencv`,
      );
    }
    seen.set(e.tag, e);
  }
}

/** Selectors without repeats: the same kind and value, whatever their text or field. */
function distinct<S extends { kind: string; text: string; field: string }>(list: S[]): S[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const { text: _t, field: _f, ...value } = s;
    const id = JSON.stringify(value);
    return seen.has(id) ? false : (seen.add(id), true);
  });
}

function dedupe(entries: MatrixEntry[]): MatrixEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => (seen.has(e.key) ? false : (seen.add(e.key), true)));
}
