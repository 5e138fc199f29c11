import semver from 'semver';
import {
  MINOR,
  ascendingMinors,
  checkKeys,
  checkList,
  checkNotes,
  checkProvenance,
  isObject,
  str,
  strList,
  type DataSection,
  type Json,
  type Problems,
} from '../compat/checks.js';
import { cudaVersionOfVariant, variantOfCudaVersion } from '../compat/variant.js';
import type { Provenance } from '../compat/schema.js';
import { UserError, quote } from '../errors.js';
import type { Customisation } from '../custom/customisation.js';
import type { EntryFields } from '../matrix/entry.js';
import {
  UV_MOUNT,
  baseImageReason,
  cpuChoice,
  nvidiaCudaImage,
  nvidiaCudaSlimImage,
  pypiIndexOf,
  span,
  type CudaChoice,
  type Framework,
  type FrameworkRelease,
} from './framework.js';
import type { ReleaseData } from './index.js';
import { ARCH_LIST_ACCEPTED, normaliseArchList, unionArchLists } from './cuda-arch-list.js';
import { shellWord } from '../template/shell.js';
import { develWheels } from '../template/devel.js';

/**
 * PyTorch: torch with its torchvision and torchaudio, from PyTorch's wheel index, one wheel
 * variant per CUDA minor (cu118, cu124, ...) and a CPU variant.
 */

/** nightly: a build of one date, read from the nightly index before planning (never in a data file) */
export type ReleaseStatus = 'stable' | 'rc' | 'nightly';
/** what a data file may say */
export const RELEASE_STATUSES: readonly ReleaseStatus[] = ['stable', 'rc'];
/** The nightly index when the data names none: download.pytorch.org's layout, /whl/nightly/<variant>. */
export const NIGHTLY_INDEX = 'https://download.pytorch.org/whl/nightly/{variant}';

export interface TorchPatch {
  torch: string;
  /** null where no torchvision was released for this torch */
  torchvision: string | null;
  torchaudio: string | null;
  provenance?: { torchvision?: Provenance; torchaudio?: Provenance };
}

export interface TorchRelease {
  /** "2.4" */
  minor: string;
  status: ReleaseStatus;
  python: {
    /** Python minors with full support, ascending: ["3.8", ..., "3.12"] */
    supported: string[];
    /** Python minors the release builds experimentally */
    experimental: string[];
    /** Python minors with free-threaded (cp313t) Linux wheels, asked for as "3.13t" */
    freeThreaded?: string[];
  };
  cuda: {
    /** wheel variants on download.pytorch.org: ["cu118", "cu121", "cu124"] */
    variants: string[];
    /** what plain `pip install torch` gets on Linux x86_64 */
    pypiDefault: string;
    /** cuDNN the wheels of each variant use: {"cu124": "9.1.0.70"} */
    cudnn: Record<string, string>;
    /** libraries a variant's index does not have for this release: {"cu132": ["torchaudio"]} */
    without?: Record<string, ('torchvision' | 'torchaudio')[]>;
    /** TORCH_CUDA_ARCH_LIST the variant's Linux x86_64 wheels were built with: devel's default for extensions */
    archList?: Record<string, string>;
    /** variants whose archList was inferred, not read */
    archListInferred?: string[];
  };
  /**
   * the variants with linux/arm64 (aarch64) wheels on the PyTorch index ("cpu" included); those under
   * `inferred` were not seen as files. Absent: linux/amd64 only.
   */
  arm64?: { variants: string[]; inferred?: string[]; archList?: Record<string, string>; archListInferred?: string[]; notes?: string[] };
  /** a NumPy specifier the release needs beside it ("<2" for releases built against NumPy 1) */
  numpy?: string;
  patches: TorchPatch[];
  /** a nightly release only: the one `torch: nightly` (no date) means */
  newestNightly?: boolean;
  provenance?: { python?: Provenance; cuda?: Provenance; pypiDefault?: Provenance; without?: Provenance; freeThreaded?: Provenance };
  notes?: string[];
}

/** PyTorch's sections of the release data. */
export interface PytorchData {
  torch: TorchRelease[];
  /** where the wheels are: {variant} is the wheel variant; nightly defaults to NIGHTLY_INDEX */
  indexUrls: { stable: string; rc: string; nightly?: string };
}

