import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderDockerfile } from '../src/template/dockerfile.js';
import { bundledCompat, mergeCompatFile } from '../src/compat/load.js';
import type { ImageResult } from '../src/commands/build.js';
import type { SmokeResult } from '../src/commands/smoke.js';
import {
  DEBIAN_TORCH_COMPAT,
  BUILDER,
  REGISTRY,
  freshRepository,
  registryDigest,
  requireInfra,
  TORCH_IMAGE,
  TORCH_PIP_IMAGE,
  pushTorchPipImage,
} from './support/infra.js';
import { buildWheels, servePipIndex, type PipIndex } from './support/pip-index.js';
import { runAction, type ActionRun } from './support/run-action.js';
import { runtimes } from './support/runtimes.js';
import { plan } from './helpers.js';

// Customising the embedded template, end to end on real parts: the committed action bundle
// under Node 24, dockerd, BuildKit v0.25, the registry, a PEP 503 index served by this process
// with wheels built in the test, and Debian's real CPU torch. The template starts FROM a local
// image that already holds torch (the base-image path): Debian's python3-torch 1.13 plus
// python3-pip, built here as BASE. The wheel path (uv, nvidia/cuda, the PyTorch index) cannot
// be reached from this machine; its rendering is tested in custom-core.test.ts.

// Real builds and containers, beside the other end-to-end files on a shared 2-core builder: minutes, not seconds.
vi.setConfig({ testTimeout: 600_000 });

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
const BASE = TORCH_PIP_IMAGE;

const SMOKE_SCRIPT = `import json, os, demo_pkg
# run from the read-only workspace mount
assert os.getcwd() == "/workspace", os.getcwd()
assert open("tests/fixture.txt").read().strip() == "fixture from the repository"
assert demo_pkg.__version__ == "1.0", demo_pkg.__version__
assert os.environ["SMOKE_TOKEN"] == "tok-8c1f0e", "smoke-env did not arrive"
assert os.environ["DOCKER_HOST"] == "tcp://127.0.0.1:9", "smoke-env DOCKER_HOST did not arrive"
st = os.statvfs("/dev/shm")
shm = st.f_frsize * st.f_blocks
assert shm >= 2 * 1024 ** 3, "/dev/shm is %d bytes" % shm
for limit in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
    if os.path.exists(limit):
        assert open(limit).read().strip() == str(3 * 1024 ** 3), open(limit).read()
try:
    open("/workspace/tests/written", "w")
    raise SystemExit("the workspace is writable")
except OSError:
    pass
print("user smoke script ok")
`;

let scratch = '';
let index: PipIndex;

beforeAll(async () => {
  requireInfra();
  scratch = mkdtempSync(path.join(tmpdir(), 'gim-custom-'));
  // The base image: Debian's torch with pip added (pytorch/pytorch and NGC images bring pip too).
  pushTorchPipImage(scratch);
  const wheels = path.join(scratch, 'wheels');
  buildWheels(
    wheels,
    [
      { name: 'demo-pkg', version: '1.0' },
      { name: 'demo-pkg', version: '1.1' },
      { name: 'evil-pkg', version: '1.0', requires: ['torch>=2'] },
    ],
    TORCH_IMAGE,
  );
  index = await servePipIndex(wheels);
}, 900_000);

afterAll(async () => {
  await index?.close();
  rmSync(scratch, { recursive: true, force: true });
});

function images(run: ActionRun): ImageResult[] {
  if (!run.outputs.images) throw new Error(`no images output; the action printed:\n${run.stdout.slice(-4000)}`);
  return JSON.parse(run.outputs.images) as ImageResult[];
}

function action(inputs: Record<string, string>, setup: (ws: string) => void = () => {}): Promise<ActionRun> {
  return runAction(
    node.bin,
    { 'compat-file': 'compat.json', builder: BUILDER, 'base-image': BASE, 'pip-index-url': index.url, push: 'true', ...inputs },
    {
      timeoutMs: 600_000,
      setup: (ws) => {
        writeFileSync(path.join(ws, 'compat.json'), DEBIAN_TORCH_COMPAT);
        setup(ws);
      },
    },
  );
}

