import { shellWord } from './shell.js';
import { requirementName, userParts, type Customisation } from '../custom/customisation.js';
import type { RequirementsFacts } from '../custom/requirements.js';
import { bundledCompat } from '../compat/load.js';
import { frameworkFromBaseImage } from '../matrix/entry.js';
import { frameworkOf, frameworkTitle, type MatrixEntry, type ReleaseData } from '../frameworks/index.js';
import { inlinePython } from '../python-scripts.js';
import { PIP_SECRET_ID } from '../image/secrets.js';
import { buildJobsPrefix, develStep } from './devel.js';

/**
 * The embedded Dockerfile template, rendered per matrix entry. Pure.
 *
 * Layer order is chosen for sharing: the base (CUDA + OS) and the Python layer depend only on
 * the base image and PYTHON_VERSION, so entries that share CUDA, OS and Python share them;
 * torch comes next, then what the team adds, cheapest to change last: apt packages, the
 * requirements file, pip-packages, environment, post-install, workdir and user. The torch layers
 * are therefore the same for every team that builds this entry. With base-image, the image
 * already holds torch and Python, and the template starts at the team's layers.
 *
 * Torch stays what the matrix says: after torch is in place, a step checks its version against
 * the entry and writes the installed versions to CONSTRAINTS_PATH; every later pip or uv install
 * is constrained by that file, so a package that asks for another torch fails the build (pip
 * names it) instead of replacing torch. The last step writes the inventory (INVENTORY_PATH),
 * checking once more that torch is unchanged (post-install could have replaced it).
 *
 * Reproducible by default (command repro): every version is pinned, apt's logs and ldconfig's
 * aux-cache (which differ per build) are removed with the lists, SOURCE_DATE_EPOCH reaches the
 * RUN steps, and neither pip nor uv compiles bytecode or keeps a cache in the image. The inventory
 * holds no time.
 *
 * Python is installed exactly (uv's managed CPython builds), whatever the base OS ships. uv comes
 * from its distroless image and is mounted, not copied, so it does not stay in the image.
 */

/** Bump when the template changes what it builds: it is part of every content hash. */
export const TEMPLATE_VERSION = 4;
/**
 * uv by tag and digest: a tag can be moved, a digest cannot (uv's Docker guide recommends the
 * digest for reproducible builds). 0.13.0 is a release (github.com/astral-sh/uv/releases/tag/0.13.0,
 * 2026-10-09); its digest is the one 15+ public Dockerfiles pin beside `:0.13.0` (one beside
 * `:latest`), not read from GHCR here. That it is the amd64+arm64 index, not one platform's
 * manifest, is inferred: uv's build-docker.yml builds both and publishes tags with
 * `docker buildx imagetools create`; verify checks it per platform. Override with the build-arg UV_IMAGE.
 */
export const DEFAULT_UV_IMAGE = 'ghcr.io/astral-sh/uv:0.13.0@sha256:cdc6093146eb3ff6a40107b38f008b789e050e77ad87865e381d9917da55a168';
export const GIM_DIR = '/etc/gpu-image-matrix';
export const INVENTORY_PATH = `${GIM_DIR}/inventory.json`;
export const CONSTRAINTS_PATH = `${GIM_DIR}/constraints.txt`;
/** Where the team's files are in the build context the effects layer prepares. */
export const CONTEXT_REQUIREMENTS_DIR = 'gim/requirements';
export const CONTEXT_POST_INSTALL = 'gim/post-install';

export interface TemplateInputs {
  uvImage?: string;
  /** the base image's digest, looked up before the build: FROM is pinned to it */
  baseDigest?: string | null;
  /** the release data the framework's install step reads (e.g. TensorFlow's CUDA library pins); the bundled data by default */
  data?: ReleaseData;
  /** the requirements file, as read before the build (whether it has hashes, what it pins) */
  requirements?: { facts: RequirementsFacts } | null;
  /** a build secret named pip is given: the team's package steps mount it as their netrc file */
  pipSecret?: boolean;
}

