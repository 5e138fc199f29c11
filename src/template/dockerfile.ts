import { requirementName, userParts, type Customisation } from '../custom/customisation.js';
import type { RequirementsFacts } from '../custom/requirements.js';
import { bundledFrameworks, type FrameworkData, type TfInstall } from '../compat/frameworks.js';
import { frameworkFromBaseImage, frameworkTitle, type MatrixEntry } from '../matrix/entry.js';

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
export const TEMPLATE_VERSION = 3;
export const DEFAULT_UV_IMAGE = 'ghcr.io/astral-sh/uv:0.13.5';
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
  /** TensorFlow's release data (how each release gets its CUDA libraries); the bundled data by default */
  frameworks?: FrameworkData;
  /** the requirements file, as read before the build (whether it has hashes, what it pins) */
  requirements?: { facts: RequirementsFacts } | null;
}

const CLEAN_APT = 'rm -rf /var/lib/apt/lists/* /var/log/apt/* /var/log/dpkg.log /var/cache/ldconfig/aux-cache';

export function renderDockerfile(entry: MatrixEntry, inputs: TemplateInputs = {}): string {
  const custom = (entry.customisation ?? {}) as Partial<Customisation>;
  const fromBase = frameworkFromBaseImage(entry);
  const from = inputs.baseDigest ? `${entry.baseImage}@${inputs.baseDigest}` : entry.baseImage;
  const python = fromBase ? 'python3' : '/opt/venv/bin/python';
  const name = frameworkName(entry);
  const parts: string[] = [];

  parts.push(`# gpu-image-matrix template v${TEMPLATE_VERSION}: ${entry.tag}
# ${frameworkTitle(entry)}, ${entry.cuda === 'cpu' ? 'CPU only' : `CUDA ${entry.cudaFull}${entry.cudnn ? `, cuDNN ${entry.cudnn}` : ''}`}, Python ${entry.python}, ${entry.os} (${entry.flavor})${fromBase ? `\n# ${name} and Python come with the base image ${entry.baseImage}` : ''}`);

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

${frameworkInstall(entry, inputs.frameworks ?? bundledFrameworks())}`);
  }

  parts.push(`# ${name} stays what the matrix says: check it, and pin it for every later install.
RUN ${python} - <<'GIM_PIN'
${pinScript(entry, fromBase)}
GIM_PIN`);

  if (custom.aptPackages?.length) {
    parts.push(`# The team's system packages.
RUN apt-get update \\
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \\
      ${custom.aptPackages.join(' ')} \\
 && ${CLEAN_APT}`);
  }

  const install = installCommand(fromBase, custom);
  if (custom.requirements) {
    const name = custom.requirements.split('/').pop() as string;
    const hashes = inputs.requirements?.facts.hashes ?? false;
    parts.push(`# The team's requirements file (${custom.requirements})${hashes ? ', hashes required' : ''}.
RUN --mount=type=bind,source=${CONTEXT_REQUIREMENTS_DIR},target=/tmp/gim-requirements \\
    ${install} ${hashes ? '--require-hashes ' : ''}-r /tmp/gim-requirements/${name}`);
  }
  if (custom.pipPackages?.length) {
    parts.push(`# The team's Python packages.
RUN ${install} \\
      ${custom.pipPackages.map(shellQuote).join(' ')}`);
  }
  if (custom.env?.length) {
    parts.push(`ENV ${custom.env.map(([k, v]) => `${k}=${dockerfileQuote(v)}`).join(' \\\n    ')}`);
  }
  if (custom.postInstall) {
    parts.push(`# The team's post-install script (${custom.postInstall}), run as root.
RUN --mount=type=bind,source=${CONTEXT_POST_INSTALL},target=/tmp/gim-post-install \\
    /tmp/gim-post-install`);
  }
  const user = custom.user ? userParts(custom.user) : null;
  if (user) {
    parts.push(`# The user the image runs as (kept when the base image has one of that name).
RUN id -u ${user.name} >/dev/null 2>&1 \\
 || useradd --create-home --shell /bin/sh${user.uid ? ` --uid ${user.uid}` : ''} ${user.name}`);
  }
  if (custom.workdir) {
    parts.push(`RUN mkdir -p ${custom.workdir}${user ? ` && chown ${user.name} ${custom.workdir}` : ''}
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

const UV = '--mount=from=uv,source=/uv,target=/usr/local/bin/uv';

/** "torch", "tensorflow", "jax": what the comments call the framework. */
function frameworkName(entry: MatrixEntry): string {
  return entry.framework === 'pytorch' ? 'torch' : entry.framework;
}

/** The framework and its CUDA libraries at exact versions, into /opt/venv. */
function frameworkInstall(entry: MatrixEntry, frameworks: FrameworkData): string {
  switch (entry.framework) {
    case 'pytorch': {
      const packages = [
        `torch==\${TORCH_VERSION}`,
        entry.torchvision ? `torchvision==\${TORCHVISION_VERSION}` : null,
        entry.torchaudio ? `torchaudio==\${TORCHAUDIO_VERSION}` : null,
      ].filter((p): p is string => p !== null);
      const args = [
        `ARG TORCH_VERSION=${entry.torch}`,
        entry.torchvision ? `ARG TORCHVISION_VERSION=${entry.torchvision}` : null,
        entry.torchaudio ? `ARG TORCHAUDIO_VERSION=${entry.torchaudio}` : null,
        `ARG TORCH_INDEX_URL=${entry.indexUrl}`,
      ].filter((a): a is string => a !== null);
      return `# torch and its libraries at the entry's exact versions, from its wheel index.
${args.join('\n')}
RUN ${UV} \\
    uv pip install --python /opt/venv/bin/python --index-url \${TORCH_INDEX_URL} \\
      ${packages.join(' ')}`;
    }
    case 'tensorflow': {
      if (entry.cuda === 'cpu') {
        return `# tensorflow-cpu at the entry's exact version.
ARG TENSORFLOW_VERSION=${entry.tensorflow}
RUN ${UV} \\
    uv pip install --python /opt/venv/bin/python tensorflow-cpu==\${TENSORFLOW_VERSION}`;
      }
      const release = frameworks.tensorflow.find((r) => r.patches.includes(entry.tensorflow));
      if (!release) throw new Error(`no tensorflow release data for ${entry.tensorflow}`);
      const libs = release.cudaLibraries;
      const how: Record<TfInstall, string> = {
        'system-cuda': `# tensorflow at the entry's exact version; CUDA ${release.cuda} and cuDNN ${release.cudnn} come with the base image.
ARG TENSORFLOW_VERSION=${entry.tensorflow}
RUN ${UV} \\
    uv pip install --python /opt/venv/bin/python tensorflow==\${TENSORFLOW_VERSION}`,
        'pinned-libraries': `# tensorflow and the CUDA libraries tensorflow[and-cuda] pins, named at those versions (without TensorRT).
ARG TENSORFLOW_VERSION=${entry.tensorflow}
RUN ${UV} \\
    uv pip install --python /opt/venv/bin/python tensorflow==\${TENSORFLOW_VERSION} \\
      ${libs.join(' \\\n      ')}`,
        'and-cuda': `# tensorflow[and-cuda]: the CUDA libraries at the exact versions this release pins.
ARG TENSORFLOW_VERSION=${entry.tensorflow}
RUN ${UV} \\
    uv pip install --python /opt/venv/bin/python "tensorflow[and-cuda]==\${TENSORFLOW_VERSION}"`,
        'and-cuda-constrained': `# tensorflow[and-cuda], whose CUDA libraries are ranges here: pinned, so that rebuilds are the same.
ARG TENSORFLOW_VERSION=${entry.tensorflow}
RUN ${UV} \\
    printf '%s\\n' ${libs.map((l) => `'${l}'`).join(' ')} > /tmp/gim-cuda-pins.txt \\
 && uv pip install --python /opt/venv/bin/python -c /tmp/gim-cuda-pins.txt "tensorflow[and-cuda]==\${TENSORFLOW_VERSION}" \\
 && rm /tmp/gim-cuda-pins.txt`,
      };
      return `${how[release.install]}${release.install === 'system-cuda' ? '' : `\n${PIP_CUDA_ON_PATH}`}`;
    }
    case 'jax': {
      const extra = entry.cuda === 'cpu' ? '' : `[${entry.cudaVariant}]`;
      return `# jax${extra} at the entry's exact version (jaxlib and the CUDA plugin follow it; the CUDA wheels are lower-bounded only, and the inventory records what came).
ARG JAX_VERSION=${entry.jax}
RUN ${UV} \\
    uv pip install --python /opt/venv/bin/python "jax${extra}==\${JAX_VERSION}"`;
    }
  }
}

/**
 * The pip CUDA libraries on the loader path, and ptxas on PATH: TensorFlow's RUNPATH does not cover
 * every nvidia/*\/lib (libcusolver, nvjitlink, curand, nvrtc were reported missing), and XLA needs
 * ptxas from nvidia-cuda-nvcc to compile.
 */
const PIP_CUDA_ON_PATH = `RUN ls -d /opt/venv/lib/python*/site-packages/nvidia/*/lib > /etc/ld.so.conf.d/gim-pip-cuda.conf \\
 && ldconfig && rm -f /var/cache/ldconfig/aux-cache \\
 && for p in /opt/venv/lib/python*/site-packages/nvidia/cuda_nvcc/bin/ptxas; do [ -e "$p" ] && ln -sf "$p" /opt/venv/bin/ptxas; done; true`;

/** pip (base images bring their own) or uv (the template's venv), constrained to the pinned framework. */
function installCommand(fromBase: boolean, custom: Partial<Customisation>): string {
  const indexes = [
    ...(custom.pipIndexUrl ? [`--index-url ${custom.pipIndexUrl}`] : []),
    ...(custom.pipExtraIndexUrls ?? []).map((u) => `--extra-index-url ${u}`),
  ].join(' ');
  const tail = `-c ${CONSTRAINTS_PATH}${indexes ? ` ${indexes}` : ''}`;
  if (fromBase) return `PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install ${tail}`;
  return `--mount=from=uv,source=/uv,target=/usr/local/bin/uv \\\n    uv pip install --python /opt/venv/bin/python ${tail}`;
}

/**
 * Python both template scripts start with: installed(name) and every() over the interpreter's
 * packages, from importlib.metadata (3.8+), or on Python 3.7 from the dist-info/egg-info metadata
 * on sys.path (a uv venv has no setuptools, so pkg_resources cannot be counted on).
 */
const PACKAGES_PRELUDE = `try:
    from importlib.metadata import PackageNotFoundError as _NotFound, distributions as _distributions, version as _version

    def installed(name):
        try:
            return _version(name)
        except _NotFound:
            return None

    def every():
        return [((d.metadata["Name"] or "").strip(), d.version) for d in _distributions()]
except ImportError:  # Python 3.7
    import glob as _glob, os as _os, re as _re, sys as _sys

    def every():
        found = []
        for entry in _sys.path:
            where = entry or "."
            metas = _glob.glob(_os.path.join(where, "*.dist-info", "METADATA")) + _glob.glob(_os.path.join(where, "*.egg-info", "PKG-INFO"))
            metas += [p for p in _glob.glob(_os.path.join(where, "*.egg-info")) if _os.path.isfile(p)]
            for meta in sorted(metas):
                fields = {}
                with open(meta, encoding="utf-8", errors="replace") as f:
                    for line in f:
                        if not line.strip():
                            break
                        key, _, value = line.partition(":")
                        fields.setdefault(key.strip(), value.strip())
                if fields.get("Name") and fields.get("Version"):
                    found.append((fields["Name"], fields["Version"]))
        return found

    def installed(name):
        want = _re.sub(r"[-_.]+", "-", name).lower()
        for found, ver in every():
            if _re.sub(r"[-_.]+", "-", found).lower() == want:
                return ver
        return None`;

/** The Python (3.7+) that checks torch against the entry and writes the constraints file. */
function pinScript(entry: MatrixEntry, fromBase: boolean): string {
  const expected: Record<string, string | null> =
    entry.framework === 'pytorch'
      ? { torch: entry.torch, torchvision: entry.torchvision, torchaudio: entry.torchaudio }
      : entry.framework === 'tensorflow'
        ? { [entry.cuda === 'cpu' && !fromBase ? 'tensorflow-cpu' : 'tensorflow']: entry.tensorflow }
        : { jax: entry.jax, jaxlib: entry.jax };
  const hint = fromBase
    ? `the base image ${entry.baseImage} does not hold what this entry says; choose a base-image whose torch and Python match the entry, or set the entry's torch and python to what the image holds`
    : 'the wheel index served other versions than the release data says';
  return `${PACKAGES_PRELUDE}
import os, re, sys
expected = ${pyLiteral(expected)}
python = ${pyLiteral(entry.python)}
def release(v):
    m = re.match(r"(\\d+)\\.(\\d+)(?:\\.(\\d+))?", v or "")
    return tuple(int(x or 0) for x in m.groups()) if m else None
problems, pins = [], []
if "%d.%d" % sys.version_info[:2] != python:
    problems.append("Python is %d.%d, the entry says %s" % (sys.version_info[0], sys.version_info[1], python))
for name, want in expected.items():
    have = installed(name)
    if want is None:
        if have:
            pins.append("%s==%s" % (name, have))
    elif have is None:
        problems.append("%s is not installed, the entry says %s" % (name, want))
    elif release(have) != release(want):
        problems.append("%s is %s, the entry says %s" % (name, have, want))
    else:
        pins.append("%s==%s" % (name, have))
if problems:
    sys.exit("gpu-image-matrix: " + "; ".join(problems) + ": " + ${pyLiteral(hint)})
os.makedirs(${pyLiteral(GIM_DIR)}, exist_ok=True)
with open(${pyLiteral(CONSTRAINTS_PATH)}, "w") as f:
    f.write("".join(p + "\\n" for p in pins))
print("gpu-image-matrix: pinned " + ", ".join(pins))`;
}

/** The Python (3.7+) that writes the inventory, after checking that no later step replaced torch. */
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
  return `${PACKAGES_PRELUDE}
import json, os, platform, sys
inventory = json.loads(${pyLiteral(JSON.stringify(header))})
pins = [l.strip() for l in open(${pyLiteral(CONSTRAINTS_PATH)}) if l.strip()]
changed = []
for pin in pins:
    name, version = pin.split("==", 1)
    now = installed(name)
    if now != version:
        changed.append("%s is now %s, it was %s" % (name, now, version))
if changed:
    sys.exit("gpu-image-matrix: " + "; ".join(changed) + ": a step after the pin replaced it (pip-packages and requirements are constrained, so most likely post-install)")
packages = {}
for name, ver in every():
    if name and name.lower() not in packages:
        packages[name.lower()] = {"name": name, "version": ver}
system = []
try:
    for block in open("/var/lib/dpkg/status", encoding="utf-8", errors="replace").read().split("\\n\\n"):
        fields = dict(l.split(": ", 1) for l in block.splitlines() if ": " in l and not l.startswith(" "))
        if fields.get("Status", "").endswith(" installed") and "Package" in fields:
            system.append({"name": fields["Package"], "version": fields.get("Version"), "arch": fields.get("Architecture")})
except OSError:
    pass
osr = {}
try:
    for l in open("/etc/os-release"):
        if "=" in l:
            k, v = l.rstrip("\\n").split("=", 1)
            osr[k] = v.strip('"')
except OSError:
    pass
inventory["constraints"] = pins
inventory["os"] = {"id": osr.get("ID"), "versionId": osr.get("VERSION_ID")}
inventory["python"] = {"executable": sys.executable, "version": platform.python_version()}
inventory["pythonPackages"] = sorted(packages.values(), key=lambda p: p["name"].lower())
inventory["systemPackages"] = sorted(system, key=lambda p: (p["name"], p["arch"] or ""))
with open(${pyLiteral(INVENTORY_PATH)}, "w") as f:
    json.dump(inventory, f, indent=1, sort_keys=True)
    f.write("\\n")
print("gpu-image-matrix: inventory: %d Python and %d system packages" % (len(packages), len(system)))`;
}

/** A JSON value as a Python literal: JSON's strings are Python strings; null/true/false are not. */
function pyLiteral(value: unknown): string {
  if (value === null) return 'None';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object' && !Array.isArray(value)) {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${JSON.stringify(k)}: ${pyLiteral(v)}`)
      .join(', ')}}`;
  }
  throw new Error(`no Python literal for ${typeof value}`);
}

/** Single-quoted for /bin/sh; the parsers let no single quote through, but quote it right anyway. */
function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A Dockerfile ENV value in double quotes, with $ kept literal (no variable expansion). */
function dockerfileQuote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$')}"`;
}