export interface TorchEntry extends EntryFields {
  framework: 'pytorch';
  torch: string;
  torchvision: string | null;
  torchaudio: string | null;
  indexUrl: string;
  /**
   * devel only: TORCH_CUDA_ARCH_LIST, what extensions are compiled for (cuda-arch-list, else the
   * architectures of the wheels for the entry's platforms); null where the data has no list for them
   */
  cudaArchList?: string | null;
  /** PyTorch's channel the wheels come from: "release", "test" for a release candidate, or "nightly" */
  channel: 'release' | 'test' | 'nightly';
}

/** One torch patch release, as the planner picks it. */
export interface TorchPick extends FrameworkRelease {
  release: TorchRelease;
  patch: TorchPatch;
}

const VARIANT = /^cu\d{3,}$/;
const NUMPY_SPECIFIER = /^(<|<=|>=|>|==|!=|~=)\d+(\.\d+)*$/;

function checkArm64(p: Problems, path: string, a: Json, cuda: Json): void {
  if (!isObject(a)) return p.add(path, 'expected an object with a variants list');
  checkKeys(p, path, a, ['variants', 'inferred', 'archList', 'archListInferred', 'notes']);
  checkArchLists(p, path, a, Array.isArray(a.variants) ? (a.variants as string[]) : null);
  const variant = /^(cpu|cu\d{3,})$/;
  if (strList(p, `${path}.variants`, a.variants, variant, 'wheel variant like cu128 or cpu')) {
    const known = isObject(cuda) && Array.isArray(cuda.variants) ? (cuda.variants as string[]) : null;
    for (const v of a.variants as string[]) {
      if (known && v !== 'cpu' && !known.includes(v)) p.add(`${path}.variants`, `${v} is not one of the release's CUDA variants`);
    }
  }
  if (a.inferred !== undefined && strList(p, `${path}.inferred`, a.inferred, variant, 'wheel variant like cu128 or cpu', false)) {
    for (const v of a.inferred as string[]) {
      if (Array.isArray(a.variants) && !a.variants.includes(v)) p.add(`${path}.inferred`, `${v} is not in variants`);
    }
  }
  checkNotes(p, `${path}.notes`, a.notes);
}

/** archList (variant -> TORCH_CUDA_ARCH_LIST) and archListInferred of a release's cuda or arm64 section. */
function checkArchLists(p: Problems, path: string, section: Record<string, Json>, variants: string[] | null): void {
  const lists = section.archList;
  if (lists !== undefined) {
    if (!isObject(lists)) p.add(`${path}.archList`, 'expected an object mapping a variant to its TORCH_CUDA_ARCH_LIST');
    else {
      for (const [v, list] of Object.entries(lists)) {
        if (variants && !variants.includes(v)) p.add(`${path}.archList.${v}`, `${v} is not one of its variants`);
        if (typeof list !== 'string' || normaliseArchList(list) !== list) {
          p.add(`${path}.archList.${v}`, `${quote(list)} is not a list of ${ARCH_LIST_ACCEPTED}, written with ";"`);
        }
      }
    }
  }
  if (section.archListInferred !== undefined) {
    if (strList(p, `${path}.archListInferred`, section.archListInferred, VARIANT, 'wheel variant like cu128', false)) {
      for (const v of section.archListInferred as string[]) {
        if (!isObject(lists) || !(v in lists)) p.add(`${path}.archListInferred`, `${v} has no archList`);
      }
    }
  }
}

