import { parseRepository, repositoryName } from '../image/reference.js';
import { UserError, quote } from '../errors.js';
import type { Inputs } from '../inputs/read-request.js';
import type { InputName } from '../inputs/table.js';
import { VARIABLE_NAME, parseBoolean, parseChoice, parseKeyValueLines, parseWholeNumber } from '../inputs/values.js';
import type { MatrixEntry } from '../frameworks/index.js';
import {
  DEFAULT_SHM_SIZE,
  parseCpus,
  parseGpuFlags,
  parseGpus,
  parsePython,
  parseSize,
  SMOKE_MODES,
  type SmokeOptions,
} from './run-args.js';

export function parseSmokeOptions(inputs: Inputs, script?: string, workspace?: string): SmokeOptions {
  const get = (name: InputName): string | undefined => inputs.get(name);
  const field = (name: InputName): string => inputs.field(name);
  const ipcHost = parseBoolean(get('smoke-ipc-host'), field('smoke-ipc-host'), false);
  if (ipcHost && get('smoke-shm-size')?.trim()) {
    throw new UserError(
      `${field('smoke-shm-size')} and ${field('smoke-ipc-host')} are both set: with the host's IPC namespace the container uses the host's /dev/shm, so a size does not apply; set one of them`,
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
    for (const item of list) {
      if (typeof item.key !== 'string' || !Array.isArray(item.tags) || typeof item.tags[0] !== 'string') continue;
      if (item.status === 'failed' || item.status === 'cancelled') continue;
      map.set(item.key, pinned(item.tags[0] as string, typeof item.digest === 'string' ? item.digest : null));
    }
    return map;
  }
  if (image && image.trim()) {
    const repo = repositoryName(parseRepository(image, field.image));
    for (const e of entries) map.set(e.key, `${repo}:${e.tag}`);
    return map;
  }
  throw new UserError(
    `smoke needs the images to check: set ${field.images} (a build step's images output) or ${field.image} (the repository the entries are tagged in)`,
  );
}

/** repo:tag + digest -> repo@digest, so the check runs exactly what was built. */
export function pinned(ref: string, digest: string | null): string {
  if (!digest) return ref;
  if (!/^sha256:[0-9a-f]{64}$/.test(digest)) throw new UserError(`images: ${quote(digest)} is not a sha256 digest`);
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  const repo = colon > slash ? ref.slice(0, colon) : ref;
  return `${repo}@${digest}`;
}
