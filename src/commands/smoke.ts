import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ReleaseData } from '../frameworks/index.js';
import { execCapture, type ExecResult } from '../effects/exec.js';
import { tempRoot } from '../effects/files.js';
import type { MatrixEntry } from '../frameworks/index.js';
import type { Plan } from '../matrix/resolve.js';
import { platformsOf } from '../matrix/entry.js';
import { MACHINE, nativePlatform, type Platform } from '../matrix/platform.js';
import { diagnoseSmokeFailure, type Diagnosis } from '../smoke/diagnose.js';
import {
  NVIDIA_SMI_QUERY,
  NVIDIA_SMI_QUERY_OLD,
  dockerFindings,
  driverFinding,
  parseDockerInfo,
  parseNvidiaSmi,
  type Finding,
  type HostGpu,
} from '../smoke/preflight.js';
import {
  gpuModeFor,
  parseCheckOutput,
  smokeRunArgs,
  smokeEnvFile,
  USER_SCRIPT_IN_CONTAINER,
  type CheckItem,
  type CheckReport,
} from '../smoke/run-args.js';
import { type SmokeOptions } from '../smoke/options.js';
import { SMOKE_CHECK_FILES, pythonSource } from '../python-scripts.js';
import type { Runtime } from '../runtime.js';

/**
 * `smoke`: prove each image works, inside a container: host preflight first
 * (nvidia-smi, docker info, driver against each entry), then the check script
 * in `docker run` with the GPUs handed in, a timeout, and a diagnosis when it fails.
 */

export interface SmokeResult {
  tag: string;
  key: string;
  image: string;
  /** the image of the entry's index that ran: "linux/amd64", or another when the entry is built for it */
  platform: string;
  status: 'passed' | 'failed';
  mode: 'gpu' | 'cpu';
  seconds: number;
  host: { gpus: HostGpu[]; driver: string | null };
  report: Omit<CheckReport, 'checks'> | null;
  checks: CheckItem[];
  /** the first failing check, or the failure before any check ran */
  failed?: string;
  diagnosis?: Diagnosis;
  /** the container's last output lines, when there is no report to show */
  output?: string;
}

/** The smoke check and the helpers it imports, [file name, text]: read before any container starts, so a broken install fails first. */
export function checkScripts(): [string, string][] {
  return SMOKE_CHECK_FILES.map((file) => [file, pythonSource(file)]);
}

/** smoke-env's values in a file only this user can read (they may be tokens), in a folder of its own; null when none. */
function writeEnvFile(options: SmokeOptions, env: NodeJS.ProcessEnv): { dir: string; file: string } | null {
  const text = smokeEnvFile(options);
  if (text === null) return null;
  const dir = mkdtempSync(path.join(tempRoot(env), 'gim-env-'));
  chmodSync(dir, 0o700);
  const file = path.join(dir, 'smoke.env');
  writeFileSync(file, text, { mode: 0o600 });
  return { dir, file };
}

/**
 * A new directory holding the check files under their own names (check.py imports gim_packages by
 * name, and ncc may rename what it bundles), readable by whatever user the image runs as, whatever
 * the umask; it is mounted read-only in the container, and the caller removes it.
 */
function writeCheckDir(files: [string, string][], env: NodeJS.ProcessEnv): string {
  const dir = mkdtempSync(path.join(tempRoot(env), 'gim-check-'));
  chmodSync(dir, 0o755);
  // An empty user-check.py too: the mount point for a smoke-script mounted alone, which runc cannot create in a read-only mount.
  const placeholder: [string, string] = [path.posix.basename(USER_SCRIPT_IN_CONTAINER), ''];
  for (const [file, text] of [...files, placeholder]) {
    const where = path.join(dir, file);
    writeFileSync(where, text);
    chmodSync(where, 0o644);
  }
  return dir;
}

export interface HostFacts {
  gpus: HostGpu[];
  findings: Finding[];
  /** the newest CUDA the driver supports, from nvidia-smi's header ("CUDA Version: 12.2"); null when unknown */
  cuda?: string | null;
}

/** nvidia-smi and docker info, once per run. */
export async function hostFacts(rt: Runtime): Promise<HostFacts> {
  const findings: Finding[] = [];
  let smi = await execCapture('nvidia-smi', NVIDIA_SMI_QUERY, { env: rt.env, timeoutMs: 30_000 });
  if (smi.code !== 0 && /not a valid field|Invalid combination/i.test(smi.output)) {
    smi = await execCapture('nvidia-smi', NVIDIA_SMI_QUERY_OLD, { env: rt.env, timeoutMs: 30_000 });
  }
  const missing = smi.code !== 0 && /ENOENT/.test(smi.output);
  const parsed = parseNvidiaSmi(smi.output, missing ? 'missing' : smi.code);
  const gpus = 'gpus' in parsed ? parsed.gpus : [];
  if ('finding' in parsed) findings.push(parsed.finding);
  const info = await execCapture(rt.docker, ['info', '--format', '{{json .}}'], { env: rt.env, timeoutMs: 30_000 });
  findings.push(...dockerFindings(info.code === 0 ? parseDockerInfo(info.output) : null));
  // The driver's own CUDA is only in nvidia-smi's header, not in --query-gpu.
  const header = gpus.length ? await execCapture('nvidia-smi', [], { env: rt.env, timeoutMs: 30_000 }) : null;
  const cuda = header?.code === 0 ? (/CUDA Version:\s*(\d+\.\d+)/.exec(header.output.slice(0, 65_536))?.[1] ?? null) : null;
  return { gpus, findings, cuda };
}

