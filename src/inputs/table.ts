import type { Command } from '../request.js';

/**
 * Every setting, named once: its action input, its CLI flag, its kind, default and words. The
 * action reads its inputs from this table, the CLI builds its parser and --help from it, and
 * action.yml's inputs and the README's input tables are generated from it (`npm run docs`; a
 * test fails when they drift). A new input is a row here, plus the code that uses it.
 */

export type InputGroup = 'Common' | 'Build' | 'Publish' | 'Customise' | 'Smoke' | 'Reproducibility';

/** How the README's Type column names what a value is. */
export type InputType = 'choice' | 'text' | 'path' | 'boolean' | 'number' | 'list' | 'lines' | 'JSON' | 'template' | 'URL' | 'size';

/**
 * How a setting reaches the CLI: a flag taking a value, a repeatable one (values joined one per
 * line, as the action input holds them), a switch (present: true), a file whose text is the
 * value, or nothing, with the reason.
 */
export type CliForm =
  | { flag: string; value: string; repeatable?: boolean; file?: 'file' | 'json-or-file' }
  | { flag: string; switch: true }
  | { actionOnly: string };

export interface InputRow {
  name: string;
  group: InputGroup;
  type: InputType;
  /** the action's default (action.yml); the CLI's is the same */
  default: string;
  /** one line, for --help and the README */
  summary: string;
  /** the whole description, for action.yml */
  description: string;
  /** the commands that read it */
  commands: readonly Command[];
  cli: CliForm;
}

const ALL: readonly Command[] = ['plan', 'verify', 'build', 'smoke', 'all', 'repro', 'merge'];
const BUILD: readonly Command[] = ['build', 'all', 'repro', 'merge'];
const SMOKE: readonly Command[] = ['smoke', 'all'];
const REPRO: readonly Command[] = ['repro'];