/**
 * Where the pip secret is mounted. pip (through requests) and uv both read the netrc file NETRC
 * names (pip's and uv's authentication docs), so one file serves either installer.
 */
export const PIP_SECRET_PATH = '/run/secrets/gim-pip';

const CLEAN_APT = 'rm -rf /var/lib/apt/lists/* /var/log/apt/* /var/log/dpkg.log /var/cache/ldconfig/aux-cache';

/**
 * The oldest Python the template can install. It installs Python with uv, and uv publishes no
 * CPython 3.7 since 0.7.0 (astral-sh/uv#13022, 2025-04-29: "Omit Python 3.7 downloads from managed
 * versions"; python-build-standalone dropped 3.7 in December 2020).
 */
export const OLDEST_TEMPLATE_PYTHON = '3.8';

/** Why the embedded template cannot build an entry, or null; known before anything builds. */
export function templateCannotBuild(entry: MatrixEntry): string | null {
  if (frameworkFromBaseImage(entry)) return null; // the base image brings its Python
  const [major, minor] = entry.python.replace(/t$/, '').split('.').map(Number);
  const [oldestMajor, oldestMinor] = OLDEST_TEMPLATE_PYTHON.split('.').map(Number);
  if ((major ?? 0) < (oldestMajor ?? 0) || (major === oldestMajor && (minor ?? 0) < (oldestMinor ?? 0))) {
    return (
      `the embedded template installs Python with uv, which has no CPython ${entry.python} (none older than ` +
      `${OLDEST_TEMPLATE_PYTHON} since uv 0.7.0, astral-sh/uv#13022): build it FROM a base-image that holds Python ` +
      `${entry.python}, or with your own dockerfile, or choose Python ${OLDEST_TEMPLATE_PYTHON} or newer`
    );
  }
  return null;
}