describe('the embedded template FROM an image that already holds torch', () => {
  const repo = freshRepository('custom');
  let workspace = '';
  const files = (ws: string): void => {
    workspace = ws;
    mkdirSync(path.join(ws, 'docker'));
    mkdirSync(path.join(ws, 'tests'));
    writeFileSync(path.join(ws, 'docker/requirements.txt'), `-r pins.txt\n`);
    writeFileSync(path.join(ws, 'docker/pins.txt'), `demo-pkg==1.0 \\\n    --hash=sha256:${index.hashes.get('demo-pkg==1.0')}\n`);
    writeFileSync(path.join(ws, 'docker/post-install.sh'), '#!/bin/sh\nset -e\necho "post-install ran" > /opt/post-install-ran\n');
    writeFileSync(path.join(ws, 'tests/smoke.py'), SMOKE_SCRIPT);
    writeFileSync(path.join(ws, 'tests/fixture.txt'), 'fixture from the repository\n');
  };
  const inputs = {
    command: 'all',
    matrix: 'torch: 1.13.0\ncuda: cpu\npython: "3.11"\nenv: {APP_MODE: "smoke $HOME stays literal"}',
    image: repo,
    'apt-packages': 'hello',
    'pip-packages': 'demo-pkg==1.0',
    requirements: 'docker/requirements.txt',
    workdir: '/srv/app',
    user: 'app',
    'post-install': 'docker/post-install.sh',
    smoke: 'true',
    'expect-gpu': 'false',
    'smoke-script': 'tests/smoke.py',
    'smoke-shm-size': '2g',
    'smoke-memory': '3g',
    'smoke-cpus': '1.5',
    // DOCKER_HOST is for the container only: in docker's own environment it would move the CLI to another daemon (issue 17 item 6).
    'smoke-env': 'SMOKE_TOKEN=tok-8c1f0e\nDOCKER_HOST=tcp://127.0.0.1:9',
  };
  let run: ActionRun;

  it(
    'adds an apt package, a pinned package from the local index, a hashed requirements file, env, ' +
      'a workdir, a user and post-install; the CPU smoke check reads the inventory and confirms each',
    async () => {
      index.requests.length = 0;
      run = await action(inputs, files);
      expect(run.code, run.stdout.slice(-5000)).toBe(0);
      const [built] = images(run);
      expect(built).toMatchObject({ status: 'built', tag: '1.13.0-cpu-py3.11-ubuntu24.04' });
      expect(built?.digest).toBe(await registryDigest(repo, '1.13.0-cpu-py3.11-ubuntu24.04'));
      // the packages came from the index this test serves
      expect(index.requests).toEqual(expect.arrayContaining(['/simple/demo-pkg/', '/packages/demo_pkg-1.0-py3-none-any.whl']));

      const [smoke] = JSON.parse(run.outputs['smoke-results'] as string) as SmokeResult[];
      expect(smoke?.status, JSON.stringify(smoke, null, 1)).toBe('passed');
      const checks = Object.fromEntries(smoke!.checks.map((c) => [c.name, c]));
      expect(Object.keys(checks)).toEqual([
        'torch imports',
        'torch version',
        'torch CUDA version',
        'matmul on CPU',
        'NumPy interop (torch.from_numpy, .numpy())',
        "inventory is this entry's",
        'torch as pinned at build',
        // torch 1.13 was built against NumPy 1.x: the template holds numpy<2 and the check confirms it
        'numpy<2 as held at build',
        'apt package hello',
        'pip package demo-pkg==1.0',
        'requirements docker/requirements.txt (1 pins)',
        'environment (APP_MODE)',
        'working directory',
        'runs as user app',
        'smoke-script /workspace/tests/smoke.py',
      ]);
      expect(smoke!.checks.every((c) => c.ok)).toBe(true);
      expect(checks['torch as pinned at build']).toMatchObject({ value: '1.13.0a0+gitunknown' });
      expect(checks['apt package hello']?.value).toMatch(/^2\./);
      expect(checks['pip package demo-pkg==1.0']?.value).toBe('1.0');
      expect(checks['runs as user app']?.value).toMatch(/^app \(uid \d+\)$/);
      expect(checks['working directory']?.value).toBe('/srv/app');
      // the base image was looked up and pinned; the inventory says which
      expect(smoke!.report?.inventory).toMatchObject({
        key: built?.key,
        baseImage: { name: BASE, digest: await registryDigest(BASE.replace(/:bookworm$/, ''), 'bookworm') },
      });
      expect(smoke!.report?.inventory?.systemPackages).toBeGreaterThan(100);
      // smoke-env values never reach the log, and their --env-file is gone
      expect(run.stdout).not.toContain('tok-8c1f0e');
      expect(readdirSync(path.join(path.dirname(run.workspace), 'temp')).filter((n) => n.startsWith('gim-env-'))).toEqual([]);
    },
  );

  it('has the inventory, the constraints, the post-install layer and the labels in the image', () => {
    const ref = `${repo}:1.13.0-cpu-py3.11-ubuntu24.04`;
    execFileSync('docker', ['pull', '-q', ref], { stdio: 'pipe' });
    const inventory = JSON.parse(
      execFileSync('docker', ['run', '--rm', '--entrypoint', 'cat', ref, '/etc/gpu-image-matrix/inventory.json'], { encoding: 'utf8' }),
    );
    expect(inventory).toMatchObject({
      schema: 1,
      entry: { torch: '1.13.0', cuda: 'cpu', python: '3.11' },
      baseImage: { name: BASE, holdsTorch: true },
      requested: {
        aptPackages: ['hello'],
        pipPackages: ['demo-pkg==1.0'],
        requirements: { file: 'docker/requirements.txt', hashes: true, pins: ['demo-pkg==1.0'] },
        user: 'app',
        workdir: '/srv/app',
      },
      constraints: ['torch==1.13.0a0+gitunknown', 'numpy<2'],
      python: { version: expect.stringMatching(/^3\.11\./) },
    });
    expect(inventory.pythonPackages).toEqual(
      expect.arrayContaining([
        { name: 'demo-pkg', version: '1.0' },
        { name: 'torch', version: '1.13.0a0+gitunknown' },
      ]),
    );
    expect(inventory.systemPackages).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'hello' })]));
    const ran = execFileSync('docker', ['run', '--rm', '--entrypoint', 'cat', ref, '/opt/post-install-ran'], { encoding: 'utf8' });
    expect(ran.trim()).toBe('post-install ran');
    const env = execFileSync('docker', ['run', '--rm', '--entrypoint', 'sh', ref, '-c', 'echo "$APP_MODE|$(id -un)|$(pwd)"'], {
      encoding: 'utf8',
    });
    expect(env.trim()).toBe('smoke $HOME stays literal|app|/srv/app');
    const labels = JSON.parse(
      execFileSync('docker', ['image', 'inspect', '--format', '{{json .Config.Labels}}', ref], { encoding: 'utf8' }),
    );
    expect(labels['io.github.gpu-image-matrix.inventory']).toBe('/etc/gpu-image-matrix/inventory.json');
  });

  it('skips an unchanged re-run, and rebuilds when the requirements change', async () => {
    const again = await action({ ...inputs, command: 'build' }, files);
    expect(again.code, again.stdout.slice(-3000)).toBe(0);
    expect(images(again)[0]?.status).toBe('skipped');
    // The requirements now pin demo-pkg 1.1 while pip-packages (a later layer) asks for 1.0: the
    // image builds, and the smoke check finds that the requirements' pin did not hold.
    const changed = await action(inputs, (ws) => {
      files(ws);
      writeFileSync(path.join(ws, 'docker/pins.txt'), `demo-pkg==1.1 --hash=sha256:${index.hashes.get('demo-pkg==1.1')}\n`);
    });
    expect(changed.code).toBe(1);
    expect(images(changed)[0]?.status).toBe('built');
    const [smoke] = JSON.parse(changed.outputs['smoke-results'] as string) as SmokeResult[];
    expect(smoke).toMatchObject({ status: 'failed', failed: 'requirements docker/requirements.txt (1 pins)' });
    expect(smoke?.checks.find((c) => c.name.startsWith('requirements'))?.message).toBe('demo-pkg is 1.0, pinned 1.1');
    expect(workspace).not.toBe('');
  });
});

