import { UserError } from '../errors.js';
import type { Plan } from '../matrix/resolve.js';
import { platformsOf } from '../matrix/entry.js';
import { needsBuild, type Request } from '../request.js';
import { pinned, smokeImages } from '../smoke/options.js';
import type { Log, Runtime } from '../runtime.js';
import { loadSecrets } from '../effects/secret-files.js';
import { redact } from '../image/secrets.js';
import { buildCommand, type ImageResult } from './build.js';
import { compatFor, planCommand, releaseDataFor } from './plan.js';
import { reproCommand, type ReproResult } from './repro.js';
import { hostFacts, smokeCommand, type SmokeResult } from './smoke.js';
import { Verifier, verifyCommand, type VerifyReport } from './verify.js';
import { refreshCommand, type RefreshReport } from './refresh.js';
import { pruneCommand, type PruneReport } from './prune.js';

export interface CommandResult {
  plan: Plan;
  /** per entry, for build and all */
  images?: ImageResult[];
  /** per entry, for smoke and all (when the smoke test ran) */
  smoke?: SmokeResult[];
  /** per entry, for repro */
  repro?: ReproResult[];
  /** per entry, for verify (and build and all, which verify first) */
  verify?: VerifyReport;
  /** for refresh (which plans nothing: its plan is empty) */
  refresh?: RefreshReport;
  /** for prune (which plans nothing either) */
  prune?: PruneReport;
}

/** Run the request's command. Both entry points call this and nothing else. */
export async function runCommand(request: Request, runtime: Runtime): Promise<CommandResult> {
  const build = request.build;
  // merge builds nothing: it needs the secrets' ids (a pip secret is part of the Dockerfile), not their values or files.
  if (!build?.secrets.length || !needsBuild(request.command) || request.command === 'merge') return dispatch(request, runtime);
  // Build secrets: files found before anything runs, and every value (each line of a file) masked by
  // the runner and taken out of every line printed and every result, since a RUN step may print one.
  const loaded = loadSecrets(build.secrets, runtime.baseDir, runtime.env);
  for (const r of loaded.redactions) runtime.mask?.(r);
  const quiet: Runtime = { ...runtime, log: redactingLog(runtime.log, loaded.redactions) };
  try {
    const result = await dispatch({ ...request, build: { ...build, secrets: loaded.secrets } }, quiet);
    return redactedCopy(result, loaded.redactions);
  } catch (err) {
    // An error's message is printed by the entry: redacted like every other line.
    if (err instanceof Error) err.message = redact(err.message, loaded.redactions);
    throw err;
  }
}

function redactingLog(log: Log, redactions: readonly string[]): Log {
  const r = (m: string): string => redact(m, redactions);
  return {
    info: (m) => log.info(r(m)),
    warning: (m) => log.warning(r(m)),
    error: (m) => log.error(r(m)),
    group: (name, fn) => log.group(r(name), fn),
    untrusted: (line) => log.untrusted(r(line)),
  };
}

/**
 * The result with every redaction taken out of its strings, value by value (text replaced in the
 * serialised JSON could also hit a number or a key: a secret "1000" in "size":1000123).
 */
function redactedCopy<T>(value: T, redactions: readonly string[]): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redact(v, redactions);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

