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

/**
 * The driver against an entry's needs. The fix names the image variants of the same release that
 * this driver does run, from the release data (for frameworks whose releases have several).
 */
export function driverFinding(entry: MatrixEntry, driver: string, data: ReleaseData): Finding | null {
  if (!entry.minDriver || compareDriver(driver, entry.minDriver) >= 0) return null;
  const runnable = (frameworkOf(entry).alternatives?.(entry, data) ?? [])
    .filter((a) => compareDriver(driver, a.minDriver) >= 0)
    .map((a) => a.variant);
  const instead = runnable.length ? ` or use a ${runnable.join('/')} image of ${frameworkTitle(entry)}` : '';
  return {
    severity: 'error',
    cause: `driver ${driver} is older than CUDA ${entry.cuda} needs (≥ ${entry.minDriver})`,
    fix: `upgrade the driver to ${entry.minDriver} or newer${instead}`,
  };
}