export function renderDockerfile(entry: MatrixEntry, inputs: TemplateInputs = {}): string {
  const custom = (entry.customisation ?? {}) as Partial<Customisation>;
  const fromBase = frameworkFromBaseImage(entry);
  const from = inputs.baseDigest ? `${entry.baseImage}@${inputs.baseDigest}` : entry.baseImage;
  const python = fromBase ? 'python3' : '/opt/venv/bin/python';
  const name = frameworkName(entry);
  const parts: string[] = [];

  const gpu = entry.cuda === 'cpu' ? 'CPU only' : `CUDA ${entry.cudaFull}${entry.cudnn ? `, cuDNN ${entry.cudnn}` : ''}`;
  const baseNote = fromBase ? `\n# ${name} and Python come with the base image ${entry.baseImage}` : '';
  parts.push(`# gpu-image-matrix template v${TEMPLATE_VERSION}: ${entry.tag}
# ${frameworkTitle(entry)}, ${gpu}, Python ${entry.python}, ${entry.os} (${entry.flavor})${baseNote}`);

  if (fromBase) {
    parts.push(`FROM ${from}
ARG SOURCE_DATE_EPOCH
ENV PYTHONUNBUFFERED=1 \\
    PIP_NO_CACHE_DIR=1 \\
    PIP_DISABLE_PIP_VERSION_CHECK=1 \\
    PIP_NO_COMPILE=1 \\
    PIP_ROOT_USER_ACTION=ignore`);
  } else {
    parts.push(`ARG UV_IMAGE=${inputs.uvImage ?? DEFAULT_UV_IMAGE}
FROM \${UV_IMAGE} AS uv

FROM ${from}
ARG SOURCE_DATE_EPOCH
ENV NVIDIA_VISIBLE_DEVICES=all \\
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \\
    LANG=C.UTF-8 \\
    PYTHONUNBUFFERED=1 \\
    PIP_NO_CACHE_DIR=1 \\
    PIP_DISABLE_PIP_VERSION_CHECK=1 \\
    UV_NO_CACHE=1 \\
    UV_PYTHON_INSTALL_DIR=/opt/python \\
    VIRTUAL_ENV=/opt/venv \\
    PATH=/opt/venv/bin:\${PATH}

RUN apt-get update \\
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates \\
 && ${CLEAN_APT}

# Python, shared by every ${name} built on this base.
ARG PYTHON_VERSION=${entry.python}
RUN --mount=from=uv,source=/uv,target=/usr/local/bin/uv \\
    uv python install \${PYTHON_VERSION} \\
 && uv venv --python \${PYTHON_VERSION} /opt/venv

${frameworkOf(entry).install(entry, inputs.data ?? bundledCompat())}`);
  }

  parts.push(`# ${name} stays what the matrix says: check it, and pin it for every later install.
RUN ${python} - <<'GIM_PIN'
${pinScript(entry, fromBase, inputs.data ?? bundledCompat())}
GIM_PIN`);

  if (custom.aptPackages?.length) {
    parts.push(`# The team's system packages.
RUN apt-get update \\
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \\
      ${custom.aptPackages.map(shellWord).join(' ')} \\
 && ${CLEAN_APT}`);
  }

  const install = installCommand(fromBase, custom, inputs.pipSecret ?? false);
  if (entry.flavor === 'devel') parts.push(develStep(entry, python, install, CLEAN_APT));
  // devel: the team's packages may compile extensions, with MAX_JOBS sized to the builder
  const jobs = buildJobsPrefix(entry, custom);
  if (custom.requirements) {
    const name = custom.requirements.split('/').pop() as string;
    const hashes = inputs.requirements?.facts.hashes ?? false;
    parts.push(`# The team's requirements file (${custom.requirements})${hashes ? ', hashes required' : ''}.
RUN --mount=type=bind,source=${CONTEXT_REQUIREMENTS_DIR},target=/tmp/gim-requirements \\
    ${install.mounts}${jobs}${install.command} ${hashes ? '--require-hashes ' : ''}-r ${shellWord(`/tmp/gim-requirements/${name}`)}`);
  }
  if (custom.pipPackages?.length) {
    parts.push(`# The team's Python packages.
RUN ${install.mounts}${jobs}${install.command} \\
      ${custom.pipPackages.map(shellWord).join(' ')}`);
  }
  if (custom.env?.length) {
    parts.push(`ENV ${custom.env.map(([k, v]) => `${k}=${dockerfileQuote(v)}`).join(' \\\n    ')}`);
  }
  if (custom.postInstall) {
    parts.push(`# The team's post-install script (${custom.postInstall}), run as root.
RUN --mount=type=bind,source=${CONTEXT_POST_INSTALL},target=/tmp/gim-post-install \\
    ${jobs}/tmp/gim-post-install`);
  }
  const user = custom.user ? userParts(custom.user) : null;
  if (user) {
    parts.push(`# The user the image runs as (kept when the base image has one of that name).
RUN id -u ${shellWord(user.name)} >/dev/null 2>&1 \\
 || useradd --create-home --shell /bin/sh${user.uid ? ` --uid ${shellWord(user.uid)}` : ''} ${shellWord(user.name)}`);
  }
  if (custom.workdir) {
    const dir = shellWord(custom.workdir);
    parts.push(`RUN mkdir -p ${dir}${user ? ` && chown ${shellWord(user.name)} ${dir}` : ''}
WORKDIR ${custom.workdir}`);
  }

  parts.push(`# What is in the image: ${INVENTORY_PATH} (and torch checked once more).
RUN ${python} - <<'GIM_INVENTORY'
${inventoryScript(entry, fromBase, inputs)}
GIM_INVENTORY
LABEL io.github.gpu-image-matrix.inventory=${INVENTORY_PATH}`);

  if (user) parts.push(`USER ${user.name}`);
  if (!fromBase) parts.push('CMD ["python"]');
  return `${parts.join('\n\n')}\n`;
}

/** "torch", "tensorflow", "jax": what the comments call the framework. */
function frameworkName(entry: MatrixEntry): string {
  return frameworkOf(entry).key;
}

/**
 * pip (base images bring their own) or uv (the template's venv), constrained to the pinned framework.
 * With the pip secret, the step mounts it (required: a build without it fails rather than installing
 * from elsewhere) and points NETRC at it; it lives in no layer and in no cache key.
 */
