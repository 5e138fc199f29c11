import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inlinePython } from '../src/python-scripts.js';
import { CONSTRAINTS_PATH, INVENTORY_PATH, TEMPLATE_VERSION, renderDockerfile } from '../src/template/dockerfile.js';
import { plan } from './helpers.js';
import { ROOT } from './support/runtimes.js';

// The Python that runs inside images (src/smoke/*.py, src/template/*.py), run here for real on
// the interpreters this machine has: pyenv's (~/.pyenv/versions/3.*) and python3 on PATH. No
// docker: installed packages are fake *.dist-info / *.egg-info metadata on PYTHONPATH, and dpkg's
// status and os-release are files the test writes. Python 3.7 (no importlib.metadata) is played
// by the newest Python with importlib.metadata hidden, and by 3.7 itself when it is there.

interface Python {
  bin: string;
  /** "3.8.18" */
  version: string;
  /** "3.8" */
  minor: string;
}

function probe(bin: string): Python | null {
  const r = spawnSync(bin, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8', timeout: 30_000 });
  const version = r.status === 0 ? r.stdout.trim() : '';
  return /^3\.\d+\.\d+$/.test(version) ? { bin, version, minor: version.split('.').slice(0, 2).join('.') } : null;
}

/** Every Python 3.7+ found, one per version, oldest first. */
function findPythons(): Python[] {
  const roots = [...new Set([process.env.PYENV_ROOT, path.join(homedir(), '.pyenv'), '/root/.pyenv'].filter(Boolean) as string[])];
  const candidates: string[] = [];
  for (const root of roots) {
    let versions: string[];
    try {
      versions = readdirSync(path.join(root, 'versions')).filter((v) => /^3\.\d+/.test(v));
    } catch {
      continue;
    }
    candidates.push(...versions.map((v) => path.join(root, 'versions', v, 'bin', 'python3')));
  }
  candidates.push('python3');
  const byVersion = new Map<string, Python>();
  for (const bin of candidates) {
    const p = probe(bin);
    if (p && !byVersion.has(p.version) && key(p.version) >= key('3.7.0')) byVersion.set(p.version, p);
  }
  return [...byVersion.values()].sort((a, b) => key(a.version) - key(b.version));
}

function key(version: string): number {
  const [a = 0, b = 0, c = 0] = version.split('.').map(Number);
  return a * 1_000_000 + b * 1_000 + c;
}

const pythons = findPythons();
const py38 = pythons.find((p) => p.minor === '3.8');
const py37 = pythons.find((p) => p.minor === '3.7');
const newest = pythons[pythons.length - 1];
const MISSING_38 =
  'no Python 3.8 found (looked in ~/.pyenv/versions/3.*/bin/python3 and for python3 on PATH): ' +
  'these tests run the image scripts on the oldest Python with importlib.metadata; ' +
  "this machine kind's image brings it with pyenv (3.8.18), else `pyenv install 3.8`";

/** How a script is run: on which interpreter, and whether importlib.metadata is hidden (as on Python 3.7). */
interface Target {
  name: string;
  python: () => Python;
  hideMetadata: boolean;
}

function need(p: Python | undefined, missing: string): Python {
  if (!p) throw new Error(missing);
  return p;
}

const targets: Target[] = [
  ...(py37 ? [{ name: `Python ${py37.version}`, python: () => py37, hideMetadata: false }] : []),
  { name: `Python ${py38?.version ?? '3.8'}`, python: () => need(py38, MISSING_38), hideMetadata: false },
  { name: `Python ${newest?.version ?? '(newest)'}`, python: () => need(newest, 'no Python 3 found'), hideMetadata: false },
  {
    name: `Python ${newest?.version ?? '(newest)'} without importlib.metadata`,
    python: () => need(newest, 'no Python 3 found'),
    hideMetadata: true,
  },
];

/** Runs `file` (or stdin, "-") with importlib.metadata made unimportable first, as on Python 3.7. */
const HIDE_METADATA = `import sys
sys.modules["importlib.metadata"] = None
path = sys.argv[1]
sys.argv = sys.argv[1:]
source = sys.stdin.read() if path == "-" else open(path).read()
exec(compile(source, path, "exec"), {"__name__": "__main__", "__file__": path})
`;

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runPython(target: Target, args: string[], options: { input?: string; site?: string; env?: NodeJS.ProcessEnv } = {}): Ran {
  const py = target.python();
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONPATH: options.site ?? '', ...options.env };
  delete env.PYTHONHOME;
  const r = spawnSync(py.bin, target.hideMetadata ? ['-c', HIDE_METADATA, ...args] : args, {
    input: options.input ?? '',
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const scratch = mkdtempSync(path.join(tmpdir(), 'gim-python-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;

/** A fresh folder with fake installed distributions (site/), dpkg's status and os-release. */
function fakeImage(): { dir: string; site: string; dpkg: string; osRelease: string } {
  const dir = path.join(scratch, String(n++));
  const site = path.join(dir, 'site');
  const dist = (folder: string, file: string, name: string, version: string) => {
    mkdirSync(path.join(site, folder), { recursive: true });
    // The body after the blank line is the description: its "Name:" must not count.
    writeFileSync(path.join(site, folder, file), `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n\nName: not-this\n`);
  };
  dist('torch-2.4.1+cpu.dist-info', 'METADATA', 'torch', '2.4.1+cpu');
  dist('torchvision-0.19.1.dist-info', 'METADATA', 'torchvision', '0.19.1');
  dist('torchaudio-2.4.1.dist-info', 'METADATA', 'torchaudio', '2.4.1');
  dist('Demo_Pkg-1.0.egg-info', 'PKG-INFO', 'Demo_Pkg', '1.0');
  writeFileSync(path.join(site, 'old_egg-0.3.egg-info'), 'Metadata-Version: 1.0\nName: old-egg\nVersion: 0.3\n');
  const dpkg = path.join(dir, 'status');
  writeFileSync(
    dpkg,
    [
      'Package: libc6\nStatus: install ok installed\nArchitecture: i386\nVersion: 2.36-9\n',
      'Package: hello\nStatus: install ok installed\nArchitecture: amd64\nVersion: 2.10-3\n' +
        'Description: example\n Depends: this continuation line is not a field\n',
      'Package: gone\nStatus: deinstall ok config-files\nArchitecture: amd64\nVersion: 1.0\n',
      'Package: libc6\nStatus: install ok installed\nArchitecture: amd64\nVersion: 2.36-9\n',
    ].join('\n'),
  );
  const osRelease = path.join(dir, 'os-release');
  writeFileSync(osRelease, 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n');
  return { dir, site, dpkg, osRelease };
}

function pin(target: Target, image: ReturnType<typeof fakeImage>, params: object): Ran {
  return runPython(target, ['-'], { input: inlinePython('pin.py', params, 'GIM_PIN'), site: image.site });
}

function inventory(target: Target, image: ReturnType<typeof fakeImage>, params: object): Ran {
  return runPython(target, ['-'], { input: inlinePython('inventory.py', params, 'GIM_INVENTORY'), site: image.site });
}

function pythonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.py'))
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

describe('the interpreters these tests run on', () => {
  it('include Python 3.8, the oldest with importlib.metadata', () => {
    expect(py38, `${MISSING_38}; found: ${pythons.map((p) => `${p.version} (${p.bin})`).join(', ') || 'none'}`).toBeDefined();
  });
});

describe('every .py under src/ compiles', () => {
  const files = pythonFiles(path.join(ROOT, 'src'));
  it('finds the smoke check, its helpers and the template scripts', () => {
    expect(files.map((f) => path.relative(ROOT, f))).toEqual(
      expect.arrayContaining(['src/smoke/check.py', 'src/smoke/gim_packages.py', 'src/template/inventory.py', 'src/template/pin.py']),
    );
  });
  it('has no line over 140 characters (the limit lint holds the TypeScript to)', () => {
    for (const f of files) {
      const long = readFileSync(f, 'utf8')
        .split('\n')
        .findIndex((l) => l.length > 140);
      expect(long, `${path.relative(ROOT, f)} line ${long + 1}`).toBe(-1);
    }
  });
  for (const py of pythons) {
    it(`on Python ${py.version}`, () => {
      // compile() is what py_compile does, without writing __pycache__ into src/
      const r = spawnSync(py.bin, ['-c', 'import sys\nfor p in sys.argv[1:]:\n    compile(open(p, "rb").read(), p, "exec")', ...files], {
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
    });
  }
});

describe('pin.py, inlined as the template does, run for real', () => {
  const hint = 'the wheel index served other versions than the release data says';
  for (const target of targets) {
    describe(target.name, () => {
      it("pins the entry's versions as installed, and what the entry leaves open at whatever is there", () => {
        const image = fakeImage();
        const constraints = path.join(image.dir, 'etc/gim/constraints.txt');
        const r = pin(target, image, {
          expected: { torch: '2.4.1', torchvision: '0.19.1', torchaudio: null, jaxlib: null },
          python: target.python().minor,
          hint,
          constraints_path: constraints,
        });
        expect(r.code, r.stderr).toBe(0);
        expect(readFileSync(constraints, 'utf8')).toBe('torch==2.4.1+cpu\ntorchvision==0.19.1\ntorchaudio==2.4.1\n');
        expect(r.stdout).toBe('gpu-image-matrix: pinned torch==2.4.1+cpu, torchvision==0.19.1, torchaudio==2.4.1\n');
      });
      it('fails, naming every difference and the hint, when Python or a version is not what the entry says', () => {
        const image = fakeImage();
        const r = pin(target, image, {
          expected: { torch: '2.5.0', jax: '0.8.0' },
          python: '3.99',
          hint,
          constraints_path: path.join(image.dir, 'constraints.txt'),
        });
        expect(r.code).toBe(1);
        expect(r.stderr.trim()).toBe(
          `gpu-image-matrix: Python is ${target.python().minor}, the entry says 3.99; torch is 2.4.1+cpu, the entry says 2.5.0; ` +
            `jax is not installed, the entry says 0.8.0: ${hint}`,
        );
      });
      it('tells a free-threaded entry (3.13t) from a build with the GIL', () => {
        const image = fakeImage();
        const r = pin(target, image, {
          expected: { torch: '2.4.1' },
          python: `${target.python().minor}t`,
          hint,
          constraints_path: path.join(image.dir, 'constraints.txt'),
        });
        expect(r.code).toBe(1);
        expect(r.stderr.trim()).toBe(
          `gpu-image-matrix: Python is ${target.python().minor}, the entry says ${target.python().minor}t: ${hint}`,
        );
      });
      it('leaves out what a base image may lack, and records nothing false', () => {
        const image = fakeImage();
        rmSync(path.join(image.site, 'torchaudio-2.4.1.dist-info'), { recursive: true });
        const constraints = path.join(image.dir, 'constraints.txt');
        const params = { expected: { torch: '2.4.1', torchvision: '0.19.1', torchaudio: '2.4.1' }, python: target.python().minor, hint };
        // a base image without torchaudio: pinned what is there, torchaudio left out
        const r = pin(target, image, { ...params, optional: ['torchvision', 'torchaudio'], constraints_path: constraints });
        expect(r.code, r.stderr).toBe(0);
        expect(readFileSync(constraints, 'utf8')).toBe('torch==2.4.1+cpu\ntorchvision==0.19.1\n');
        expect(r.stdout).toContain('; not in the image: torchaudio');
        // the wheel path has no optional companions: a missing torchaudio is the index's fault
        expect(pin(target, image, { ...params, constraints_path: constraints }).stderr).toMatch(/torchaudio is not installed/);
        const inv = path.join(image.dir, 'inventory.json');
        const ran = inventory(target, image, {
          header: {},
          optional: ['torchvision', 'torchaudio'],
          constraints_path: constraints,
          inventory_path: inv,
        });
        expect(ran.code, ran.stderr).toBe(0);
        expect(JSON.parse(readFileSync(inv, 'utf8')).absent).toEqual(['torchaudio']);
      });
      it('holds NumPy below 2 for a release built against NumPy 1, and refuses a NumPy 2 already there', () => {
        const image = fakeImage();
        const constraints = path.join(image.dir, 'constraints.txt');
        const numpy = (version: string) => {
          rmSync(path.join(image.site, 'numpy.dist-info'), { recursive: true, force: true });
          mkdirSync(path.join(image.site, 'numpy.dist-info'));
          writeFileSync(path.join(image.site, 'numpy.dist-info', 'METADATA'), `Metadata-Version: 2.1\nName: numpy\nVersion: ${version}\n`);
        };
        const params = { expected: { torch: '2.4.1' }, requirements: ['numpy<2'], python: target.python().minor, hint };
        numpy('1.26.4');
        expect(pin(target, image, { ...params, constraints_path: constraints }).code).toBe(0);
        expect(readFileSync(constraints, 'utf8')).toBe('torch==2.4.1+cpu\nnumpy<2\n');
        const inv = path.join(image.dir, 'inventory.json');
        expect(inventory(target, image, { header: {}, constraints_path: constraints, inventory_path: inv }).code).toBe(0);
        numpy('2.0.0');
        expect(pin(target, image, { ...params, constraints_path: constraints }).stderr).toMatch(
          /numpy is 2\.0\.0, but this release needs numpy<2 \(it was built against an older one\)/,
        );
      });
    });
  }
});

describe('inventory.py, inlined as the template does, run for real', () => {
  const header = {
    schema: 1,
    tool: 'gpu-image-matrix',
    template: TEMPLATE_VERSION,
    entry: { key: 'k1', note: 'naïve ☃ 😀 "quoted" \\ <GIM_INVENTORY>\nsecond line' },
    requested: { pipPackages: ['Demo-Pkg>=1.0'], requirements: { file: 'r.txt', pins: ['torchvision==0.19.1'] } },
  };
  function pinnedImage(target: Target): { image: ReturnType<typeof fakeImage>; params: Record<string, unknown> } {
    const image = fakeImage();
    const constraints = path.join(image.dir, 'constraints.txt');
    const r = pin(target, image, {
      expected: { torch: '2.4.1', torchvision: null },
      python: target.python().minor,
      hint: 'h',
      constraints_path: constraints,
    });
    expect(r.code, r.stderr).toBe(0);
    const params = {
      header,
      constraints_path: constraints,
      inventory_path: path.join(image.dir, 'inventory.json'),
      dpkg_status: image.dpkg,
      os_release: image.osRelease,
    };
    return { image, params };
  }
  const packagesSeen = new Map<string, unknown>();
  for (const target of targets) {
    describe(target.name, () => {
      it('writes what the image holds beside the header, sorted, without time', () => {
        const { image, params } = pinnedImage(target);
        const r = inventory(target, image, params);
        expect(r.code, r.stderr).toBe(0);
        const inv = JSON.parse(readFileSync(params.inventory_path as string, 'utf8'));
        expect(inv).toMatchObject({
          ...header,
          constraints: ['torch==2.4.1+cpu', 'torchvision==0.19.1'],
          os: { id: 'debian', versionId: '12' },
          python: { version: target.python().version },
          systemPackages: [
            { name: 'hello', version: '2.10-3', arch: 'amd64' },
            { name: 'libc6', version: '2.36-9', arch: 'amd64' },
            { name: 'libc6', version: '2.36-9', arch: 'i386' },
          ],
        });
        expect(inv.pythonPackages).toEqual(
          expect.arrayContaining([
            { name: 'torch', version: '2.4.1+cpu' },
            { name: 'Demo_Pkg', version: '1.0' },
            { name: 'old-egg', version: '0.3' },
          ]),
        );
        const names = inv.pythonPackages.map((p: { name: string }) => p.name.toLowerCase());
        expect(names).toEqual([...names].sort());
        expect(names).not.toContain('not-this');
        expect(r.stdout).toBe(`gpu-image-matrix: inventory: ${inv.pythonPackages.length} Python and 3 system packages\n`);
        packagesSeen.set(target.name, inv.pythonPackages);
      });
      it('fails when a step after the pin replaced a pinned package', () => {
        const { image, params } = pinnedImage(target);
        writeFileSync(
          path.join(image.site, 'torch-2.4.1+cpu.dist-info', 'METADATA'),
          'Metadata-Version: 2.1\nName: torch\nVersion: 2.5.0\n',
        );
        const r = inventory(target, image, params);
        expect(r.code).toBe(1);
        expect(r.stderr.trim()).toBe(
          'gpu-image-matrix: torch is now 2.5.0, it was 2.4.1+cpu: ' +
            'a step after the pin replaced it (pip-packages and requirements are constrained, so most likely post-install)',
        );
      });
    });
  }
  it('reads the same Python packages without importlib.metadata as with it', () => {
    const [withIt, without] = targets.slice(-2).map((t) => packagesSeen.get(t.name));
    expect(withIt).toBeDefined();
    expect(without).toEqual(withIt);
  });
});

describe("check.py's helpers (from gim_packages), on each interpreter", () => {
  const satisfies: [string, string, boolean][] = [
    ['2.4.1+cu124', '==2.4.1', true],
    ['2.4.1', '==2.4.1+cu124', false],
    ['1.0', '==1.0.0', true],
    ['1.0rc1', '==1.0', false],
    ['1.26.4', '>=1.26,<2', true],
    ['2.0.0', '>=1.26,<2', false],
    ['4.10.0.84', '>=4.10,<5', true],
    ['1.4.5', '~=1.4', true],
    ['2.0', '~=1.4', false],
    ['1.2.3', '==1.*', true],
    ['2.0', '==1.*', false],
    ['2.0', '!=1.*', true],
    ['1.0', '===1.0', true],
    ['1.0', '', true],
    ['1.0', 'about 1', false],
  ];
  const probeHelpers = `import json, sys
sys.path.insert(0, ${JSON.stringify(path.join(ROOT, 'src/smoke'))})
import check
cases = json.loads(sys.argv[1])
print(json.dumps({
    "satisfies": [check.satisfies(v, s) for v, s, _ in cases],
    "release": [check.release(v) for v in ("2.4.1+cu124", "1.13", "1.13.0a0", "x")],
    "sameBuild": [check.same_build(a, b) for a, b in (("2.16.0.dev20261201+cu130", "2.16.0.dev20261201"),
                  ("2.16.0.dev20261130+cu130", "2.16.0.dev20261201"), ("2.4.1+cu124", "2.4.1"), ("2.4.1", "2.4.0"),
                  ("2.16.0", "2.16.0.dev20261201"))],
    "installed": [check.installed(n) for n in ("torch", "Demo-Pkg", "demo_pkg", "old-egg", "absent")],
    "viaImportlib": sys.modules["gim_packages"]._metadata is not None,
}))
`;
  for (const target of targets) {
    it(`satisfies, release and installed on ${target.name}`, () => {
      const image = fakeImage();
      const r = runPython(target, ['-', JSON.stringify(satisfies)], { input: probeHelpers, site: image.site });
      expect(r.code, r.stderr).toBe(0);
      const got = JSON.parse(r.stdout);
      expect(got.satisfies.map((ok: boolean, i: number) => [...satisfies[i]!.slice(0, 2), ok])).toEqual(satisfies);
      expect(got.release).toEqual([[2, 4, 1], [1, 13, 0], [1, 13, 0], null]);
      // a nightly is its date's build: another day's is another torch
      expect(got.sameBuild).toEqual([true, false, true, false, false]);
      expect(got.installed).toEqual(['2.4.1+cpu', '1.0', '1.0', '0.3', null]);
      expect(got.viaImportlib).toBe(!target.hideMetadata && target.python().minor !== '3.7');
    });
  }
  it('runs standalone from its folder and checks an inventory that inventory.py wrote', () => {
    const target = targets.find((t) => t.name === `Python ${py38?.version ?? '3.8'}`)!;
    const image = fakeImage();
    const constraints = path.join(image.dir, 'constraints.txt');
    const inv = path.join(image.dir, 'inventory.json');
    expect(
      pin(target, image, { expected: { torch: '2.4.1' }, python: target.python().minor, hint: 'h', constraints_path: constraints }).code,
    ).toBe(0);
    const header = {
      entry: { key: 'k1' },
      requested: { pipPackages: ['Demo-Pkg>=1.0', 'absent==1'], requirements: { file: 'r.txt', pins: ['torchvision==0.19.1'] } },
    };
    expect(inventory(target, image, { header, constraints_path: constraints, inventory_path: inv }).code).toBe(0);
    const r = runPython(
      target,
      [path.join(ROOT, 'src/smoke/check.py'), '--framework', 'jax', '--no-gpu', '--inventory', inv, '--expect-key', 'k1'],
      {
        site: image.site,
      },
    );
    const line = r.stdout.split('\n').find((l) => l.startsWith('GIM-SMOKE-RESULT '));
    expect(line, `${r.stdout}${r.stderr}`).toBeDefined();
    const report = JSON.parse(line!.slice('GIM-SMOKE-RESULT '.length));
    expect(report.inventory).toMatchObject({ key: 'k1' });
    expect(report.checks.filter((c: { name: string }) => c.name !== 'jax imports')).toEqual([
      { name: "inventory is this entry's", ok: true, value: 'k1', expected: 'k1' },
      { name: 'torch as pinned at build', ok: true, value: '2.4.1+cpu', expected: '2.4.1+cpu' },
      { name: 'pip package Demo-Pkg>=1.0', ok: true, value: '1.0', expected: '>=1.0' },
      { name: 'pip package absent==1', ok: false, expected: '==1', message: 'absent is not installed' },
      { name: 'requirements r.txt (1 pins)', ok: true, value: 1 },
    ]);
  });
});

describe("check.py's NumPy interop, absent companions and held ranges (a stand-in torch, named as one)", () => {
  // The real torch is exercised in test/e2e-smoke.test.ts; here a stand-in torch whose from_numpy
  // fails as torch < 2.3 does under NumPy 2 ("Numpy is not available"), and an inventory file.
  const probe = `import json, sys, types
sys.path.insert(0, ${JSON.stringify(path.join(ROOT, 'src/smoke'))})
import check
class Broken:
    @staticmethod
    def from_numpy(a):
        raise RuntimeError("Numpy is not available")
r = check.Report()
check.numpy_interop(r, Broken)
inv = sys.argv[1]
args = types.SimpleNamespace(inventory=inv, require_inventory=True, expect_key=None,
                             expect_torchvision="0.19.1", expect_torchaudio="2.4.1", gpu=False)
absent = check.absent_in_inventory(args)
check.libraries(r, None, args, absent)
check.inventory_checks(r, args)
print(json.dumps({"checks": r.checks, "absent": sorted(absent)}))
`;
  it('fails the interop check, passes what the base image lacks with a note, and checks a held range', () => {
    const target = targets[targets.length - 1]!;
    const image = fakeImage();
    mkdirSync(path.join(image.site, 'numpy.dist-info'));
    writeFileSync(path.join(image.site, 'numpy.dist-info', 'METADATA'), 'Metadata-Version: 2.1\nName: numpy\nVersion: 2.0.0\n');
    rmSync(path.join(image.site, 'torchaudio-2.4.1.dist-info'), { recursive: true });
    rmSync(path.join(image.site, 'torchvision-0.19.1.dist-info'), { recursive: true });
    const inv = path.join(image.dir, 'inventory.json');
    writeFileSync(inv, JSON.stringify({ absent: ['torchaudio', 'torchvision'], constraints: ['torch==2.4.1+cpu', 'numpy<2'] }));
    const numpyStub = path.join(image.dir, 'numpy-stub');
    mkdirSync(path.join(numpyStub, 'numpy'), { recursive: true });
    writeFileSync(
      path.join(numpyStub, 'numpy', '__init__.py'),
      [
        '__version__ = "2.0.0"',
        'float32 = "float32"',
        'class _Array(list):',
        '    def reshape(self, *shape): return self',
        '    def tolist(self): return list(self)',
        'def arange(n, dtype=None): return _Array(range(n))',
      ].join('\n'),
    );
    const r = runPython(target, ['-', inv], { input: probe, site: `${image.site}:${numpyStub}` });
    expect(r.code, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout) as { checks: { name: string; ok: boolean; message?: string }[]; absent: string[] };
    expect(got.absent).toEqual(['torchaudio', 'torchvision']);
    const byName = Object.fromEntries(got.checks.map((c) => [c.name, c]));
    expect(byName['NumPy interop (torch.from_numpy, .numpy())']).toMatchObject({
      ok: false,
      message: 'RuntimeError: Numpy is not available',
    });
    expect(byName['torchaudio (not in the base image)']).toMatchObject({ ok: true });
    expect(byName['torchvision (not in the base image)']).toMatchObject({ ok: true });
    expect(byName['numpy<2 as held at build']).toMatchObject({ ok: false, message: 'numpy is 2.0.0, the build held it to <2' });
  });
});

describe('check.py: where cuDNN and cuBLAS were loaded from (no GPU here: a /proc/self/maps text and wheel folders the test makes)', () => {
  const probe = `import json, sys
sys.path.insert(0, ${JSON.stringify(path.join(ROOT, 'src/smoke'))})
import check
torch_file, site, maps = sys.argv[1], sys.argv[2], sys.argv[3]
r = check.Report()
dirs = check.wheel_library_dirs(torch_file, [site, site])
check.judge_origins(r, check.loaded_libraries(maps), dirs, check.torch_requirements(torch_file))
print(json.dumps({"checks": r.checks, "loaded": r.facts["loadedFrom"]}))
`;
  const maps = (...paths: string[]): string =>
    paths.map((p, i) => `7f00000${i}000-7f00000${i}fff r-xp 00000000 fd:01 ${1000 + i}                    ${p}`).join('\n') +
    '\n7ffd0000-7ffd1000 rw-p 00000000 00:00 0                          [stack]\n';
  /** A site-packages with torch as a small wheel (requiring nvidia-cudnn-cu12), a large one (cuDNN in torch/lib), or a source build. */
  function wheels(kind: 'small' | 'large' | 'source', otherCudnn = false): { torchFile: string; site: string } {
    const image = fakeImage();
    const site = path.join(image.dir, 'site-packages');
    mkdirSync(path.join(site, 'torch', 'lib'), { recursive: true });
    writeFileSync(path.join(site, 'torch', '__init__.py'), '');
    if (kind !== 'source') {
      mkdirSync(path.join(site, 'torch-2.4.1.dist-info'));
      const requires = kind === 'small' ? 'Requires-Dist: nvidia-cudnn-cu12==9.1.0.70; platform_system == "Linux"\n' : '';
      writeFileSync(
        path.join(site, 'torch-2.4.1.dist-info', 'METADATA'),
        `Metadata-Version: 2.1\nName: torch\nVersion: 2.4.1\nRequires-Dist: filelock\n${requires}\nRequires-Dist: not-a-header\n`,
      );
    }
    if (kind === 'large') writeFileSync(path.join(site, 'torch', 'lib', 'libcudnn.so.8'), '');
    if (kind === 'small' || otherCudnn) {
      mkdirSync(path.join(site, 'nvidia', 'cudnn', 'lib'), { recursive: true });
      writeFileSync(path.join(site, 'nvidia', 'cudnn', 'lib', 'libcudnn.so.9'), '');
    }
    return { torchFile: path.join(site, 'torch', '__init__.py'), site };
  }
  const system = '/usr/lib/x86_64-linux-gnu';
  for (const target of targets) {
    const run = (w: { torchFile: string; site: string }, text: string) => {
      const r = runPython(target, ['-', w.torchFile, w.site, text], { input: probe });
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { checks: { name: string; ok: boolean; message?: string }[]; loaded: Record<string, string[]> };
    };

    it(`fails when the system's cuDNN was loaded although torch requires the nvidia-cudnn wheel, on ${target.name}`, () => {
      const got = run(wheels('small'), maps(`${system}/libcudnn.so.9.1.0`, `${system}/libcublas.so.12.4.5.8`));
      expect(got.checks).toEqual([
        expect.objectContaining({
          name: 'libcudnn loaded from the wheel',
          ok: false,
          message: expect.stringContaining(`libcudnn.so.9.1.0 was loaded from ${system}, not from the copy torch's wheel installed`),
        }),
      ]);
      // torch requires no cuBLAS package here: where it came from is recorded, not judged
      expect(got.loaded.cublas).toEqual([`${system}/libcublas.so.12.4.5.8`]);
    });

    it(`passes the wheel's copies (an nvidia-* package, or torch/lib of a large wheel), on ${target.name}`, () => {
      const small = wheels('small');
      const cudnn = path.join(small.site, 'nvidia', 'cudnn', 'lib');
      expect(run(small, maps(`${cudnn}/libcudnn.so.9`, `${cudnn}/libcudnn_ops.so.9`)).checks).toEqual([
        expect.objectContaining({ name: 'libcudnn loaded from the wheel', ok: true }),
      ]);
      const large = wheels('large');
      expect(run(large, maps(path.join(large.site, 'torch', 'lib', 'libcudnn.so.8'))).checks).toEqual([
        expect.objectContaining({ name: 'libcudnn loaded from the wheel', ok: true }),
      ]);
      expect(run(large, maps()).checks).toEqual([expect.objectContaining({ ok: true, message: "not loaded by this check's GPU work" })]);
    });

    it(`judges nothing for a torch that takes cuDNN from the system, whatever else installed nvidia-cudnn, on ${target.name}`, () => {
      const got = run(wheels('source', true), maps(`${system}/libcudnn.so.9.1.0`));
      expect(got.checks).toEqual([]);
      expect(got.loaded.cudnn).toEqual([`${system}/libcudnn.so.9.1.0`]);
    });
  }
});

describe('the template inlines the scripts', () => {
  const entry = plan('torch: 2.4.1\ncuda: "12.4"\npython: "3.11"').include[0]!;
  const text = renderDockerfile(entry);
  const step = (delimiter: string) => {
    const open = `<<'${delimiter}'\n`;
    return text.slice(text.indexOf(open) + open.length, text.indexOf(`\n${delimiter}\n`));
  };
  const params = (program: string) => JSON.parse(JSON.parse(/^main\(json\.loads\((".*")\)\)$/m.exec(program)![1]!));

  it("passes the entry's versions, Python and the hint to pin.py", () => {
    expect(params(step('GIM_PIN'))).toEqual({
      expected: { torch: '2.4.1', torchvision: '0.19.1', torchaudio: '2.4.1' },
      optional: [],
      requirements: [],
      python: '3.11',
      hint: 'the wheel index served other versions than the release data says',
      constraints_path: CONSTRAINTS_PATH,
    });
  });
  it('passes the inventory header and paths to inventory.py', () => {
    const p = params(step('GIM_INVENTORY'));
    expect(p).toMatchObject({ constraints_path: CONSTRAINTS_PATH, inventory_path: INVENTORY_PATH });
    expect(p.header).toMatchObject({ schema: 1, tool: 'gpu-image-matrix', template: TEMPLATE_VERSION, entry: { key: entry.key } });
  });
  it('gives each step gim_packages, the script without its import and __main__ block, and one call of main()', () => {
    const pinStep = step('GIM_PIN');
    expect(pinStep.startsWith('"""gpu-image-matrix\'s package helpers')).toBe(true);
    expect(pinStep).not.toMatch(/^from gim_packages import|__name__ == "__main__"/m);
    expect(pinStep.match(/^main\(/gm)).toHaveLength(1);
    expect(pinStep.split('\n').pop()).toMatch(/^main\(json\.loads\("[\x20-\x7e]*"\)\)$/);
  });
  it('keeps the parameters ASCII, and refuses a script with a line that would end its heredoc', () => {
    expect(inlinePython('pin.py', { hint: 'naïve 😀' }, 'GIM_PIN').split('\n').pop()).toBe(
      'main(json.loads("{\\"hint\\":\\"na\\\\u00efve \\\\ud83d\\\\ude00\\"}"))',
    );
    expect(() => inlinePython('pin.py', {}, 'import json')).toThrow(/has a line "import json", which would end its heredoc/);
  });
});

describe('check.py devel: the extension toolchain (no CUDA toolkit here: a stand-in torch, cpp_extension and nvcc the test writes)', () => {
  const probe = `import json, sys, types
sys.path.insert(0, ${JSON.stringify(path.join(ROOT, 'src/smoke'))})
import check
torch = __import__("torch")
import torch.utils.cpp_extension
args = types.SimpleNamespace(expect_arch_list=sys.argv[1] or None, gpu=False)
r = check.Report()
check.extension_checks(r, torch, args)
print(json.dumps({"checks": r.checks, "facts": r.facts["extension"],
                  "pure": [check.nvcc_release("Cuda compilation tools, release 12.4, V12.4.131"), check.nvcc_release("nothing"),
                           check.nvcc_matches("12.4", "12.4.1"), check.nvcc_matches("12.6", "12.4"), check.nvcc_matches("13.0", "12.8"),
                           check.compile_arch("7.5;8.0;12.0+PTX;9.0"), check.compile_arch("")]}))
`;
  /** torch 2.4.1+cu124 whose cpp_extension finds a toolkit at `home` (with an nvcc printing `release`) and accepts up to 9.0. */
  function standIn(release: string | null, headers: boolean, ninja: boolean): string {
    const dir = path.join(scratch, String(n++));
    const site = path.join(dir, 'site');
    const home = path.join(dir, 'cuda');
    mkdirSync(path.join(site, 'torch', 'utils'), { recursive: true });
    writeFileSync(path.join(site, 'torch', '__init__.py'), 'import types\nversion = types.SimpleNamespace(cuda="12.4")\n');
    writeFileSync(path.join(site, 'torch', 'utils', '__init__.py'), '');
    writeFileSync(
      path.join(site, 'torch', 'utils', 'cpp_extension.py'),
      [
        'import os',
        `CUDA_HOME = ${JSON.stringify(home)}`,
        `def is_ninja_available(): return ${ninja ? 'True' : 'False'}`,
        'def _get_cuda_arch_flags():',
        '    flags = []',
        '    for a in os.environ["TORCH_CUDA_ARCH_LIST"].split(";"):',
        '        if a.replace("+PTX", "") not in ("7.5", "8.0", "8.6", "9.0"):',
        '            raise ValueError("Unknown CUDA arch (%s) or GPU not supported" % a)',
        '        flags.append("-gencode=arch=compute_%s,code=sm_%s" % ((a.replace(".", "").replace("+PTX", ""),) * 2))',
        '    return flags',
      ].join('\n'),
    );
    if (release !== null) {
      mkdirSync(path.join(home, 'bin'), { recursive: true });
      writeFileSync(path.join(home, 'bin', 'nvcc'), `#!/bin/sh\necho "Cuda compilation tools, release ${release}, V${release}.1"\n`, {
        mode: 0o755,
      });
    }
    if (headers) {
      mkdirSync(path.join(home, 'include'), { recursive: true });
      writeFileSync(path.join(home, 'include', 'cuda_runtime.h'), '');
    }
    return site;
  }
  const run = (target: Target, site: string, archEnv: string | null, expected = '') => {
    const env: NodeJS.ProcessEnv = archEnv === null ? { TORCH_CUDA_ARCH_LIST: undefined } : { TORCH_CUDA_ARCH_LIST: archEnv };
    const r = runPython(target, ['-', expected], { input: probe, site, env });
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as {
      checks: { name: string; ok: boolean; value?: unknown; message?: string }[];
      facts: Record<string, unknown>;
      pure: unknown[];
    };
  };

  for (const target of targets) {
    it(`parses nvcc's release and judges it as cpp_extension does (another major fails, another minor is said), on ${target.name}`, () => {
      const got = run(target, standIn('12.4', true, false), '8.0;9.0');
      expect(got.pure).toEqual([
        '12.4',
        null,
        [true, null],
        [true, expect.stringContaining('torch only warns')],
        [false, expect.stringContaining('refuses another major')],
        '12.0',
        null,
      ]);
    });

    it(`passes a toolchain that matches, with an architecture list torch accepts, on ${target.name}`, () => {
      const got = run(target, standIn('12.4', true, false), '8.0;9.0+PTX', '8.0;9.0+PTX');
      const byName = Object.fromEntries(got.checks.map((c) => [c.name, c]));
      expect(byName['TORCH_CUDA_ARCH_LIST']).toMatchObject({ ok: true, value: '8.0;9.0+PTX' });
      expect(byName['CUDA toolkit']?.ok).toBe(true);
      expect(byName["nvcc matches torch's CUDA"]).toMatchObject({ ok: true, value: '12.4' });
      expect(byName['CUDA headers']?.ok).toBe(true);
      expect(byName['torch accepts TORCH_CUDA_ARCH_LIST']).toMatchObject({ ok: true, value: expect.stringContaining('sm_90') });
      // no ninja: said so, and nothing is compiled
      expect(byName['ninja']).toMatchObject({ ok: false, message: expect.stringContaining('ninja is not on PATH') });
      expect(Object.keys(byName).some((k) => k.includes('extension builds'))).toBe(false);
      expect(got.facts).toMatchObject({ archList: '8.0;9.0+PTX', nvcc: '12.4' });
    });

    it(`fails another CUDA major, missing headers, an unknown architecture and another list than the entry's, on ${target.name}`, () => {
      const got = run(target, standIn('13.0', false, true), '8.0;11.0', '8.0;9.0');
      const failed = Object.fromEntries(got.checks.filter((c) => !c.ok).map((c) => [c.name, c.message]));
      expect(failed).toMatchObject({
        TORCH_CUDA_ARCH_LIST: 'TORCH_CUDA_ARCH_LIST is 8.0;11.0, expected 8.0;9.0',
        "nvcc matches torch's CUDA": expect.stringContaining('nvcc is CUDA 13.0, torch is built for CUDA 12.4'),
        'CUDA headers': expect.stringContaining('cuda_runtime.h is missing'),
        'torch accepts TORCH_CUDA_ARCH_LIST': expect.stringContaining('Unknown CUDA arch (11.0)'),
      });
    });

    it(`fails an image without nvcc, and an unset list, on ${target.name}`, () => {
      const got = run(target, standIn(null, false, false), null, '8.0');
      const failed = Object.fromEntries(got.checks.filter((c) => !c.ok).map((c) => [c.name, c.message]));
      expect(failed['CUDA toolkit']).toMatch(/^no nvcc \(CUDA_HOME .*\): the image has no CUDA compiler$/);
      expect(failed['TORCH_CUDA_ARCH_LIST']).toBe('TORCH_CUDA_ARCH_LIST is unset, expected 8.0');
    });
  }
});
