import * as core from '@actions/core';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { parseBuildOptions } from './image/options.js';
import { CUSTOM_KEYS, parseCustomInputs, type CustomKey } from './custom/customisation.js';
import { UserError, quote } from './errors.js';
import { readInputFile } from './effects/files.js';
import { needsBuild, needsSmoke, parseCommand, parseMaxEntries, type Request } from './request.js';
import { parseSmokeOptions } from './smoke/options.js';
import { parseReproOptions } from './repro/options.js';

/** The action's inputs turned into the typed request (files read, relative to the workspace). */
export function requestFromInputs(workspace: string): Request {
  const command = parseCommand(core.getInput('command') || 'plan', 'input command');
  const inline = core.getInput('matrix');
  const file = core.getInput('matrix-file');
  const entry = core.getInput('entry');
  if ([inline, file, entry].filter(Boolean).length > 1) {
    throw new UserError(
      'give one of the inputs matrix (the spec inline), matrix-file (the spec in a file) or entry (one planned entry), not several',
    );
  }
  if (!inline && !file && !entry) {
    throw new UserError(
      'no matrix given: set input matrix (inline YAML or JSON, e.g. "torch: 2.4"), matrix-file (a path in the repository) or entry (one entry of a plan)',
    );
  }
  const matrix = file ? readInputFile(file, workspace, 'input matrix-file', true) : { text: inline, origin: 'input matrix' };
  const compatPath = core.getInput('compat-file');
  const request: Request = {
    command,
    matrix,
    maxEntries: parseMaxEntries(core.getInput('max-entries'), 'input max-entries'),
  };
  request.customisation = parseCustomInputs(
    Object.fromEntries(CUSTOM_KEYS.map((k) => [k, core.getInput(k)])),
    Object.fromEntries(CUSTOM_KEYS.map((k) => [k, `input ${k}`])) as Record<CustomKey, string>,
  );
  if (compatPath) request.compatFile = readInputFile(compatPath, workspace, 'input compat-file', true);
  if (entry) request.entry = { text: entry, origin: 'input entry' };
  if (needsBuild(command)) {
    request.build = parseBuildOptions(
      {
        image: core.getInput('image'),
        push: core.getInput('push'),
        cache: core.getInput('cache'),
        builder: core.getInput('builder'),
        dockerfile: core.getInput('dockerfile'),
        context: core.getInput('context'),
        buildArgs: core.getInput('build-args'),
        tags: core.getInput('tags'),
        labels: core.getInput('labels'),
        skipExisting: core.getInput('skip-existing'),
        failFast: core.getInput('fail-fast'),
        retries: core.getInput('retries'),
        cacheTimeout: core.getInput('cache-timeout'),
        parallel: core.getInput('parallel'),
      },
      {
        image: 'input image',
        push: 'input push',
        cache: 'input cache',
        builder: 'input builder',
        dockerfile: 'input dockerfile',
        context: 'input context',
        buildArgs: 'input build-args',
        tags: 'input tags',
        labels: 'input labels',
        skipExisting: 'input skip-existing',
        failFast: 'input fail-fast',
        retries: 'input retries',
        cacheTimeout: 'input cache-timeout',
        parallel: 'input parallel',
      },
    );
    confine(workspace, request.build.context, 'input context');
    if (request.build.dockerfile) confine(workspace, path.join(request.build.context, request.build.dockerfile), 'input dockerfile');
  }
  if (command === 'repro') {
    request.repro = parseReproOptions(
      { sourceDateEpoch: core.getInput('source-date-epoch'), baseline: core.getInput('baseline'), failOn: core.getInput('fail-on') },
      { sourceDateEpoch: 'input source-date-epoch', baseline: 'input baseline', failOn: 'input fail-on' },
    );
  }
  if (needsSmoke(command)) {
    const script = core.getInput('smoke-script');
    if (script) confine(workspace, script, 'input smoke-script');
    request.smoke = parseSmokeOptions(
      {
        smoke: core.getInput('smoke'),
        expectGpu: core.getInput('expect-gpu'),
        gpuFlags: core.getInput('gpu-flags'),
        gpus: core.getInput('gpus'),
        timeout: core.getInput('smoke-timeout'),
        minGpus: core.getInput('min-gpus'),
        python: core.getInput('smoke-python'),
        shmSize: core.getInput('smoke-shm-size'),
        ipcHost: core.getInput('smoke-ipc-host'),
        memory: core.getInput('smoke-memory'),
        cpus: core.getInput('smoke-cpus'),
        env: core.getInput('smoke-env'),
      },
      {
        smoke: 'input smoke',
        expectGpu: 'input expect-gpu',
        gpuFlags: 'input gpu-flags',
        gpus: 'input gpus',
        timeout: 'input smoke-timeout',
        minGpus: 'input min-gpus',
        python: 'input smoke-python',
        shmSize: 'input smoke-shm-size',
        ipcHost: 'input smoke-ipc-host',
        memory: 'input smoke-memory',
        cpus: 'input smoke-cpus',
        env: 'input smoke-env',
      },
      script ? readInputFile(script, workspace, 'input smoke-script', true).path : undefined,
      realpathSync(workspace),
    );
    request.smokeTargets = {
      imagesJson: core.getInput('images'),
      image: core.getInput('image'),
      fields: { images: 'input images', image: 'input image' },
    };
  }
  return request;
}

/** Paths from inputs stay inside the workspace. */
function confine(workspace: string, p: string, field: string): void {
  const rel = path.relative(path.resolve(workspace), path.resolve(workspace, p));
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    throw new UserError(`${field}: ${quote(p)} is outside the workspace; give a path inside the repository`);
  }
}
