import { shellWord } from './shell.js';
import type { Customisation } from '../custom/customisation.js';
import type { PinnedWheel } from '../frameworks/framework.js';
import type { MatrixEntry } from '../frameworks/index.js';

/**
 * What the devel flavour adds for building CUDA extensions (torch.utils.cpp_extension, flash-attn,
 * custom ops) in the image or FROM it. Pure: text for the Dockerfile template.
 *
 * - A C++ compiler and ninja: cpp_extension's load()/load_inline() refuse to run without ninja, and
 *   setup.py builds fall back to the slow serial backend. NVIDIA's -devel images bring neither.
 * - setuptools in the venv: cpp_extension imports it, and uv's venvs start without it.
 * - TORCH_CUDA_ARCH_LIST: a `docker build` has no GPU to ask, and cpp_extension then fails to
 *   choose an architecture; the default is the list the torch wheels were built with.
 * - MAX_JOBS for the team's install steps, from the builder's memory: one nvcc process peaks at
 *   3-5 GB (flash-attention PR #2079 measured 5 GB per thread), and ninja's default of one job per
 *   CPU plus two runs a large runner out of memory.
 */

/** Where the devel image keeps the script that sizes MAX_JOBS (GIM_DIR of the template). */
export const MAX_JOBS_PATH = '/etc/gpu-image-matrix/max-jobs';

/** MiB one compile job (one nvcc thread) is given: the upper end of flash-attention #2079's 3-5 GB. */
export const MIB_PER_JOB = 5120;

/**
 * Prints how many compile jobs fit: available memory (the smaller of the kernel's MemAvailable and
 * what the cgroup limit leaves, v2 or v1) over MIB_PER_JOB per NVCC_THREADS thread, at most one per
 * CPU (nproc, and the cgroup's CPU quota), at least 1. An explicit MAX_JOBS is printed as it is.
 * POSIX sh and awk only: it runs in any base the template builds on. It reads the cgroup it runs
 * in: a BuildKit RUN step has one of its own, so a memory limit on a buildkitd container above it
 * is not seen (MemAvailable, the host's, decides then).
 */
export const MAX_JOBS_SCRIPT = `#!/bin/sh
# gpu-image-matrix: how many compile jobs fit this machine (MAX_JOBS for CUDA extension builds).
# an explicit MAX_JOBS wins; 0 would mean no limit to ninja, so it counts as unset
case "\${MAX_JOBS:-}" in ''|0*|*[!0-9]*) ;; *) echo "$MAX_JOBS"; exit 0 ;; esac
threads=\${NVCC_THREADS:-1}
case "$threads" in ''|0*|*[!0-9]*) threads=1 ;; esac
cpus=$(nproc 2>/dev/null || echo 1)
mib=$(awk '/^MemAvailable:/ { print int($2 / 1024) }' /proc/meminfo 2>/dev/null)
left() {
  [ -r "$1" ] && [ -r "$2" ] || return 0
  awk -v l="$(cat "$1")" -v u="$(cat "$2")" 'BEGIN { if (l ~ /^[0-9]+$/ && l < 2 ^ 60) print int((l - u) / 1048576) }'
}
for free in $(left /sys/fs/cgroup/memory.max /sys/fs/cgroup/memory.current) \\
            $(left /sys/fs/cgroup/memory/memory.limit_in_bytes /sys/fs/cgroup/memory/memory.usage_in_bytes); do
  if [ -z "$mib" ] || [ "$free" -lt "$mib" ]; then mib=$free; fi
done
# the CPU quota: cgroup v2 "max 100000" or "200000 100000", v1 quota and period (-1: none)
quota=$(cat /sys/fs/cgroup/cpu.max 2>/dev/null \\
  || echo "$(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us 2>/dev/null) $(cat /sys/fs/cgroup/cpu/cpu.cfs_period_us 2>/dev/null)")
quota=$(echo "$quota" | awk '$1 ~ /^[0-9]+$/ && $2 > 0 { q = int($1 / $2); print (q < 1 ? 1 : q) }')
if [ -n "$quota" ] && [ "$quota" -lt "$cpus" ]; then cpus=$quota; fi
awk -v m="\${mib:-0}" -v p=${MIB_PER_JOB} -v t="$threads" -v c="$cpus" \\
  'BEGIN { j = int(m / (p * t)); if (j > c) j = c; if (j < 1) j = 1; print j }'
`;

