import path from 'node:path';
import { isRecord } from '../json.js';
import { changesImage, emptyCustomisation, type Customisation } from '../custom/customisation.js';
import { INVENTORY_PATH } from '../template/dockerfile.js';
import { frameworkOf, type MatrixEntry } from '../frameworks/index.js';
import type { SmokeOptions } from './options.js';

/** The smoke test's docker run argv, the check's arguments, and reading the check's report. Pure. */

/** Whether an entry is checked on a GPU: CPU entries never are. */
export function gpuModeFor(entry: MatrixEntry, options: SmokeOptions): boolean {
  return options.expectGpu && entry.cuda !== 'cpu';
}

export const CHECK_IN_CONTAINER = '/gim/check.py';
export const USER_SCRIPT_IN_CONTAINER = '/gim/user-check.py';
export const WORKSPACE_IN_CONTAINER = '/workspace';

/**
 * `docker run` for one entry. `paths.checkDir` is a host directory holding check.py and the
 * helpers it imports, mounted read-only as CHECK_IN_CONTAINER's directory. `paths.script` is the
 * user's script on the host; with a workspace it is run from the read-only workspace mount (so it
 * can read the repository's fixtures), else mounted alone (over a placeholder in checkDir).
 */
export function smokeRunArgs(
  entry: MatrixEntry,
  image: string,
  options: SmokeOptions,
  paths: { checkDir: string; script?: string; envFile?: string },
  name: string,
  /** the image of a multi-platform index to run ("linux/arm64": emulated on an amd64 runner) */
  platform: string = 'linux/amd64',
): string[] {
  const gpu = gpuModeFor(entry, options);
  // --quiet: no pull progress (dozens of "Pull complete" lines per image) in the log
  const args = ['run', '--rm', '--name', name, '--platform', platform, '--pull', 'missing', '--quiet'];
  if (gpu) {
    if (options.gpuFlags) args.push(...options.gpuFlags);
    else args.push('--gpus', options.gpus === 'all' ? 'all' : `"device=${options.gpus}"`);
  }
  if (options.ipcHost) args.push('--ipc', 'host');
  else if (options.shmSize) args.push('--shm-size', options.shmSize);
  if (options.memory) args.push('--memory', options.memory);
  if (options.cpus) args.push('--cpus', options.cpus);
  // smoke-env reaches the container through a file: set in docker's own environment, DOCKER_HOST
  // or DOCKER_CONFIG would change which daemon and credentials the docker CLI itself uses.
  if (paths.envFile) args.push('--env-file', paths.envFile);
  args.push('-v', `${paths.checkDir}:${path.posix.dirname(CHECK_IN_CONTAINER)}:ro`);
  let script: { inContainer: string; cwd?: string } | undefined;
  if (paths.script) {
    const rel = options.workspace ? relativeInside(options.workspace, paths.script) : null;
    if (options.workspace && rel !== null) {
      args.push('-v', `${options.workspace}:${WORKSPACE_IN_CONTAINER}:ro`);
      script = { inContainer: `${WORKSPACE_IN_CONTAINER}/${rel}`, cwd: WORKSPACE_IN_CONTAINER };
    } else {
      args.push('-v', `${paths.script}:${USER_SCRIPT_IN_CONTAINER}:ro`);
      script = { inContainer: USER_SCRIPT_IN_CONTAINER };
    }
  }
  args.push('--entrypoint', options.python, image, CHECK_IN_CONTAINER, ...checkArgs(entry, options, gpu, script));
  return args;
}

/**
 * The --env-file for smoke-env: KEY=VALUE lines, which docker reads literally (no quotes, no
 * expansion). The parser let no newline or control character into a value; null when none is set.
 */
export function smokeEnvFile(options: SmokeOptions): string | null {
  return options.env.length ? options.env.map(([k, v]) => `${k}=${v}\n`).join('') : null;
}

/** file's path inside dir, or null when it is not inside (as the workspace confinement decides it). */
function relativeInside(dir: string, file: string): string | null {
  const rel = path.posix.relative(dir, file);
  return rel === '' || rel === '..' || rel.startsWith('../') || path.posix.isAbsolute(rel) ? null : rel;
}

