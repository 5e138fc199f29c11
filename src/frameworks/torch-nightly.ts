import { byMinorNumber } from '../compat/checks.js';
import type { ReleaseData } from './index.js';
import type { TorchRelease } from './pytorch.js';
import { isCalendarDate, parseVersionSelector, type VersionSelector } from '../matrix/selectors.js';
import type { MatrixSpec } from '../matrix/spec.js';
import { isRecord } from '../json.js';
import type { IndexFile } from '../verify/index-page.js';
import { parseWheelName } from '../verify/wheel.js';
import { cudaVersionOfVariant } from '../compat/variant.js';
import semver from 'semver';

/**
 * torch's nightly builds as release data: what the nightly index has of one date becomes a release
 * of status nightly (one patch, its variants, Pythons and libraries), which the planner picks for
 * `torch: nightly` or `nightly-YYYYMMDD` only. Pure: effects/torch-nightly.ts reads the pages.
 */

/**
 * The nightlies a matrix's torch versions name, at its top level and in its include items, and the
 * torch-index-url mirrors those entries use (null: the input's, or PyTorch's own index).
 */
export function nightliesInSpecs(specs: MatrixSpec[]): { ask: NightlyAsk; mirrors: Set<string | null> } | null {
  const selectors: VersionSelector[] = [];
  const mirrors = new Set<string | null>();
  for (const spec of specs) {
    const top = spec.customisation?.torchIndexUrl ?? null;
    for (const v of spec.framework === 'pytorch' ? (spec.versions ?? []) : []) {
      selectors.push(v);
      if (v.kind === 'nightly') mirrors.add(top);
    }
    spec.include.forEach((item, i) => {
      if ((item.framework ?? spec.framework) !== 'pytorch' || !item.version) return;
      selectors.push(item.version);
      if (item.version.kind === 'nightly') mirrors.add(spec.includeCustomisation[i]?.torchIndexUrl ?? top);
    });
  }
  const ask = nightliesAsked(selectors);
  return ask ? { ask, mirrors } : null;
}

/** The nightly a planned entry (a fan-out job's cell) is; a malformed cell is the planner's to report. */
export function nightlyOfEntry(cell: unknown): NightlyAsk | null {
  if (!isRecord(cell) || (cell.framework !== undefined && cell.framework !== 'pytorch') || typeof cell.torch !== 'string') return null;
  try {
    return nightliesAsked([parseVersionSelector(cell.torch, 'entry.torch')]);
  } catch {
    return null;
  }
}

/** What a matrix asks of the nightly index: its newest build, and builds of given dates. */
export interface NightlyAsk {
  newest: boolean;
  dates: Set<string>;
}

/** The nightlies the version selectors name; null where none does (the index is not read then). */
export function nightliesAsked(selectors: VersionSelector[]): NightlyAsk | null {
  const nightly = selectors.filter((s) => s.kind === 'nightly');
  if (!nightly.length) return null;
  return { newest: nightly.some((s) => s.date === null), dates: new Set(nightly.flatMap((s) => (s.date ? [s.date] : []))) };
}

/** One date's build of a project on one variant's page. */
export interface NightlyBuild {
  /** "2.15.0.dev20261201", the local label ("+cu130") left off */
  version: string;
  /** CPython minors with linux x86_64 wheels (GIL builds) */
  pythons: Set<string>;
  /** CPython minors with free-threaded linux x86_64 wheels (cp313t) */
  freeThreaded: Set<string>;
  /** whether linux aarch64 wheels were built that day */
  arm64: boolean;
  /** the linux x86_64 wheels, for their metadata */
  files: IndexFile[];
}

/** A project's nightly builds on one page, by date (YYYYMMDD). */
export type NightlyBuilds = Map<string, NightlyBuild>;

const DEV = /^(\d+\.\d+\.\d+)\.dev(\d{8})(\+[A-Za-z0-9.]+)?$/;