function checkTorchRelease(p: Problems, path: string, r: Json): void {
  if (!isObject(r)) return p.add(path, `expected an object, got ${quote(r)}`);
  checkKeys(p, path, r, ['minor', 'status', 'python', 'cuda', 'arm64', 'numpy', 'patches', 'provenance', 'notes']);
  if (r.arm64 !== undefined) checkArm64(p, `${path}.arm64`, r.arm64, r.cuda);
  if (r.numpy !== undefined) str(p, `${path}.numpy`, r.numpy, NUMPY_SPECIFIER, 'a specifier like <2');
  const minorOk = str(p, `${path}.minor`, r.minor, MINOR, 'a major.minor version like 2.4');
  if (!RELEASE_STATUSES.includes(r.status as never)) {
    p.add(`${path}.status`, `${quote(r.status)} is not one of ${RELEASE_STATUSES.join(', ')}`);
  }

  const py = r.python;
  if (!isObject(py)) {
    p.add(`${path}.python`, 'expected an object with supported and experimental lists');
  } else {
    checkKeys(p, `${path}.python`, py, ['supported', 'experimental', 'freeThreaded']);
    if (py.freeThreaded !== undefined) strList(p, `${path}.python.freeThreaded`, py.freeThreaded, MINOR, 'Python minor like 3.13', false);
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
    checkKeys(p, `${path}.cuda`, cuda, ['variants', 'pypiDefault', 'cudnn', 'without', 'archList', 'archListInferred']);
    const varOk = strList(p, `${path}.cuda.variants`, cuda.variants, VARIANT, 'wheel variant like cu124');
    const variants = varOk ? (cuda.variants as string[]) : [];
    checkArchLists(p, `${path}.cuda`, cuda, varOk ? variants : null);
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
    if (cuda.without !== undefined) {
      if (!isObject(cuda.without)) p.add(`${path}.cuda.without`, 'expected an object mapping a variant to the libraries its index lacks');
      else {
        for (const [v, libs] of Object.entries(cuda.without)) {
          if (varOk && !variants.includes(v)) p.add(`${path}.cuda.without.${v}`, `${v} is not one of its variants`);
          strList(p, `${path}.cuda.without.${v}`, libs, /^(torchvision|torchaudio)$/, 'library (torchvision or torchaudio)');
        }
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
  checkProvenance(p, `${path}.provenance`, r.provenance, ['python', 'cuda', 'pypiDefault', 'without', 'freeThreaded']);
  checkNotes(p, `${path}.notes`, r.notes);
}

function checkIndexUrls(p: Problems, path: string, iu: Json): void {
  if (!isObject(iu)) return p.add(path, 'expected an object with stable and rc URL templates');
  checkKeys(p, path, iu, ['stable', 'rc', 'nightly']);
  for (const k of ['stable', 'rc', 'nightly']) {
    const v = iu[k];
    if (k === 'nightly' && v === undefined) continue;
    // It is rendered into an ARG and expanded unquoted in a RUN line: URL characters only, no glob or query.
    if (str(p, `${path}.${k}`, v) && (!/^https:\/\/[A-Za-z0-9._~:/@%+=,{}-]+$/.test(v) || !v.includes('{variant}'))) {
      p.add(`${path}.${k}`, `${quote(v)} must be an https URL containing {variant}, of letters, digits and . _ ~ : / @ % + = , -`);
    }
  }
}

const SECTIONS: DataSection[] = [
  {
    name: 'torch',
    merge: { kind: 'list', id: 'minor' },
    check: (p, path, v) => checkList(p, path, v, 'torch', 'minor', checkTorchRelease),
  },
  { name: 'indexUrls', merge: { kind: 'replace' }, check: checkIndexUrls },
];

/** Every torch patch, newest first, cached per data object (the planner asks per cell). */
const picks = new WeakMap<ReleaseData, TorchPick[]>();

/** Where a channel's variants are below the index root: /<variant>, /test/<variant>, /nightly/<variant>. */
function channelPath(channel: TorchEntry['channel']): string {
  return channel === 'release' ? '' : `${channel}/`;
}

/** "2.15.0.dev20261201" -> "20261201" */
function nightlyDate(version: string): string {
  return /\.dev(\d{8})$/.exec(version)?.[1] ?? '';
}

/** A torch version semver can order: a nightly's ".devN" is a pre-release of its version ("2.15.0-dev.N"). */
function torchSemver(version: string): string {
  return version.replace(/^(\d+\.\d+\.\d+)\.dev(\d+)$/, '$1-dev.$2');
}

function cudaChoice(release: TorchRelease, variant: string, data: ReleaseData): CudaChoice {
  if (variant === 'cpu') return cpuChoice(data);
  const version = cudaVersionOfVariant(variant);
  // The data's cross-references guarantee a CUDA entry for every variant.
  const cuda = data.cuda.find((c) => c.version === version);
  if (!cuda) throw new Error(`release data: no CUDA ${version} for ${variant}`);
  return {
    cuda: version,
    variant,
    full: cuda.release,
    cudnn: release.cuda.cudnn[variant] ?? null,
    minDriver: cuda.minDriver,
    ubuntu: cuda.image.ubuntu,
    imagesAre: `nvidia/cuda ${cuda.release} images exist`,
  };
}

/**
 * What a devel entry's customisation sets: cuda-arch-list; and checks of the env values its package
 * steps read (MAX_JOBS, NVCC_THREADS), which the template passes to them before env is applied.
 */
function develFields(custom: Customisation): { cudaArchList?: string } {
  for (const [name, value] of custom.env ?? []) {
    if (name === 'TORCH_CUDA_ARCH_LIST') {
      throw new UserError(
        'env: TORCH_CUDA_ARCH_LIST is set too late for a devel entry (env is applied after its package steps, which would ' +
          `compile for another list); set it with cuda-arch-list instead (${quote(value)})`,
      );
    }
    if ((name === 'MAX_JOBS' || name === 'NVCC_THREADS') && !/^[1-9][0-9]{0,3}$/.test(value)) {
      throw new UserError(`env: ${name}=${quote(value)} is not valid for a devel entry; accepted: a whole number from 1 to 9999`);
    }
  }
  return custom.cudaArchList ? { cudaArchList: custom.cudaArchList } : {};
}

export const pytorch: Framework<TorchEntry, TorchPick> = {
  id: 'pytorch',
  key: 'torch',
  example: '2.4.1',
  nightlies: true,
  sections: SECTIONS,

  releases(data) {
    let list = picks.get(data);
    if (!list) {
      list = data.torch.flatMap((release) =>
        release.patches.map((patch) => ({
          version: patch.torch,
          minor: release.minor,
          stable: release.status === 'stable',
          ...(release.status === 'nightly' ? { nightly: nightlyDate(patch.torch), newestNightly: release.newestNightly === true } : {}),
          release,
          patch,
        })),
      );
      list.sort((a, b) => semver.rcompare(torchSemver(a.version), torchSemver(b.version)));
      picks.set(data, list);
    }
    return list;
  },

  checkReferences(p, data) {
    const cudaVersions = new Set(data.cuda.map((c) => c.version));
    data.torch.forEach((r, i) => {
      for (const v of r.cuda.variants) {
        const version = cudaVersionOfVariant(v);
        if (!cudaVersions.has(version)) {
          p.add(`$.torch[${i}].cuda.variants`, `${v} needs a CUDA ${version} entry in $.cuda (image tags and driver), and there is none`);
        }
      }
    });
  },

  cuda({ release, patch }, sel, { data, warn }) {
    const ships = `it ships ${[...release.cuda.variants, 'cpu'].join(', ')}`;
    switch (sel.kind) {
      case 'default':
        if (release.provenance?.pypiDefault === 'inferred') {
          warn(`the default CUDA variant of torch ${release.minor} (${release.cuda.pypiDefault}) is inferred, not read`);
        }
        return { ok: [cudaChoice(release, release.cuda.pypiDefault, data)] };
      case 'cpu':
        return { ok: [cpuChoice(data)] };
      case 'minor': {
        const variant = variantOfCudaVersion(sel.version);
        if (release.cuda.variants.includes(variant)) return { ok: [cudaChoice(release, variant, data)] };
        return { reason: `torch ${patch.torch} has no ${variant} wheels; ${ships}` };
      }
      case 'major': {
        const variants = release.cuda.variants.filter((v) => cudaVersionOfVariant(v).split('.')[0] === sel.major);
        if (variants.length) return { ok: variants.map((v) => cudaChoice(release, v, data)) };
        return { reason: `torch ${patch.torch} has no CUDA ${sel.major} wheels; ${ships}` };
      }
    }
  },

  cudaRequest: (entry) => entry.cuda,
  pythons: ({ release }) => ({ ...release.python, freeThreaded: release.python.freeThreaded ?? [] }),

  platformReason({ release, patch }, choice, platform, context) {
    if (platform === 'linux/amd64') return null;
    const arm = release.arm64;
    if (!arm?.variants.includes(choice.variant)) {
      const has = arm?.variants.length ? `its aarch64 wheels: ${arm.variants.join(', ')}` : 'no aarch64 wheels in the release data';
      return `torch ${patch.torch} has no ${platform} ${choice.variant} wheels (${has})`;
    }
    if (arm.inferred?.includes(choice.variant)) {
      context.warn(`torch ${release.minor}'s ${platform} ${choice.variant} wheels are inferred, not read: verify checks them`);
    }
    if (choice.variant !== 'cpu' && arm.notes?.some((n) => n.startsWith('torchvision/torchaudio aarch64'))) {
      context.warn(
        `torch ${release.minor} ${choice.variant} on ${platform}: torchvision and torchaudio's aarch64 files on that index carry ` +
          'no CUDA suffix and are probably CPU builds (pytorch/vision#9330); torch itself is a CUDA build',
      );
    }
    return baseImageReason(choice, platform, context);
  },

  flavorReason(flavor, choice) {
    if (flavor === 'devel' && choice.cuda === 'cpu') {
      return 'a CPU-only image has no devel flavor (devel adds the CUDA compiler); use flavor runtime';
    }
    return null;
  },

  ships: ({ release }) =>
    `${[...release.cuda.variants, 'cpu'].join(', ')} (default ${release.cuda.pypiDefault}); Python ${span(release.python.supported)}`,

  entry({ release: { release, patch }, choice, python, ubuntu, flavor }, { data, warn }) {
    if (release.status === 'rc') warn(`torch ${patch.torch} is a release candidate: its wheels come from PyTorch's test channel`);
    if (release.status === 'nightly') {
      warn(
        `torch ${patch.torch} is a nightly build (${release.notes?.[0] ?? 'from the nightly index'}): a pre-release, and ` +
          "PyTorch's nightly index lists only the 60 newest builds (about two months); after that this entry cannot be built again",
      );
    }
    if (python.endsWith('t') && release.provenance?.freeThreaded === 'inferred') {
      warn(`torch ${release.minor}'s free-threaded wheels (Python ${python}) are inferred, not read: verify checks them`);
    }
    for (const lib of ['torchvision', 'torchaudio'] as const) {
      if (patch.provenance?.[lib] === 'inferred') {
        warn(
          `${lib} ${patch[lib]} for torch ${patch.torch} is inferred from the version pattern, ` +
            `not read in a release record; check it before relying on it`,
        );
      }
    }
    const cuda = choice.cuda === 'cpu' ? null : (data.cuda.find((c) => c.version === choice.cuda) ?? null);
    // Every torch wheel of the PyTorch index brings its own cuDNN and cuBLAS: bundled in torch/lib (the
    // "large" wheels: the index's cu117 wheels, pytorch/pytorch#85097) or required as nvidia-*-cu1X
    // packages (the "small" wheels, the index's default from 2.2 on cu121, pytorch/pytorch#114281).
    // A cudnn-runtime base would hold a second copy, 2-3 GB (and a cuDNN 8 base under cuDNN 9 wheels),
    // so runtime starts from the slim base. devel keeps cuDNN's headers for extensions that build against it.
    const baseImage = !cuda
      ? `ubuntu:${ubuntu}`
      : flavor === 'runtime'
        ? nvidiaCudaSlimImage(cuda.release, ubuntu)
        : nvidiaCudaImage(cuda, flavor, ubuntu);
    if (cuda?.provenance?.image === 'inferred') {
      warn(`the nvidia/cuda ${cuda.release} image tags are inferred, not read: check that ${baseImage} exists`);
    }
    const indexTemplate =
      release.status === 'rc'
        ? data.indexUrls.rc
        : release.status === 'nightly'
          ? (data.indexUrls.nightly ?? NIGHTLY_INDEX)
          : data.indexUrls.stable;
    // A library the variant's index lacks is left out of the entry (and so of the install, the pin
    // and the smoke check) rather than failing the build minutes in.
    const lacks = release.cuda.without?.[choice.variant] ?? [];
    for (const lib of lacks) {
      if (patch[lib] === null) continue;
      warn(
        `${lib} is left out of torch ${patch.torch} ${choice.variant} entries: that index has no ${lib} ${patch[lib]} ` +
          `(see the release data's notes); for ${lib}, use another CUDA variant of torch ${release.minor} ` +
          `(${release.cuda.variants.filter((v) => !release.cuda.without?.[v]?.includes(lib)).join(', ')})`,
      );
    }
    return {
      framework: 'pytorch',
      torch: patch.torch,
      torchvision: lacks.includes('torchvision') ? null : patch.torchvision,
      torchaudio: lacks.includes('torchaudio') ? null : patch.torchaudio,
      cuda: choice.cuda,
      cudaVariant: choice.variant,
      cudaFull: choice.full,
      cudnn: choice.cudnn,
      python,
      os: `ubuntu${ubuntu}`,
      flavor,
      baseImage,
      indexUrl: indexTemplate.replace('{variant}', choice.variant),
      channel: release.status === 'rc' ? 'test' : release.status === 'nightly' ? 'nightly' : 'release',
      minDriver: choice.minDriver,
    };
  },

  platformFields({ release: { release, patch }, choice, flavor }, platforms, { warn }, custom) {
    if (flavor !== 'devel' || choice.variant === 'cpu') return null;
    // cuda-arch-list replaces the default (customiseEntry sets it); a base image's torch is not the wheel, and
    // keeps its own TORCH_CUDA_ARCH_LIST unless cuda-arch-list says otherwise
    if (custom.cudaArchList || custom.baseImage) return { cudaArchList: null };
    const lists: string[] = [];
    for (const platform of platforms) {
      const section = platform === 'linux/arm64' ? release.arm64 : release.cuda;
      const list = section?.archList?.[choice.variant];
      if (!list) {
        warn(
          `torch ${patch.torch} ${choice.variant} devel on ${platform}: the release data has no TORCH_CUDA_ARCH_LIST for its wheels` +
            `${platforms.length > 1 ? ' (the list is that of its other platforms)' : ''}; set cuda-arch-list (e.g. "8.0;9.0"), ` +
            'or an extension build without a GPU fails',
        );
        continue;
      }
      if (section?.archListInferred?.includes(choice.variant)) {
        warn(`torch ${release.minor} ${choice.variant}'s TORCH_CUDA_ARCH_LIST on ${platform} (${list}) is inferred, not read`);
      }
      lists.push(list);
    }
    return { cudaArchList: lists.length ? unionArchLists(lists) : null };
  },

  // PyTorch entries keep the canonical form they had before other frameworks came, so their keys stay.
  keyParts: (e, common) => [e.torch, e.torchvision, e.torchaudio, ...common, e.indexUrl],
  tagName: (version) => version,

  // <mirror>/<variant>, <mirror>/test/<variant> for a release candidate, <mirror>/nightly/<variant> for a
  // nightly: the layout of download.pytorch.org/whl.
  mirrored: (fields, custom) => ({
    ...fields,
    ...(custom.torchIndexUrl
      ? { indexUrl: `${custom.torchIndexUrl.replace(/\/+$/, '')}/${channelPath(fields.channel)}${fields.cudaVariant}` }
      : {}),
    ...(fields.flavor === 'devel' ? develFields(custom) : {}),
  }),

  packages: ['torch', 'torchvision', 'torchaudio'],

  requirements(entry, data) {
    const numpy = data.torch.find((r) => r.patches.some((p) => p.torch === entry.torch))?.numpy;
    return numpy ? [`numpy${numpy}`] : [];
  },

  install(entry, data) {
    const packages = [
      `torch==\${TORCH_VERSION}`,
      entry.torchvision ? `torchvision==\${TORCHVISION_VERSION}` : null,
      entry.torchaudio ? `torchaudio==\${TORCHAUDIO_VERSION}` : null,
      // the PyTorch index mirrors PyPI's numpy, 2.x included
      ...pytorch.requirements(entry, data).map(shellWord),
    ].filter((p): p is string => p !== null);
    const args = [
      `ARG TORCH_VERSION=${entry.torch}`,
      entry.torchvision ? `ARG TORCHVISION_VERSION=${entry.torchvision}` : null,
      entry.torchaudio ? `ARG TORCHAUDIO_VERSION=${entry.torchaudio}` : null,
      `ARG TORCH_INDEX_URL=${entry.indexUrl}`,
    ].filter((a): a is string => a !== null);
    return `# torch and its libraries at the entry's exact versions, from its wheel index.
${args.join('\n')}
RUN ${UV_MOUNT} \\
    uv pip install --python /opt/venv/bin/python --index-url \${TORCH_INDEX_URL} \\
      ${packages.join(' ')}`;
  },

  wheels(e) {
    const pins: [string, string | null][] = [
      ['torch', e.torch],
      ['torchvision', e.torchvision],
      ['torchaudio', e.torchaudio],
    ];
    const own = pins.flatMap(([project, version]) => (version ? [{ project, version, index: e.indexUrl }] : []));
    // devel installs setuptools (for cpp_extension) from the team's index, unless the venv has it already
    return [...own, ...develWheels(e, e.customisation?.pipIndexUrl ?? pypiIndexOf(e))];
  },

  // <root>/cu130 beside <root>/cu132: the same release's other variants, where a missing library may be.
  alternativeIndexes(e, data) {
    const release = data.torch.find((r) => r.patches.some((p) => p.torch === e.torch));
    // A CPU build of a library beside a CUDA torch is no answer, nor a CUDA one for a CPU entry.
    if (!release || e.cudaVariant === 'cpu' || !e.indexUrl.endsWith(`/${e.cudaVariant}`)) return [];
    const root = e.indexUrl.slice(0, -e.cudaVariant.length);
    return release.cuda.variants.filter((v) => v !== e.cudaVariant).map((v) => `${root}${v}`);
  },

  companions: ['torchvision', 'torchaudio'],
  pinned: (e) => ({ torch: e.torch, torchvision: e.torchvision, torchaudio: e.torchaudio }),

  buildArgs: (e) => [
    ['TORCH_VERSION', e.torch],
    ['TORCHVISION_VERSION', e.torchvision],
    ['TORCHAUDIO_VERSION', e.torchaudio],
    ['TORCH_INDEX_URL', e.indexUrl],
    // devel entries only, so that runtime entries keep exactly the args (and content hashes) they had
    ...(e.flavor === 'devel' ? [['TORCH_CUDA_ARCH_LIST', e.cudaArchList ?? null] as [string, string | null]] : []),
  ],

  labels: (e, prefix) => [
    [`${prefix}.torch`, e.torch],
    [`${prefix}.torchvision`, e.torchvision],
    [`${prefix}.torchaudio`, e.torchaudio],
  ],

  placeholderNames: ['torch', 'torchvision', 'torchaudio'],
  placeholders: (e) => ({ torch: e.torch, torchvision: e.torchvision ?? '', torchaudio: e.torchaudio ?? '' }),
  columns: [
    { title: 'torchvision', value: (e) => e.torchvision },
    { title: 'torchaudio', value: (e) => e.torchaudio },
  ],

  checkArgs(e) {
    const args = ['--expect-torch', e.torch, '--expect-cuda', e.cuda];
    if (e.torchvision) args.push('--expect-torchvision', e.torchvision);
    if (e.torchaudio) args.push('--expect-torchaudio', e.torchaudio);
    // devel: build a tiny extension (and run its kernel on a GPU), with the architectures the entry set
    if (e.flavor === 'devel') args.push('--devel', ...(e.cudaArchList ? ['--expect-arch-list', e.cudaArchList] : []));
    return args;
  },

  diagnoses: [
    {
      pattern: new RegExp(
        '(sm_\\d+) is not compatible with the current PyTorch installation|this wheel has no kernels for (sm_\\d+)|' +
          'no kernel image is available for execution on the device',
      ),
      diagnose: (m, e) => ({
        cause:
          `torch ${(e as TorchEntry).torch} (${e.cudaVariant}) has no kernels for ` +
          `this GPU's architecture${(m[1] ?? m[2]) ? ` (${m[1] ?? m[2]})` : ''}`,
        fix: 'use a torch release and CUDA variant built for it (Blackwell sm_100/sm_120 needs torch 2.7+ with cu128 or newer)',
      }),
    },
    {
      pattern: /Found no NVIDIA driver on your system|torch sees no usable GPU/,
      diagnose: () => ({
        cause: 'the container sees no NVIDIA driver: the GPU was not passed into it',
        fix:
          'check gpu-flags / gpus (docker run --gpus all) and that the NVIDIA ' +
          'Container Toolkit works: docker run --rm --gpus all <image> nvidia-smi',
      }),
    },
  ],

  alternatives(entry, data) {
    const release = data.torch.find((r) => r.patches.some((p) => p.torch === entry.torch));
    return (release?.cuda.variants ?? []).flatMap((variant) => {
      const cuda = data.cuda.find((c) => variantOfCudaVersion(c.version) === variant);
      return cuda ? [{ variant, minDriver: cuda.minDriver }] : [];
    });
  },
};