export const INPUTS = [
  // -- Common ----------------------------------------------------------------------------------
  {
    name: 'command',
    group: 'Common',
    type: 'choice',
    default: 'plan',
    summary: 'plan, verify, build, merge, smoke, all, repro, refresh or prune',
    description:
      'What to do: plan (resolve the matrix and set the matrix output), verify (check that every wheel and image each entry ' +
      'needs exists on its index and registry, without building), build (plan, then build and push an image per entry), ' +
      "smoke (check each entry's image inside a container, on the GPU), all (plan, build, then smoke as input smoke says), " +
      'repro (build each entry twice and compare; with baseline, what changed inside against an earlier image), ' +
      "merge (after a fan-out build per platform: write each entry's tags over an index of its platforms' images), " +
      'refresh (read the PyTorch index, PyPI and the nvidia/cuda tags, and write what the release data lacks to out), ' +
      "or prune (delete the image repository's old content tags, keeping keep per entry and everything in use; a dry run " +
      'unless prune-apply is true).',
    commands: [...ALL, 'refresh', 'prune'],
    cli: { actionOnly: 'the CLI takes the command as its first argument: gpu-image-matrix build ...' },
  },
  {
    name: 'matrix',
    group: 'Common',
    type: 'text',
    default: '',
    summary: 'the matrix spec, inline YAML or JSON',
    description:
      "The matrix spec, inline YAML or JSON: a framework's versions (torch, tensorflow or jax) crossed with cuda, python, " +
      'os and flavor, with include, exclude and what the images add (see the README). Give this, matrix-file or entry.',
    commands: ALL,
    cli: { actionOnly: 'the CLI reads the spec from a file or standard input: --matrix FILE' },
  },
  {
    name: 'matrix-file',
    group: 'Common',
    type: 'path',
    default: '',
    summary: 'a YAML or JSON file holding the matrix spec ("-" reads standard input in the CLI)',
    description:
      'Path of a YAML or JSON file holding the matrix spec, relative to the workspace and inside it. Give this, matrix or entry.',
    commands: ALL,
    cli: { flag: '--matrix', value: 'FILE' },
  },
  {
    name: 'entry',
    group: 'Common',
    type: 'JSON',
    default: '',
    summary: 'one entry of an earlier plan (a fan-out job: toJSON(matrix))',
    description:
      'One entry of an earlier plan, as JSON (in a fan-out job: toJSON(matrix)). The command then works on ' +
      'that entry alone; it is resolved again and must be the same image. Give this, matrix or matrix-file.',
    commands: ALL,
    cli: { flag: '--entry', value: 'JSON|FILE', file: 'json-or-file' },
  },
  {
    name: 'compat-file',
    group: 'Common',
    type: 'path',
    default: '',
    summary: 'release data to add or correct (JSON, the schema of src/data/)',
    description:
      'Path of a JSON file, inside the workspace, with release data to add to or correct the bundled data: any of the sections ' +
      'of src/data/*.json (torch, cuda, tensorflow, jax, ...), each optional; e.g. a torch release newer than the bundled data.',
    commands: [...ALL, 'refresh'],
    cli: { flag: '--compat-file', value: 'FILE' },
  },
  {
    name: 'out',
    group: 'Common',
    type: 'path',
    default: '',
    summary: 'refresh: the compat-file to write',
    description:
      'refresh: where the release data refresh found is written, a compat-file (JSON, the schema of src/data/), inside the ' +
      'workspace; pass it as compat-file to plan with it. Empty: only the summary (what is new) is written.',
    commands: ['refresh'],
    cli: { flag: '--out', value: 'FILE' },
  },
  {
    name: 'cuda-image-repository',
    group: 'Common',
    type: 'text',
    default: 'nvidia/cuda',
    summary: 'refresh: nvidia/cuda or a mirror',
    description:
      "refresh: the repository whose tags say which nvidia/cuda images exist (NVIDIA removes a CUDA version's older " +
      'updates): nvidia/cuda on Docker Hub, or a mirror of it.',
    commands: ['refresh'],
    cli: { flag: '--cuda-image-repository', value: 'REPO' },
  },
  {
    name: 'max-entries',
    group: 'Common',
    type: 'number',
    default: '256',
    summary: 'fail when the matrix resolves to more entries',
    description:
      'Fail when the matrix resolves to more entries than this (a whole number, 1 to 10000). ' +
      'Huge requests are usually mistakes; GitHub runs at most 256 jobs per matrix.',
    commands: ALL,
    cli: { flag: '--max-entries', value: 'N' },
  },

  {
    name: 'platforms',
    group: 'Common',
    type: 'list',
    default: 'linux/amd64',
    summary: 'linux/amd64, linux/arm64 or both: what entries are built for (one tag each)',
    description:
      'The platforms every entry is built for, comma- or newline-separated: linux/amd64, linux/arm64 or both (the matrix ' +
      "spec's platforms key, at the top level or in include, wins). One tag per entry serves them all (an OCI index); a " +
      "platform the release data says an entry's wheels or base image lack is left out of that entry, with a warning.",
    commands: ALL,
    cli: { flag: '--platforms', value: 'LIST' },
  },

  // -- Build -----------------------------------------------------------------------------------
  {
    name: 'image',
    group: 'Build',
    type: 'text',
    default: '',
    summary: 'the repository to tag the images in, e.g. ghcr.io/acme/pytorch',
    description:
      'build: the repository to tag the images in, without a tag (e.g. ghcr.io/acme/pytorch). Each entry is tagged ' +
      '<image>:<entry tag>, plus a content-addressed tag gim-<key>-<hash>. ' +
      'smoke: where to find the images when input images is not given. prune: the repository to prune.',
    commands: ['build', 'all', 'repro', 'smoke', 'merge', 'prune'],
    cli: { flag: '--image', value: 'REPO' },
  },
  {
    name: 'platform',
    group: 'Build',
    type: 'choice',
    default: '',
    summary: 'fan-out: build only this platform of each entry, for merge',
    description:
      "A fan-out job per platform: build only this one of each entry's platforms (linux/amd64 or linux/arm64, on a runner " +
      'of that platform) and push it under its own tag (the content tag plus the platform); command merge then writes ' +
      "the entry's tags over an index of them. Empty: every platform of the entry in one build. For repro: the platform " +
      "built twice and compared (empty: this runner's own, where the entry has it). For smoke: check only this platform " +
      'of each entry (a smoke job per platform). Not for all or merge.',
    commands: [...BUILD, 'smoke'],
    cli: { flag: '--platform', value: 'PLATFORM' },
  },
  {
    name: 'push',
    group: 'Build',
    type: 'boolean',
    default: 'false',
    summary: 'push the images (else load them into the local docker)',
    description: 'build: push the images (true) or load them into the local docker (false).',
    commands: BUILD,
    cli: { flag: '--push', switch: true },
  },
  {
    name: 'cache',
    group: 'Build',
    type: 'choice',
    default: 'auto',
    summary: 'auto, registry, gha, local, inline or none',
    description:
      'build: layer cache backend, scoped per matrix entry: auto (registry when pushing, else none), ' +
      'registry (<image>:buildcache-<key>, mode=max), gha, local (BuildKit local cache saved ' +
      'with the Actions cache), inline or none. A failing cache is a warning; the build goes on.',
    commands: BUILD,
    cli: { flag: '--cache', value: 'BACKEND' },
  },
  {
    name: 'builder',
    group: 'Build',
    type: 'text',
    default: '',
    summary: 'the buildx builder (default: the current one)',
    description: 'build: the buildx builder to use (as docker/setup-buildx-action names it); the current one when empty.',
    commands: BUILD,
    cli: { flag: '--builder', value: 'NAME' },
  },
  {
    name: 'dockerfile',
    group: 'Build',
    type: 'path',
    default: '',
    summary: 'your own Dockerfile, a workspace path as docker build -f takes (default: the embedded template)',
    description:
      "build: your own Dockerfile, a path in the workspace (as docker build -f and build-push-action's file take it; " +
      'one relative to context still works where only it exists). Every entry field reaches it as a build-arg (BASE_IMAGE, ' +
      'CUDA_VERSION, CUDA_FULL_VERSION, CUDA_VARIANT, CUDNN_VERSION, PYTHON_VERSION, OS, FLAVOR, MIN_DRIVER, ' +
      "ENTRY_TAG, ENTRY_KEY, and the framework's: TORCH_VERSION, TORCHVISION_VERSION, TORCHAUDIO_VERSION, " +
      'TORCH_INDEX_URL, or FRAMEWORK with TENSORFLOW_VERSION or JAX_VERSION). Empty: the embedded template.',
    commands: [...BUILD, 'verify'],
    cli: { flag: '--dockerfile', value: 'FILE' },
  },
  {
    name: 'context',
    group: 'Build',
    type: 'path',
    default: '.',
    summary: 'the build context for dockerfile',
    description: 'build: the build context for dockerfile, relative to the workspace.',
    commands: BUILD,
    cli: { flag: '--context', value: 'DIR' },
  },
  {
    name: 'build-args',
    group: 'Build',
    type: 'lines',
    default: '',
    summary: 'extra build-args, KEY=VALUE per line',
    description:
      'build: extra build-args, one KEY=VALUE per line. They may not redefine the entry build-args. ' +
      'UV_IMAGE replaces the uv image the embedded template mounts (verify checks that one).',
    commands: [...BUILD, 'verify'],
    cli: { flag: '--build-arg', value: 'K=V', repeatable: true },
  },
  {
    name: 'tags',
    group: 'Build',
    type: 'template',
    default: '',
    summary: 'extra tags, one per line, with placeholders such as {tag}',
    description:
      'build: extra tags, one per line: a bare tag or a full reference, with placeholders {tag}, {key}, {framework}, ' +
      '{version}, {torch} (or {tensorflow}, {jax}), {cuda}, {cudaVariant}, {cudnnMajor}, {python}, {os}, {flavor}, ' +
      '... (one is required when the matrix has more than one entry, so that entries do not overwrite each other).',
    commands: BUILD,
    cli: { flag: '--tag', value: 'TEMPLATE', repeatable: true },
  },
  {
    name: 'tag-prefix',
    group: 'Build',
    type: 'text',
    default: '',
    summary: 'text put before every tag the build writes, e.g. pr-12-',
    description:
      "build: text put before every tag the build writes: the entry's tag and each extra tag (e.g. pr-12- for a pull " +
      'request, so that it never writes a release tag). The content tag gim-<key>-<hash> and the cache refs keep their names. ' +
      'Letters, digits, _ . - (not starting with . or -); with each tag it must make a valid tag (at most 128 characters).',
    commands: BUILD,
    cli: { flag: '--tag-prefix', value: 'TEXT' },
  },
  {
    name: 'labels',
    group: 'Build',
    type: 'lines',
    default: '',
    summary: 'extra labels, key=value per line',
    description: 'build: extra labels, one key=value per line (e.g. docker/metadata-action output labels).',
    commands: BUILD,
    cli: { flag: '--label', value: 'K=V', repeatable: true },
  },
  {
    name: 'secrets',
    group: 'Build',
    type: 'lines',
    default: '',
    summary: 'build secrets, id=value per line (a pip secret is the template netrc)',
    description:
      'build: build secrets, one id=value per line, passed to BuildKit as secrets (never build-args): a RUN step reads one ' +
      'with --mount=type=secret,id=ID. The embedded template mounts the secret pip as the netrc file of its pip-packages and ' +
      'requirements steps (machine HOST login USER password TOKEN), for private package indexes. Values are masked in the log ' +
      'and never reach a layer, an output or the cache. A multi-line secret goes in secret-files.',
    commands: BUILD,
    cli: { flag: '--secret', value: 'ID=VALUE', repeatable: true },
  },
  {
    name: 'secret-files',
    group: 'Build',
    type: 'lines',
    default: '',
    summary: 'build secrets from files, id=path per line',
    description:
      'build: build secrets read from files, one id=path per line (relative to the workspace), e.g. pip=.netrc for the ' +
      "template's pip secret. Each file's lines are masked in the log. At most 500 KiB each.",
    commands: BUILD,
    cli: { flag: '--secret-file', value: 'ID=PATH', repeatable: true },
  },
  {
    name: 'compression',
    group: 'Build',
    type: 'choice',
    default: 'gzip',
    summary: 'layer compression of pushed images: gzip, or zstd (zstd:3 with a level)',
    description:
      'build: how pushed layers are compressed: gzip (the default, which every runtime pulls) or zstd (faster to push ' +
      'and pull multi-GB layers; Docker 23+ or containerd 1.5+ pull it), with a level after a colon (gzip:1-9, ' +
      "zstd:1-22). BuildKit compresses the layers it makes; the base image's, and layers its cache already holds, keep " +
      'theirs unless force-compression. ' +
      'Another compression is another content tag.',
    commands: BUILD,
    cli: { flag: '--compression', value: 'TYPE' },
  },
  {
    name: 'force-compression',
    group: 'Build',
    type: 'boolean',
    default: 'false',
    summary: "recompress the base image's layers too",
    description:
      "build: recompress every layer, the base image's too, with compression (true); false keeps the base image's " +
      'layers as they are (shared with every other image on that base).',
    commands: BUILD,
    cli: { flag: '--force-compression', switch: true },
  },
  {
    name: 'duplicate-scan',
    group: 'Build',
    type: 'boolean',
    default: 'true',
    summary: 'report shared libraries a pushed image holds twice, and the bytes they waste',
    description:
      'build: after an entry is pushed, read its layers from the registry (streamed; library names and sizes only) and report ' +
      'shared libraries held under two paths with the same soname (libcudnn.so.9 from a cudnn base and from the nvidia-cudnn ' +
      'wheel): `duplicates` and `duplicateBytes` in the images output, and the job summary. Reads the whole image once per ' +
      'run and layer; false skips it. Entries not pushed, or up to date, are not scanned; merge scans the index it writes; ' +
      'repro does not scan.',
    commands: BUILD,
    cli: { flag: '--duplicate-scan', value: 'BOOL' },
  },
  {
    name: 'skip-existing',
    group: 'Build',
    type: 'boolean',
    default: 'true',
    summary: 'skip entries whose content-addressed tag is already in the registry',
    description:
      'build: skip an entry when its content-addressed tag is already in the registry ' +
      '(nothing that goes into the build changed) and point its tags at that image.',
    commands: BUILD,
    cli: { flag: '--skip-existing', value: 'BOOL' },
  },
  {
    name: 'verify',
    group: 'Build',
    type: 'boolean',
    default: 'true',
    summary: 'check every wheel and image an entry needs before building it',
    description:
      'build, all: before any docker work, check that every wheel each entry installs at an exact version and every image ' +
      'it pulls exists (as command verify does); entries that cannot build are reported failed with the reason, the others ' +
      'build. An index or registry that cannot be reached is a warning. false skips the check.',
    commands: ['build', 'all'],
    cli: { flag: '--verify', value: 'BOOL' },
  },
  {
    name: 'fail-fast',
    group: 'Build',
    type: 'boolean',
    default: 'false',
    summary: 'stop at the first entry that fails',
    description: 'build: stop at the first entry that fails (the rest are reported cancelled).',
    commands: BUILD,
    cli: { flag: '--fail-fast', switch: true },
  },
  {
    name: 'retries',
    group: 'Build',
    type: 'number',
    default: '2',
    summary: 'extra attempts after a transient registry or network error',
    description: 'build, prune: extra attempts after a transient registry or network error (0 to 10), with backoff.',
    commands: [...BUILD, 'prune'],
    cli: { flag: '--retries', value: 'N' },
  },
  {
    name: 'cache-timeout',
    group: 'Build',
    type: 'number',
    default: '120',
    summary: 'seconds an Actions-cache operation may take (cache local)',
    description:
      'build: seconds one Actions-cache operation (cache local) may take before the build goes on without the cache (1 to 3600).',
    commands: BUILD,
    cli: { flag: '--cache-timeout', value: 'S' },
  },
  {
    name: 'parallel',
    group: 'Build',
    type: 'number',
    default: 'auto',
    summary: 'entries built at once: auto or 1 to 32',
    description:
      'build: entries built at once: auto (half the runner CPUs, 1 to 4) or a number from 1 to 32. ' +
      'With more than one, log lines carry their entry tag instead of groups. A build waits while its base image ' +
      "does not fit on the builder's disk beside those running (docs/building.md#disk).",
    commands: BUILD,
    cli: { flag: '--parallel', value: 'N' },
  },

  // -- Publish ---------------------------------------------------------------------------------
  {
    name: 'provenance',
    group: 'Publish',
    type: 'choice',
    default: 'false',
    summary: 'SLSA provenance attestation: false, true (mode=min) or mode=max',
    description:
      "build: push a SLSA provenance attestation with each image (BuildKit's, as docker/build-push-action's provenance): " +
      'false, true (mode=min) or mode=max. The image is then an index holding it beside the image, which GHCR lists as an ' +
      'unknown/unknown platform. Pushed images only (docker cannot load an attested image). Changes the content tags.',
    commands: BUILD,
    cli: { flag: '--provenance', value: 'MODE' },
  },
  {
    name: 'sbom',
    group: 'Publish',
    type: 'text',
    default: 'false',
    summary: 'SBOM attestation: false, true, or a generator image',
    description:
      "build: push an SPDX SBOM attestation with each image: false, true (BuildKit's default scanner, " +
      "docker/buildkit-syft-scanner) or a generator image that speaks BuildKit's SBOM protocol (generator=IMAGE or IMAGE). " +
      'Pushed images only. Changes the content tags.',
    commands: BUILD,
    cli: { flag: '--sbom', value: 'WHAT' },
  },

  {
    name: 'aliases',
    group: 'Publish',
    type: 'text',
    default: '',
    summary: 'moving tags, TAG: SELECTOR lines, e.g. latest: {torch: latest, cuda: default}',
    description:
      'plan, build: moving tags pointed at the one entry of the plan each selector picks, as YAML lines TAG: SELECTOR, e.g. ' +
      '"latest: {torch: latest, cuda: default}" or "{torchMinor}-cuda{cudaMajor}: {torch: latest, cuda: latest, python: latest}" ' +
      '(a tag with placeholders: one per group of entries that render it). Selector keys: torch (tensorflow, jax, version), cuda, ' +
      'python, os, flavor; values: latest, default (cuda, python), or a value as in the matrix spec. The plan gives each ' +
      'chosen entry an aliases field, so fan-out builds write them too. The matrix spec takes the same as its aliases key.',
    commands: ALL,
    cli: { flag: '--aliases', value: 'YAML' },
  },

  {
    name: 'keep',
    group: 'Publish',
    type: 'number',
    default: '3',
    summary: 'prune: content tags kept per entry key, newest first',
    description:
      "prune: how many content tags (gim-<key>-<hash>) to keep per entry key, newest first by the image's creation label. " +
      'Every other tag (entry tags, aliases, your own, buildcache-*) stays, and so does every content tag a kept tag points at.',
    commands: ['prune'],
    cli: { flag: '--keep', value: 'N' },
  },
  {
    name: 'prune-apply',
    group: 'Publish',
    type: 'boolean',
    default: 'false',
    summary: 'prune: delete (true), or only list what would go (false)',
    description:
      'prune: delete what the table marks delete, through the registry API (a manifest at a time, by digest); false, the ' +
      'default, is a dry run that only lists what would go and what stays.',
    commands: ['prune'],
    cli: { flag: '--prune-apply', switch: true },
  },

  // -- Customise -------------------------------------------------------------------------------
  {
    name: 'apt-packages',
    group: 'Customise',
    type: 'list',
    default: '',
    summary: 'Debian/Ubuntu packages for every image, e.g. libgl1',
    description:
      'plan, build: Debian/Ubuntu packages added to every image of the embedded template (e.g. ' +
      'libgl1 libglib2.0-0 for OpenCV), separated by spaces or newlines, optionally name=version. ' +
      'The matrix spec may set apt-packages too, at the top level or per include item.',
    commands: ALL,
    cli: { flag: '--apt-packages', value: 'PKGS', repeatable: true },
  },
  {
    name: 'pip-packages',
    group: 'Customise',
    type: 'list',
    default: '',
    summary: 'Python packages with versions, installed after the framework',
    description:
      'plan, build: Python packages added after the framework, with versions (numpy==1.26.4, opencv-python-headless>=4.10,<5), ' +
      'separated by spaces or newlines. The framework packages (torch, torchvision, torchaudio, tensorflow, tensorflow-cpu, ' +
      "jax, jaxlib) are the matrix's; a package that asks for another version of them fails the build and is named.",
    commands: ALL,
    cli: { flag: '--pip-packages', value: 'REQS', repeatable: true },
  },
  {
    name: 'requirements',
    group: 'Customise',
    type: 'path',
    default: '',
    summary: 'a requirements file (hashes honoured)',
    description:
      'plan, build: a requirements file in the workspace, installed after apt-packages (files it ' +
      'includes with -r/-c come with it). When it has --hash lines, pip runs with --require-hashes.',
    commands: ALL,
    cli: { flag: '--requirements', value: 'FILE' },
  },
  {
    name: 'pip-index-url',
    group: 'Customise',
    type: 'URL',
    default: '',
    summary: 'the index for requirements and pip-packages instead of PyPI',
    description:
      'plan, build: the index for requirements and pip-packages instead of PyPI (a mirror). ' +
      'The framework keeps its own index. No credentials in the URL.',
    commands: ALL,
    cli: { flag: '--pip-index-url', value: 'URL' },
  },
  {
    name: 'pip-extra-index-url',
    group: 'Customise',
    type: 'list',
    default: '',
    summary: 'more indexes for requirements and pip-packages',
    description:
      'plan, build: more indexes to look in for requirements and pip-packages, separated by spaces or newlines. No credentials in the URL.',
    commands: ALL,
    cli: { flag: '--pip-extra-index-url', value: 'URL', repeatable: true },
  },
  {
    name: 'torch-index-url',
    group: 'Customise',
    type: 'URL',
    default: '',
    summary: 'a mirror of https://download.pytorch.org/whl',
    description:
      'plan, verify, build: replaces https://download.pytorch.org/whl, the PyTorch wheel index (an Artifactory, Nexus or devpi ' +
      'mirror); entries install from <url>/<variant> (e.g. /cu130, /cpu; release candidates from <url>/test/<variant>). ' +
      'No credentials in the URL.',
    commands: [...ALL, 'refresh'],
    cli: { flag: '--torch-index-url', value: 'URL' },
  },
  {
    name: 'pypi-index-url',
    group: 'Customise',
    type: 'URL',
    default: '',
    summary: 'a mirror of https://pypi.org/simple for TensorFlow and JAX',
    description:
      'plan, verify, build: replaces https://pypi.org/simple for TensorFlow, JAX and their CUDA libraries, and for ' +
      'requirements and pip-packages unless pip-index-url is set. No credentials in the URL.',
    commands: [...ALL, 'refresh'],
    cli: { flag: '--pypi-index-url', value: 'URL' },
  },
  {
    name: 'env',
    group: 'Customise',
    type: 'lines',
    default: '',
    summary: 'KEY=VALUE lines set in the images',
    description: 'plan, build: KEY=VALUE lines set with ENV in the image ($ stays literal).',
    commands: ALL,
    cli: { flag: '--env', value: 'K=V', repeatable: true },
  },
  {
    name: 'workdir',
    group: 'Customise',
    type: 'path',
    default: '',
    summary: "the images' working directory",
    description: 'plan, build: the working directory of the image (an absolute path; created, and owned by user when set).',
    commands: ALL,
    cli: { flag: '--workdir', value: 'DIR' },
  },
  {
    name: 'user',
    group: 'Customise',
    type: 'text',
    default: '',
    summary: 'a non-root user the images run as: name or name:uid',
    description: 'plan, build: a non-root user created in the image and run as: name, or name:uid.',
    commands: ALL,
    cli: { flag: '--user', value: 'NAME[:UID]' },
  },
  {
    name: 'post-install',
    group: 'Customise',
    type: 'path',
    default: '',
    summary: 'a script run as root after the packages',
    description: 'plan, build: a script in the workspace, run as root in its own layer after the packages (with a #! line, or as sh).',
    commands: ALL,
    cli: { flag: '--post-install', value: 'FILE' },
  },
  {
    name: 'base-image',
    group: 'Customise',
    type: 'template',
    default: '',
    summary: 'an image that already holds the framework, with placeholders',
    description:
      'plan, build: start FROM an image that already holds the framework and Python with pip, ' +
      'instead of nvidia/cuda plus wheels; placeholders are filled per entry, e.g. ' +
      'pytorch/pytorch:{torch}-cuda{cuda}-cudnn{cudnnMajor}-runtime. Its tag is looked up before anything ' +
      "builds and FROM is pinned to its digest; the build fails when its framework or Python is not the entry's.",
    commands: ALL,
    cli: { flag: '--base-image', value: 'REF' },
  },
  {
    name: 'tag-suffix',
    group: 'Customise',
    type: 'text',
    default: '',
    summary: 'text appended to every entry tag',
    description:
      'plan, build: text appended to every entry tag (in the matrix spec, per include item, it makes a variant beside the entry).',
    commands: ALL,
    cli: { flag: '--tag-suffix', value: 'TEXT' },
  },
  {
    name: 'cuda-arch-list',
    group: 'Customise',
    type: 'text',
    default: '',
    summary: "devel: TORCH_CUDA_ARCH_LIST for CUDA extensions; default: the torch wheel's own list",
    description:
      'plan, build: devel entries only: the GPU architectures CUDA extensions are compiled for (TORCH_CUDA_ARCH_LIST), ' +
      'e.g. "8.0;9.0+PTX". Default: the list the torch wheels of the entry were built with, from the release data. ' +
      'Runtime entries ignore it.',
    commands: ALL,
    cli: { flag: '--cuda-arch-list', value: 'LIST' },
  },

  // -- Smoke -----------------------------------------------------------------------------------
  {
    name: 'smoke',
    group: 'Smoke',
    type: 'choice',
    default: 'auto',
    summary: 'all: smoke-test after the build: true, false or auto',
    description: 'all: run the smoke test after the build: true, false, or auto (when the runner has a GPU, or expect-gpu is false).',
    commands: SMOKE,
    cli: { flag: '--smoke', value: 'MODE' },
  },
  {
    name: 'expect-gpu',
    group: 'Smoke',
    type: 'boolean',
    default: 'true',
    summary: 'check on the GPU (true) or run the CPU check (false)',
    description:
      'smoke: check on the GPU (true), or run the CPU check (false: the framework imports, ' +
      'versions match, a CPU matmul). Entries with cuda cpu always get the CPU check.',
    commands: SMOKE,
    cli: { flag: '--expect-gpu', value: 'BOOL' },
  },
  {
    name: 'images',
    group: 'Smoke',
    type: 'JSON',
    default: '',
    summary: "a build step's images output, naming the image of each entry",
    description:
      'smoke: the images output of an earlier build step (JSON), naming the image of each ' +
      'entry (pinned by digest when there is one). Without it, <image>:<entry tag> is checked.',
    commands: SMOKE,
    cli: { flag: '--images', value: 'FILE', file: 'file' },
  },
  {
    name: 'gpu-flags',
    group: 'Smoke',
    type: 'text',
    default: '',
    summary: 'docker run flags that hand the GPUs in, instead of --gpus',
    description:
      'smoke: docker run flags that hand the GPUs in, instead of --gpus (e.g. --device nvidia.com/gpu=all for CDI, ' +
      'or --runtime nvidia --gpus all). Allowed: --gpus, --device with a GPU (nvidia.com/gpu=..., /dev/nvidia0, /dev/nvidiactl, ' +
      '/dev/dri/renderD128, ...), --runtime nvidia, --ulimit memlock or stack; nothing else (use smoke-shm-size, smoke-ipc-host and ' +
      'smoke-env for the rest).',
    commands: SMOKE,
    cli: { flag: '--gpu-flags', value: 'FLAGS' },
  },
  {
    name: 'gpus',
    group: 'Smoke',
    type: 'text',
    default: 'all',
    summary: 'all, or device indexes or UUIDs, e.g. 0,1',
    description: 'smoke: the GPUs to hand in: all, or device indexes or UUIDs separated by commas (0,1).',
    commands: SMOKE,
    cli: { flag: '--gpus', value: 'DEVICES' },
  },
  {
    name: 'smoke-timeout',
    group: 'Smoke',
    type: 'number',
    default: '300',
    summary: 'seconds before the container is stopped',
    description: 'smoke: seconds before the container is stopped and the entry fails (5 to 86400).',
    commands: SMOKE,
    cli: { flag: '--smoke-timeout', value: 'S' },
  },
  {
    name: 'min-gpus',
    group: 'Smoke',
    type: 'number',
    default: '1',
    summary: 'GPUs the container must see',
    description: 'smoke: GPUs the container must see (1 to 64).',
    commands: SMOKE,
    cli: { flag: '--min-gpus', value: 'N' },
  },
  {
    name: 'smoke-script',
    group: 'Smoke',
    type: 'path',
    default: '',
    summary: 'your Python check, run in the container after ours',
    description:
      'smoke: a Python script in the workspace, run in the container after the built-in check, ' +
      'as one more check; the workspace is mounted read-only at /workspace and the script runs there.',
    commands: SMOKE,
    cli: { flag: '--smoke-script', value: 'FILE' },
  },
  {
    name: 'smoke-python',
    group: 'Smoke',
    type: 'text',
    default: 'python3',
    summary: 'the interpreter in the image',
    description: 'smoke: the Python interpreter in the image.',
    commands: SMOKE,
    cli: { flag: '--smoke-python', value: 'PATH' },
  },
  {
    name: 'smoke-shm-size',
    group: 'Smoke',
    type: 'size',
    default: '',
    summary: "the container's /dev/shm (empty: 1g)",
    description:
      "smoke: size of the container's /dev/shm; empty for 1g (PyTorch DataLoader " +
      "workers share tensors through it, and Docker's own 64m is too small).",
    commands: SMOKE,
    cli: { flag: '--smoke-shm-size', value: 'SIZE' },
  },
  {
    name: 'smoke-ipc-host',
    group: 'Smoke',
    type: 'boolean',
    default: 'false',
    summary: "share the host's IPC namespace instead of a sized /dev/shm",
    description: "smoke: share the host's IPC namespace instead (true or false); not together with smoke-shm-size.",
    commands: SMOKE,
    cli: { flag: '--smoke-ipc-host', switch: true },
  },
  {
    name: 'smoke-memory',
    group: 'Smoke',
    type: 'size',
    default: '',
    summary: 'memory limit of the container, e.g. 16g',
    description: 'smoke: memory limit of the container, e.g. 16g; empty for none.',
    commands: SMOKE,
    cli: { flag: '--smoke-memory', value: 'SIZE' },
  },
  {
    name: 'smoke-cpus',
    group: 'Smoke',
    type: 'number',
    default: '',
    summary: 'CPU limit of the container, e.g. 4 or 1.5',
    description: 'smoke: CPU limit of the container, e.g. 4 or 1.5; empty for none.',
    commands: SMOKE,
    cli: { flag: '--smoke-cpus', value: 'N' },
  },
  {
    name: 'smoke-env',
    group: 'Smoke',
    type: 'lines',
    default: '',
    summary: "KEY=VALUE lines for the check (kept out of docker's argv)",
    description:
      'smoke: KEY=VALUE lines set in the container (each under 60 KiB); values reach docker through an --env-file only this ' +
      "user can read (removed after), never its command line or docker's own environment.",
    commands: SMOKE,
    cli: { flag: '--smoke-env', value: 'K=V', repeatable: true },
  },

  // -- Reproducibility -------------------------------------------------------------------------
  {
    name: 'source-date-epoch',
    group: 'Reproducibility',
    type: 'number',
    default: '',
    summary: 'seconds since 1970 (empty: the commit time of HEAD)',
    description: 'repro: SOURCE_DATE_EPOCH for both builds, seconds since 1970; empty for the commit time of HEAD.',
    commands: REPRO,
    cli: { flag: '--source-date-epoch', value: 'S' },
  },
  {
    name: 'baseline',
    group: 'Reproducibility',
    type: 'template',
    default: '',
    summary: 'the image to compare with, e.g. {image}:{tag}',
    description:
      'repro: the image to compare each entry with (packages, versions, sizes), a template with {image}, {tag}, {key}, ' +
      '{torch}, ... e.g. {image}:{tag} for the same tag built from the default branch. Empty: no change-impact report.',
    commands: REPRO,
    cli: { flag: '--baseline', value: 'TEMPLATE' },
  },
  {
    name: 'fail-on',
    group: 'Reproducibility',
    type: 'choice',
    default: 'nondeterministic',
    summary: 'nondeterministic, drift, both or none',
    description: 'repro: fail the step when an image is nondeterministic, when it drifts from its baseline (drift), both, or none.',
    commands: REPRO,
    cli: { flag: '--fail-on', value: 'WHAT' },
  },
] as const satisfies readonly InputRow[];

export type InputName = (typeof INPUTS)[number]['name'];

/** The inputs as one surface gives them. */
export interface Inputs {
  /** the raw text of an input; empty or undefined when not given */
  get(name: InputName): string | undefined;
  /** how the input is called on this surface, for messages: "input build-args", "--build-arg" */
  field(name: InputName): string;
}

export const INPUT_GROUPS: readonly InputGroup[] = ['Common', 'Build', 'Publish', 'Customise', 'Smoke', 'Reproducibility'];

export function inputRow(name: InputName): InputRow {
  return INPUTS.find((r) => r.name === name) as InputRow;
}

/** Flags only the CLI has: how it prints, and what it prints instead of running. */
export const CLI_ONLY = [
  { flag: '--format', value: 'FORMAT', summary: 'json (default), table or markdown' },
  {
    flag: '--print-dockerfile',
    value: 'E',
    summary: 'print the Dockerfile rendered for entry E (tag, key or 1-based position) instead of the plan',
  },
  { flag: '-h, --help', value: '', summary: "show this help (after a command: that command's options)" },
  { flag: '--version', value: '', summary: 'show the version' },
] as const;
