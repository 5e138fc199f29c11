import type { ReleaseData } from '../frameworks/index.js';
import { frameworkOf, frameworkTitle, type MatrixEntry } from '../frameworks/index.js';

/**
 * Host preflight, before any image is pulled: what GPUs and driver the host
 * has (nvidia-smi), whether Docker can hand GPUs to containers (docker info),
 * and whether the driver is new enough for each entry. Pure: parses the
 * tools' output, which the effects layer collects.
 */

export interface HostGpu {
  name: string;
  driver: string;
  /** "9.0"; null where the driver cannot report it */
  computeCap: string | null;
}

export interface Finding {
  severity: 'error' | 'warning';
  cause: string;
  fix: string;
}

/** nvidia-smi --query-gpu=name,driver_version,compute_cap --format=csv,noheader */
export const NVIDIA_SMI_QUERY = ['--query-gpu=name,driver_version,compute_cap', '--format=csv,noheader'];
/** Drivers before the compute_cap field existed answer this one. */
export const NVIDIA_SMI_QUERY_OLD = ['--query-gpu=name,driver_version', '--format=csv,noheader'];

export type SmiOutcome = { gpus: HostGpu[] } | { finding: Finding };

/**
 * Read nvidia-smi's answer. Exit 0 and 14 (a warning, e.g. an infoROM issue) both carry data;
 * fields of "ERR!" or "[GPU is lost]" mean a GPU in an error state even when the exit is 0.
 */
export function parseNvidiaSmi(output: string, exitCode: number | 'missing'): SmiOutcome {
  if (exitCode === 'missing') {
    return {
      finding: {
        severity: 'error',
        cause: 'nvidia-smi was not found: this runner has no NVIDIA driver installed (or it is not on PATH)',
        fix: 'run the GPU smoke test on a GPU runner (runs-on: [self-hosted, linux, gpu]), or set expect-gpu: false for a CPU-only check',
      },
    };
  }
  const text = output.trim();
  if ((exitCode !== 0 && exitCode !== 14) || text === '') {
    const first = text.split('\n')[0] || `exit status ${exitCode}`;
    const notLoaded =
      /couldn't communicate with the NVIDIA driver|driver not loaded|NVML: Driver\/library version mismatch|No devices were found/i.test(
        text,
      );
    return {
      finding: {
        severity: 'error',
        cause: `nvidia-smi failed: ${first}`,
        fix: notLoaded
          ? /mismatch/i.test(text)
            ? 'the kernel module and the user-space driver differ (an upgrade without reboot): reboot the runner'
            : 'the NVIDIA driver is not loaded: check that the kernel module is ' +
              'installed for the running kernel (dmesg, nvidia-smi), then reboot'
          : 'check the driver installation on the runner (nvidia-smi should list the GPUs)',
      },
    };
  }
  const gpus: HostGpu[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split(',').map((f) => f.trim());
    if (fields.length < 2) continue;
    const [name = '', driver = '', cap] = fields;
    if ([name, driver, cap ?? ''].some((f) => /ERR!|GPU is lost|Unknown Error/i.test(f))) {
      return {
        finding: {
          severity: 'error',
          cause: `nvidia-smi reports a GPU in an error state: ${line.trim()}`,
          fix: 'reset the GPU (nvidia-smi --gpu-reset) or reboot the runner; check dmesg for Xid errors',
        },
      };
    }
    gpus.push({ name, driver, computeCap: cap && /^\d+\.\d+$/.test(cap) ? cap : null });
  }
  if (gpus.length === 0) {
    return {
      finding: {
        severity: 'error',
        cause: `nvidia-smi listed no GPUs: ${text.split('\n')[0]}`,
        fix: 'check that the runner has a GPU and the driver sees it',
      },
    };
  }
  return { gpus };
}