export async function smokeCommand(
  plan: Plan,
  images: Map<string, string>,
  options: SmokeOptions,
  data: ReleaseData,
  rt: Runtime,
  known?: HostFacts,
): Promise<SmokeResult[]> {
  const check = checkScripts();
  const needGpu = plan.include.some((e) => gpuModeFor(e, options));
  const host: HostFacts = needGpu ? (known ?? (await hostFacts(rt))) : { gpus: [], findings: [] };
  for (const f of host.findings.filter((x) => x.severity === 'warning')) rt.log.warning(`${f.cause}: ${f.fix}`);
  const hostError = host.findings.find((f) => f.severity === 'error');
  const driver = host.gpus[0]?.driver ?? null;
  if (needGpu && host.gpus.length) {
    rt.log.info(`host: ${host.gpus.map((g) => `${g.name} (sm ${g.computeCap ?? '?'})`).join(', ')}, driver ${driver}`);
  }

  const results: SmokeResult[] = [];
  for (const entry of plan.include) {
    const image = images.get(entry.key) ?? null;
    const gpu = gpuModeFor(entry, options);
    const { run, elsewhere } = smokePlatforms(platformsOf(entry), gpu, process.arch, options.platform);
    for (const p of elsewhere) {
      rt.log.info(
        `${entry.tag}: ${p} is not checked here: a GPU check runs on a ${p} GPU runner (the reusable workflow's gpu-runner-arm64)`,
      );
    }
    const base = {
      tag: entry.tag,
      key: entry.key,
      image: image ?? '',
      mode: gpu ? ('gpu' as const) : ('cpu' as const),
      host: { gpus: host.gpus, driver },
      report: null,
      checks: [],
      seconds: 0,
    };
    if (run.length === 0) {
      const here = nativePlatform(process.arch) ?? process.arch;
      results.push({
        ...base,
        platform: platformsOf(entry).join(','),
        status: 'failed',
        failed: 'platform',
        diagnosis: {
          cause: `${entry.tag} is built for ${platformsOf(entry).join(', ')}; this runner is ${here}`,
          fix: "run the GPU smoke check on a runner of the entry's platform, or set expect-gpu to false for an emulated CPU check",
        },
      });
      continue;
    }
    if (!image) {
      results.push({
        ...base,
        platform: run.join(','),
        status: 'failed',
        failed: 'image',
        diagnosis: {
          cause: 'no image for this entry',
          fix: "build it first (command build or all), or pass the build step's images output in input images",
        },
      });
      continue;
    }
    const requireCuda = gpu && driver && entry.minDriver && !hostError ? await imageRequirement(image, rt) : null;
    const preflight = gpu
      ? (hostError ?? (driver ? driverFinding(entry, driver, data, { cuda: host.cuda ?? null, requireCuda }) : null))
      : null;
    if (preflight?.severity === 'warning') {
      rt.log.warning(`${entry.tag}: preflight: ${preflight.cause}; ${preflight.fix}`);
    } else if (preflight) {
      rt.log.error(`${entry.tag}: preflight: ${preflight.cause}: ${preflight.fix}`);
      results.push({
        ...base,
        platform: run.join(','),
        status: 'failed',
        failed: 'host preflight',
        diagnosis: { cause: preflight.cause, fix: preflight.fix },
      });
      continue;
    }
    for (const platform of run) {
      const title = run.length > 1 || platform !== 'linux/amd64' ? `smoke ${entry.tag} ${platform}` : `smoke ${entry.tag}`;
      results.push(await rt.log.group(title, () => runOne(entry, image, options, check, { ...base, platform }, rt)));
    }
  }
  return results;
}

/**
 * Which of an entry's platforms this runner checks: with a GPU, its own platform only (a GPU is not
 * handed through emulation); in CPU mode every one, the others emulated (QEMU through binfmt_misc).
 */