/** The check script's own arguments (also what a person passes when running it standalone). */
export function checkArgs(
  entry: MatrixEntry,
  options: SmokeOptions,
  gpu: boolean,
  script?: { inContainer: string; cwd?: string },
): string[] {
  const args = frameworkOf(entry).checkArgs(entry);
  if (!gpu) args.push('--no-gpu');
  else args.push('--min-gpus', String(options.minGpus));
  // The inventory is read when the image has one; required when the entry customises the template.
  args.push('--inventory', INVENTORY_PATH, '--expect-key', entry.key);
  const custom: Customisation = { ...emptyCustomisation(), ...(entry.customisation ?? {}) };
  if (changesImage(custom)) args.push('--require-inventory');
  if (script) {
    args.push('--then', script.inContainer, '--user-timeout', String(options.timeoutSeconds));
    if (script.cwd) args.push('--then-cwd', script.cwd);
  }
  return args;
}

/** What the check prints: one JSON object after this marker. */
export const RESULT_MARKER = 'GIM-SMOKE-RESULT ';

export interface CheckItem {
  name: string;
  ok: boolean;
  value?: unknown;
  expected?: unknown;
  message?: string;
}

export interface CheckReport {
  ok: boolean;
  seconds?: number;
  python?: string;
  /** the container's machine, `platform.machine()`: "x86_64", "aarch64" */
  machine?: string;
  torch?: string;
  cuda?: string | null;
  cudnn?: number | string | null;
  nccl?: string | null;
  archList?: string[];
  /** where libcudnn and libcublas were loaded from after the GPU work (GPU mode, torch), per family */
  loadedFrom?: { cudnn?: string[]; cublas?: string[] };
  gpus?: { index?: number; name: string; capability: string }[];
  /** devel: the extension toolchain and the tiny extension the check built */
  extension?: { archList: string | null; nvcc?: string | null; compiledFor?: string | null; buildSeconds?: number; seconds?: number };
  torchvision?: string;
  torchaudio?: string;
  numpy?: string;
  /** tensorflow and jax checks */
  framework?: 'tensorflow' | 'jax';
  tensorflow?: string;
  jax?: string;
  jaxlib?: string | null;
  cudaPlugin?: string | null;
  devices?: string[];
  /** what the image's inventory says, when it has one */
  inventory?: {
    path: string;
    key: string | null;
    pythonPackages: number;
    systemPackages: number;
    baseImage: { name: string | null; digest: string | null };
  } | null;
  checks: CheckItem[];
}

export function parseCheckOutput(output: string): CheckReport | null {
  const line = output
    .split(/\r?\n/)
    .reverse()
    .find((l) => l.startsWith(RESULT_MARKER));
  if (!line) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(line.slice(RESULT_MARKER.length));
  } catch {
    return null;
  }
  return readCheckReport(raw);
}

/**
 * The report as check.py writes it, from what the container printed: the image runs it, so it is
 * untrusted. Known fields of the expected types and sizes are kept, the rest dropped; a report
 * whose `ok` or `checks` are not what check.py writes is a failed check saying so.
 */
