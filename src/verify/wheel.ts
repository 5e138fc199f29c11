/**
 * Wheel file names and whether a wheel installs on an entry's Python and platform, as pip and uv
 * decide it (the binary distribution format: packaging.python.org/specifications/binary-distribution-format;
 * platform compatibility tags: .../platform-compatibility-tags). Pure.
 */

export interface WheelName {
  /** normalised project name (PEP 503): "nvidia-cudnn-cu12" */
  project: string;
  /** as written: "2.4.1+cu124" */
  version: string;
  /** each tag set expanded: "cp310.cp311" is two */
  pythons: string[];
  abis: string[];
  platforms: string[];
}

/** Where an image runs: today linux/amd64 only (linux/arm64 arrives with the multi-platform work). */
export interface Target {
  /** "3.11", or "3.13t" for a free-threaded build */
  python: string;
  /** "x86_64" or "aarch64" */
  machine: string;
  /** the OS's glibc as major.minor, which bounds manylinux_2_N; null when unknown */
  glibc: string | null;
}

/** PEP 503: runs of -, _ and . are one -, lower case. */
export function normaliseProject(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

/** "torch-2.4.1+cu124-cp311-cp311-linux_x86_64.whl" -> its parts; null when it is not a wheel's name. */
export function parseWheelName(file: string): WheelName | null {
  if (!file.endsWith('.whl')) return null;
  const parts = file.slice(0, -4).split('-');
  // name-version[-build]-python-abi-platform
  if (parts.length !== 5 && parts.length !== 6) return null;
  const [name, version] = parts as [string, string];
  const [python, abi, platform] = parts.slice(-3) as [string, string, string];
  if (!name || !version || !python || !abi || !platform) return null;
  return {
    project: normaliseProject(name),
    version,
    pythons: python.split('.'),
    abis: abi.split('.'),
    platforms: platform.split('.'),
  };
}

/** The sdist of a project at a version ("demo_pkg-1.0.tar.gz"): its version, or null. */
export function sdistVersion(file: string, project: string): string | null {
  const m = /^(.+)-([^-]+)\.(tar\.gz|zip)$/.exec(file);
  if (!m || normaliseProject(m[1] as string) !== project) return null;
  return m[2] as string;
}

/**
 * PEP 440 equality as `==X` uses it: release segments compared with zeros padded, a local label
 * (`+cu124`) on the candidate ignored when the pin has none, case ignored.
 */
export function versionMatches(candidate: string, pinned: string): boolean {
  const [cPublic, cLocal] = splitLocal(candidate);
  const [pPublic, pLocal] = splitLocal(pinned);
  if (pLocal !== null && pLocal !== cLocal) return false;
  return samePublic(cPublic, pPublic);
}

/** The public part of a version: "2.4.1+cu124" -> "2.4.1". */
export function publicVersion(version: string): string {
  return splitLocal(version)[0];
}

function splitLocal(v: string): [string, string | null] {
  const t = v.trim().toLowerCase().replace(/^v/, '');
  const i = t.indexOf('+');
  return i < 0 ? [t, null] : [t.slice(0, i), t.slice(i + 1).replace(/[-_]/g, '.')];
}

function samePublic(a: string, b: string): boolean {
  const [ar, arest] = releaseAndRest(a);
  const [br, brest] = releaseAndRest(b);
  if (arest !== brest) return false;
  const n = Math.max(ar.length, br.length);
  for (let i = 0; i < n; i++) if ((ar[i] ?? 0) !== (br[i] ?? 0)) return false;
  return true;
}

function releaseAndRest(v: string): [number[], string] {
  const m = /^(\d+(?:\.\d+)*)(.*)$/.exec(v);
  if (!m) return [[], v];
  return [(m[1] as string).split('.').map(Number), (m[2] as string).replace(/^[-_.]/, '')];
}

/** Why a wheel does not install on the target, or null when it does. */
export function wheelMismatch(wheel: WheelName, target: Target): 'python' | 'platform' | null {
  if (!pythonFits(wheel, target)) return 'python';
  if (!wheel.platforms.some((p) => platformFits(p, target))) return 'platform';
  return null;
}

/** The Python tags of a wheel, for a message: "cp311", "py3", "abi3 (cp39+)". */
export function pythonLabel(wheel: WheelName): string[] {
  if (wheel.abis.includes('abi3')) return wheel.pythons.map((p) => `${p}-abi3`);
  if (wheel.abis.some((a) => a.endsWith('t') && /^cp\d+t$/.test(a))) return wheel.abis.filter((a) => /^cp\d+t$/.test(a));
  return wheel.pythons;
}

function pythonFits(wheel: WheelName, target: Target): boolean {
  const freeThreaded = target.python.endsWith('t');
  const [major, minor] = target.python.replace(/t$/, '').split('.').map(Number) as [number, number];
  const cp = `cp${major}${minor}`;
  return wheel.pythons.some((py) =>
    wheel.abis.some((abi) => {
      // Pure wheels: py3, py3X, py3X-style tags with abi none.
      if (abi === 'none' && /^py\d+$/.test(py)) {
        const digits = py.slice(2);
        if (digits === String(major)) return true;
        return digits === `${major}${minor}`;
      }
      if (!py.startsWith('cp')) return false;
      const pyMinor = Number(py.slice(2 + String(major).length));
      if (!py.startsWith(`cp${major}`) || Number.isNaN(pyMinor)) return false;
      // The stable ABI covers later minors, but not free-threaded builds (PEP 803 is not in CPython yet).
      if (abi === 'abi3') return !freeThreaded && pyMinor <= minor;
      if (py !== cp) return false;
      if (abi === 'none') return true;
      if (freeThreaded) return abi === `${cp}t`;
      // cp37m before Python 3.8 dropped the m suffix
      return abi === cp || abi === `${cp}m`;
    }),
  );
}

function platformFits(platform: string, target: Target): boolean {
  if (platform === 'any') return true;
  if (platform === `linux_${target.machine}`) return true;
  const legacy: Record<string, string> = { manylinux1: '2.5', manylinux2010: '2.12', manylinux2014: '2.17' };
  const m = /^(manylinux1|manylinux2010|manylinux2014|manylinux_(\d+)_(\d+))_(.+)$/.exec(platform);
  if (!m || m[4] !== target.machine) return false;
  const needs = m[2] ? `${m[2]}.${m[3]}` : (legacy[m[1] as string] as string);
  return target.glibc === null || compareMinor(needs, target.glibc) <= 0;
}

function compareMinor(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number) as [number, number];
  const [bm, bn] = b.split('.').map(Number) as [number, number];
  return am - bm || an - bn;
}

/**
 * The glibc of the OS an image starts from, which bounds the manylinux wheels it can install.
 * Ubuntu's libc6 in each release: 20.04 2.31, 22.04 2.35, 24.04 2.39 (packages.ubuntu.com, libc6
 * in focal, jammy, noble); Debian bookworm 2.36 (packages.debian.org/bookworm/libc6).
 */
export const GLIBC_OF_OS: Readonly<Record<string, string>> = {
  'ubuntu20.04': '2.31',
  'ubuntu22.04': '2.35',
  'ubuntu24.04': '2.39',
  debian12: '2.36',
};
