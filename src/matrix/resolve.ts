import semver from 'semver';
import type { CompatData, CudaRelease, TorchPatch, TorchRelease } from '../compat/schema.js';
import { cudaVersionOfVariant, variantOfCudaVersion } from '../compat/variant.js';
import { emptyCustomisation, mergeCustomisation, type Customisation } from '../custom/customisation.js';
import { UserError, listWords, quote } from '../errors.js';
import { bundledFrameworks } from '../compat/frameworks.js';
import { baseImageFor, buildEntry, customiseEntry, type EntryParts, type MatrixEntry } from './entry.js';
import { FrameworkResolver, type FrameworkSkip, type OtherFramework } from './frameworks.js';
import { minorSatisfies, type CudaSelector, type Flavor, type OsSelector, type PythonSelector, type TorchSelector } from './selectors.js';
import { AXES, type Axis, type MatrixSpec, type PartialEntry, type Selectors } from './spec.js';

/**
 * Resolution: the cross product of the requested axes, filtered by the
 * release data, with GitHub's include/exclude semantics. Pure.
 */

export interface SkippedCell {
  /** absent for torch (as before): tensorflow or jax */
  framework?: 'tensorflow' | 'jax';
  /** the framework's version under its own name: torch, tensorflow or jax */
  torch?: string;
  tensorflow?: string;
  jax?: string;
  cuda: string;
  python: string;
  os: string;
  flavor: string;
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
}

export const DEFAULT_MAX_ENTRIES = 256;
/** Most cross-product cells expanded before filtering, whatever max-entries says. */
export const MAX_CROSS_PRODUCT = 1_000_000;

export function resolvePlan(spec: MatrixSpec, data: CompatData, options: PlanOptions): Plan {
  return resolvePlans([spec], data, options);
}

/** Several specs (a list at the top level): each resolved, their entries joined. */
export function resolvePlans(specs: MatrixSpec[], data: CompatData, options: PlanOptions): Plan {
  const frameworks = new FrameworkResolver(bundledFrameworks(), data);
  const parts = specs.map((spec) =>
    spec.framework === 'pytorch' ? new Resolver(data, frameworks).plan(spec, options) : planOtherFramework(spec, options, frameworks),
  );
  const include = dedupe(parts.flatMap((p) => p.include));
  checkTagsUnique(include);
  if (include.length > options.maxEntries) {
    throw new UserError(
      `the matrix resolves to ${include.length} entries, more than max-entries (${options.maxEntries}). ` +
        `Large matrices are usually a mistake (a range or major where one version was meant); narrow the request, or raise max-entries if you mean it`,
    );
  }
  return {
    include,
    skipped: parts.flatMap((p) => p.skipped),
    warnings: [...new Set([...parts.flatMap((p) => p.warnings), ...frameworks.warnings])],
  };
}