/** The dev builds of `project` in a page's files, by date. */
export function nightliesOn(files: IndexFile[], project: string): NightlyBuilds {
  const out: NightlyBuilds = new Map();
  for (const f of files) {
    const w = parseWheelName(f.filename);
    const m = w?.project === project ? DEV.exec(w.version) : null;
    if (!w || !m) continue;
    const x86 = w.platforms.some((p) => /^(linux|manylinux\w*)_x86_64$/.test(p));
    const arm = w.platforms.some((p) => /^(linux|manylinux\w*)_aarch64$/.test(p));
    if (!x86 && !arm) continue;
    const date = m[2] as string;
    // an index's page is untrusted: a "date" that is not one (dev99999999) is no nightly
    if (!isCalendarDate(date)) continue;
    const build = out.get(date) ?? { version: `${m[1]}.dev${date}`, pythons: new Set(), freeThreaded: new Set(), arm64: false, files: [] };
    build.arm64 ||= arm;
    if (x86) {
      build.files.push(f);
      for (const py of w.pythons) {
        const minor = /^cp3(\d+)$/.exec(py)?.[1];
        if (minor === undefined) continue;
        (w.abis.includes(`${py}t`) ? build.freeThreaded : build.pythons).add(`3.${minor}`);
      }
    }
    out.set(date, build);
  }
  return out;
}

/**
 * How far back a variant's last build counts as current when the newest date is chosen: a day, so
 * that a variant still uploading today holds `nightly` at yesterday, and one PyTorch dropped does not
 * hold it back for long.
 */
const CURRENT_DAYS = 1;

/**
 * The date `nightly` means: the newest date on which every variant that built on it or the day
 * before has x86_64 torch wheels, so that a variant still uploading today does not leave the
 * matrix without it; the newest date of all when no date has them all.
 */
export function newestNightlyDate(all: Map<string, NightlyBuilds>, data?: ReleaseData): string | null {
  // A variant the data has no CUDA entry for cannot be planned: it does not hold nightly back.
  const cudaKnown = data ? new Set(data.cuda.map((c) => c.version)) : null;
  const plannable = [...all].filter(([v]) => !cudaKnown || v === 'cpu' || cudaKnown.has(cudaVersionOfVariant(v)));
  const torch = plannable.length ? plannable.map(([, b]) => b) : [...all.values()];
  const dates = [...new Set(torch.flatMap((b) => [...b.keys()]))].sort().reverse();
  const newest = dates[0];
  if (!newest) return null;
  const since = shiftDate(newest, -CURRENT_DAYS);
  const current = torch.filter((b) => [...b.keys()].some((d) => d >= since));
  return dates.find((d) => d >= since && current.every((b) => b.get(d)?.files.length)) ?? newest;
}

/** The date `days` later (earlier when negative): "20261201", 1 -> "20261202". */
export function shiftDate(yyyymmdd: string, days: number): string {
  const t = Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10).replace(/-/g, '');
}

/** What the effects layer read for one date, by variant. */
export interface NightlyRead {
  date: string;
  /** the index the pages came from, for the notes */
  index: string;
  torch: Map<string, NightlyBuilds>;
  torchvision: Map<string, NightlyBuilds>;
  torchaudio: Map<string, NightlyBuilds>;
  /** variant -> the cuDNN its torch wheel of that date requires, where read */
  cudnn: Map<string, string>;
  /**
   * library -> the date of its build that pairs with this torch (its own nightly may be dated a day
   * apart), and whether its `Requires-Dist: torch==` was read to say so; absent: none pairs
   */
  paired: { torchvision?: { date: string; pinned: boolean }; torchaudio?: { date: string; pinned: boolean } };
  /** when the pages were read (YYYY-MM-DD) */
  readOn: string;
}

