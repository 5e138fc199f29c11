import semver from 'semver';
import {
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
import { quote } from '../errors.js';
import type { EntryFields } from '../matrix/entry.js';
import {
  UV_MOUNT,
  baseImageReason,
  nvidiaCudaSlimImage,
  XLA_PTX_RULE,
  cpuChoice,
  pypiIndexFlag,
  pypiIndexOf,
  span,
  type CudaChoice,
  type Framework,
  type FrameworkRelease,
  type PinnedWheel,
} from './framework.js';

/**
 * JAX: `jax[cudaNN]` from PyPI, whose extra brings jaxlib, the CUDA plugin and NVIDIA's CUDA
 * wheels (lower-bounded only). Its CUDA is asked for per major: one extra each.
 */

export interface JaxRelease {
  version: string;
  released: string;
  python: string[];
  /** CUDA majors with a stable jax[cudaNN] extra */
  cuda: string[];
  provenance: Partial<Record<'python' | 'cuda', Provenance>>;
  notes: string[];
}

export interface JaxCuda {
  extra: string;
  /** the nvidia/cuda release (a version of the CUDA data) the image starts from */
  baseCuda: string;
  /** the driver JAX's docs name for this extra */
  driverFloor: string;
  minComputeCapability: string;
  /** the first jax release whose CUDA plugin has linux/arm64 (aarch64) wheels; none when absent */
  arm64Since?: string;
  provenance: Partial<Record<'driverFloor' | 'baseCuda' | 'arm64Since', Provenance>>;
}

/** jaxlib's first Linux aarch64 wheels (jax CHANGELOG, jaxlib 0.4.18: "We now provide Linux aarch64 wheels"). */
const JAXLIB_ARM64_SINCE = '0.4.18';

/** JAX's sections of the release data. */
export interface JaxData {
  jax: JaxRelease[];
  /** per CUDA major ("12"): its extra and base image */
  jaxCuda: Record<string, JaxCuda>;
}

export interface JaxEntry extends EntryFields {
  framework: 'jax';
  jax: string;
}

export interface JaxPick extends FrameworkRelease {
  release: JaxRelease;
}

function checkJaxRelease(p: Problems, path: string, r: Json): void {
  if (!isObject(r)) return p.add(path, `expected an object, got ${quote(r)}`);
  checkKeys(p, path, r, ['version', 'released', 'python', 'cuda', 'provenance', 'notes']);
  str(p, `${path}.version`, r.version, RELEASE, 'a release version like 0.8.0');
  str(p, `${path}.released`, r.released, /^\d{4}-\d{2}-\d{2}$/, 'a date like 2025-10-15');
  if (strList(p, `${path}.python`, r.python, MINOR, 'Python minor like 3.12') && !ascendingMinors(r.python as string[])) {
    p.add(`${path}.python`, 'must be in ascending order');
  }
  strList(p, `${path}.cuda`, r.cuda, /^\d+$/, 'CUDA major like 12', false);
  checkProvenance(p, `${path}.provenance`, r.provenance, ['python', 'cuda']);
  checkNotes(p, `${path}.notes`, r.notes);
}

function checkJaxCuda(p: Problems, path: string, v: Json): void {
  if (!isObject(v)) return p.add(path, 'expected an object keyed by CUDA major ("12")');
  for (const [major, c] of Object.entries(v)) {
    const at = `${path}.${major}`;
    if (!/^\d+$/.test(major)) p.add(at, 'the key must be a CUDA major like 12');
    if (!isObject(c)) {
      p.add(at, `expected an object, got ${quote(c)}`);
      continue;
    }
    checkKeys(p, at, c, ['extra', 'baseCuda', 'driverFloor', 'minComputeCapability', 'arm64Since', 'provenance']);
    if (c.arm64Since !== undefined) str(p, `${at}.arm64Since`, c.arm64Since, RELEASE, 'a release version like 0.4.30');
    if (str(p, `${at}.extra`, c.extra, /^cuda\d+$/, 'an extra like cuda12') && c.extra !== `cuda${major}`) {
      p.add(`${at}.extra`, `${c.extra} is not the extra of CUDA ${major}`);
    }
    str(p, `${at}.baseCuda`, c.baseCuda, MINOR, 'a CUDA major.minor like 12.8');
    str(p, `${at}.driverFloor`, c.driverFloor, /^\d+(\.\d+){0,2}$/, 'a driver version like 525');
    str(p, `${at}.minComputeCapability`, c.minComputeCapability, MINOR, 'a compute capability like 5.2');
    checkProvenance(p, `${at}.provenance`, c.provenance, ['driverFloor', 'baseCuda', 'arm64Since']);
  }
}

const SECTIONS: DataSection[] = [
  { name: 'jax', merge: { kind: 'list', id: 'version' }, check: (p, path, v) => checkList(p, path, v, 'jax', 'version', checkJaxRelease) },
  { name: 'jaxCuda', merge: { kind: 'record' }, check: checkJaxCuda },
];

export const jax: Framework<JaxEntry, JaxPick> = {
  id: 'jax',
  key: 'jax',
  example: '0.8.0',
  sections: SECTIONS,

  releases: (data) =>
    data.jax
      .map((release) => ({ version: release.version, minor: release.version.split('.').slice(0, 2).join('.'), stable: true, release }))
      .sort((a, b) => semver.rcompare(a.version, b.version)),

  checkReferences(p, data) {
    const cudaVersions = new Set(data.cuda.map((c) => c.version));
    for (const [major, c] of Object.entries(data.jaxCuda)) {
      if (!cudaVersions.has(c.baseCuda)) p.add(`$.jaxCuda.${major}.baseCuda`, `${c.baseCuda} needs an entry in $.cuda, and there is none`);
    }
    data.jax.forEach((r, i) => {
      for (const major of r.cuda)
        if (!data.jaxCuda[major]) p.add(`$.jax[${i}].cuda`, `CUDA ${major} needs an entry in $.jaxCuda, and there is none`);
    });
  },

  cuda({ release }, sel, { data }) {
    const choice = (major: string): { ok: CudaChoice[] } | { reason: string } => {
      const extra = data.jaxCuda[major];
      if (!extra || !release.cuda.includes(major)) {
        return {
          reason:
            `jax ${release.version} has no stable jax[cuda${major}] extra; ` +
            `${release.cuda.length ? `it has ${release.cuda.map((m) => `cuda${m}`).join(', ')} and cpu` : 'it has cpu only'}`,
        };
      }
      const base = data.cuda.find((c) => c.version === extra.baseCuda);
      if (!base) return { reason: `the release data has no nvidia/cuda ${extra.baseCuda} image for jax[cuda${major}]` };
      return {
        ok: [
          {
            cuda: base.version,
            variant: extra.extra,
            full: base.release,
            cudnn: null,
            minDriver: base.minDriver,
            ubuntu: base.image.ubuntu,
            imagesAre: `jax ${release.version} images for ${extra.extra} are built`,
          },
        ],
      };
    };
    switch (sel.kind) {
      case 'default':
        return choice('12'); // plain jax[cuda] is jax[cuda12]
      case 'cpu':
        return { ok: [cpuChoice(data)] };
      case 'major':
        return choice(sel.major);
      case 'minor':
        return {
          reason: `jax's CUDA wheels come per major (jax[cuda12], jax[cuda13]), not per minor: ask for cuda ${sel.version.split('.')[0]}`,
        };
    }
  },

  // The extra is what a request names: cuda12 was asked for as "12".
  platformReason({ release }, choice, platform, context) {
    if (platform === 'linux/amd64') return null;
    if (choice.cuda === 'cpu') {
      if (semver.lt(release.version, JAXLIB_ARM64_SINCE))
        return `jaxlib ${release.version} has no aarch64 wheels (they start at ${JAXLIB_ARM64_SINCE})`;
      return baseImageReason(choice, platform, context);
    }
    const major = choice.variant.replace(/^cuda/, '');
    const cuda = context.data.jaxCuda[major];
    if (!cuda?.arm64Since || semver.lt(release.version, cuda.arm64Since)) {
      const since = cuda?.arm64Since ? ` (the release data has them from jax ${cuda.arm64Since})` : '';
      return `jax ${release.version} has no ${platform} ${choice.variant} plugin wheels${since}`;
    }
    if (cuda.provenance.arm64Since === 'inferred') {
      context.warn(`jax's first ${platform} ${choice.variant} wheels (${cuda.arm64Since}) are inferred, not read: verify checks them`);
    }
    return baseImageReason(choice, platform, context);
  },

  cudaRequest: (entry) => (entry.cudaVariant === 'cpu' ? 'cpu' : entry.cudaVariant.replace(/^cuda/, '')),
  pythons: ({ release }) => ({ supported: release.python, experimental: [] }),

  flavorReason: (flavor) =>
    flavor === 'devel'
      ? 'jax images start from nvidia/cuda base images with the CUDA libraries from pip; ' +
        'there is no devel flavor (use flavor runtime, and add a compiler with apt-packages)'
      : null,

  ships: ({ release }) => `${[...release.cuda.map((m) => `cuda${m}`), 'cpu'].join(', ')}; Python ${span(release.python)}`,

  entry({ release: { version }, choice, python, ubuntu, flavor }, { warn }) {
    if (choice.cuda !== 'cpu') {
      warn(
        `jax ${version} ${choice.variant}: jax's CUDA wheels have lower bounds only, so a rebuild can get newer ones; ` +
          `the image's inventory records what it got (pin them with pip-packages to hold them)`,
      );
    }
    return {
      framework: 'jax',
      jax: version,
      cuda: choice.cuda,
      cudaVariant: choice.variant,
      cudaFull: choice.full,
      cudnn: null,
      python,
      os: `ubuntu${ubuntu}`,
      flavor,
      baseImage: choice.full ? nvidiaCudaSlimImage(choice.full, ubuntu) : `ubuntu:${ubuntu}`,
      minDriver: choice.minDriver,
    };
  },

  tagName: (version) => `jax${version}`,

  packages: ['jax', 'jaxlib'],

  // jaxlib supports NumPy 2 from 0.4.26 (jax CHANGELOG), the oldest release in the data: nothing to add.
  requirements: () => [],

  install(entry) {
    // CPU: jax[cpu], because before 0.4.30 plain jax does not depend on jaxlib and jax[cpu] pins it
    // (jax-ml/jax setup.py at jax-v0.4.26: extras_require['cpu'] = ['jaxlib==0.4.26']; from 0.4.30 the
    // extra is empty and jax requires jaxlib itself).
    const extra = entry.cuda === 'cpu' ? '[cpu]' : `[${entry.cudaVariant}]`;
    return (
      `# jax${extra} at the entry's exact version (jaxlib and the CUDA plugin follow it; ` +
      `the CUDA wheels are lower-bounded only, and the inventory records what came).
ARG JAX_VERSION=${entry.jax}
RUN ${UV_MOUNT} \\
    uv pip install --python /opt/venv/bin/python${pypiIndexFlag(entry)} "jax${extra}==\${JAX_VERSION}"`
    );
  },

  wheels(entry) {
    const index = pypiIndexOf(entry);
    // jax[...]==V pins jaxlib==V (the pin step checks the same); from 0.4.30 the CUDA extra installs
    // jax-cudaNN-plugin, lower-bounded at V (research notes tf-jax-compat.md: "From jaxlib 0.4.30 only
    // plugin installs work"; "jax[cuda12] installs jaxlib + jax-cuda12-plugin[with-cuda]").
    const wheels: PinnedWheel[] = [
      { project: 'jax', version: entry.jax, index },
      { project: 'jaxlib', version: entry.jax, index },
    ];
    if (entry.cuda !== 'cpu' && semver.gte(semver.coerce(entry.jax) ?? '0.0.0', '0.4.30')) {
      wheels.push({ project: `jax-${entry.cudaVariant}-plugin`, version: entry.jax, index, atLeast: true });
    }
    return wheels;
  },

  companions: [],
  pinned: (e) => ({ jax: e.jax, jaxlib: e.jax }),

  buildArgs: (e) => [
    ['FRAMEWORK', 'jax'],
    ['JAX_VERSION', e.jax],
  ],
  labels: (e, prefix) => [
    [`${prefix}.framework`, 'jax'],
    [`${prefix}.jax`, e.jax],
  ],
  placeholderNames: ['jax'],
  placeholders: (e) => ({ jax: e.jax }),
  columns: [],

  checkArgs: (e) => ['--framework', 'jax', '--expect-version', e.jax, '--expect-cuda', e.cuda],

  diagnoses: [
    XLA_PTX_RULE,
    {
      pattern: /Unable to initialize backend 'cuda'[^\n]*|CUDA backend failed to initialize[^\n]*/,
      diagnose: (m) => ({
        cause: `JAX could not start its CUDA backend: ${m[0].slice(0, 200)}`,
        fix:
          'check the jax[cudaNN] extra against the driver (cuda12 needs driver 525 or newer, cuda13 580 or newer) ' +
          'and that LD_LIBRARY_PATH is not set in the image (JAX loads its CUDA wheels itself)',
      }),
    },
    {
      pattern: /jax sees no GPU/,
      diagnose: () => ({
        cause: 'the framework sees no GPU in the container',
        fix:
          'check that the GPU is passed in (gpus, gpu-flags) and that the NVIDIA ' +
          'Container Toolkit works: docker run --rm --gpus all <image> nvidia-smi',
      }),
    },
  ],
};