describe('fan-out: a planned entry carries what it adds', () => {
  it('builds exactly the planned entry from toJSON(matrix), with or without the inputs given again', async () => {
    const inputs = {
      matrix: 'torch: 1.13.0\ncuda: cpu\npython: "3.11"\ninclude:\n  - {torch: 1.13.0, apt-packages: [hello], tag-suffix: hello}',
      'pip-packages': 'demo-pkg==1.0',
      user: 'app',
    };
    const planned = await action({ command: 'plan', ...inputs });
    expect(planned.code, planned.stdout.slice(-3000)).toBe(0);
    const entries = (
      JSON.parse(planned.outputs.matrix as string) as { include: { tag: string; key: string; customisation?: Record<string, unknown> }[] }
    ).include;
    expect(entries.map((e) => e.tag)).toEqual(['1.13.0-cpu-py3.11-ubuntu24.04', '1.13.0-cpu-py3.11-ubuntu24.04-hello']);
    const variant = entries[1]!;
    expect(variant.customisation).toMatchObject({
      aptPackages: ['hello'],
      pipPackages: ['demo-pkg==1.0'],
      user: 'app',
      baseImage: BASE,
      tagSuffix: 'hello',
    });
    const repo = freshRepository('custom-fanout');
    // A fan-out job passes the entry, and (as the reusable workflow does for the plan only) may or may not repeat the inputs.
    const alone = await runAction(
      node.bin,
      { command: 'build', entry: JSON.stringify(variant), 'compat-file': 'compat.json', builder: BUILDER, image: repo, push: 'true' },
      {
        timeoutMs: 600_000,
        setup: (ws) => writeFileSync(path.join(ws, 'compat.json'), DEBIAN_TORCH_COMPAT),
      },
    );
    expect(alone.code, alone.stdout.slice(-3000)).toBe(0);
    expect(images(alone)[0]).toMatchObject({ key: variant.key, tag: variant.tag, status: 'built' });
    const repeated = await action({
      command: 'build',
      entry: JSON.stringify(variant),
      image: repo,
      'pip-packages': 'demo-pkg==1.0',
      user: 'app',
    });
    expect(repeated.code, repeated.stdout.slice(-3000)).toBe(0);
    expect(images(repeated)[0]).toMatchObject({ key: variant.key, status: 'skipped' });
    // The entry's own values win over the inputs (as an include item's do)...
    const own = await action({ command: 'build', entry: JSON.stringify(variant), image: repo, user: 'svc' });
    expect(images(own)[0]).toMatchObject({ key: variant.key, status: 'skipped' });
    // ...but an input that adds what the plan did not have makes another image, and the job says so.
    const other = await action({ command: 'build', entry: JSON.stringify(variant), image: repo, 'apt-packages': 'cowsay' });
    expect(other.code).toBe(1);
    expect(other.stdout).toMatch(
      new RegExp(
        '::error::input entry: entry "[0-9a-f]{12}" resolves to "[0-9a-f]{12}" ' +
          'here: it was planned with other release data or other customisation inputs',
      ),
    );
  });
});

