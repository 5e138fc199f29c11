import { frameworkTitle, type MatrixEntry } from '../matrix/entry.js';

/**
 * Docker and container failures matched to causes and fixes, from the error
 * texts users actually see (research: repro-smoke-style.md, section B2). Pure.
 */

export interface Diagnosis {
  cause: string;
  fix: string;
}

interface Rule {
  pattern: RegExp;
  diagnose: (m: RegExpMatchArray, entry: MatrixEntry) => Diagnosis;
}

const TOOLKIT_FIX =
  'install the NVIDIA Container Toolkit, run sudo nvidia-ctk runtime configure --runtime=docker, then restart docker (sudo systemctl restart docker)';

const RULES: Rule[] = [
  // TensorFlow and JAX first: their texts are specific, and the generic ones below also match them.
  {
    pattern: /Loaded runtime CuDNN library: (\d+(?:\.\d+)*) but source was compiled with: (\d+(?:\.\d+)*)/,
    diagnose: (m) => ({
      cause: `the cuDNN in the image (${m[1]}) is older than the framework was compiled with (${m[2]}); a later package pinned an older nvidia-cudnn wheel (torch in the same image is the usual one)`,
      fix: `install nvidia-cudnn of ${m[2]} or newer within the same major after the other packages, or keep the frameworks in separate images`,
    }),
  },
  {
    pattern: /Could not load dynamic library '([^']+)'/,
    diagnose: (m) => ({
      cause: `TensorFlow could not load ${m[1]}, so it skipped the GPU: a CUDA or cuDNN library of the major version it was built for is not on the loader path`,
      fix: 'install tensorflow[and-cuda] (the template does, and registers site-packages/nvidia/*/lib with ldconfig); in an image of your own, add those directories to LD_LIBRARY_PATH or ld.so.conf',
    }),
  },
  {
    pattern: /Cannot dlopen some GPU libraries/,
    diagnose: () => ({
      cause:
        'TensorFlow could not load some of its CUDA libraries and skipped the GPU (which library, it logs only with TF_CPP_VMODULE=dso_loader=1, which the check sets)',
      fix: 'install tensorflow[and-cuda] of the same version, or the CUDA and cuDNN majors the release was built for; see the "Could not load dynamic library" lines above',
    }),
  },
  {
    pattern: /No PTX compilation provider is available|ptxas does not support CC ([\d.]+)/,
    diagnose: (m) => ({
      cause: m[1] ? `the ptxas in the image is too old for compute capability ${m[1]}` : 'XLA found no ptxas to compile for this GPU',
      fix: m[1]
        ? 'use a release whose nvidia-cuda-nvcc wheel (CUDA 12.8 or newer for Blackwell) supports this GPU'
        : 'install nvidia-cuda-nvcc (part of tensorflow[and-cuda] and jax[cudaNN]) and put its bin/ptxas on PATH (the template links it into /opt/venv/bin)',
    }),
  },
  {
    pattern: /version `GLIBC_([\d.]+)' not found/,
    diagnose: (m) => ({
      cause: `a wheel in the image needs glibc ${m[1]}, newer than the image's OS has`,
      fix: 'build on a newer OS (os: ubuntu22.04 or ubuntu24.04), or an older release of the package whose wheel targets this glibc',
    }),
  },
  {
    pattern: /Unable to initialize backend 'cuda'[^\n]*|CUDA backend failed to initialize[^\n]*/,
    diagnose: (m) => ({
      cause: `JAX could not start its CUDA backend: ${m[0].slice(0, 200)}`,
      fix: 'check the jax[cudaNN] extra against the driver (cuda12 needs driver 525 or newer, cuda13 580 or newer) and that LD_LIBRARY_PATH is not set in the image (JAX loads its CUDA wheels itself)',
    }),
  },
  {
    pattern: /Could not find cuda drivers on your machine|tensorflow sees no GPU|jax sees no GPU/,
    diagnose: () => ({
      cause: 'the framework sees no GPU in the container',
      fix: 'check that the GPU is passed in (gpus, gpu-flags) and that the NVIDIA Container Toolkit works: docker run --rm --gpus all <image> nvidia-smi',
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
    pattern:
      /(sm_\d+) is not compatible with the current PyTorch installation|this wheel has no kernels for (sm_\d+)|no kernel image is available for execution on the device/,
    diagnose: (m, e) => ({
      cause: `${frameworkTitle(e)} (${e.cudaVariant}) has no kernels for this GPU's architecture${(m[1] ?? m[2]) ? ` (${m[1] ?? m[2]})` : ''}`,
      fix: 'use a torch release and CUDA variant built for it (Blackwell sm_100/sm_120 needs torch 2.7+ with cu128 or newer)',
    }),
  },
  {
    pattern: /Found no NVIDIA driver on your system|torch sees no usable GPU/,
    diagnose: () => ({
      cause: 'the container sees no NVIDIA driver: the GPU was not passed into it',
      fix: 'check gpu-flags / gpus (docker run --gpus all) and that the NVIDIA Container Toolkit works: docker run --rm --gpus all <image> nvidia-smi',
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
      fix: 'check the image reference (a tag that was never pushed, a deleted tag) and that this runner is logged in to the registry (docker/login-action)',
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
  for (const rule of RULES) {
    const m = output.match(rule.pattern);
    if (m) return rule.diagnose(m, entry);
  }
  return null;
}
