import { parseImageReference, parseRepository, repositoryName } from '../image/reference.js';
import { parsePlatform, type Platform } from '../matrix/platform.js';
import { UserError, quote } from '../errors.js';
import type { InputName, Inputs } from '../inputs/table.js';
import { VARIABLE_NAME, parseBoolean, parseChoice, parseKeyValueLines, parseWholeNumber } from '../inputs/values.js';
import type { MatrixEntry } from '../frameworks/index.js';

export const SMOKE_MODES = ['true', 'false', 'auto'] as const;
export type SmokeMode = (typeof SMOKE_MODES)[number];

export interface SmokeOptions {
  /** for `all`: run the smoke test (true), not (false), or when the runner has a GPU (auto) */
  mode: SmokeMode;
  /** a smoke job per platform: check only this platform of each entry */
  platform?: Platform;
  /** GPU mode; false = the CPU check (versions and imports only) */
  expectGpu: boolean;
  /** docker run flags that hand GPUs in; replaces --gpus when set */
  gpuFlags: string[] | null;
  /** "all", or device indexes/UUIDs "0,1" */
  gpus: string;
  timeoutSeconds: number;
  minGpus: number;
  /** a Python script (host path) to run in the container after our check */
  script?: string;
  /** the interpreter in the image */
  python: string;
  /** --shm-size (PyTorch's DataLoader workers share tensors through /dev/shm); null: Docker's 64m */
  shmSize: string | null;
  /** --ipc host instead of a sized /dev/shm */
  ipcHost: boolean;
  memory: string | null;
  cpus: string | null;
  /** set in the container; values reach docker through its environment, not its argv */
  env: [string, string][];
  /** the workspace, mounted read-only at WORKSPACE_IN_CONTAINER when smoke-script is set */
  workspace?: string;
}

export const DEFAULT_SHM_SIZE = '1g';
const MAX_ENV_LINE_BYTES = 60 * 1024;

export function parseSize(text: string | undefined, field: string, fallback: string | null): string | null {
  const t = (text ?? '').trim().toLowerCase();
  if (t === '') return fallback;
  if (/^\d+(?:\.\d+)?[bkmg]?$/.test(t) && Number.parseFloat(t) > 0) return t;
  throw new UserError(`${field}: ${quote(text)} is not a size; accepted: a number with an optional unit b, k, m or g (e.g. 2g, 512m)`);
}

export function parseCpus(text: string | undefined, field: string): string | null {
  const t = (text ?? '').trim();
  if (t === '') return null;
  if (/^\d+(?:\.\d+)?$/.test(t) && Number(t) > 0 && Number(t) <= 1024) return t;
  throw new UserError(`${field}: ${quote(text)} is not valid; accepted: a number of CPUs greater than 0, e.g. 4 or 1.5`);
}

/**
 * What gpu-flags may hold: the ways of handing GPUs to a container, and nothing that widens its
 * rights otherwise (another device, another runtime, variables, namespaces). Each flag with its
 * value, as `--flag value` or `--flag=value`.
 */
const GPU_DEVICE = '/dev/(?:nvidia(?:\\d{1,3}|ctl|-uvm|-uvm-tools|-modeset|-caps/nvidia-cap\\d{1,4})|dri/(?:card|renderD)\\d{1,4})';
const GPU_FLAG_VALUES: Record<string, { value: RegExp; accepted: string }> = {
  // docker's --gpus is CSV: all, a count, "device=0,1", capabilities=..., driver=... (quoted whole or not at all)
  '--gpus': {
    value:
      /^(?:all|\d{1,3}|(?:device|count|capabilities|driver)=[\w.,:=-]+|"(?:all|\d{1,3}|(?:device|count|capabilities|driver)=[\w.,:=-]+)")$/,
    accepted: 'all, a count or "device=0,1"',
  },
  // CDI names of GPUs, or GPU device nodes by name (never a directory: docker would hand in every node under it)
  '--device': {
    value: new RegExp(`^(?:nvidia\\.com/gpu=[\\w-]+(?:\\.[\\w-]+)*|${GPU_DEVICE}(?::${GPU_DEVICE})?(?::[rwm]{1,3})?)$`),
    accepted: 'a GPU: nvidia.com/gpu=all (CDI), /dev/nvidia0, /dev/nvidiactl, /dev/nvidia-uvm, /dev/dri/renderD128',
  },
  '--runtime': { value: /^nvidia$/, accepted: 'nvidia' },
  // what NCCL and large models need of the container's limits, nothing else
  '--ulimit': { value: /^(?:memlock|stack)=-?\d{1,20}(?::-?\d{1,20})?$/, accepted: 'memlock=-1 or stack=67108864 (soft[:hard])' },
};

export function parseGpuFlags(text: string | undefined, field: string): string[] | null {
  const t = (text ?? '').trim();
  if (t === '') return null;
  const tokens = t.split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as string;
    const eq = tok.indexOf('=');
    const flag = tok.startsWith('--') && eq > 0 ? tok.slice(0, eq) : tok;
    const rule = GPU_FLAG_VALUES[flag];
    if (!rule) {
      throw new UserError(
        `${field}: ${quote(flag)} is not accepted; gpu-flags may hold ${Object.keys(GPU_FLAG_VALUES).join(', ')} with a GPU as ` +
          `their value (e.g. --device nvidia.com/gpu=all, or --runtime nvidia --gpus all), or --ulimit memlock or stack. ` +
          `For shared memory and IPC use smoke-shm-size and smoke-ipc-host; for variables, smoke-env`,
      );
    }
    const value = flag === tok ? tokens[++i] : tok.slice(eq + 1);
    if (value === undefined || !rule.value.test(value)) {
      throw new UserError(
        `${field}: ${flag} ${value === undefined ? 'has no value' : `${quote(value)} is not accepted`}; accepted: ${rule.accepted}`,
      );
    }
    out.push(flag, value);
  }
  return out;
}