/** Compare driver versions numerically, segment by segment: "550.54.15" vs "525.60.13". */
export function compareDriver(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** What `docker info --format '{{json .}}'` says about handing GPUs to containers. */
export interface DockerGpuSupport {
  nvidiaRuntime: boolean;
  cdiDevices: string[];
}

export function parseDockerInfo(json: string): DockerGpuSupport | null {
  try {
    const info = JSON.parse(json) as { Runtimes?: Record<string, unknown>; DiscoveredDevices?: { Source?: string; ID?: string }[] };
    return {
      nvidiaRuntime: Object.keys(info.Runtimes ?? {}).includes('nvidia'),
      cdiDevices: (info.DiscoveredDevices ?? []).filter((d) => d.Source === 'cdi' && d.ID).map((d) => d.ID as string),
    };
  } catch {
    return null;
  }
}

export function dockerFindings(support: DockerGpuSupport | null): Finding[] {
  if (!support)
    return [{ severity: 'warning', cause: 'docker info could not be read', fix: 'check that dockerd is running and this user may use it' }];
  if (support.nvidiaRuntime || support.cdiDevices.some((d) => d.startsWith('nvidia.com/gpu'))) return [];
  // Not an error: --gpus also works through the toolkit's prestart hook, which docker info does not list.
  return [
    {
      severity: 'warning',
      cause: 'docker info lists no nvidia runtime and no nvidia.com/gpu CDI devices',
      fix:
        'if the GPU check fails, install the NVIDIA Container Toolkit and run ' +
        'sudo nvidia-ctk runtime configure --runtime=docker, then restart docker',
    },
  ];
}

/** What the host's driver offers, for the driver checks. */
export interface HostDriver {
  version: string;
  /** the newest CUDA the driver supports ("12.2", nvidia-smi's "CUDA Version"); null when unknown */
  cuda: string | null;
}

/** One term of NVIDIA_REQUIRE_CUDA: `cuda>=12.4`, `brand=tesla`, `driver<471`. */
interface RequireTerm {
  key: 'cuda' | 'driver' | 'arch' | 'brand';
  op: '=' | '!=' | '<' | '<=' | '>' | '>=';
  value: string;
}

/** Longest NVIDIA_REQUIRE_CUDA read: the images' own are a few hundred characters. */
const MAX_REQUIRE_LENGTH = 4096;

/**
 * NVIDIA_REQUIRE_CUDA as the NVIDIA Container Toolkit reads it (libnvidia-container src/cli/dsl.c):
 * space-separated alternatives, any of which may pass; comma-separated terms in one, all of which
 * must. nvidia/cuda images write `cuda>=12.4 brand=tesla,driver>=470,driver<471 ...`: the driver's
 * own CUDA, or a data-center branch that runs the image through the cuda-compat package in it.
 * Null for text that is not such a requirement (unknown keys or operators are refused, not guessed).
 */
export function parseRequireCuda(text: string): RequireTerm[][] | null {
  if (text.length > MAX_REQUIRE_LENGTH) return null;
  const groups: RequireTerm[][] = [];
  for (const group of text.trim().split(/\s+/).filter(Boolean)) {
    const terms: RequireTerm[] = [];
    for (const term of group.split(',')) {
      const m = /^(cuda|driver|arch|brand)(!=|<=|>=|=|<|>)([A-Za-z0-9._-]+)$/.exec(term);
      if (!m) return null;
      terms.push({ key: m[1] as RequireTerm['key'], op: m[2] as RequireTerm['op'], value: m[3] as string });
    }
    groups.push(terms);
  }
  return groups.length ? groups : null;
}

function compareOp(d: number, op: RequireTerm['op']): boolean {
  return { '=': d === 0, '!=': d !== 0, '<': d < 0, '<=': d <= 0, '>': d > 0, '>=': d >= 0 }[op];
}

/**
 * Whether a requirement passes for a driver, and through which alternative. A term whose fact is
 * unknown here (the GPU's brand or architecture; the driver's CUDA) cannot pass: the answer is
 * what the preflight can prove, the container run says the rest.
 */
export function evaluateRequireCuda(groups: RequireTerm[][], host: HostDriver): { passes: boolean; through: 'cuda' | 'branch' | null } {
  for (const group of groups) {
    const ok = group.every((t) => {
      if (t.key === 'cuda') return host.cuda !== null && compareOp(compareDriver(host.cuda, t.value), t.op);
      if (t.key === 'driver') return compareOp(compareDriver(host.version, t.value), t.op);
      return false; // brand, arch: not known to the preflight
    });
    if (ok) return { passes: true, through: group.some((t) => t.key === 'cuda') ? 'cuda' : 'branch' };
  }
  return { passes: false, through: null };
}

/** Whether a requirement lets a data-center GPU of this driver branch run the image (forward compatibility). */
function branchAllowed(groups: RequireTerm[][], driver: string): boolean {
  return groups.some(
    (g) =>
      g.some((t) => t.key === 'brand' && /^(tesla|nvidia|unknown)$/i.test(t.value)) &&
      g.filter((t) => t.key === 'driver').every((t) => compareOp(compareDriver(driver, t.value), t.op)),
  );
}

/**
 * The driver against an entry's needs, the way the image will meet it:
 * - at or above the toolkit's own driver (`minDriver`), or a driver whose CUDA the image's
 *   NVIDIA_REQUIRE_CUDA accepts: fine;
 * - below that but at or above the CUDA major's floor (NVIDIA's minor-version compatibility:
 *   11.x >= 450.80.02, 12.x >= 525.60.13, 13.x >= 580): it runs, without PTX JIT, so kernels must be
 *   built for the GPU — a warning (datacenter hosts on 535/550 run cu124 and cu126 wheels this way);
 * - below the floor: only a data-center branch the image lists runs it (forward compatibility, the
 *   cuda-compat package in nvidia/cuda images); otherwise it fails, and the fix names the variants
 *   of the same release this driver runs.
 * Sources: NVIDIA's CUDA compatibility guide (minor-version compatibility, forward compatibility),
 * libnvidia-container src/cli/dsl.c; the floors are the release data's cudaMajors.
 */
export function driverFinding(
  entry: MatrixEntry,
  driver: string,
  data: ReleaseData,
  host?: { cuda: string | null; requireCuda?: string | null },
): Finding | null {
  if (!entry.minDriver || compareDriver(driver, entry.minDriver) >= 0) return null;
  const groups = host?.requireCuda ? parseRequireCuda(host.requireCuda) : null;
  const verdict = groups ? evaluateRequireCuda(groups, { version: driver, cuda: host?.cuda ?? null }) : null;
  if (verdict?.through === 'cuda') return null; // the driver's own CUDA is new enough for the image
  const major = entry.cuda.split('.')[0];
  const floor = data.cudaMajors.find((m) => m.major === major)?.minorCompatDriver ?? null;
  const first = groups?.[0]?.map((t) => `${t.key}${t.op}${t.value}`).join(',');
  const refused =
    !groups || verdict?.passes
      ? ''
      : branchAllowed(groups, driver)
        ? "; the NVIDIA Container Toolkit's legacy mode accepts the image on this driver for data-center GPUs only " +
          `(NVIDIA_REQUIRE_CUDA ${first} ...), and its CDI mode does not check`
        : "; the NVIDIA Container Toolkit's legacy mode refuses the image on this driver " +
          `(NVIDIA_REQUIRE_CUDA ${first} ...), and its CDI mode does not check`;
  if (floor && compareDriver(driver, floor) >= 0) {
    return {
      severity: 'warning',
      cause:
        `driver ${driver} is older than the CUDA ${entry.cudaFull ?? entry.cuda} toolkit of this image (${entry.minDriver}) ` +
        `but within CUDA ${major}'s minor-version compatibility (≥ ${floor}): it runs, without PTX JIT compilation, ` +
        `so the GPU needs kernels built for it (the check's "kernels for GPU" test says)${refused}`,
      fix: `upgrade the driver to ${entry.minDriver} or newer for the image's whole feature set`,
    };
  }
  if (groups && branchAllowed(groups, driver)) {
    return {
      severity: 'warning',
      cause:
        `driver ${driver} is older than CUDA ${major} needs (≥ ${floor ?? entry.minDriver}); ` +
        'the image accepts this driver branch on data-center GPUs ' +
        `through forward compatibility (the cuda-compat package in nvidia/cuda images), not on others`,
      fix: `upgrade the driver to ${entry.minDriver} or newer, or run on a data-center GPU`,
    };
  }
  const runnable = (frameworkOf(entry).alternatives?.(entry, data) ?? [])
    .filter((a) => compareDriver(driver, a.minDriver) >= 0 || compareDriver(driver, floorOf(a.variant, data) ?? a.minDriver) >= 0)
    .map((a) => a.variant);
  const instead = runnable.length ? ` or use a ${runnable.join('/')} image of ${frameworkTitle(entry)}` : '';
  return {
    severity: 'error',
    cause:
      `driver ${driver} is older than CUDA ${entry.cuda} needs ` +
      `(≥ ${floor ?? entry.minDriver}${floor ? `, CUDA ${major}'s floor` : ''})`,
    fix: `upgrade the driver to ${entry.minDriver} or newer${instead}`,
  };
}

/** The minor-version floor of a wheel variant's CUDA major ("cu118" -> 11's). */
function floorOf(variant: string, data: ReleaseData): string | null {
  const major = /^cu(\d+)\d$/.exec(variant)?.[1];
  return data.cudaMajors.find((m) => m.major === major)?.minorCompatDriver ?? null;
}