/**
 * The release the nightly of `read.date` is: variants that built torch that day (those the data
 * has a CUDA entry for), their Pythons, the torchvision and torchaudio that pair with it
 * (`read.paired`), cuDNN from the wheels; the default variant, architectures and NumPy taken from the newest release (inferred).
 * Notes say what was left out. Null where no variant built torch that day.
 */
export function nightlyRelease(data: ReleaseData, read: NightlyRead, notes: string[]): TorchRelease | null {
  const { date } = read;
  const cudaKnown = new Set(data.cuda.map((c) => c.version));
  const built = [...read.torch].flatMap(([variant, builds]) => {
    const b = builds.get(date);
    return b?.files.length ? [[variant, b] as const] : [];
  });
  if (!built.length) return null;
  const version = built[0]?.[1].version as string;
  const variants: string[] = [];
  for (const [variant] of built) {
    if (variant === 'cpu') continue;
    if (cudaKnown.has(cudaVersionOfVariant(variant))) variants.push(variant);
    else
      notes.push(
        `torch ${version}: ${variant} wheels exist, but the data has no CUDA ${cudaVersionOfVariant(variant)} entry (image tags, driver)`,
      );
  }
  const newest = [...data.torch].filter((r) => r.status !== 'nightly').sort((a, b) => semver.rcompare(`${a.minor}.0`, `${b.minor}.0`))[0];
  const usable = built.filter(([v]) => v === 'cpu' || variants.includes(v));
  if (!usable.length) {
    notes.push(`torch ${version}: that day's wheels are for ${built.map(([v]) => v).join(', ')} only, none the data has a CUDA entry for`);
    return null;
  }
  const pythons = new Set(usable.flatMap(([, b]) => [...b.pythons]));
  const freeThreaded = new Set(usable.flatMap(([, b]) => [...b.freeThreaded]));

  // The torchvision and torchaudio builds that pair with this torch; variants without them go in `without`.
  const lib = (name: 'torchvision' | 'torchaudio'): { version: string | null; without: string[] } => {
    const paired = read.paired[name];
    const on = paired ? usable.filter(([v]) => read[name].get(v)?.get(paired.date)?.files.length) : [];
    const found = paired && on[0] ? (read[name].get(on[0][0])?.get(paired.date)?.version ?? null) : null;
    if (!found) notes.push(`${name}: no nightly that pairs with torch ${version}: left out of its entries`);
    const without = found ? usable.map(([v]) => v).filter((v) => !on.some(([w]) => w === v)) : [];
    return { version: found, without };
  };
  const vision = lib('torchvision');
  const audio = lib('torchaudio');
  const without: Record<string, ('torchvision' | 'torchaudio')[]> = {};
  for (const [name, l] of [
    ['torchvision', vision],
    ['torchaudio', audio],
  ] as const) {
    for (const v of l.without) without[v] = [...(without[v] ?? []), name];
  }

  // The default variant PyPI would give is unknowable for a nightly: the newest release's, if built.
  const defaultVariant =
    newest && variants.includes(newest.cuda.pypiDefault) ? newest.cuda.pypiDefault : (variants[variants.length - 1] ?? 'cpu');
  const archList = Object.fromEntries(variants.flatMap((v) => (newest?.cuda.archList?.[v] ? [[v, newest.cuda.archList[v]]] : [])));
  const arm64 = usable.filter(([, b]) => b.arm64).map(([v]) => v);
  const armList = Object.fromEntries(arm64.flatMap((v) => (newest?.arm64?.archList?.[v] ? [[v, newest.arm64.archList[v]]] : [])));
  const pinned = (name: 'torchvision' | 'torchaudio'): 'read' | 'inferred' => (read.paired[name]?.pinned ? 'read' : 'inferred');
  const day = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}`;
  return {
    minor: version.split('.').slice(0, 2).join('.'),
    status: 'nightly',
    python: {
      supported: [...pythons].sort(byMinorNumber),
      experimental: [],
      ...(freeThreaded.size ? { freeThreaded: [...freeThreaded].sort(byMinorNumber) } : {}),
    },
    cuda: {
      variants,
      pypiDefault: defaultVariant,
      cudnn: Object.fromEntries(variants.flatMap((v) => (read.cudnn.get(v) ? [[v, read.cudnn.get(v) as string]] : []))),
      ...(Object.keys(without).length ? { without } : {}),
      ...(Object.keys(archList).length ? { archList, archListInferred: Object.keys(archList) } : {}),
    },
    ...(arm64.length
      ? {
          arm64: {
            variants: arm64,
            ...(Object.keys(armList).length ? { archList: armList, archListInferred: Object.keys(armList) } : {}),
          },
        }
      : {}),
    ...(newest?.numpy ? { numpy: newest.numpy } : {}),
    patches: [
      {
        torch: version,
        torchvision: vision.version,
        torchaudio: audio.version,
        // a library left out (null) has no pairing to be sure of
        provenance: {
          ...(vision.version ? { torchvision: pinned('torchvision') } : {}),
          ...(audio.version ? { torchaudio: pinned('torchaudio') } : {}),
        },
      },
    ],
    provenance: { python: 'read', cuda: 'read', pypiDefault: 'inferred', ...(freeThreaded.size ? { freeThreaded: 'read' } : {}) },
    notes: [
      `the nightly of ${day}, read from ${read.index} on ${read.readOn}`,
      `default variant, TORCH_CUDA_ARCH_LIST and NumPy taken from torch ${newest?.minor ?? '(none)'} (inferred)`,
    ],
  };
}

/**
 * A fan-out job's nightly release made to say what the plan job read for its entry: the libraries,
 * cuDNN, Python and platform the cell names win over what the index says minutes or hours later
 * (an upload since, a METADATA read that failed now), so the leg builds what was planned; verify
 * still checks that those wheels are there.
 */
export function nightlyAsPlanned(release: TorchRelease, cell: Record<string, unknown>): TorchRelease {
  const patch = release.patches[0];
  const variant = typeof cell.cudaVariant === 'string' ? cell.cudaVariant : null;
  if (!patch || patch.torch !== cell.torch || !variant) return release;
  const lib = (name: 'torchvision' | 'torchaudio'): string | null => (typeof cell[name] === 'string' ? (cell[name] as string) : null);
  const without = { ...(release.cuda.without ?? {}) };
  without[variant] = (['torchvision', 'torchaudio'] as const).filter((name) => lib(name) === null);
  if (!without[variant].length) delete without[variant];
  const python = typeof cell.python === 'string' ? cell.python : '';
  const free = python.endsWith('t') ? python.slice(0, -1) : null;
  const platforms = Array.isArray(cell.platforms) ? cell.platforms : [];
  const arm = release.arm64?.variants ?? [];
  return {
    ...release,
    python: {
      ...release.python,
      supported:
        free || !python || release.python.supported.includes(python) ? release.python.supported : [...release.python.supported, python],
      ...(free ? { freeThreaded: [...new Set([...(release.python.freeThreaded ?? []), free])] } : {}),
    },
    cuda: {
      ...release.cuda,
      variants: variant === 'cpu' || release.cuda.variants.includes(variant) ? release.cuda.variants : [...release.cuda.variants, variant],
      cudnn: typeof cell.cudnn === 'string' && variant !== 'cpu' ? { ...release.cuda.cudnn, [variant]: cell.cudnn } : release.cuda.cudnn,
      ...(Object.keys(without).length ? { without } : { without: undefined }),
    },
    ...(platforms.includes('linux/arm64') && !arm.includes(variant) ? { arm64: { ...release.arm64, variants: [...arm, variant] } } : {}),
    patches: [{ ...patch, torchvision: lib('torchvision') ?? patch.torchvision, torchaudio: lib('torchaudio') ?? patch.torchaudio }],
  };
}
