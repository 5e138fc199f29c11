import type { MatrixEntry } from '../matrix/entry.js';

/**
 * The embedded Dockerfile template, rendered per matrix entry. Pure.
 *
 * Layer order is chosen for sharing: the base (CUDA + OS) and the Python layer
 * depend only on BASE_IMAGE and PYTHON_VERSION, so entries that share CUDA, OS
 * and Python share them; torch comes last. Nothing is cached in layers: apt
 * lists are removed in the step that fetched them, pip/uv run without a cache.
 *
 * Reproducible by default (command repro): every version is pinned, apt's logs
 * and ldconfig's aux-cache (which differ per build) are removed with the lists,
 * SOURCE_DATE_EPOCH reaches the RUN steps (so any .pyc compiled is hash-checked,
 * not stamped with the build time), and uv compiles no bytecode at install.
 *
 * Python is installed exactly (uv's managed CPython builds), whatever the base
 * OS ships. uv comes from its distroless image and is mounted, not copied, so it
 * does not stay in the image.
 */

/** Bump when the template changes what it builds: it is part of every content hash. */
export const TEMPLATE_VERSION = 2;
export const DEFAULT_UV_IMAGE = 'ghcr.io/astral-sh/uv:0.13.5';

export function renderDockerfile(entry: MatrixEntry, uvImage = DEFAULT_UV_IMAGE): string {
  const packages = [
    `torch==\${TORCH_VERSION}`,
    entry.torchvision ? `torchvision==\${TORCHVISION_VERSION}` : null,
    entry.torchaudio ? `torchaudio==\${TORCHAUDIO_VERSION}` : null,
  ].filter((p): p is string => p !== null);
  const torchArgs = [
    `ARG TORCH_VERSION=${entry.torch}`,
    entry.torchvision ? `ARG TORCHVISION_VERSION=${entry.torchvision}` : null,
    entry.torchaudio ? `ARG TORCHAUDIO_VERSION=${entry.torchaudio}` : null,
    `ARG TORCH_INDEX_URL=${entry.indexUrl}`,
  ].filter((a): a is string => a !== null);

  return `# gpu-image-matrix template v${TEMPLATE_VERSION}: ${entry.tag}
# torch ${entry.torch}, ${entry.cuda === 'cpu' ? 'CPU only' : `CUDA ${entry.cudaFull}, cuDNN ${entry.cudnn}`}, Python ${entry.python}, ${entry.os} (${entry.flavor})
ARG BASE_IMAGE=${entry.baseImage}
ARG UV_IMAGE=${uvImage}
FROM \${UV_IMAGE} AS uv

FROM \${BASE_IMAGE}
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
 && rm -rf /var/lib/apt/lists/* /var/log/apt/* /var/log/dpkg.log /var/cache/ldconfig/aux-cache

# Python, shared by every torch built on this base.
ARG PYTHON_VERSION=${entry.python}
RUN --mount=from=uv,source=/uv,target=/usr/local/bin/uv \\
    uv python install \${PYTHON_VERSION} \\
 && uv venv --python \${PYTHON_VERSION} /opt/venv

# torch and its libraries at the entry's exact versions, from its wheel index.
${torchArgs.join('\n')}
RUN --mount=from=uv,source=/uv,target=/usr/local/bin/uv \\
    uv pip install --python /opt/venv/bin/python --index-url \${TORCH_INDEX_URL} \\
      ${packages.join(' ')}

CMD ["python"]
`;
}
