#!/usr/bin/env node
// The command-line entry point (package.json bin): argv -> request -> the same commands as the action.
import { realpathSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pkg from '../package.json' with { type: 'json' };
import { parseBuildOptions } from './image/options.js';
import { CUSTOM_KEYS, parseCustomInputs, type CustomKey } from './custom/customisation.js';
import { renderDockerfile } from './template/dockerfile.js';
import type { Log } from './runtime.js';
import { runCommand } from './commands/index.js';
import { planCommand } from './commands/plan.js';
import type { MatrixEntry } from './matrix/entry.js';
import { readRequirementsTree } from './effects/build-source.js';
import { readInputFile, readStdin } from './effects/files.js';
import { UserError, listWords, quote } from './errors.js';
import { FORMATS, buildMarkdown, buildTable, formatPlan, reproMarkdown, smokeMarkdown, smokeTable, type Format } from './report/format.js';
import { parseReproOptions, reproFails } from './repro/options.js';
import { needsBuild, needsSmoke, parseCommand, parseMaxEntries, type Request } from './request.js';
import { parseSmokeOptions } from './smoke/options.js';

const USAGE = `Usage: gpu-image-matrix <command> [options]

Commands:
  plan                 resolve a matrix spec against the release data
  build                plan, then build (and push) an image per entry
  smoke                check each entry's image inside a container (GPU, or CPU with --expect-gpu false)
  all                  plan, build, then smoke-test (--smoke auto: when the host has a GPU)
  repro                build each entry twice and compare; with --baseline, what changed inside

Options:
  --matrix FILE        the matrix spec, YAML or JSON ("-" reads standard input)
  --format FORMAT      json (default), table or markdown
  --compat-file FILE   release data to add or correct (same schema as the bundled data)
  --max-entries N      fail when the plan has more entries than N (default 256)
  --print-dockerfile E print the embedded Dockerfile rendered for entry E (its tag, key or
                       1-based position in the plan) instead of the plan
  -h, --help           show this help
  --version            show the version

What the images add (plan, build, all, repro; the matrix spec may set the same keys):
  --apt-packages PKGS  Debian/Ubuntu packages, e.g. "libgl1 libglib2.0-0" (repeatable)
  --pip-packages REQS  Python packages with versions, e.g. "numpy==1.26.4" (repeatable)
  --requirements FILE  a requirements file (hashes are then required when it has any)
  --pip-index-url URL  the index for those packages instead of PyPI
  --pip-extra-index-url URL  another index to look in (repeatable)
  --env K=V            an environment variable set in the image (repeatable)
  --workdir DIR        the image's working directory
  --user NAME[:UID]    a non-root user created in the image and run as
  --post-install FILE  a script run as root in its own layer, after the packages
  --base-image REF     start from an image that already holds torch, e.g.
                       "pytorch/pytorch:{torch}-cuda{cuda}-cudnn{cudnnMajor}-runtime"
  --tag-suffix TEXT    appended to every entry's tag

Build options (build, all):
  --image REPO         repository to tag the images in, e.g. 127.0.0.1:5000/team/pytorch
  --push               push the images (default: load them into the local docker)
  --cache BACKEND      auto (default: registry when pushing, else none), registry, gha, local,
                       inline or none
  --builder NAME       buildx builder (default: the current one)
  --dockerfile FILE    your Dockerfile, inside --context (default: the embedded template)
  --context DIR        build context for --dockerfile (default .)
  --build-arg K=V      extra build-arg (repeatable)
  --tag TEMPLATE       extra tag, may use {tag} {key} {torch} {cuda} ... (repeatable)
  --label K=V          extra label (repeatable)
  --skip-existing B    true (default) or false: skip entries whose content tag exists
  --fail-fast          stop at the first failed entry
  --retries N          extra attempts after a transient registry or network error (default 2)
  --cache-timeout S    seconds an Actions-cache operation may take (cache local; default 120)
  --parallel N         entries built at once: auto (default: half the CPUs, 1 to 4) or 1 to 32

Reproducibility options (repro; it also takes the build options):
  --source-date-epoch S  seconds since 1970 (default: the commit time of HEAD)
  --baseline TEMPLATE  image to compare with, e.g. "{image}:{tag}" (placeholders as --tag)
  --fail-on WHAT       nondeterministic (default), drift, both or none

Smoke options (smoke, all):
  --images FILE        a build's images output (JSON) naming the images to check; else
                       --image REPO and each entry's tag
  --smoke MODE         all: true, false or auto (default: only when the host has a GPU)
  --expect-gpu B       true (default) or false: the CPU check (versions and imports only)
  --gpu-flags FLAGS    docker run flags that hand GPUs in, instead of --gpus (e.g.
                       "--device nvidia.com/gpu=all")
  --gpus DEVICES       all (default) or device indexes/UUIDs, e.g. 0,1
  --smoke-timeout S    seconds before the container is stopped (default 300)
  --min-gpus N         GPUs the container must see (default 1)
  --smoke-script FILE  your Python check, run in the container after ours
  --smoke-python PATH  the interpreter in the image (default python3)
  --smoke-shm-size S   shared memory for the container (default 1g; Docker's own is 64m)
  --smoke-ipc-host     share the host's IPC namespace (instead of --smoke-shm-size)
  --smoke-memory M     memory limit, e.g. 16g
  --smoke-cpus N       CPU limit, e.g. 4 or 1.5
  --smoke-env K=V      an environment variable for the check (repeatable; the value stays
                       out of docker's command line)

Exit status: 0 on success, 2 for a mistake in the input, 1 for anything else.
`;

export async function main(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        matrix: { type: 'string' },
        format: { type: 'string' },
        'compat-file': { type: 'string' },
        'max-entries': { type: 'string' },
        'print-dockerfile': { type: 'string' },
        image: { type: 'string' },
        push: { type: 'boolean' },
        cache: { type: 'string' },
        builder: { type: 'string' },
        dockerfile: { type: 'string' },
        context: { type: 'string' },
        'build-arg': { type: 'string', multiple: true },
        tag: { type: 'string', multiple: true },
        label: { type: 'string', multiple: true },
        'skip-existing': { type: 'string' },
        'fail-fast': { type: 'boolean' },
        retries: { type: 'string' },
        'cache-timeout': { type: 'string' },
        parallel: { type: 'string' },
        images: { type: 'string' },
        'source-date-epoch': { type: 'string' },
        baseline: { type: 'string' },
        'fail-on': { type: 'string' },
        smoke: { type: 'string' },
        'expect-gpu': { type: 'string' },
        'gpu-flags': { type: 'string' },
        gpus: { type: 'string' },
        'smoke-timeout': { type: 'string' },
        'min-gpus': { type: 'string' },
        'smoke-script': { type: 'string' },
        'smoke-python': { type: 'string' },
        'apt-packages': { type: 'string', multiple: true },
        'pip-packages': { type: 'string', multiple: true },
        requirements: { type: 'string' },
        'pip-index-url': { type: 'string' },
        'pip-extra-index-url': { type: 'string', multiple: true },
        env: { type: 'string', multiple: true },
        workdir: { type: 'string' },
        user: { type: 'string' },
        'post-install': { type: 'string' },
        'base-image': { type: 'string' },
        'tag-suffix': { type: 'string' },
        'smoke-shm-size': { type: 'string' },
        'smoke-ipc-host': { type: 'boolean' },
        'smoke-memory': { type: 'string' },
        'smoke-cpus': { type: 'string' },
        'smoke-env': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (values.version) {
      process.stdout.write(`${pkg.version}\n`);
      return 0;
    }
    if (positionals.length !== 1) {
      throw new UserError(
        positionals.length === 0 ? 'no command given' : `one command expected, got ${positionals.map((p) => quote(p)).join(' ')}`,
      );
    }
    const format = parseFormat(values.format);
    const request = requestFromArgs(positionals[0] as string, values);
    if (values['print-dockerfile'] !== undefined) {
      const plan = planCommand(request);
      const entry = selectEntry(plan.include, values['print-dockerfile']);
      const requirements = entry.customisation?.requirements;
      // As the build renders it, except FROM's digest, which the build looks up in the registry.
      process.stdout.write(
        renderDockerfile(entry, requirements ? { requirements: { facts: readRequirementsTree(requirements, process.cwd()) } } : {}),
      );
      return 0;
    }
    const { plan, images, smoke, repro } = await runCommand(request, {
      log: cliLog,
      env: process.env,
      docker: 'docker',
      baseDir: process.cwd(),
      now: () => new Date(),
    });
    if (repro) {
      process.stdout.write(format === 'json' ? `${JSON.stringify({ repro }, null, 2)}\n` : reproMarkdown(repro));
      return reproFails(request.repro?.failOn ?? 'nondeterministic', repro).length ? 1 : 0;
    }
    if (!images && !smoke) {
      process.stdout.write(formatPlan(plan, format));
      if (format === 'json') for (const w of plan.warnings) process.stderr.write(`warning: ${w}\n`);
      return 0;
    }
    for (const w of plan.warnings) process.stderr.write(`warning: ${w}\n`);
    if (format === 'json')
      process.stdout.write(`${JSON.stringify({ ...(images ? { images } : {}), ...(smoke ? { smoke } : {}) }, null, 2)}\n`);
    else {
      if (images) process.stdout.write(format === 'markdown' ? buildMarkdown(images) : buildTable(images));
      if (smoke) process.stdout.write(format === 'markdown' ? smokeMarkdown(smoke) : smokeTable(smoke));
    }
    const failed =
      (images ?? []).some((r) => r.status === 'failed' || r.status === 'cancelled') || (smoke ?? []).some((r) => r.status === 'failed');
    return failed ? 1 : 0;
  } catch (err) {
    if (err instanceof UserError) {
      process.stderr.write(`gpu-image-matrix: ${err.message}\n`);
      return 2;
    }
    if (err instanceof TypeError && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`gpu-image-matrix: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    process.stderr.write(
      `gpu-image-matrix failed unexpectedly (a bug; please report it):\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return 1;
  }
}

type Values = Record<string, string | boolean | string[] | undefined>;

function requestFromArgs(commandText: string, values: Values): Request {
  const command = parseCommand(commandText, 'command');
  const str = (name: string): string | undefined => values[name] as string | undefined;
  const matrixPath = str('matrix');
  if (matrixPath === undefined) throw new UserError('--matrix is required: a YAML or JSON file, or - for standard input');
  const cwd = process.cwd();
  const matrix = matrixPath === '-' ? readStdin('--matrix') : readInputFile(matrixPath, cwd, '--matrix', false);
  const request: Request = { command, matrix, maxEntries: parseMaxEntries(str('max-entries'), '--max-entries') };
  const compat = str('compat-file');
  if (compat !== undefined) request.compatFile = readInputFile(compat, cwd, '--compat-file', false);
  request.customisation = parseCustomInputs(
    Object.fromEntries(
      CUSTOM_KEYS.map((k) => [k, Array.isArray(values[k]) ? (values[k] as string[]).join('\n') : (values[k] as string | undefined)]),
    ),
    Object.fromEntries(CUSTOM_KEYS.map((k) => [k, `--${k}`])) as Record<CustomKey, string>,
  );
  if (needsBuild(command)) {
    const list = (name: string): string => ((values[name] as string[] | undefined) ?? []).join('\n');
    request.build = parseBuildOptions(
      {
        image: str('image'),
        push: values.push ? 'true' : 'false',
        cache: str('cache'),
        builder: str('builder'),
        dockerfile: str('dockerfile'),
        context: str('context'),
        buildArgs: list('build-arg'),
        tags: list('tag'),
        labels: list('label'),
        skipExisting: str('skip-existing'),
        failFast: values['fail-fast'] ? 'true' : 'false',
        retries: str('retries'),
        cacheTimeout: str('cache-timeout'),
        parallel: str('parallel'),
      },
      {
        image: '--image',
        push: '--push',
        cache: '--cache',
        builder: '--builder',
        dockerfile: '--dockerfile',
        context: '--context',
        buildArgs: '--build-arg',
        tags: '--tag',
        labels: '--label',
        skipExisting: '--skip-existing',
        failFast: '--fail-fast',
        retries: '--retries',
        cacheTimeout: '--cache-timeout',
        parallel: '--parallel',
      },
    );
  }
  if (command === 'repro') {
    request.repro = parseReproOptions(
      { sourceDateEpoch: str('source-date-epoch'), baseline: str('baseline'), failOn: str('fail-on') },
      { sourceDateEpoch: '--source-date-epoch', baseline: '--baseline', failOn: '--fail-on' },
    );
  }
  if (needsSmoke(command)) {
    const script = str('smoke-script');
    request.smoke = parseSmokeOptions(
      {
        smoke: str('smoke'),
        expectGpu: str('expect-gpu'),
        gpuFlags: str('gpu-flags'),
        gpus: str('gpus'),
        timeout: str('smoke-timeout'),
        minGpus: str('min-gpus'),
        python: str('smoke-python'),
        shmSize: str('smoke-shm-size'),
        ipcHost: values['smoke-ipc-host'] ? 'true' : 'false',
        memory: str('smoke-memory'),
        cpus: str('smoke-cpus'),
        env: ((values['smoke-env'] as string[] | undefined) ?? []).join('\n'),
      },
      {
        smoke: '--smoke',
        expectGpu: '--expect-gpu',
        gpuFlags: '--gpu-flags',
        gpus: '--gpus',
        timeout: '--smoke-timeout',
        minGpus: '--min-gpus',
        python: '--smoke-python',
        shmSize: '--smoke-shm-size',
        ipcHost: '--smoke-ipc-host',
        memory: '--smoke-memory',
        cpus: '--smoke-cpus',
        env: '--smoke-env',
      },
      script ? readInputFile(script, cwd, '--smoke-script', false).path : undefined,
      realpathSync(cwd),
    );
    const imagesFile = str('images');
    request.smokeTargets = {
      ...(imagesFile ? { imagesJson: readInputFile(imagesFile, cwd, '--images', false).text } : {}),
      ...(str('image') ? { image: str('image') as string } : {}),
      fields: { images: '--images', image: '--image' },
    };
  }
  return request;
}

/** An entry named by its tag, key or 1-based position. */
function selectEntry(entries: MatrixEntry[], which: string): MatrixEntry {
  const byPosition = /^\d+$/.test(which) ? entries[Number(which) - 1] : undefined;
  const found = byPosition ?? entries.find((e) => e.tag === which || e.key === which);
  if (!found) {
    throw new UserError(
      `--print-dockerfile: ${quote(which)} names no entry of the plan; give a tag, a key or a position from 1 to ${entries.length} (${entries
        .slice(0, 5)
        .map((e) => e.tag)
        .join(', ')}${entries.length > 5 ? ', ...' : ''})`,
    );
  }
  return found;
}

const cliLog: Log = {
  info: (m) => process.stderr.write(`${m}\n`),
  warning: (m) => process.stderr.write(`warning: ${m}\n`),
  error: (m) => process.stderr.write(`error: ${m}\n`),
  group: async (name, fn) => {
    process.stderr.write(`== ${name}\n`);
    return fn();
  },
  untrusted: (line) => process.stderr.write(`   ${line}\n`),
};

function parseFormat(text: string | undefined): Format {
  if (text === undefined) return 'json';
  if ((FORMATS as readonly string[]).includes(text)) return text as Format;
  throw new UserError(`--format: ${quote(text)} is not a format; accepted: ${listWords([...FORMATS])}`);
}

process.exitCode = await main(process.argv.slice(2));
// Exit now, not when the event loop drains: a request that timed out may still hold a socket open.
process.exit();