export function readCheckReport(raw: unknown): CheckReport | null {
  if (!isRecord(raw) || !Array.isArray(raw.checks)) return null;
  if (typeof raw.ok !== 'boolean' || raw.checks.length > MAX_CHECKS || !raw.checks.every(isCheckItem)) {
    return {
      ok: false,
      checks: [
        {
          name: 'report',
          ok: false,
          message: `the check's report is not what check.py writes (ok, or one of ${MAX_CHECKS} checks at most)`,
        },
      ],
    };
  }
  const report: CheckReport = { ok: raw.ok, checks: raw.checks.map(checkItem) };
  const out = report as unknown as Record<string, unknown>;
  for (const key of ['python', 'machine', 'torch', 'torchvision', 'torchaudio', 'tensorflow', 'jax', 'numpy'] as const) {
    if (shortText(raw[key])) out[key] = raw[key];
  }
  for (const key of ['cuda', 'nccl', 'jaxlib', 'cudaPlugin'] as const) {
    if (raw[key] === null || shortText(raw[key])) out[key] = raw[key];
  }
  if (raw.cudnn === null || shortText(raw.cudnn) || finite(raw.cudnn)) report.cudnn = raw.cudnn as CheckReport['cudnn'];
  if (finite(raw.seconds)) report.seconds = raw.seconds;
  const framework = FRAMEWORK_FACTS.find((f) => f === raw.framework);
  if (framework) report.framework = framework;
  if (textList(raw.archList)) report.archList = raw.archList;
  if (textList(raw.devices)) report.devices = raw.devices;
  if (isRecord(raw.loadedFrom)) {
    const from = raw.loadedFrom;
    const loaded: NonNullable<CheckReport['loadedFrom']> = {};
    for (const family of ['cudnn', 'cublas'] as const) if (textList(from[family])) loaded[family] = from[family];
    report.loadedFrom = loaded;
  }
  if (isRecord(raw.extension)) {
    const x = raw.extension;
    const text = (v: unknown): string | null => (shortText(v) ? v : null);
    report.extension = { archList: text(x.archList) };
    if (x.nvcc !== undefined) report.extension.nvcc = text(x.nvcc);
    if (x.compiledFor !== undefined) report.extension.compiledFor = text(x.compiledFor);
    if (finite(x.buildSeconds)) report.extension.buildSeconds = x.buildSeconds;
    if (finite(x.seconds)) report.extension.seconds = x.seconds;
  }
  // tensorflow may not know a GPU's name or capability: kept as unknown rather than dropped
  if (Array.isArray(raw.gpus) && raw.gpus.length <= 64 && raw.gpus.every(isRecord)) {
    report.gpus = (raw.gpus as Record<string, unknown>[]).map((g) => ({
      ...(finite(g.index) ? { index: g.index } : {}),
      name: shortText(g.name) ? g.name : 'unknown',
      capability: shortText(g.capability) ? g.capability : '?',
    }));
  }
  const inv = raw.inventory;
  if (inv === null) report.inventory = null;
  else if (isRecord(inv) && shortText(inv.path) && finite(inv.pythonPackages) && finite(inv.systemPackages) && isRecord(inv.baseImage)) {
    const text = (v: unknown): string | null => (shortText(v) ? v : null);
    report.inventory = {
      path: inv.path,
      key: text(inv.key),
      pythonPackages: inv.pythonPackages,
      systemPackages: inv.systemPackages,
      baseImage: { name: text(inv.baseImage.name), digest: text(inv.baseImage.digest) },
    };
  }
  return report;
}

const MAX_CHECKS = 500;
/** what check.py's `framework` fact may say (absent for pytorch) */
const FRAMEWORK_FACTS = ['tensorflow', 'jax'] as const;
const MAX_MESSAGE = 8192;

function shortText(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 512;
}
function finite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
function textList(v: unknown): v is string[] {
  return Array.isArray(v) && v.length <= 256 && v.every(shortText);
}
function isCheckItem(v: unknown): boolean {
  return isRecord(v) && shortText(v.name) && typeof v.ok === 'boolean';
}
/** A check's value and expectation as the report shows them: plain values, anything else as JSON text, cut. */
function plain(v: unknown): unknown {
  if (v === null || typeof v === 'boolean' || finite(v)) return v;
  const text = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return text.length > 1024 ? `${text.slice(0, 1024)}…` : text;
}
function checkItem(v: Record<string, unknown>): CheckItem {
  const item: CheckItem = { name: v.name as string, ok: v.ok as boolean };
  if ('value' in v) item.value = plain(v.value);
  if ('expected' in v) item.expected = plain(v.expected);
  if (typeof v.message === 'string') item.message = v.message.length > MAX_MESSAGE ? `${v.message.slice(0, MAX_MESSAGE)}…` : v.message;
  return item;
}
