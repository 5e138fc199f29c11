import { parseRepository, repositoryName } from '../image/reference.js';
import { UserError, quote } from '../errors.js';
import { lines, parseBoolean } from '../image/options.js';
import { parseEnvLine } from '../custom/customisation.js';
import type { MatrixEntry } from '../matrix/entry.js';
import {
  DEFAULT_SHM_SIZE,
  parseCpus,
  parseGpuFlags,
  parseGpus,
  parsePython,
  parseSize,
  parseSmokeMode,
  parseWholeNumber,
  type SmokeOptions,
} from './run-args.js';

/** The smoke settings as either entry point reads them. */
export interface RawSmokeInputs {
  smoke?: string;
  expectGpu?: string;
  gpuFlags?: string;
  gpus?: string;
  timeout?: string;
  minGpus?: string;
  python?: string;
  shmSize?: string;
  ipcHost?: string;
  memory?: string;
  cpus?: string;
  env?: string;
}

export function parseSmokeOptions(
  raw: RawSmokeInputs,
  names: Record<keyof RawSmokeInputs, string>,
  script?: string,
  workspace?: string,
): SmokeOptions {
  const ipcHost = parseBoolean(raw.ipcHost, names.ipcHost, false);
  if (ipcHost && raw.shmSize?.trim()) {
    throw new UserError(
      `${names.shmSize} and ${names.ipcHost} are both set: with the host's IPC namespace the container uses the host's /dev/shm, so a size does not apply; set one of them`,
    );
  }
  const options: SmokeOptions = {
    mode: parseSmokeMode(raw.smoke, names.smoke),
    expectGpu: parseBoolean(raw.expectGpu, names.expectGpu, true),
    gpuFlags: parseGpuFlags(raw.gpuFlags, names.gpuFlags),
    gpus: parseGpus(raw.gpus, names.gpus),
    timeoutSeconds: parseWholeNumber(raw.timeout, names.timeout, 300, 5, 86_400),
    minGpus: parseWholeNumber(raw.minGpus, names.minGpus, 1, 1, 64),
    python: parsePython(raw.python, names.python),
    shmSize: parseSize(raw.shmSize, names.shmSize, DEFAULT_SHM_SIZE),
    ipcHost,
    memory: parseSize(raw.memory, names.memory, null),
    cpus: parseCpus(raw.cpus, names.cpus),
    env: lines(raw.env).map((l, i) => parseEnvLine(l, `${names.env} line ${i + 1}`)),
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