/** A spec whose versions are tensorflow's or jax's. */
function planOtherFramework(spec: MatrixSpec, options: PlanOptions, frameworks: FrameworkResolver): Plan {
  const framework = spec.framework as OtherFramework;
  const everyEntry = mergeCustomisation(options.customisation ?? emptyCustomisation(), spec.customisation);
  const skipped: SkippedCell[] = [];
  const skip = (s: FrameworkSkip): void => {
    skipped.push({
      framework: s.framework,
      [s.framework]: s.version,
      cuda: s.cuda,
      python: s.python,
      os: s.os,
      flavor: s.flavor,
      reason: s.reason,
    });
  };
  let resolved: { entry: MatrixEntry; custom: Customisation }[] = [];
  for (const version of spec.axes[framework] ?? []) {
    for (const cuda of spec.axes.cuda ?? [DEFAULTS.cuda])
      for (const python of spec.axes.python ?? [DEFAULTS.python])
        for (const os of spec.axes.os ?? [DEFAULTS.os])
          for (const flavor of spec.axes.flavor ?? [DEFAULTS.flavor]) {
            for (const entry of frameworks.resolve(framework, { version, cuda, python, os, flavor }, skip))
              resolved.push({ entry, custom: everyEntry });
          }
  }
  spec.exclude.forEach((exclude, i) => {
    if (exclude.torch) throw new UserError(`matrix.exclude[${i}]: names torch in a ${framework} spec; exclude ${framework} versions here`);
    const before = resolved.length;
    resolved = resolved.filter((r) => !otherMatches(r.entry, exclude, frameworks));
    if (resolved.length === before) frameworks.warnings.add(`matrix.exclude[${i}] matched no entry`);
  });
  const added: typeof resolved = [];
  spec.include.forEach((item, i) => {
    const field = `matrix.include[${i}]`;
    const custom = spec.includeCustomisation[i] ?? null;
    if (item.torch)
      throw new UserError(
        `${field}: names torch in a ${framework} spec; give a list of specs instead, e.g. [{${framework}: "..."}, {torch: "2.4"}]`,
      );
    const other: OtherFramework | undefined =
      item.tensorflow && framework !== 'tensorflow' ? 'tensorflow' : item.jax && framework !== 'jax' ? 'jax' : undefined;
    const matched = other ? [] : resolved.filter((r) => otherMatches(r.entry, item, frameworks));
    if (matched.length === 0) {
      added.push(...otherInclude(item, field, mergeCustomisation(everyEntry, custom), frameworks));
      return;
    }
    applyAdditions(matched, custom, added);
  });
  const include = [...resolved, ...added].map((r) => customiseEntry(r.entry, r.custom));
  if (include.length === 0) {
    const reasons = [...new Set(skipped.map((s) => s.reason))];
    throw new UserError(
      `the ${framework} matrix resolves to no entries.${reasons.length ? `\nSkipped because:\n  ${reasons.slice(0, 10).join('\n  ')}` : ''}`,
    );
  }
  return { include, skipped, warnings: [] };
}

/**
 * An include item's additions (apt-packages, ...) to the entries it matched. With tag-suffix they
 * make variants: a copy of each matched entry, beside it (and true is returned). Otherwise GitHub's
 * rule: they are added to the matched entries themselves.
 */
function applyAdditions<R extends { custom: Customisation }>(matched: R[], custom: Customisation | null, added: R[]): boolean {
  if (custom?.tagSuffix) {
    for (const r of matched) added.push({ ...r, custom: mergeCustomisation(r.custom, custom) });
    return true;
  }
  if (custom) for (const r of matched) r.custom = mergeCustomisation(r.custom, custom);
  return false;
}

/** An include item that names tensorflow or jax: a new entry of that framework. */
function otherInclude(
  item: PartialEntry,
  field: string,
  custom: Customisation,
  frameworks: FrameworkResolver,
): { entry: MatrixEntry; custom: Customisation }[] {
  const framework: OtherFramework | null = item.tensorflow ? 'tensorflow' : item.jax ? 'jax' : null;
  const version = item.tensorflow ?? item.jax;
  if (!framework || !version)
    throw new UserError(
      `${field}: matches no entry of the matrix and names no version; a new entry needs torch, tensorflow or jax (e.g. tensorflow: "2.18")`,
    );
  const cell = {
    version,
    cuda: item.cuda ?? DEFAULTS.cuda,
    python: item.python ?? DEFAULTS.python,
    os: item.os ?? DEFAULTS.os,
    flavor: item.flavor ?? DEFAULTS.flavor,
  };
  return frameworks.resolve(framework, cell).map((entry) => ({ entry, custom }));
}

/** Whether a tensorflow or jax entry matches an include or exclude item on every key it gives. */
function otherMatches(entry: MatrixEntry, item: PartialEntry, frameworks: FrameworkResolver): boolean {
  if (entry.framework === 'pytorch') return false;
  const version = entry.framework === 'tensorflow' ? entry.tensorflow : entry.jax;
  const sel = entry.framework === 'tensorflow' ? item.tensorflow : item.jax;
  if ((entry.framework === 'tensorflow' && item.jax) || (entry.framework === 'jax' && item.tensorflow)) return false;
  if (sel && !frameworks.versionMatches(entry.framework, version, sel)) return false;
  if (item.cuda) {
    const c = item.cuda;
    const ok =
      c.kind === 'cpu'
        ? entry.cuda === 'cpu'
        : c.kind === 'default'
          ? entry.cuda !== 'cpu' && (entry.framework === 'tensorflow' || entry.cudaVariant === 'cuda12')
          : c.kind === 'major'
            ? entry.cuda.split('.')[0] === c.major
            : entry.cuda === c.version;
    if (!ok) return false;
  }
  if (item.python?.kind === 'exact' && entry.python !== item.python.version) return false;
  if (item.python?.kind === 'range' && !minorSatisfies(entry.python, item.python.range)) return false;
  if (item.os?.kind === 'ubuntu' && entry.os !== `ubuntu${item.os.ubuntu}`) return false;
  if (item.flavor && entry.flavor !== item.flavor.flavor) return false;
  return true;
}

