import type { SmokeRule } from '../frameworks/framework.js';
import { frameworkOf, type MatrixEntry } from '../frameworks/index.js';

/**
 * Docker and container failures matched to causes and fixes, from the error
 * texts users actually see (research: repro-smoke-style.md, section B2). Pure.
 */

export interface Diagnosis {
  cause: string;
  fix: string;
}

const TOOLKIT_FIX =
  'install the NVIDIA Container Toolkit, run sudo nvidia-ctk runtime configure ' +
  '--runtime=docker, then restart docker (sudo systemctl restart docker)';

/** Failures of docker, the NVIDIA Container Toolkit and the driver, whatever the framework. */
const RULES: SmokeRule[] = [
  {
    pattern: /version `GLIBC_([\d.]+)' not found/,
    diagnose: (m) => ({
      cause: `a wheel in the image needs glibc ${m[1]}, newer than the image's OS has`,
      fix: 'build on a newer OS (os: ubuntu22.04 or ubuntu24.04), or an older release of the package whose wheel targets this glibc',
    }),
  },
  {
    pattern: /could not select device driver "" with capabilities: \[\[gpu\]\]/,
    diagnose: () => ({
      cause: 'Docker has no GPU device driver: the NVIDIA Container Toolkit is missing, or dockerd was not restarted after installing it',
      fix: TOOLKIT_FIX,
    }),
  },
  {
    pattern: /could not select device driver "cdi"/,
    diagnose: () => ({
      cause: 'CDI devices were requested but CDI is not enabled in dockerd',
      fix: 'run sudo nvidia-ctk runtime configure --runtime=docker --cdi.enabled and restart docker, or use gpu-flags: --gpus all',
    }),
  },
  {
    pattern: /unresolvable CDI devices ([^\s"]+)/,
    diagnose: (m) => ({
      cause: `the CDI device ${m[1]} is not defined on this host`,
      fix: 'generate the CDI spec: sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml',
    }),
  },
  {
    pattern: /[Uu]nknown runtime specified nvidia/,
    diagnose: () => ({
      cause: 'the nvidia runtime is not registered in dockerd',
      fix: `${TOOLKIT_FIX}; or leave --runtime=nvidia out and use --gpus all`,
    }),
  },
  {
    pattern: /unsatisfied condition: cuda>=(\d+\.\d+)/,
    diagnose: (m, e) => ({
      cause: `the host driver is older than CUDA ${m[1]} in this image needs (NVIDIA_REQUIRE_CUDA)`,
      fix: `upgrade the driver${e.minDriver ? ` to ${e.minDriver} or newer` : ''}, or use an image built for an older CUDA`,
    }),
  },
  {
    pattern: /forward compatibility was attempted on non supported HW/,
    diagnose: () => ({
      cause: "CUDA's forward-compatibility libraries were used on a GPU that does not support them (error 804)",
      fix: 'upgrade the host driver to one that supports this CUDA version natively, or use an image for an older CUDA',
    }),
  },
  {
    pattern: /CUDA driver version is insufficient for CUDA runtime version|The NVIDIA driver on your system is too old/,
    diagnose: (_m, e) => ({
      cause: `the host driver is too old for the CUDA ${e.cuda} runtime in this image`,
      fix: `upgrade the driver${e.minDriver ? ` to ${e.minDriver} or newer` : ''}, or use an image for an older CUDA`,
    }),
  },
  {
    pattern: /nvml error: driver not loaded|NVML: Driver\/library version mismatch/,
    diagnose: () => ({
      cause: 'the NVIDIA driver on the host is not loaded (or differs from its libraries)',
      fix: 'reboot the runner after a driver upgrade; check nvidia-smi on the host',
    }),
  },
  {
    pattern: /manifest unknown|not found: manifest|pull access denied|repository does not exist|no such host|unauthorized|denied: /i,
    diagnose: () => ({
      cause: 'the image could not be pulled',
      fix:
        'check the image reference (a tag that was never pushed, a deleted tag) ' +
        'and that this runner is logged in to the registry (docker/login-action)',
    }),
  },
  {
    pattern: /exec: "?python3"?: executable file not found|python3: not found|No such file or directory: 'python3'/,
    diagnose: () => ({
      cause: 'the image has no python3 on its PATH',
      fix: 'install Python in the image, or set smoke-python to its interpreter (e.g. /opt/venv/bin/python)',
    }),
  },
];

export function diagnoseSmokeFailure(output: string, entry: MatrixEntry): Diagnosis | null {
  // The framework's own rules first: their texts are specific, and the generic ones may match them too.
  for (const rule of [...frameworkOf(entry).diagnoses, ...RULES]) {
    const m = output.match(rule.pattern);
    if (m) return rule.diagnose(m, entry);
  }
  return null;
}