describe('reproducibility of the customised template', () => {
  it('builds bit for bit the same image twice (apt, pip, a user, a workdir, post-install and the inventory included)', async () => {
    const run = await action(
      {
        command: 'repro',
        matrix: 'torch: 1.13.0\ncuda: cpu\npython: "3.11"',
        image: freshRepository('custom-repro'),
        push: 'false',
        'source-date-epoch': '1700000000',
        'apt-packages': 'hello',
        'pip-packages': 'demo-pkg==1.0',
        user: 'app',
        workdir: '/srv/app',
        'post-install': 'post.sh',
      },
      (ws) => writeFileSync(path.join(ws, 'post.sh'), '#!/bin/sh\nmkdir -p /opt/app && echo ok > /opt/app/ready\n'),
    );
    expect(run.code, run.stdout.slice(-4000)).toBe(0);
    const [r] = JSON.parse(run.outputs['repro-report'] as string) as { status: string; determinism: { deterministic: boolean } }[];
    expect(r).toMatchObject({ status: 'checked', determinism: { deterministic: true } });
  });
});

describe("the template's own Python steps", () => {
  it('pin and inventory read the same packages on Python 3.7, without importlib.metadata', () => {
    const entry = plan(`torch: 1.13.0\ncuda: cpu\npython: "3.11"\nbase-image: ${BASE}\napt-packages: [hello]`, {
      data: mergeCompatFile(bundledCompat(), DEBIAN_TORCH_COMPAT, 'compat'),
    }).include[0]!;
    const text = renderDockerfile(entry);
    const script = (marker: string) => text.slice(text.indexOf(`<<'${marker}'\n`) + marker.length + 4, text.indexOf(`\n${marker}\n`));
    const dir = path.join(scratch, 'steps');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'pin.py'), script('GIM_PIN'));
    writeFileSync(path.join(dir, 'inventory.py'), script('GIM_INVENTORY'));
    // Run both as the build does, then print what they wrote; "3.7" hides importlib.metadata as Python 3.7 lacks it.
    writeFileSync(
      path.join(dir, 'run.py'),
      'import json, sys\nif sys.argv[1] == "3.7":\n    sys.modules["importlib.metadata"] = None\nfor s in ("pin", ' +
        '"inventory"):\n    exec(compile(open("/s/%s.py" % s).read(), s, "exec"), {"__name__": "__main__"})\n' +
        'inv = json.load(open("/etc/gpu-image-matrix/inventory.json"))\n' +
        'print(json.dumps([inv["constraints"], inv["pythonPackages"]]))\n',
    );
    const runWith = (mode: string) =>
      JSON.parse(
        execFileSync('docker', ['run', '--rm', '-v', `${dir}:/s:ro`, '--entrypoint', 'python3', BASE, '/s/run.py', mode], {
          encoding: 'utf8',
        })
          .trim()
          .split('\n')
          .pop()!,
      );
    const usual = runWith('3.8+');
    const old = runWith('3.7');
    expect(usual[0]).toEqual(['torch==1.13.0a0+gitunknown', 'numpy<2']);
    expect(usual[1].length).toBeGreaterThan(10);
    expect(old).toEqual(usual);
  });
});

