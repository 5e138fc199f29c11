import semver from 'semver';
import {
  DRIVER,
  MINOR,
  RELEASE,
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
import type { Provenance } from '../compat/schema.js';
import { UserError, quote } from '../errors.js';
import type { EntryFields } from '../matrix/entry.js';
import { shellWord } from '../template/shell.js';
import {
  UV_MOUNT,
  XLA_PTX_RULE,
  cpuChoice,
  exactPin,
  pypiIndexFlag,
  pypiIndexOf,
  span,
  type CudaChoice,
  type Framework,
  type FrameworkRelease,
} from './framework.js';

/**
 * TensorFlow: `tensorflow` from PyPI, built for one CUDA and cuDNN per release (its CUDA follows
 * from the release), with the CUDA libraries from the system (2.10 to 2.13) or from pip.
 */

/** How a TensorFlow release gets its CUDA libraries into the image. */
export type TfInstall =
  /** 2.10-2.13: no pip CUDA libraries; the base image holds CUDA and cuDNN */
  | 'system-cuda'
  /** what tensorflow[and-cuda] pins, installed by name at those exact versions, without TensorRT */
  | 'pinned-libraries'
  /** tensorflow[and-cuda] as it is: its own exact pins (the libraries' versions are not in the data) */
  | 'and-cuda'
  /** tensorflow[and-cuda], whose ranges are pinned by a constraints file (cudaLibraries) */
  | 'and-cuda-constrained';
const INSTALLS: readonly TfInstall[] = ['system-cuda', 'pinned-libraries', 'and-cuda', 'and-cuda-constrained'];

export interface TfRelease {
  minor: string;
  status: 'stable';
  patches: string[];
  /** Python minors with wheels, ascending */
  python: string[];
  /** CUDA and cuDNN the release was built and tested with (major.minor) */
  cuda: string;
  cudnn: string;
  install: TfInstall;
  /** a NumPy specifier the release needs beside it ("<2" before 2.18, which is built against NumPy 2) */
  numpy?: string;
  /** exact pins: installed by name (pinned-libraries) or as constraints (and-cuda-constrained) */
  cudaLibraries: string[];
  baseImage: string;
  cudaFull: string;
  os: string;
  /** the base image's toolkit driver: the container toolkit refuses older drivers */
  minDriver: string;
  /** what TensorFlow's docs name (CUDA minor-version compatibility) */
  minorCompatDriver: string;
  provenance: Partial<Record<'python' | 'cuda' | 'patches' | 'baseImage' | 'minDriver' | 'cudaLibraries', Provenance>>;
  notes: string[];
}

/** TensorFlow's section of the release data. */
export interface TensorflowData {
  tensorflow: TfRelease[];
}

export interface TensorflowEntry extends EntryFields {
  framework: 'tensorflow';
  tensorflow: string;
}

export interface TfPick extends FrameworkRelease {
  release: TfRelease;
}

const LIBRARY_PIN = /^nvidia-[a-z0-9-]+==[\d.]+$/;
const NUMPY_SPECIFIER = /^(<|<=|>=|>|==|!=|~=)\d+(\.\d+)*$/;

function checkTfRelease(p: Problems, path: string, r: Json): void {
  if (!isObject(r)) return p.add(path, `expected an object, got ${quote(r)}`);
  checkKeys(p, path, r, [
    'minor',
    'status',
    'patches',
    'python',
    'cuda',
    'cudnn',
    'install',
    'numpy',
    'cudaLibraries',
    'baseImage',
    'cudaFull',
    'os',
    'minDriver',
    'minorCompatDriver',
    'provenance',
    'notes',
  ]);
  const minorOk = str(p, `${path}.minor`, r.minor, MINOR, 'a major.minor version like 2.18');
  if (r.status !== 'stable') p.add(`${path}.status`, `${quote(r.status)} is not stable (release candidates are not planned)`);
  if (strList(p, `${path}.patches`, r.patches, RELEASE, 'release version like 2.18.1') && minorOk) {
    for (const v of r.patches as string[])
      if (!v.startsWith(`${r.minor}.`)) p.add(`${path}.patches`, `${v} does not belong to minor ${r.minor}`);
  }
  if (strList(p, `${path}.python`, r.python, MINOR, 'Python minor like 3.11') && !ascendingMinors(r.python as string[])) {
    p.add(`${path}.python`, 'must be in ascending order');
  }
  const cudaOk = str(p, `${path}.cuda`, r.cuda, MINOR, 'a CUDA major.minor like 12.5');
  str(p, `${path}.cudnn`, r.cudnn, MINOR, 'a cuDNN major.minor like 9.3');
  if (r.numpy !== undefined) str(p, `${path}.numpy`, r.numpy, NUMPY_SPECIFIER, 'a specifier like <2');
  if (!INSTALLS.includes(r.install as TfInstall)) p.add(`${path}.install`, `${quote(r.install)} is not one of ${INSTALLS.join(', ')}`);
  if (strList(p, `${path}.cudaLibraries`, r.cudaLibraries, LIBRARY_PIN, 'exact pin like nvidia-cudnn-cu12==9.3.0.75', false)) {
    if ((r.install === 'pinned-libraries' || r.install === 'and-cuda-constrained') && (r.cudaLibraries as string[]).length === 0) {
      p.add(`${path}.cudaLibraries`, `install ${r.install} needs the library pins`);
    }
  }
  if (
    str(p, `${path}.cudaFull`, r.cudaFull, RELEASE, 'a CUDA point release like 12.5.1') &&
    cudaOk &&
    !(r.cudaFull as string).startsWith(`${r.cuda}.`)
  ) {
    p.add(`${path}.cudaFull`, `${r.cudaFull} does not belong to CUDA ${r.cuda}`);
  }
  const osOk = str(p, `${path}.os`, r.os, /^ubuntu\d{2}\.\d{2}$/, 'an OS like ubuntu22.04');
  if (
    str(p, `${path}.baseImage`, r.baseImage, /^(nvidia\/cuda|ubuntu):[\w.-]+$/, 'an nvidia/cuda or ubuntu image') &&
    osOk &&
    !r.baseImage.endsWith(r.os as string)
  ) {
    p.add(`${path}.baseImage`, `${r.baseImage} is not built on ${r.os}`);
  }
  str(p, `${path}.minDriver`, r.minDriver, DRIVER, 'a driver version like 555.42.02');
  str(p, `${path}.minorCompatDriver`, r.minorCompatDriver, DRIVER, 'a driver version like 525.60.13');
  checkProvenance(p, `${path}.provenance`, r.provenance, ['python', 'cuda', 'patches', 'baseImage', 'minDriver', 'cudaLibraries']);
  checkNotes(p, `${path}.notes`, r.notes);
}

const SECTIONS: DataSection[] = [
  {
    name: 'tensorflow',
    merge: { kind: 'list', id: 'minor' },
    check: (p, path, v) => checkList(p, path, v, 'tensorflow', 'minor', checkTfRelease),
  },
];

/**
 * The pip CUDA libraries on the loader path, and ptxas on PATH: TensorFlow's RUNPATH does not cover
 * every nvidia/*\/lib (libcusolver, nvjitlink, curand, nvrtc were reported missing), and XLA needs
 * ptxas from nvidia-cuda-nvcc to compile.
 */
const PIP_CUDA_ON_PATH = `RUN ls -d /opt/venv/lib/python*/site-packages/nvidia/*/lib > /etc/ld.so.conf.d/gim-pip-cuda.conf \\
 && ldconfig && rm -f /var/cache/ldconfig/aux-cache \\
 && for p in /opt/venv/lib/python*/site-packages/nvidia/cuda_nvcc/bin/ptxas; do [ -e "$p" ] && ln -sf "$p" /opt/venv/bin/ptxas; done; true`;

function gpuChoice(release: TfRelease, version: string): CudaChoice {
  return {
    cuda: release.cuda,
    variant: `cu${release.cuda.replace('.', '')}`,
    full: release.cudaFull,
    cudnn: release.cudnn,
    minDriver: release.minDriver,
    ubuntu: [release.os.replace('ubuntu', '')],
    imagesAre: `tensorflow ${version} images for cu${release.cuda.replace('.', '')} are built`,
  };
}

/** A release's data: every patch of the release it belongs to carries it. */
function releaseOf(data: { tensorflow: TfRelease[] }, version: string): TfRelease {
  const release = data.tensorflow.find((r) => r.patches.includes(version));
  // planned entries come from this data; a cell planned with a compat-file this run lacks gets here
  if (!release) throw new UserError(`tensorflow ${version} is not in the release data (planned with a compat-file this run lacks?)`);
  return release;
}

export const tensorflow: Framework<TensorflowEntry, TfPick> = {
  id: 'tensorflow',
  key: 'tensorflow',
  example: '2.18',
  sections: SECTIONS,

  releases: (data) =>
    data.tensorflow
      .flatMap((release) => release.patches.map((version) => ({ version, minor: release.minor, stable: true, release })))
      .sort((a, b) => semver.rcompare(a.version, b.version)),

  cuda({ release, version }, sel, { data }) {
    const built =
      `tensorflow ${release.minor} is built for CUDA ${release.cuda} (cuDNN ${release.cudnn}); ` + 'its CUDA follows from the release';
    switch (sel.kind) {
      case 'default':
        return { ok: [gpuChoice(release, version)] };
      case 'cpu':
        return { ok: [cpuChoice(data)] };
      case 'minor':
        return sel.version === release.cuda ? { ok: [gpuChoice(release, version)] } : { reason: `${built}, not ${sel.version}` };
      case 'major':
        return release.cuda.split('.')[0] === sel.major
          ? { ok: [gpuChoice(release, version)] }
          : { reason: `${built}, not CUDA ${sel.major}` };
    }
  },

  cudaRequest: (entry) => entry.cuda,
  pythons: ({ release }) => ({ supported: release.python, experimental: [] }),

  // TensorFlow's aarch64 wheels are CPU builds for every release here (tensorflow#121157: "TensorFlow
  // PyPI aarch64 wheels aren't built with CUDA"; up to 2.15 the aarch64 `tensorflow` wheel only pulls
  // tensorflow-cpu-aws), and tensorflow-cpu, which CPU entries install, has no aarch64 wheels
  // (tensorflow#127825's PyPI table for 2.21).
  platformReason: (_release, choice, platform) =>
    platform === 'linux/amd64'
      ? null
      : choice.cuda === 'cpu'
        ? `the template installs tensorflow-cpu for CPU entries, which has no ${platform} wheels`
        : `TensorFlow has no CUDA build for ${platform} (its aarch64 wheels are CPU-only)`,

  flavorReason: (flavor) =>
    flavor === 'devel'
      ? 'tensorflow images start from nvidia/cuda base images with the CUDA libraries from pip; ' +
        'there is no devel flavor (use flavor runtime, and add a compiler with apt-packages)'
      : null,

  ships: ({ release }) => `cu${release.cuda.replace('.', '')}, cpu; Python ${span(release.python)}`,

  entry({ release: { release, version }, choice, python, ubuntu, flavor }, { warn }) {
    const gpu = choice.cuda !== 'cpu';
    for (const [what, p] of Object.entries(release.provenance)) {
      if (p !== 'inferred' || (what === 'baseImage' && !gpu)) continue;
      const thing =
        what === 'cudaLibraries' ? 'CUDA library pins are' : what === 'baseImage' ? `base image ${release.baseImage} is` : `${what} is`;
      warn(`tensorflow ${release.minor}: the ${thing} inferred, not read; check before relying on it`);
    }
    if (release.install === 'and-cuda' && gpu) {
      warn(
        `tensorflow ${release.minor}: its CUDA library versions are not in the data; ` +
          `tensorflow[and-cuda] pins them exactly, and the image's inventory records them`,
      );
    }
    return {
      framework: 'tensorflow',
      tensorflow: version,
      cuda: choice.cuda,
      cudaVariant: choice.variant,
      cudaFull: choice.full,
      cudnn: choice.cudnn,
      python,
      os: `ubuntu${ubuntu}`,
      flavor,
      baseImage: gpu ? release.baseImage : `ubuntu:${ubuntu}`,
      minDriver: choice.minDriver,
    };
  },

  tagName: (version) => `tf${version}`,

  packages: ['tensorflow', 'tensorflow-cpu'],

  requirements(entry, data) {
    const numpy = releaseOf(data, entry.tensorflow).numpy;
    return numpy ? [`numpy${numpy}`] : [];
  },

  install(entry, data) {
    // PyPI, or the mirror pypi-index-url names
    const uv = `uv pip install --python /opt/venv/bin/python${pypiIndexFlag(entry)}`;
    const also = tensorflow
      .requirements(entry, data)
      .map((r) => ` ${shellWord(r)}`)
      .join('');
    if (entry.cuda === 'cpu') {
      return `# tensorflow-cpu at the entry's exact version.
ARG TENSORFLOW_VERSION=${entry.tensorflow}
RUN ${UV_MOUNT} \\
    ${uv} tensorflow-cpu==\${TENSORFLOW_VERSION}${also}`;
    }
    const release = releaseOf(data, entry.tensorflow);
    const libs = release.cudaLibraries;
    const how: Record<TfInstall, string> = {
      'system-cuda': `# tensorflow at the entry's exact version; CUDA ${release.cuda} and cuDNN ${release.cudnn} come with the base image.
ARG TENSORFLOW_VERSION=${entry.tensorflow}
RUN ${UV_MOUNT} \\
    ${uv} tensorflow==\${TENSORFLOW_VERSION}${also}`,
      'pinned-libraries': `# tensorflow and the CUDA libraries tensorflow[and-cuda] pins, named at those versions (without TensorRT).
ARG TENSORFLOW_VERSION=${entry.tensorflow}
RUN ${UV_MOUNT} \\
    ${uv} tensorflow==\${TENSORFLOW_VERSION}${also} \\
      ${libs.map(shellWord).join(' \\\n      ')}`,
      'and-cuda': `# tensorflow[and-cuda]: the CUDA libraries at the exact versions this release pins.
ARG TENSORFLOW_VERSION=${entry.tensorflow}
RUN ${UV_MOUNT} \\
    ${uv} "tensorflow[and-cuda]==\${TENSORFLOW_VERSION}"${also}`,
      'and-cuda-constrained': `# tensorflow[and-cuda], whose CUDA libraries are ranges here: pinned, so that rebuilds are the same.
ARG TENSORFLOW_VERSION=${entry.tensorflow}
RUN ${UV_MOUNT} \\
    printf '%s\\n' ${libs.map(shellWord).join(' ')} > /tmp/gim-cuda-pins.txt \\
 && ${uv} -c /tmp/gim-cuda-pins.txt "tensorflow[and-cuda]==\${TENSORFLOW_VERSION}"${also} \\
 && rm /tmp/gim-cuda-pins.txt`,
    };
    return `${how[release.install]}${release.install === 'system-cuda' ? '' : `\n${PIP_CUDA_ON_PATH}`}`;
  },

  wheels(entry, data) {
    const index = pypiIndexOf(entry);
    if (entry.cuda === 'cpu') return [{ project: 'tensorflow-cpu', version: entry.tensorflow, index }];
    // The CUDA libraries named at exact versions (pinned-libraries, and-cuda-constrained; and-cuda's
    // list is what the release's own metadata pins): each must have its wheel too.
    const libs = releaseOf(data, entry.tensorflow)
      .cudaLibraries.map(exactPin)
      .filter((p): p is { project: string; version: string } => p !== null);
    return [{ project: 'tensorflow', version: entry.tensorflow, index }, ...libs.map((l) => ({ ...l, index }))];
  },

  companions: [],
  pinned: (e, fromBaseImage) => ({ [e.cuda === 'cpu' && !fromBaseImage ? 'tensorflow-cpu' : 'tensorflow']: e.tensorflow }),

  buildArgs: (e) => [
    ['FRAMEWORK', 'tensorflow'],
    ['TENSORFLOW_VERSION', e.tensorflow],
  ],
  labels: (e, prefix) => [
    [`${prefix}.framework`, 'tensorflow'],
    [`${prefix}.tensorflow`, e.tensorflow],
  ],
  placeholderNames: ['tensorflow'],
  placeholders: (e) => ({ tensorflow: e.tensorflow }),
  columns: [],

  checkArgs(e) {
    const args = ['--framework', 'tensorflow', '--expect-version', e.tensorflow, '--expect-cuda', e.cuda];
    if (e.cudnn) args.push('--expect-cudnn', e.cudnn);
    return args;
  },

  diagnoses: [
    {
      pattern: /Loaded runtime CuDNN library: (\d+(?:\.\d+)*) but source was compiled with: (\d+(?:\.\d+)*)/,
      diagnose: (m) => ({
        cause:
          `the cuDNN in the image (${m[1]}) is older than the framework was compiled with (${m[2]}); ` +
          `a later package pinned an older nvidia-cudnn wheel (torch in the same image is the usual one)`,
        fix:
          `install nvidia-cudnn of ${m[2]} or newer within the same major ` +
          `after the other packages, or keep the frameworks in separate images`,
      }),
    },
    {
      pattern: /Could not load dynamic library '([^']+)'/,
      diagnose: (m) => ({
        cause:
          `TensorFlow could not load ${m[1]}, so it skipped the GPU: ` +
          `a CUDA or cuDNN library of the major version it was built for is not on the loader path`,
        fix:
          'install tensorflow[and-cuda] (the template does, and registers site-packages/nvidia/*/lib with ldconfig); ' +
          'in an image of your own, add those directories to LD_LIBRARY_PATH or ld.so.conf',
      }),
    },
    {
      pattern: /Cannot dlopen some GPU libraries/,
      diagnose: () => ({
        cause:
          'TensorFlow could not load some of its CUDA libraries and skipped the GPU (which library, ' +
          'it logs only with TF_CPP_VMODULE=dso_loader=1, which the check sets)',
        fix:
          'install tensorflow[and-cuda] of the same version, or the CUDA and cuDNN majors ' +
          'the release was built for; see the "Could not load dynamic library" lines above',
      }),
    },
    XLA_PTX_RULE,
    {
      pattern: /Could not find cuda drivers on your machine|tensorflow sees no GPU/,
      diagnose: () => ({
        cause: 'the framework sees no GPU in the container',
        fix:
          'check that the GPU is passed in (gpus, gpu-flags) and that the NVIDIA ' +
          'Container Toolkit works: docker run --rm --gpus all <image> nvidia-smi',
      }),
    },
  ],
};