function installCommand(fromBase: boolean, custom: Partial<Customisation>, pipSecret: boolean): InstallCommand {
  // pip-index-url, else the PyPI mirror pypi-index-url names (verify checks the same index)
  const index = custom.pipIndexUrl ?? custom.pypiIndexUrl;
  const indexes = [
    ...(index ? [`--index-url ${shellWord(index)}`] : []),
    ...(custom.pipExtraIndexUrls ?? []).map((u) => `--extra-index-url ${shellWord(u)}`),
  ].join(' ');
  const tail = `-c ${CONSTRAINTS_PATH}${indexes ? ` ${indexes}` : ''}`;
  const secret = pipSecret ? `--mount=type=secret,id=${PIP_SECRET_ID},target=${PIP_SECRET_PATH},required=true \\\n    ` : '';
  const netrc = pipSecret ? `NETRC=${PIP_SECRET_PATH} ` : '';
  if (fromBase) return { mounts: secret, command: `${netrc}PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install ${tail}` };
  const uv = '--mount=from=uv,source=/uv,target=/usr/local/bin/uv \\\n    ';
  return { mounts: `${secret}${uv}`, command: `${netrc}uv pip install --python /opt/venv/bin/python ${tail}` };
}

/** An install of the team's packages: the RUN mounts it needs (each ending in a line break), then the command. */
interface InstallCommand {
  mounts: string;
  command: string;
}

/** The Python (pin.py, inlined) that checks torch against the entry and writes the constraints file. */
function pinScript(entry: MatrixEntry, fromBase: boolean, data: ReleaseData): string {
  const expected = frameworkOf(entry).pinned(entry, fromBase);
  const hint = fromBase
    ? `the base image ${entry.baseImage} does not hold what this entry says; choose a base-image whose ` +
      `torch and Python match the entry, or set the entry's torch and python to what the image holds`
    : 'the wheel index served other versions than the release data says';
  // A base image's own torch may come without torchvision or torchaudio: pinned when there, recorded when not.
  const optional = fromBase ? [...frameworkOf(entry).companions] : [];
  // What the release needs besides itself (numpy<2) is checked and kept in the constraints file too.
  const requirements = frameworkOf(entry).requirements(entry, data);
  return inlinePython(
    'pin.py',
    { expected, optional, requirements, python: entry.python, hint, constraints_path: CONSTRAINTS_PATH },
    'GIM_PIN',
  );
}

/** The Python (inventory.py, inlined) that writes the inventory, after checking that no later step replaced torch. */
function inventoryScript(entry: MatrixEntry, fromBase: boolean, inputs: TemplateInputs): string {
  const custom = (entry.customisation ?? {}) as Partial<Customisation>;
  const { customisation: _c, ...fields } = entry;
  const requested = {
    aptPackages: custom.aptPackages ?? [],
    pipPackages: custom.pipPackages ?? [],
    pipPackageNames: (custom.pipPackages ?? []).map(requirementName),
    requirements: custom.requirements
      ? { file: custom.requirements, hashes: inputs.requirements?.facts.hashes ?? false, pins: inputs.requirements?.facts.pins ?? [] }
      : null,
    env: Object.fromEntries(custom.env ?? []),
    workdir: custom.workdir ?? null,
    user: custom.user ? userParts(custom.user).name : null,
    postInstall: custom.postInstall ?? null,
  };
  const header = {
    schema: 1,
    tool: 'gpu-image-matrix',
    template: TEMPLATE_VERSION,
    entry: fields,
    baseImage: { name: entry.baseImage, digest: inputs.baseDigest ?? null, holdsTorch: fromBase },
    requested,
  };
  const optional = fromBase ? [...frameworkOf(entry).companions] : [];
  return inlinePython(
    'inventory.py',
    { header, optional, constraints_path: CONSTRAINTS_PATH, inventory_path: INVENTORY_PATH },
    'GIM_INVENTORY',
  );
}

/** A Dockerfile ENV value in double quotes, with $ kept literal (no variable expansion). */
function dockerfileQuote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$')}"`;
}