interface Known {
  release: TorchRelease;
  patch: TorchPatch;
}

/** A resolved entry with the selectors that produced it (include may re-resolve it with more keys). */
interface Resolved {
  parts: EntryParts;
  entry: MatrixEntry;
  cell: Selectors;
  /** what this entry adds to its image, applied when the plan is done */
  custom: Customisation;
}

type Outcome<T> = { ok: T } | { reason: string };

const DEFAULTS: Omit<Selectors, 'torch'> = {
  cuda: { kind: 'default', text: 'default', field: '' },
  python: { kind: 'default', text: 'default', field: '' },
  os: { kind: 'default', text: 'default', field: '' },
  flavor: { kind: 'flavor', text: 'runtime', field: '', flavor: 'runtime' },
};

class Resolver {
  private readonly frameworks: FrameworkResolver;
  private readonly releases = new Map<string, TorchRelease>();
  private readonly cudaByVersion = new Map<string, CudaRelease>();
  /** every known patch, newest first */
  private readonly known: Known[] = [];
  private readonly latest: Known;
  private readonly torchCache = new Map<TorchSelector, Known[]>();
  private readonly warnings = new Set<string>();
  private readonly skipped: SkippedCell[] = [];

  constructor(
    private readonly data: CompatData,
    frameworks?: FrameworkResolver,
  ) {
    this.frameworks = frameworks ?? new FrameworkResolver(bundledFrameworks(), data);
    for (const release of data.torch) {
      this.releases.set(release.minor, release);
      for (const patch of release.patches) this.known.push({ release, patch });
    }
    this.known.sort((a, b) => semver.rcompare(a.patch.torch, b.patch.torch));
    for (const c of data.cuda) this.cudaByVersion.set(c.version, c);
    const latest = this.known.find((k) => k.release.status === 'stable');
    if (!latest) throw new UserError('the release data has no stable torch release; `latest` cannot be resolved');
    this.latest = latest;
  }

  plan(spec: MatrixSpec, options: PlanOptions): Plan {
    const axes = AXES.filter((a) => spec.axes[a]);
    for (const sel of [...(spec.axes.python ?? []), ...spec.include.flatMap((i) => (i.python ? [i.python] : []))]) {
      this.checkPythonKnown(sel);
    }
    const cells = this.crossProduct(spec);
    const everyEntry = mergeCustomisation(options.customisation ?? emptyCustomisation(), spec.customisation);

    let resolved: Resolved[] = [];
    for (const cell of cells) resolved.push(...this.resolveCell(cell, true, everyEntry));
    // Newest torch first; otherwise the order the spec lists values in (sort is stable).
    const rank = new Map(this.known.map((k, i) => [k.patch, i]));
    resolved.sort((a, b) => (rank.get(a.parts.patch) ?? 0) - (rank.get(b.parts.patch) ?? 0));

    spec.exclude.forEach((exclude, i) => {
      const before = resolved.length;
      resolved = resolved.filter((r) => !this.matches(r.parts, exclude));
      if (resolved.length === before) this.warnings.add(`matrix.exclude[${i}] matched no entry`);
    });

    const added: Resolved[] = [];
    const otherEntries: { entry: MatrixEntry; custom: Customisation }[] = [];
    spec.include.forEach((include, i) => {
      const field = `matrix.include[${i}]`;
      const custom = spec.includeCustomisation[i] ?? null;
      // An item that names tensorflow or jax is a new entry of that framework.
      if (include.tensorflow || include.jax) {
        otherEntries.push(...otherInclude(include, field, mergeCustomisation(everyEntry, custom), this.frameworks));
        return;
      }
      const matchKeys = (Object.keys(include) as Axis[]).filter((k) => axes.includes(k));
      const extraKeys = (Object.keys(include) as Axis[]).filter((k) => !axes.includes(k));
      const matched = axes.length === 0 ? [] : resolved.filter((r) => this.matchesOn(r.parts, include, matchKeys));
      if (matched.length === 0) {
        added.push(...this.resolveInclude(include, field, mergeCustomisation(everyEntry, custom)));
        return;
      }
      if (custom?.tagSuffix && extraKeys.length > 0) {
        throw new UserError(
          `${field}: an include item with tag-suffix makes variants of the entries it matches; it cannot also change their ${extraKeys.join(', ')} (give those in a separate include item)`,
        );
      }
      if (applyAdditions(matched, custom, added)) return;
      if (extraKeys.length === 0) return; // already in the matrix
      const extras: PartialEntry = {};
      for (const k of extraKeys) (extras as Record<Axis, unknown>)[k] = include[k];
      resolved = resolved.flatMap((r) => {
        if (!matched.includes(r)) return [r];
        const cell = { ...r.cell, ...extras } as Selectors;
        const outcome = this.resolveCell(cell, false, r.custom);
        if (outcome.length === 0) {
          throw new UserError(`${field}: cannot apply ${describePartial(extras)} to ${r.entry.tag}: ${this.lastReason}`);
        }
        return outcome;
      });
    });

    const include = dedupe([...resolved, ...added, ...otherEntries].map((r) => customiseEntry(r.entry, r.custom)));
    if (include.length === 0) throw new UserError(this.explainEmpty(spec));
    return { include, skipped: this.skipped, warnings: [...this.warnings] };
  }

