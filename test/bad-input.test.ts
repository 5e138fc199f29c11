import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAction } from './support/run-action.js';
import { runtimes } from './support/runtimes.js';

// A corpus of hostile or broken inputs across the action's inputs, run through the committed
// bundle under Node 24 as the runner runs it. Each must end in one clear ::error:: line, exit 1,
// set no output, and make no docker call. A spy stands in for docker here (a script first on
// PATH that records its arguments and fails): no real docker is wanted, only proof it is not run.

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
const scratch = mkdtempSync(path.join(tmpdir(), 'gim-bad-'));
const spyLog = path.join(scratch, 'docker-calls.log');
const bin = path.join(scratch, 'bin');
mkdirSync(bin);
for (const tool of ['docker', 'nvidia-smi', 'git']) {
  writeFileSync(path.join(bin, tool), `#!/bin/sh\necho "${tool} $*" >> ${spyLog}\nexit 1\n`);
  chmodSync(path.join(bin, tool), 0o755);
}
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const M = 'torch: "2.4"\ncuda: "12.4"\npython: "3.11"';
const TWO = 'torch: "2.4"\ncuda: ["12.1", "12.4"]\npython: "3.11"';
const B = { command: 'build', matrix: M, image: '127.0.0.1:5000/team/pt' };
const S = { command: 'smoke', matrix: M, image: '127.0.0.1:5000/team/pt' };
const R = { command: 'repro', matrix: M, image: '127.0.0.1:5000/team/pt' };
const INJECT = '2.4\n::set-output name=matrix::pwned\n::add-mask::x';