describe('what the template refuses, with the culprit named and nothing pushed', () => {
  const matrix = 'torch: 1.13.0\ncuda: cpu\npython: "3.11"';
  const tag = '1.13.0-cpu-py3.11-ubuntu24.04';

  it('a requirements file whose hash does not match the download', async () => {
    const repo = freshRepository('custom-hash');
    const run = await action({ command: 'build', matrix, image: repo, requirements: 'requirements.txt' }, (ws) =>
      writeFileSync(path.join(ws, 'requirements.txt'), `demo-pkg==1.0 --hash=sha256:${'0'.repeat(64)}\n`),
    );
    expect(run.code).toBe(1);
    const [r] = images(run);
    expect(r?.error).toMatch(
      new RegExp(
        `^requirements: the file downloaded for demo-pkg==1\\.0 does not match its hash in the requirements file \\(the ` +
          `requirements file says sha256 000000000000…, the download is ${index.hashes.get('demo-pkg==1.0')!.slice(0, 12)}…\\)`,
      ),
    );
    expect(run.stdout).toMatch(/::error::.*does not match its hash/);
    expect(run.stdout).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
    expect(await registryDigest(repo, tag)).toBeNull();
  });

  it('a package that would replace torch', async () => {
    const repo = freshRepository('custom-evil');
    const run = await action({ command: 'build', matrix, image: repo, 'pip-packages': 'demo-pkg==1.0 evil-pkg==1.0' });
    expect(run.code).toBe(1);
    expect(images(run)[0]?.error).toMatch(
      new RegExp(
        '^evil-pkg 1\\.0 asks for torch>=2, but torch is pinned to 1\\.13\\.0a0\\+gitunknown ' +
          "for this entry: installing it would replace the entry's torch",
      ),
    );
    expect(await registryDigest(repo, tag)).toBeNull();
  });

  it('a post-install script that replaces torch after all', async () => {
    const repo = freshRepository('custom-post');
    const run = await action({ command: 'build', matrix, image: repo, 'post-install': 'swap-torch.sh' }, (ws) =>
      writeFileSync(
        path.join(ws, 'swap-torch.sh'),
        '#!/bin/sh\nd=/usr/local/lib/python3.11/dist-packages/torch-9.9.dist-info\n' +
          'mkdir -p $d && printf "Metadata-Version: 2.1\\nName: torch\\nVersion: 9.9\\n" > $d/METADATA\n',
      ),
    );
    expect(run.code).toBe(1);
    expect(images(run)[0]?.error).toMatch(/^torch is now 9\.9, it was 1\.13\.0a0\+gitunknown: a step after the pin replaced it/);
    expect(await registryDigest(repo, tag)).toBeNull();
  });

  it('a base image that holds another torch than the entry says', async () => {
    const repo = freshRepository('custom-mismatch');
    const run = await action({ command: 'build', matrix: 'torch: 1.13.1\ncuda: cpu\npython: "3.11"', image: repo });
    expect(run.code).toBe(1);
    expect(images(run)[0]?.error).toMatch(
      /^torch is 1\.13\.0a0\+gitunknown, the entry says 1\.13\.1: the base image .* does not hold what this entry says/,
    );
  });

  it('a base-image tag that does not exist, before anything builds', async () => {
    const repo = freshRepository('custom-nobase');
    const run = await action({ command: 'build', matrix, image: repo, 'base-image': `${REGISTRY}/gim-fixtures/torch-pip:{torch}-nope` });
    expect(run.code).toBe(1);
    const [r] = images(run);
    expect(r).toMatchObject({ status: 'failed', attempts: 0 });
    expect(r?.error).toMatch(
      new RegExp(
        '^the base image 127\\.0\\.0\\.1:5000/gim-fixtures/torch-pip:1\\.13\\.0-nope does not ' +
          'exist: 127\\.0\\.0\\.1:5000 has no tag "1\\.13\\.0-nope" in gim-fixtures/torch-pip',
      ),
    );
    expect(run.stdout).not.toMatch(/buildx|#\d+ \[/); // no build started
  });

  it("customisation together with a Dockerfile of one's own", async () => {
    const run = await action(
      { command: 'build', matrix, image: freshRepository('custom-own'), dockerfile: 'Dockerfile', 'apt-packages': 'hello' },
      (ws) => writeFileSync(path.join(ws, 'Dockerfile'), `FROM ${BASE}\n`),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(
        '::error::1\\.13\\.0-cpu-py3\\.11-ubuntu24\\.04: apt-packages, pip-index-url, base-image ' +
          'customise the embedded template, but input dockerfile names your own Dockerfile',
      ),
    );
  });
});

describe('a base-image without torchvision or torchaudio (NGC PyTorch images ship no torchaudio)', () => {
  it('pins what the base holds, records what it lacks in the inventory, and the smoke check follows it', async () => {
    // The entry asks for torchvision 0.14.0 and torchaudio 0.13.0, as torch 1.13.0's release data does;
    // Debian's torch image has neither. Before, the pin step failed the build ("torchvision is not installed").
    const compat = JSON.parse(DEBIAN_TORCH_COMPAT) as { torch: { patches: unknown[] }[] };
    compat.torch[0]!.patches = [{ torch: '1.13.0', torchvision: '0.14.0', torchaudio: '0.13.0' }];
    const run = await runAction(
      node.bin,
      {
        command: 'all',
        matrix: 'torch: 1.13.0\ncuda: cpu\npython: "3.11"',
        image: freshRepository('companions'),
        'compat-file': 'compat.json',
        builder: BUILDER,
        'base-image': BASE,
        push: 'true',
        smoke: 'true',
        'expect-gpu': 'false',
      },
      { timeoutMs: 600_000, setup: (ws) => writeFileSync(path.join(ws, 'compat.json'), JSON.stringify(compat)) },
    );
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    expect(images(run)[0]?.status).toBe('built');
    // what the pin step found is in the image (its log line only shows when BuildKit has not cached the step)
    const ref = images(run)[0]!.tags[0]!;
    execFileSync('docker', ['pull', '-q', ref], { stdio: 'pipe' });
    const inventory = JSON.parse(
      execFileSync('docker', ['run', '--rm', '--entrypoint', 'cat', ref, '/etc/gpu-image-matrix/inventory.json'], { encoding: 'utf8' }),
    ) as { absent: string[]; constraints: string[] };
    expect(inventory).toMatchObject({ absent: ['torchaudio', 'torchvision'], constraints: ['torch==1.13.0a0+gitunknown', 'numpy<2'] });
    const [smoke] = JSON.parse(run.outputs['smoke-results'] as string) as SmokeResult[];
    expect(smoke?.status, JSON.stringify(smoke, null, 1)).toBe('passed');
    const names = smoke!.checks.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['torchvision (not in the base image)', 'torchaudio (not in the base image)']));
    expect(names).not.toContain('torchvision version');
  });
});