  /** A Python no torch release supports is a typo (or YAML's 3.10 -> 3.1), not a combination to skip. */
  private checkPythonKnown(sel: PythonSelector): void {
    if (sel.kind !== 'exact') return;
    const known = new Set(this.data.torch.flatMap((r) => [...r.python.supported, ...r.python.experimental]));
    if (known.has(sel.version)) return;
    const sorted = [...known].sort((a, b) => semver.compare(`${a}.0`, `${b}.0`));
    const yamlHint =
      /^\d+\.\d$/.test(sel.version) && known.has(`${sel.version}0`)
        ? `. If you meant ${sel.version}0: a YAML or JSON tool read it as the number ${sel.version}; quote it ("${sel.version}0")`
        : '';
    throw new UserError(
      `${sel.field}: Python ${sel.version} is not supported by any torch release in the data (${sorted[0]} to ${sorted[sorted.length - 1]})${yamlHint}`,
    );
  }

  private crossProduct(spec: MatrixSpec): Selectors[] {
    const torch = spec.axes.torch;
    if (!torch) return [];
    const lists = {
      torch,
      cuda: spec.axes.cuda ?? [DEFAULTS.cuda],
      python: spec.axes.python ?? [DEFAULTS.python],
      os: spec.axes.os ?? [DEFAULTS.os],
      flavor: spec.axes.flavor ?? [DEFAULTS.flavor],
    };
    const size = torch.length * lists.cuda.length * lists.python.length * lists.os.length * lists.flavor.length;
    if (size > MAX_CROSS_PRODUCT) {
      throw new UserError(
        `the matrix is a cross product of ${size} combinations before filtering, more than ${MAX_CROSS_PRODUCT}; list fewer values per key`,
      );
    }
    const cells: Selectors[] = [];
    for (const t of lists.torch)
      for (const c of lists.cuda)
        for (const p of lists.python)
          for (const o of lists.os) for (const f of lists.flavor) cells.push({ torch: t, cuda: c, python: p, os: o, flavor: f });
    return cells;
  }

  private resolveInclude(include: PartialEntry, field: string, custom: Customisation): Resolved[] {
    if (!include.torch) {
      throw new UserError(`${field}: matches no entry of the matrix and names no torch; a new entry needs torch (e.g. torch: "2.4.1")`);
    }
    const cell: Selectors = { ...DEFAULTS, ...include } as Selectors;
    const out = this.resolveCell(cell, false, custom);
    if (out.length === 0) throw new UserError(`${field}: ${describePartial(include)} was never shipped: ${this.lastReason}`);
    return out;
  }

  /** Reason of the last skip, for include errors (which are errors, not skips). */
  private lastReason = '';