type Setup = (ws: string) => void;
const cases: [string, Record<string, string>, RegExp, Setup?][] = [
  // matrix / matrix-file / entry
  ['malformed YAML', { matrix: 'torch: [2.4' }, /not valid YAML or JSON/],
  ['malformed JSON', { matrix: '{"torch": "2.4"' }, /not valid YAML or JSON/],
  ['a scalar spec', { matrix: '2.4' }, /must be a mapping/],
  ['an unknown key', { matrix: 'torch: 2.4\nimage: x' }, /unknown key "image"/],
  ['torch: banana', { matrix: 'torch: banana' }, /"banana" is not valid/],
  ['a command substitution in torch', { matrix: 'torch: "$(id)"' }, /"\$\(id\)" is not valid/],
  ['backticks in torch', { matrix: 'torch: "`id`"' }, /is not valid/],
  ['a semicolon in cuda', { matrix: 'torch: 2.4\ncuda: "12.4;reboot"' }, /"12\.4;reboot" is not valid/],
  ['a newline and workflow commands in a value', { matrix: JSON.stringify({ torch: INJECT }) }, /contains control characters/],
  ['python 3.1 (a YAML float)', { matrix: 'torch: 2.4\npython: 3.1' }, /Python 3\.1 is not supported .* quote it/],
  // (inline, 300 KiB would not even fit in one environment variable: the runner could not pass it)
  [
    'a huge spec file',
    { 'matrix-file': 'huge.yml' },
    /larger than 256 KiB/,
    (ws) => writeFileSync(path.join(ws, 'huge.yml'), `torch: 2.4\n#${'x'.repeat(300 * 1024)}`),
  ],
  [
    'a spec file over 1 MiB',
    { 'matrix-file': 'huge.yml' },
    /is \d+ bytes; at most 1048576 are read/,
    (ws) => writeFileSync(path.join(ws, 'huge.yml'), 'x'.repeat(1100 * 1024)),
  ],
  ['an include that is not a list', { matrix: 'torch: 2.4\ninclude: {cuda: 12.4}' }, /expected a list of partial entries/],
  ['an include never shipped', { matrix: 'include:\n  - {torch: 2.5.1, cuda: "12.6"}' }, /was never shipped/],
  [
    'a cross product too large',
    { matrix: `torch: [${Array(1100).fill('latest').join(',')}]\npython: [${Array(1000).fill('default').join(',')}]` },
    /values; at most 1000/,
  ],
  ['a request that resolves to nothing', { matrix: 'torch: 2.4\ncuda: "13.0"' }, /resolves to no entries/],
  ['more entries than max-entries', { matrix: TWO, 'max-entries': '1' }, /more than max-entries \(1\)/],
  // issue 17 item 4: 1.1 KB that expanded to millions of entries before max-entries applied
  [
    'a 1 KB spec of repeated ranges with max-entries 1',
    {
      matrix: `torch: [${Array(100).fill('">=2"').join(',')}]\ncuda: [${Array(100).fill('"12"').join(',')}]\npython: ">=3"`,
      'max-entries': '1',
    },
    /more than max-entries \(1\)/,
  ],
  [
    'distinct ranges past the expansion limit',
    {
      matrix:
        `torch: [${Array.from({ length: 400 }, (_, i) => `">=2.0.0 <${3 + i}.0.0"`).join(',')}]\n` +
        'cuda: ["12", "11", "13"]\npython: ">=3"\nflavor: [runtime, devel]',
    },
    /expands to more than 10000 entries \(at the cross product\), before max-entries applies; resolving stopped there/,
  ],
  [
    'pip-extra-index-url with shell operators',
    { ...B, 'pip-extra-index-url': 'https://pypi.example/simple;id>/tmp/pwned;(uname)&' },
    /input pip-extra-index-url item 1: .* contains ";"/,
  ],
  ['torch-index-url with a pipe', { ...B, 'torch-index-url': 'https://mirror.example/whl|id' }, /input torch-index-url: .* contains "\|"/],
  ['max-entries 0', { matrix: M, 'max-entries': '0' }, /input max-entries: "0" is not valid/],
  ['max-entries in exponent form', { matrix: M, 'max-entries': '1e3' }, /input max-entries: "1e3" is not valid/],
  ['an unknown command', { matrix: M, command: 'plan;id' }, /input command: "plan;id" is not a command/],
  ['a matrix-file escaping the workspace', { 'matrix-file': '../../etc/passwd' }, /is outside the workspace|does not exist/],
  ['an absolute matrix-file', { 'matrix-file': '/etc/hostname' }, /is outside the workspace/],
  [
    'a matrix-file symlink leading out',
    { 'matrix-file': 'm.yml' },
    /is outside the workspace/,
    (ws) => symlinkSync('/etc/hostname', path.join(ws, 'm.yml')),
  ],
  ['a matrix-file that is a directory', { 'matrix-file': 'dir' }, /is not a regular file/, (ws) => mkdirSync(path.join(ws, 'dir'))],
  ['an entry that is not JSON', { entry: '{torch' }, /input entry: not the JSON of a planned matrix entry/],
  [
    'a compat-file that is not JSON',
    { matrix: M, 'compat-file': 'c.json' },
    /is not valid JSON/,
    (ws) => writeFileSync(path.join(ws, 'c.json'), 'torch: []'),
  ],
  [
    'a compat-file whose index URL would end the ARG line (found in review)',
    { matrix: M, 'compat-file': 'c.json' },
    /indexUrls\.stable: .* must be an https URL containing \{variant\}, of letters, digits/,
    (ws) =>
      writeFileSync(
        path.join(ws, 'c.json'),
        JSON.stringify({
          schemaVersion: 1,
          indexUrls: { stable: 'https://x.example/{variant}"$HOME`id`\\', rc: 'https://x.example/{variant}' },
        }),
      ),
  ],
  [
    'torch-index-url with a query',
    { ...B, 'torch-index-url': 'https://mirror.example/whl?x=1' },
    /contains "\?"; a wheel index root has no query/,
  ],
  [
    'a compat-file that lies (a variant without its CUDA)',
    { matrix: M, 'compat-file': 'c.json' },
    /cu999 needs a CUDA 99\.9 entry/,
    (ws) =>
      writeFileSync(
        path.join(ws, 'c.json'),
        JSON.stringify({
          schemaVersion: 1,
          torch: [
            {
              minor: '2.4',
              status: 'stable',
              python: { supported: ['3.11'], experimental: [] },
              cuda: { variants: ['cu999'], pypiDefault: 'cu999', cudnn: { cu999: '9' } },
              patches: [{ torch: '2.4.1', torchvision: null, torchaudio: null }],
            },
          ],
        }),
      ),
  ],
  [
    'a compat-file outside the workspace',
    { matrix: M, 'compat-file': '../c.json' },
    /is outside the workspace/,
    (ws) => writeFileSync(path.join(ws, '../c.json'), '{}'),
  ],
  ['a command substitution in tensorflow', { matrix: 'tensorflow: "$(id)"' }, /matrix\.tensorflow: "\$\(id\)" is not valid/],
  [
    'two frameworks in one spec',
    { matrix: 'torch: "2.4"\njax: "0.8"' },
    /one spec names one framework, and this one names torch and jax; give a list of specs/,
  ],
  [
    'a tensorflow entry without its version',
    { entry: JSON.stringify({ framework: 'tensorflow', cuda: '12.5', python: '3.11', os: 'ubuntu22.04', flavor: 'runtime', key: 'abc' }) },
    /a planned matrix entry has tensorflow, cuda, python, os, flavor, key as strings; tensorflow is nothing/,
  ],
  // build inputs
  // Capitals alone are lowercased (test/repository-case.test.ts); with a tag the image is still refused.
  ['an image with upper case and a tag', { ...B, image: 'Ghcr.io/Acme/PT:Latest' }, /input image: .* has a tag or digest/],
  ['an image with a tag', { ...B, image: 'ghcr.io/acme/pt:latest' }, /has a tag or digest/],
  ['an image with a command substitution', { ...B, image: 'ghcr.io/acme/$(id)' }, /input image: .* is not valid/],
  [
    'an image with a newline and a workflow command',
    { ...B, image: 'ghcr.io/a/b\n::set-output name=digest::x' },
    /input image: .* is not valid/,
  ],
  ['a tag template with an unknown placeholder', { ...B, tags: '{tga}' }, /unknown placeholder \{tga\}/],
  ['a tag shared by every entry', { ...B, matrix: TWO, tags: 'latest' }, /would push to the same tag/],
  ['a tag with shell characters', { ...B, tags: '{tag};id' }, /is not a valid tag/],
  ['a label without =', { ...B, labels: 'no-equals' }, /input labels line 1: "no-equals" is not key=value/],
  ['a build-arg with a bad name', { ...B, 'build-args': '1BAD=x' }, /is not KEY=VALUE/],
  [
    'a build-arg that would contradict the entry',
    { ...B, 'build-args': 'TORCH_VERSION=9.9.9' },
    /TORCH_VERSION is set from each matrix entry/,
  ],
  [
    'a dockerfile outside the workspace',
    { ...B, dockerfile: '../../Dockerfile', context: '.' },
    /input dockerfile: .* is outside the workspace/,
  ],
  ['a context outside the workspace', { ...B, dockerfile: 'Dockerfile', context: '/' }, /input context: "\/" is outside the workspace/],
  [
    'a context symlink leading out of the workspace',
    { ...B, dockerfile: 'Dockerfile', context: 'ctx' },
    /input context: "ctx" is outside the workspace/,
    (ws) => symlinkSync('/etc', path.join(ws, 'ctx')),
  ],
  [
    'a dockerfile symlink leading out of the workspace',
    { ...B, dockerfile: 'Dockerfile', context: '.' },
    /input dockerfile: .* is outside the workspace/,
    (ws) => symlinkSync('/etc/hostname', path.join(ws, 'Dockerfile')),
  ],
  ['push: yes', { ...B, push: 'yes' }, /input push: "yes" is not valid; accepted: true or false/],
  ['cache: s3', { ...B, cache: 's3' }, /input cache: "s3" is not a cache backend/],
  ['retries: 99', { ...B, retries: '99' }, /input retries: "99" is not valid/],
  ['skip-existing: maybe', { ...B, 'skip-existing': 'maybe' }, /input skip-existing: "maybe" is not valid/],
  ['a builder name with a semicolon', { ...B, builder: 'bk;rm -rf /' }, /is not a builder name/],
  ['cache-timeout 0', { ...B, 'cache-timeout': '0' }, /input cache-timeout: "0" is not valid/],
  ['fail-fast: 1', { ...B, 'fail-fast': '1' }, /input fail-fast: "1" is not valid; accepted: true or false/],
  ['parallel: many', { ...B, parallel: 'many' }, /input parallel: "many" is not valid; accepted: auto, or a whole number from 1 to 32/],
  [
    'smoke: sometimes (all)',
    { ...B, command: 'all', smoke: 'sometimes' },
    /input smoke: "sometimes" is not valid; accepted: true, false or auto/,
  ],
  // customisation inputs (build: nothing may reach docker before they are all checked)
  [
    'apt-packages with a shell command',
    { ...B, 'apt-packages': 'libgl1 ;reboot' },
    /input apt-packages item 2: ";reboot" is not a Debian package name/,
  ],
  [
    'pip-packages naming torch',
    { ...B, 'pip-packages': 'numpy==1.26.4 torch==2.5.0' },
    /input pip-packages item 2: "torch==2.5.0": torch is set by the matrix/,
  ],
  ['pip-packages with a URL', { ...B, 'pip-packages': 'https://evil.example/x.whl' }, /is a URL or path; pip-packages takes package names/],
  ['pip-packages with a quote', { ...B, 'pip-packages': "numpy'==1" }, /is not a pip requirement/],
  [
    'an index URL with credentials',
    { ...B, 'pip-extra-index-url': 'https://ci:s3cr3t-t0ken@pypi.example/simple' },
    /the URL holds credentials, which would be stored in the image's history/,
  ],
  ['env with a newline and a workflow command', { ...B, env: 'A=1\n::set-output name=images::x' }, /input env line 2: .* is not KEY=VALUE/],
  ['user root', { ...B, user: 'root' }, /input user: "root" is root/],
  ['a workdir that is relative', { ...B, workdir: 'app' }, /input workdir: "app" is not valid; accepted: an absolute path/],
  [
    'a requirements file outside the workspace',
    { ...B, requirements: '../r.txt' },
    /input requirements: "..\/r.txt" is not valid; accepted: a path inside the repository/,
  ],
  ['a requirements file that does not exist', { ...B, requirements: 'missing.txt' }, /requirements: "missing.txt" does not exist/],
  [
    'a requirements file with an editable local package',
    { ...B, requirements: 'r.txt' },
    /requirements r.txt line 2: "-e \.\/lib" installs from a local path/,
    (ws) => writeFileSync(path.join(ws, 'r.txt'), 'numpy==1.26.4\n-e ./lib\n'),
  ],
  [
    'a post-install symlinked out of the workspace',
    { ...B, 'post-install': 'post.sh' },
    /post-install: "post.sh" is outside the workspace/,
    (ws) => symlinkSync('/etc/passwd', path.join(ws, 'post.sh')),
  ],
  [
    'a base-image with a command substitution',
    { ...B, 'base-image': 'pytorch/pytorch:$(id)' },
    /input base-image: .* is not an image reference/,
  ],
  ['a base-image with an unknown placeholder', { ...B, 'base-image': 'pytorch/pytorch:{torch}-{gpu}' }, /unknown placeholder \{gpu\}/],
  [
    'customisation with a Dockerfile of ones own',
    { ...B, dockerfile: 'Dockerfile', 'apt-packages': 'libgl1' },
    /apt-packages customise the embedded template, but input dockerfile names your own Dockerfile/,
    (ws) => writeFileSync(path.join(ws, 'Dockerfile'), 'FROM scratch\n'),
  ],
  [
    'a customisation key in exclude',
    { matrix: `${M}\nexclude:\n  - {cuda: "12.4", user: app}` },
    /matrix.exclude\[0\]: unknown key "user"/,
  ],
  // smoke inputs
  ['smoke-shm-size in gallons', { ...S, 'smoke-shm-size': '2gal' }, /input smoke-shm-size: "2gal" is not a size/],
  [
    'smoke-ipc-host with smoke-shm-size',
    { ...S, 'smoke-ipc-host': 'true', 'smoke-shm-size': '8g' },
    /input smoke-shm-size and input smoke-ipc-host are both set/,
  ],
  ['smoke-cpus none', { ...S, 'smoke-cpus': 'none' }, /input smoke-cpus: "none" is not valid/],
  ['smoke-env without a name', { ...S, 'smoke-env': '=x' }, /input smoke-env line 1: "=x" is not KEY=VALUE/],
  ['gpu-flags asking for --privileged', { ...S, 'gpu-flags': '--gpus all --privileged' }, /"--privileged" is not accepted/],
  ['gpu-flags mounting the host', { ...S, 'gpu-flags': '-v /:/host' }, /"-v" is not accepted/],
  ['gpus with a semicolon', { ...S, gpus: '0;reboot' }, /input gpus: .* is not valid/],
  ['smoke-timeout 1', { ...S, 'smoke-timeout': '1' }, /input smoke-timeout: "1" is not valid/],
  ['min-gpus 0', { ...S, 'min-gpus': '0' }, /input min-gpus: "0" is not valid/],
  ['a smoke-script outside the workspace', { ...S, 'smoke-script': '../x.py' }, /input smoke-script: .* is outside the workspace/],
  ['a smoke-python with a shell command', { ...S, 'smoke-python': 'python3; id' }, /is not an interpreter name or path/],
  ['images that are not JSON', { ...S, images: 'not json' }, /input images: not the JSON list/],
  // issue 17: what the security review passed to docker run
  ['gpu-flags handing in a disk', { ...S, 'gpu-flags': '--device=/dev/sda' }, /--device "\/dev\/sda" is not accepted; accepted: a GPU/],
  ['gpu-flags choosing another runtime', { ...S, 'gpu-flags': '--runtime=runc' }, /--runtime "runc" is not accepted; accepted: nvidia/],
  ['gpu-flags passing a variable', { ...S, 'gpu-flags': '--gpus all --env HF_TOKEN=hf_x' }, /"--env" is not accepted/],
  ['gpu-flags sharing the host IPC', { ...S, 'gpu-flags': '--ipc=host' }, /"--ipc" is not accepted/],
  [
    'images whose tag is a flag',
    { ...S, images: JSON.stringify([{ key: 'k', tags: ['--privileged'], digest: null, status: 'built' }]) },
    /input images\[0\]\.tags\[0\]: .*--privileged/,
  ],
  [
    'images whose digest is a flag',
    { ...S, images: JSON.stringify([{ key: 'k', tags: ['r/x:t'], digest: '--privileged', status: 'built' }]) },
    /input images\[0\]\.digest: "--privileged" is not a sha256 digest/,
  ],
  ['expect-gpu: maybe', { ...S, 'expect-gpu': 'maybe' }, /input expect-gpu: "maybe" is not valid/],
  // repro inputs
  ['fail-on: always', { ...R, 'fail-on': 'always' }, /input fail-on: "always" is not valid/],
  ['source-date-epoch: yesterday', { ...R, 'source-date-epoch': 'yesterday' }, /input source-date-epoch: "yesterday" is not valid/],
  ['a baseline template with an unknown placeholder', { ...R, baseline: '{image}:{sha}' }, /unknown placeholder \{sha\}/],
];