export function parseGpus(text: string | undefined, field: string): string {
  const t = (text ?? '').trim() || 'all';
  if (t === 'all' || /^[\w-]+(,[\w-]+)*$/.test(t)) return t;
  throw new UserError(`${field}: ${quote(text)} is not valid; accepted: all, or device indexes or UUIDs separated by commas (0,1)`);
}

export function parsePython(text: string | undefined, field: string): string {
  const t = (text ?? '').trim() || 'python3';
  if (/^[\w./-]+$/.test(t)) return t;
  throw new UserError(`${field}: ${quote(text)} is not an interpreter name or path`);
}

export function parseSmokeOptions(inputs: Inputs, script?: string, workspace?: string): SmokeOptions {
  const get = (name: InputName): string | undefined => inputs.get(name);
  const field = (name: InputName): string => inputs.field(name);
  const ipcHost = parseBoolean(get('smoke-ipc-host'), field('smoke-ipc-host'), false);
  if (ipcHost && get('smoke-shm-size')?.trim()) {
    throw new UserError(
      `${field('smoke-shm-size')} and ${field('smoke-ipc-host')} are both set: with the host's IPC ` +
        `namespace the container uses the host's /dev/shm, so a size does not apply; set one of them`,
    );
  }
  const options: SmokeOptions = {
    mode: parseChoice(get('smoke'), field('smoke'), SMOKE_MODES, 'auto'),
    expectGpu: parseBoolean(get('expect-gpu'), field('expect-gpu'), true),
    gpuFlags: parseGpuFlags(get('gpu-flags'), field('gpu-flags')),
    gpus: parseGpus(get('gpus'), field('gpus')),
    timeoutSeconds: parseWholeNumber(get('smoke-timeout'), field('smoke-timeout'), { min: 5, max: 86_400, fallback: 300 }),
    minGpus: parseWholeNumber(get('min-gpus'), field('min-gpus'), { min: 1, max: 64, fallback: 1 }),
    python: parsePython(get('smoke-python'), field('smoke-python')),
    shmSize: parseSize(get('smoke-shm-size'), field('smoke-shm-size'), DEFAULT_SHM_SIZE),
    ipcHost,
    memory: parseSize(get('smoke-memory'), field('smoke-memory'), null),
    cpus: parseCpus(get('smoke-cpus'), field('smoke-cpus')),
    env: parseKeyValueLines(get('smoke-env'), field('smoke-env'), VARIABLE_NAME),
  };
  const platform = get('platform')?.trim();
  if (platform) options.platform = parsePlatform(platform, field('platform'));
  // docker reads an --env-file line by line, at most 64 KiB each
  const long = options.env.find(([k, v]) => Buffer.byteLength(`${k}=${v}`) > MAX_ENV_LINE_BYTES);
  if (long) {
    throw new UserError(
      `${field('smoke-env')} (${long[0]}): the value is over ${MAX_ENV_LINE_BYTES} bytes, more than docker reads for one variable`,
    );
  }
  if (script) options.script = script;
  if (script && workspace) options.workspace = workspace;
  return options;
}

interface BuiltImage {
  key?: unknown;
  tags?: unknown;
  digest?: unknown;
  status?: unknown;
}

/**
 * The image to check per entry key: from a build's `images` output (pinned by digest when it
 * has one), else <image>:<entry tag>.
 */
export function smokeImages(
  entries: MatrixEntry[],
  imagesJson: string | undefined,
  image: string | undefined,
  field: { images: string; image: string },
): Map<string, string> {
  const map = new Map<string, string>();
  if (imagesJson && imagesJson.trim()) {
    let list: BuiltImage[];
    try {
      const parsed = JSON.parse(imagesJson) as BuiltImage[] | { images?: BuiltImage[] };
      // The action's images output is the list; the CLI's JSON output wraps it as {"images": [...]}.
      const found = Array.isArray(parsed) ? parsed : parsed.images;
      if (!Array.isArray(found)) throw new Error('not a list');
      list = found;
    } catch (err) {
      throw new UserError(`${field.images}: not the JSON list a build step's images output holds (${(err as Error).message})`);
    }
    list.forEach((item, i) => {
      if (typeof item.key !== 'string' || !Array.isArray(item.tags) || typeof item.tags[0] !== 'string') return;
      if (item.status === 'failed' || item.status === 'cancelled') return;
      // The reference goes into docker's argv: it must parse as one ("--privileged" does not).
      const ref = item.tags[0] as string;
      parseImageReference(ref, `${field.images}[${i}].tags[0]`);
      map.set(item.key, pinned(ref, typeof item.digest === 'string' ? item.digest : null, `${field.images}[${i}].digest`));
    });
    return map;
  }
  if (image && image.trim()) {
    const repo = repositoryName(parseRepository(image, field.image));
    for (const e of entries) map.set(e.key, `${repo}:${e.tag}`);
    return map;
  }
  throw new UserError(
    `smoke needs the images to check: set ${field.images} (a build step's images output) ` +
      `or ${field.image} (the repository the entries are tagged in)`,
  );
}

/** repo:tag + digest -> repo@digest, so the check runs exactly what was built. */
export function pinned(ref: string, digest: string | null, field = 'images'): string {
  if (!digest) return ref;
  if (!/^sha256:[0-9a-f]{64}$/.test(digest)) throw new UserError(`${field}: ${quote(digest)} is not a sha256 digest`);
  return `${repositoryName(parseImageReference(ref, 'images').repo)}@${digest}`;
}