  /**
   * Resolve one cell of selectors to concrete entries. A cell that the data
   * rules out is recorded as skipped (cross product) or left for the caller
   * to turn into an error (include).
   */
  private resolveCell(cell: Selectors, recordSkips: boolean, custom: Customisation): Resolved[] {
    const out: Resolved[] = [];
    const skip = (torch: string, cuda: string, python: string, os: string, reason: string): void => {
      this.lastReason = reason;
      if (recordSkips) this.skipped.push({ torch, cuda, python, os, flavor: cell.flavor.flavor, reason });
    };
    for (const known of this.torchFor(cell.torch)) {
      const { release, patch } = known;
      const cuda = this.cudaFor(known, cell.cuda);
      if ('reason' in cuda) {
        skip(patch.torch, cell.cuda.text, cell.python.text, cell.os.text, cuda.reason);
        continue;
      }
      for (const variant of cuda.ok) {
        const cudaRelease = variant === 'cpu' ? null : (this.cudaByVersion.get(cudaVersionOfVariant(variant)) ?? null);
        const python = this.pythonFor(known, cell.python);
        if ('reason' in python) {
          skip(patch.torch, variant, cell.python.text, cell.os.text, python.reason);
          continue;
        }
        for (const py of python.ok) {
          const os = this.osFor(cudaRelease, cell.os, cell.flavor.flavor);
          if ('reason' in os) {
            skip(patch.torch, variant, py, cell.os.text, os.reason);
            continue;
          }
          for (const ubuntu of os.ok) {
            const parts: EntryParts = { release, patch, cuda: cudaRelease, variant, python: py, ubuntu, flavor: cell.flavor.flavor };
            this.noteProvenance(parts, cell);
            out.push({ parts, entry: buildEntry(parts, this.data), cell: concreteCell(cell, parts), custom });
          }
        }
      }
    }
    return out;
  }

  private torchFor(sel: TorchSelector): Known[] {
    const cached = this.torchCache.get(sel);
    if (cached) return cached;
    const found = this.expandTorch(sel);
    this.torchCache.set(sel, found);
    return found;
  }

  private expandTorch(sel: TorchSelector): Known[] {
    const span = `${this.known[this.known.length - 1]?.patch.torch} to ${this.latest.patch.torch}`;
    const compatHint = 'add newer releases with compat-file';
    switch (sel.kind) {
      case 'latest':
        return [this.latest];
      case 'exact': {
        const hit = this.known.find((k) => k.patch.torch === sel.version);
        if (hit) return [hit];
        const minor = `${semver.major(sel.version)}.${semver.minor(sel.version)}`;
        const release = this.releases.get(minor);
        if (release) {
          throw new UserError(
            `${sel.field}: torch ${sel.version} is not a release; torch ${minor} has ${listWords(release.patches.map((p) => p.torch))}`,
          );
        }
        throw new UserError(`${sel.field}: torch ${sel.version} is not in the release data (it knows ${span}; ${compatHint})`);
      }
      case 'minor': {
        const release = this.releases.get(sel.minor);
        const newest = this.known.find((k) => k.release === release);
        if (!release || !newest) {
          throw new UserError(
            `${sel.field}: torch ${sel.minor} is not in the release data; known minors: ${[...this.releases.keys()].join(', ')} (${compatHint})`,
          );
        }
        return [newest];
      }
      case 'range': {
        const newestPerMinor = new Map<string, Known>();
        for (const k of this.known) {
          if (k.release.status !== 'stable' || newestPerMinor.has(k.release.minor)) continue;
          if (semver.satisfies(k.patch.torch, sel.range)) newestPerMinor.set(k.release.minor, k);
        }
        if (newestPerMinor.size > 0) return [...newestPerMinor.values()];
        const rc = this.known.find((k) => k.release.status === 'rc' && semver.satisfies(k.patch.torch, sel.range));
        const rcHint = rc ? `; ${rc.patch.torch} is a release candidate, which a range never picks: ask for it exactly` : '';
        throw new UserError(
          `${sel.field}: ${JSON.stringify(sel.text)} matches no stable torch release in the data (it knows ${span})${rcHint}`,
        );
      }
    }
  }