describe(`bad input: ${cases.length} hostile or broken inputs (docker replaced by a spy)`, () => {
  it('has at least 40 cases', () => expect(cases.length).toBeGreaterThanOrEqual(40));
  it('does not repeat a credential it refuses', async () => {
    const run = await runAction(
      node.bin,
      { ...B, 'pip-index-url': 'https://ci:s3cr3t-t0ken@pypi.example/simple' },
      { env: { PATH: `${bin}:${process.env.PATH}` } },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('s3cr3t-t0ken');
  });
  for (const [name, inputs, message, setup] of cases) {
    it(`refuses ${name}`, async () => {
      rmSync(spyLog, { force: true });
      const run = await runAction(node.bin, inputs, { env: { PATH: `${bin}:${process.env.PATH}` }, ...(setup ? { setup } : {}) });
      expect(run.code, run.stdout.slice(-1500)).toBe(1);
      const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(message);
      expect(run.stdout).not.toMatch(/\n\s+at .*:\d+:\d+/);
      expect(run.outputs).toEqual({});
      expect(existsSync(spyLog) ? readFileSync(spyLog, 'utf8') : '', 'docker, nvidia-smi or git was called').toBe('');
      // No value a user controls starts a line as a workflow command.
      for (const line of run.stdout.split('\n')) {
        expect(line, 'a workflow command in the log').not.toMatch(
          /^\s*::(set-output|add-mask|set-env|add-path|save-state|add-matcher|stop-commands|echo)/,
        );
      }
    });
  }
});

describe('entries the embedded template cannot build (docker replaced by a spy)', () => {
  // uv installs the template's Python and has no CPython 3.7 (astral-sh/uv#13022): torch 1.13 on
  // Python 3.7 fails before any registry lookup or docker call, with the way out named.
  it('fails a Python 3.7 entry before any docker work, and builds nothing', async () => {
    rmSync(spyLog, { force: true });
    const matrix = 'torch: 1.13.1\ncuda: cpu\npython: "3.7"';
    const run = await runAction(node.bin, { ...B, matrix }, { env: { PATH: `${bin}:${process.env.PATH}` } });
    expect(run.code).toBe(1);
    const [image] = JSON.parse(run.outputs.images ?? '[]') as { status: string; error: string }[];
    expect(image?.status).toBe('failed');
    expect(image?.error).toMatch(
      /the embedded template installs Python with uv, which has no CPython 3\.7 .* base-image that holds Python 3\.7/,
    );
    expect(run.stdout).toMatch(/::warning::1\.13\.1-cpu-py3\.7-ubuntu\d+\.\d+: the embedded template installs Python with uv/);
    expect(existsSync(spyLog) ? readFileSync(spyLog, 'utf8') : '', 'docker was called').toBe('');
  });
});