/**
 * setuptools for cpp_extension, pinned per Python: 80.9.0 (PyPI, 2025-05-27) needs Python 3.9 or
 * newer; 75.3.0 is the newest pip picks on Python 3.8 (seen in public cp38 install logs).
 */
export function develSetuptools(python: string): string {
  return python === '3.8' ? '75.3.0' : '80.9.0';
}

/** The wheels the devel step installs, for verify. */
export function develWheels(entry: MatrixEntry, index: string): PinnedWheel[] {
  return entry.flavor === 'devel' ? [{ project: 'setuptools', version: develSetuptools(entry.python), index }] : [];
}

/**
 * The devel step, after the framework is pinned. `python` is the interpreter the image's packages
 * live in; `install` installs into it (uv mounted, or a base image's pip), constrained to torch, from
 * the index the team's packages come from. setuptools is kept where it is already installed (torch
 * requires it on Python 3.12 and newer). `cleanApt` is the template's clean-up after an apt install.
 */
export function develStep(entry: MatrixEntry, python: string, install: { mounts: string; command: string }, cleanApt: string): string {
  const archList = (entry as { cudaArchList?: string | null }).cudaArchList ?? null;
  const arch = archList
    ? `\n# The GPU architectures extensions are compiled for (a build has no GPU to ask).
ARG TORCH_CUDA_ARCH_LIST="${archList}"
ENV TORCH_CUDA_ARCH_LIST=\${TORCH_CUDA_ARCH_LIST}`
    : '';
  return `# For CUDA extensions (devel): a C++ compiler and ninja where the base lacks them, setuptools
# (torch.utils.cpp_extension imports it), and ${MAX_JOBS_PATH}, which sizes MAX_JOBS to the builder's memory.
RUN (command -v c++ && command -v ninja) >/dev/null 2>&1 \\
 || { apt-get update \\
      && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends g++ ninja-build \\
      && ${cleanApt}; } \\
 && mkdir -p ${dirname(MAX_JOBS_PATH)} \\
 && cat > ${MAX_JOBS_PATH} <<'GIM_MAX_JOBS' \\
 && chmod 755 ${MAX_JOBS_PATH}
${MAX_JOBS_SCRIPT}GIM_MAX_JOBS
RUN ${install.mounts}${python} -c 'import setuptools' 2>/dev/null \\
 || ${install.command} setuptools==${develSetuptools(entry.python)}${arch}`;
}

/**
 * What a devel entry's package and post-install steps run under: MAX_JOBS sized to the builder (or
 * the team's own value from env), NVCC_THREADS 1 unless the team set it (flash-attn runs 4 nvcc
 * threads per job by default, which the memory per job would not cover), and a line in the log
 * saying what was chosen. '' for runtime entries.
 */
export function buildJobsPrefix(entry: MatrixEntry, custom: Partial<Customisation>): string {
  if (entry.flavor !== 'devel') return '';
  const env = new Map(custom.env ?? []);
  const threads = shellWord(env.get('NVCC_THREADS') ?? '1');
  const jobs = env.get('MAX_JOBS');
  const value = jobs !== undefined ? shellWord(jobs) : `"$(NVCC_THREADS=${threads} ${MAX_JOBS_PATH})"`;
  const say = 'echo "gpu-image-matrix: MAX_JOBS=$MAX_JOBS NVCC_THREADS=$NVCC_THREADS"';
  return `export NVCC_THREADS=${threads} MAX_JOBS=${value} \\\n && ${say} \\\n && `;
}

function dirname(p: string): string {
  return p.slice(0, p.lastIndexOf('/'));
}