  private cudaFor({ release, patch }: Known, sel: CudaSelector): Outcome<string[]> {
    const ships = `it ships ${[...release.cuda.variants, 'cpu'].join(', ')}`;
    switch (sel.kind) {
      case 'default':
        return { ok: [release.cuda.pypiDefault] };
      case 'cpu':
        return { ok: ['cpu'] };
      case 'minor': {
        const variant = variantOfCudaVersion(sel.version);
        if (release.cuda.variants.includes(variant)) return { ok: [variant] };
        return { reason: `torch ${patch.torch} has no ${variant} wheels; ${ships}` };
      }
      case 'major': {
        const variants = release.cuda.variants.filter((v) => cudaVersionOfVariant(v).split('.')[0] === sel.major);
        if (variants.length) return { ok: variants };
        return { reason: `torch ${patch.torch} has no CUDA ${sel.major} wheels; ${ships}` };
      }
    }
  }

  private pythonFor({ release, patch }: Known, sel: PythonSelector): Outcome<string[]> {
    const { supported, experimental } = release.python;
    const span = `${supported[0]}–${supported[supported.length - 1]}`;
    const exp = experimental.length ? ` (experimental: ${experimental.join(', ')})` : '';
    switch (sel.kind) {
      case 'default':
        return { ok: [supported[supported.length - 1] as string] };
      case 'exact':
        if (supported.includes(sel.version)) return { ok: [sel.version] };
        if (experimental.includes(sel.version)) {
          this.warnings.add(`Python ${sel.version} is experimental for torch ${release.minor}: wheels may be missing or unstable`);
          return { ok: [sel.version] };
        }
        return { reason: `torch ${patch.torch} supports Python ${span}${exp}; not ${sel.version}` };
      case 'range': {
        const hits = supported.filter((v) => minorSatisfies(v, sel.range));
        if (hits.length) return { ok: hits };
        return { reason: `torch ${patch.torch} supports Python ${span}${exp}; none of them matches ${sel.text}` };
      }
    }
  }

  private osFor(cuda: CudaRelease | null, sel: OsSelector, flavor: Flavor): Outcome<string[]> {
    if (!cuda && flavor === 'devel') {
      return { reason: 'a CPU-only image has no devel flavor (devel adds the CUDA compiler); use flavor runtime' };
    }
    const available = cuda ? cuda.image.ubuntu : this.data.cpuImage.ubuntu;
    if (sel.kind === 'default') return { ok: [available[available.length - 1] as string] };
    if (available.includes(sel.ubuntu)) return { ok: [sel.ubuntu] };
    const what = cuda ? `nvidia/cuda ${cuda.release} images exist` : 'CPU images are built';
    return { reason: `${what} for ${available.map((u) => `ubuntu${u}`).join(', ')}; not ${sel.text}` };
  }

  /** Whether an entry matches every key of a partial entry (exclude, include). */
  private matches(parts: EntryParts, partial: PartialEntry): boolean {
    return this.matchesOn(parts, partial, Object.keys(partial) as Axis[]);
  }

  private matchesOn(parts: EntryParts, partial: PartialEntry, keys: Axis[]): boolean {
    return keys.every((key) => {
      switch (key) {
        case 'torch':
          return partial.torch ? this.torchMatches(parts, partial.torch) : true;
        case 'cuda':
          return partial.cuda ? cudaMatches(parts, partial.cuda) : true;
        case 'python':
          return partial.python ? pythonMatches(parts, partial.python) : true;
        case 'os':
          return partial.os ? this.osMatches(parts, partial.os) : true;
        case 'flavor':
          return partial.flavor ? parts.flavor === partial.flavor.flavor : true;
      }
    });
  }

  private torchMatches(parts: EntryParts, sel: TorchSelector): boolean {
    const v = parts.patch.torch;
    switch (sel.kind) {
      case 'latest':
        return v === this.latest.patch.torch;
      case 'exact':
        return v === sel.version;
      case 'minor':
        return parts.release.minor === sel.minor;
      case 'range':
        return semver.satisfies(v, sel.range);
    }
  }

  private osMatches(parts: EntryParts, sel: OsSelector): boolean {
    if (sel.kind === 'ubuntu') return parts.ubuntu === sel.ubuntu;
    const available = parts.cuda ? parts.cuda.image.ubuntu : this.data.cpuImage.ubuntu;
    return parts.ubuntu === available[available.length - 1];
  }