export function smokePlatforms(
  platforms: Platform[],
  gpu: boolean,
  arch: string,
  /** input platform: only this one (another job checks the others) */
  only?: Platform,
): { run: Platform[]; elsewhere: Platform[] } {
  const asked = only ? platforms.filter((p) => p === only) : platforms;
  if (!gpu) return { run: asked, elsewhere: [] };
  const native = nativePlatform(arch);
  return { run: asked.filter((p) => p === native), elsewhere: only ? [] : platforms.filter((p) => p !== native) };
}

/**
 * The image's NVIDIA_REQUIRE_CUDA, what the NVIDIA Container Toolkit holds the driver to, read from
 * its config (pulled quietly first when docker does not have it); null when it has none or cannot
 * be read (the run then says what it says).
 */
async function imageRequirement(image: string, rt: Runtime): Promise<string | null> {
  const inspect = (): Promise<ExecResult> =>
    execCapture(rt.docker, ['image', 'inspect', '--format', '{{json .Config.Env}}', image], { env: rt.env, timeoutMs: 60_000 });
  let res = await inspect();
  if (res.code !== 0) {
    await execCapture(rt.docker, ['pull', '--quiet', image], {
      env: rt.env,
      timeoutMs: 1_800_000,
      ...(rt.signal ? { signal: rt.signal } : {}),
    });
    res = await inspect();
  }
  if (res.code !== 0) return null;
  try {
    const env = JSON.parse(res.output.slice(0, 1_048_576)) as unknown;
    const line = Array.isArray(env)
      ? env.find((v): v is string => typeof v === 'string' && v.startsWith('NVIDIA_REQUIRE_CUDA='))
      : undefined;
    return line ? line.slice('NVIDIA_REQUIRE_CUDA='.length) : null;
  } catch {
    return null;
  }
}

async function runOne(
  entry: MatrixEntry,
  image: string,
  options: SmokeOptions,
  check: [string, string][],
  base: Omit<SmokeResult, 'status'>,
  rt: Runtime,
): Promise<SmokeResult> {
  const name = `gim-smoke-${entry.key}-${randomBytes(3).toString('hex')}`;
  const started = Date.now();
  let res: ExecResult;
  let seconds: number;
  let checkDir: string | null = null;
  let envFile: { dir: string; file: string } | null = null;
  try {
    checkDir = writeCheckDir(check, rt.env);
    envFile = writeEnvFile(options, rt.env);
    const paths = { checkDir, ...(options.script ? { script: options.script } : {}), ...(envFile ? { envFile: envFile.file } : {}) };
    const args = smokeRunArgs(entry, image, options, paths, name, base.platform);
    res = await execCapture(rt.docker, args, {
      env: rt.env,
      timeoutMs: options.timeoutSeconds * 1000,
      onLine: rt.log.untrusted,
      ...(rt.signal ? { signal: rt.signal } : {}),
    });
    seconds = Math.round((Date.now() - started) / 100) / 10;
    if (res.timedOut || rt.signal?.aborted) {
      // Stopping the docker client does not stop the container.
      await execCapture(rt.docker, ['rm', '-f', name], { env: rt.env, timeoutMs: 60_000 });
    }
  } finally {
    if (checkDir) rmSync(checkDir, { recursive: true, force: true });
    if (envFile) rmSync(envFile.dir, { recursive: true, force: true });
  }
  const report = parseCheckOutput(res.output);
  const tail = res.output.trim().split('\n').slice(-30).join('\n');
  if (res.timedOut) {
    return {
      ...base,
      status: 'failed',
      seconds,
      failed: 'timeout',
      diagnosis: {
        cause: `the smoke test did not finish within ${options.timeoutSeconds} s; the container was stopped`,
        fix: 'look at its output below; raise smoke-timeout if the image is just slow to start',
      },
      output: tail,
    };
  }
  if (!report) {
    const diagnosis = diagnoseSmokeFailure(res.output, entry) ?? {
      cause: `the container exited with status ${res.code} before the check reported`,
      fix: 'see the container output',
    };
    return { ...base, status: 'failed', seconds, failed: 'container', diagnosis, output: tail };
  }
  const { checks, ...facts } = report;
  // The image of the platform asked for, or docker ran another (a single-platform image it had).
  const machine = MACHINE[base.platform as Platform];
  if (report.machine && machine && report.machine !== machine) {
    checks.unshift({ name: 'platform', ok: false, message: `the container ran on ${report.machine}, not ${machine} (${base.platform})` });
    report.ok = false;
    facts.ok = false;
  }
  const firstFailed = checks.find((c) => !c.ok);
  const result: SmokeResult = { ...base, status: report.ok ? 'passed' : 'failed', seconds, report: facts, checks };
  if (firstFailed) {
    result.failed = firstFailed.name;
    const diagnosis = diagnoseSmokeFailure(`${firstFailed.message ?? ''}\n${res.output}`, entry);
    result.diagnosis = diagnosis ?? {
      cause: firstFailed.message ?? `${firstFailed.name} failed`,
      fix: "see the check's value and expectation",
    };
  }
  return result;
}