async function dispatch(request: Request, runtime: Runtime): Promise<CommandResult> {
  switch (request.command) {
    case 'plan':
      return { plan: planCommand(request, await releaseDataFor(request, runtime)) };
    case 'refresh': {
      if (!request.refresh) throw new UserError('command refresh needs its settings');
      return {
        plan: { include: [], skipped: [], warnings: [] },
        refresh: await refreshCommand(compatFor(request), request.refresh, runtime),
      };
    }
    case 'prune': {
      if (!request.prune) throw new UserError('command prune needs its settings (image, ...)');
      return { plan: { include: [], skipped: [], warnings: [] }, prune: await pruneCommand(request.prune, runtime) };
    }
    case 'verify': {
      if (!request.verify) throw new UserError('command verify needs its settings');
      const data = await releaseDataFor(request, runtime);
      const plan = planCommand(request, data);
      return { plan, verify: await verifyCommand(plan, data, request.verify, runtime) };
    }
    case 'build':
      return buildAndMaybeSmoke(request, runtime, false);
    case 'merge': {
      if (!request.build) throw new UserError('command merge needs the build settings (image, ...)');
      if (request.build.platform) throw new UserError('command merge joins every platform of an entry: leave input platform empty');
      const data = await releaseDataFor(request, runtime);
      const plan = planCommand(request, data);
      return { plan, images: await buildCommand(plan, request.build, runtime, undefined, 'merge', data) };
    }
    case 'all':
      return buildAndMaybeSmoke(request, runtime, true);
    case 'smoke': {
      if (!request.smoke || !request.smokeTargets) throw new UserError('command smoke needs its settings');
      const data = await releaseDataFor(request, runtime);
      const plan = planCommand(request, data);
      const t = request.smokeTargets;
      const images = smokeImages(plan.include, t.imagesJson, t.image, t.fields);
      return { plan, smoke: await smokeCommand(plan, images, request.smoke, data, runtime) };
    }
    case 'repro': {
      if (!request.build || !request.repro) throw new UserError('command repro needs the build settings (image, ...)');
      const data = await releaseDataFor(request, runtime);
      const plan = planCommand(request, data);
      return { plan, repro: await reproCommand(plan, request.build, request.repro, runtime, data) };
    }
  }
}

async function buildAndMaybeSmoke(request: Request, runtime: Runtime, withSmoke: boolean): Promise<CommandResult> {
  if (!request.build) throw new UserError(`command ${request.command} needs the build settings (image, ...)`);
  if (withSmoke && request.build.platform) {
    throw new UserError(
      'input platform is for a fan-out build job (command build, then merge); command all builds every platform of an entry',
    );
  }
  const data = await releaseDataFor(request, runtime);
  const plan = planCommand(request, data);
  // An entry that has to be built is verified first (one that is up to date needs nothing fetched):
  // what cannot build (a wheel or an image that is not there) fails before any docker work.
  const verifier = request.verify?.enabled ? new Verifier(data, request.verify, runtime) : undefined;
  const images = await buildCommand(plan, request.build, runtime, verifier, 'build', data);
  const verify = verifier?.report();
  const smoke = request.smoke;
  if (!withSmoke || !smoke || smoke.mode === 'false') return { plan, images, ...(verify ? { verify } : {}) };
  // Asked once: auto decides on it, and the smoke test's preflight reuses it.
  const host = smoke.expectGpu ? await hostFacts(runtime) : undefined;
  if (smoke.mode === 'auto' && host && host.gpus.length === 0) {
    runtime.log.info(
      'smoke test skipped: smoke is auto and this runner has no GPU (set smoke: ' +
        'true to run it anyway, or expect-gpu: false for the CPU check)',
    );
    return { plan, images, ...(verify ? { verify } : {}) };
  }
  const targets = new Map<string, string>();
  const multi = new Set(plan.include.filter((e) => platformsOf(e).length > 1).map((e) => e.key));
  for (const r of images) {
    if (!request.build.push && multi.has(r.key)) {
      // Not loaded (docker's store holds one platform of an image): nothing here to run.
      runtime.log.info(`${r.tag}: not smoke-tested: built for several platforms without push, so not loaded`);
      continue;
    }
    if ((r.status === 'built' || r.status === 'skipped') && r.tags[0])
      targets.set(r.key, pinned(r.tags[0], request.build.push ? r.digest : null));
  }
  // Entries that failed to build are not smoke-tested: the build already failed them.
  const built = { ...plan, include: plan.include.filter((e) => targets.has(e.key)) };
  const smoked = await smokeCommand(built, targets, smoke, data, runtime, host);
  return { plan, images, smoke: smoked, ...(verify ? { verify } : {}) };
}