  private noteProvenance(parts: EntryParts, cell: Selectors): void {
    const { release, patch, cuda } = parts;
    if (release.status === 'rc') {
      this.warnings.add(`torch ${patch.torch} is a release candidate: its wheels come from PyTorch's test channel`);
    }
    for (const lib of ['torchvision', 'torchaudio'] as const) {
      if (patch.provenance?.[lib] === 'inferred') {
        this.warnings.add(
          `${lib} ${patch[lib]} for torch ${patch.torch} is inferred from the version pattern, not read in a release record; check it before relying on it`,
        );
      }
    }
    if (cell.cuda.kind === 'default' && release.provenance?.pypiDefault === 'inferred') {
      this.warnings.add(`the default CUDA variant of torch ${release.minor} (${release.cuda.pypiDefault}) is inferred, not read`);
    }
    if (cuda?.provenance?.image === 'inferred') {
      this.warnings.add(
        `the nvidia/cuda ${cuda.release} image tags are inferred, not read: check that ${baseImageFor(cuda, parts.ubuntu, parts.flavor)} exists`,
      );
    }
  }

  private explainEmpty(spec: MatrixSpec): string {
    const lines = ['the matrix resolves to no entries.'];
    const torches = new Map<string, Known>();
    for (const sel of spec.axes.torch ?? []) for (const k of this.torchFor(sel)) torches.set(k.patch.torch, k);
    if (torches.size) {
      lines.push('What the requested torch versions ship:');
      for (const { release, patch } of torches.values()) {
        const py = release.python.supported;
        lines.push(
          `  torch ${patch.torch}: ${[...release.cuda.variants, 'cpu'].join(', ')} (default ${release.cuda.pypiDefault}); Python ${py[0]}–${py[py.length - 1]}`,
        );
      }
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
}

function cudaMatches(parts: EntryParts, sel: CudaSelector): boolean {
  switch (sel.kind) {
    case 'default':
      return parts.variant === parts.release.cuda.pypiDefault;
    case 'cpu':
      return parts.variant === 'cpu';
    case 'minor':
      return parts.cuda?.version === sel.version;
    case 'major':
      return parts.cuda?.version.split('.')[0] === sel.major;
  }
}

function pythonMatches(parts: EntryParts, sel: PythonSelector): boolean {
  switch (sel.kind) {
    case 'default': {
      const supported = parts.release.python.supported;
      return parts.python === supported[supported.length - 1];
    }
    case 'exact':
      return parts.python === sel.version;
    case 'range':
      return minorSatisfies(parts.python, sel.range);
  }
}

/**
 * The selectors an entry keeps for a later include: the concrete values it
 * resolved to for every key that was asked for, `default` where a key was left
 * to its default (so a changed cuda or flavor picks its own default os).
 */
function concreteCell(cell: Selectors, parts: EntryParts): Selectors {
  const field = cell.torch.field;
  return {
    torch: { kind: 'exact', text: parts.patch.torch, field, version: parts.patch.torch },
    cuda:
      cell.cuda.kind === 'default'
        ? cell.cuda
        : parts.variant === 'cpu'
          ? { kind: 'cpu', text: 'cpu', field }
          : { kind: 'minor', text: cudaVersionOfVariant(parts.variant), field, version: cudaVersionOfVariant(parts.variant) },
    python: cell.python.kind === 'default' ? cell.python : { kind: 'exact', text: parts.python, field, version: parts.python },
    os: cell.os.kind === 'default' ? cell.os : { kind: 'ubuntu', text: `ubuntu${parts.ubuntu}`, field, ubuntu: parts.ubuntu },
    flavor: cell.flavor,
  };
}

function describePartial(partial: PartialEntry): string {
  return AXES.filter((a) => partial[a])
    .map((a) => `${a} ${partial[a]?.text}`)
    .join(', ');
}

/** Two entries under one tag would overwrite each other's image: a tag-suffix tells them apart. */
function checkTagsUnique(entries: MatrixEntry[]): void {
  const seen = new Map<string, MatrixEntry>();
  for (const e of entries) {
    const other = seen.get(e.tag);
    if (other) {
      throw new UserError(
        `two entries would push to the same tag ${quote(e.tag)}: they differ only in what they add to the image (${quote(JSON.stringify(other.customisation ?? {}))} and ${quote(JSON.stringify(e.customisation ?? {}))}); give one of them a tag-suffix in its include item, e.g. tag-suffix: opencv`,
      );
    }
    seen.set(e.tag, e);
  }
}

function dedupe(entries: MatrixEntry[]): MatrixEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => (seen.has(e.key) ? false : (seen.add(e.key), true)));
}
