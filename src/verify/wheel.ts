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
 * A version as PEP 440 reads it, normalised (packaging's rules: `c`/`pre`/`preview` are `rc`,
 * `alpha`/`beta` are `a`/`b`, `-1`/`rev`/`r` are `.post1`, numbers without leading zeros, an epoch
 * `N!`); null when it is not one.
 */
export interface Pep440 {
  epoch: number;
  release: number[];
  pre: [string, number] | null;
  post: number | null;
  dev: number | null;
  local: string | null;
}

const PEP440 = new RegExp(
  [
    '^v?(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)', // epoch, release
    '(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\\d*))?', // pre
    '(?:-(\\d+)|[-_.]?(post|rev|r)[-_.]?(\\d*))?', // post
    '(?:[-_.]?(dev)[-_.]?(\\d*))?', // dev
    '(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$', // local
  ].join(''),
);

export function parsePep440(text: string): Pep440 | null {
  const m = PEP440.exec(text.trim().toLowerCase());
  if (!m) return null;
  const preWord: Record<string, string> = { a: 'a', alpha: 'a', b: 'b', beta: 'b', c: 'rc', rc: 'rc', pre: 'rc', preview: 'rc' };
  return {
    epoch: m[1] ? Number(m[1]) : 0,
    release: (m[2] as string).split('.').map(Number),
    pre: m[3] ? [preWord[m[3]] as string, Number(m[4] || 0)] : null,
    post: m[5] !== undefined ? Number(m[5]) : m[6] ? Number(m[7] || 0) : null,
    dev: m[8] ? Number(m[9] || 0) : null,
    local: m[10] ? m[10].replace(/[-_]/g, '.') : null,
  };
}

/**
 * PEP 440 ordering of public versions (the local label ignored): release, then dev < pre < final <
 * post. Strings that are not versions sort by text, after every version.
 */
export function compareVersions(a: string, b: string): number {
  const x = parsePep440(a);
  const y = parsePep440(b);
  if (!x || !y) return x ? -1 : y ? 1 : a < b ? -1 : a > b ? 1 : 0;
  if (x.epoch !== y.epoch) return x.epoch - y.epoch;
  for (let i = 0; i < Math.max(x.release.length, y.release.length); i++) {
    const d = (x.release[i] ?? 0) - (y.release[i] ?? 0);
    if (d) return d;
  }
  const rank = (v: Pep440): [number, string, number, number, number] => [
    // a dev release of the final version (1.0.dev1) sorts before its pre-releases
    v.pre ? 1 : v.dev !== null && v.post === null ? 0 : 2,
    v.pre?.[0] ?? '',
    v.pre?.[1] ?? 0,
    v.post ?? -1,
    v.dev ?? Number.MAX_SAFE_INTEGER,
  ];
  const [rx, ry] = [rank(x), rank(y)];
  for (let i = 0; i < rx.length; i++) {
    if (rx[i] !== ry[i]) return (rx[i] as number | string) < (ry[i] as number | string) ? -1 : 1;
  }
  return 0;
}

/** A pre-release or development release, which a floor (>=) without one does not pick (pip and uv). */
export function isPreRelease(version: string): boolean {
  const v = parsePep440(version);
  return v !== null && (v.pre !== null || v.dev !== null);
}

/**
 * PEP 440 equality as `==X` uses it: normalised, release segments compared with zeros padded, a
 * local label (`+cu124`) on the candidate ignored when the pin has none.
 */
export function versionMatches(candidate: string, pinned: string): boolean {
  const c = parsePep440(candidate);
  const p = parsePep440(pinned);
  if (!c || !p) return candidate.trim().toLowerCase() === pinned.trim().toLowerCase();
  if (p.local !== null && p.local !== c.local) return false;
  return compareVersions(candidate.split('+')[0] as string, pinned.split('+')[0] as string) === 0;
}

/** The public part of a version: "2.4.1+cu124" -> "2.4.1". */
export function publicVersion(version: string): string {
  const t = version.trim().toLowerCase().replace(/^v/, '');
  const i = t.indexOf('+');
  return i < 0 ? t : t.slice(0, i);
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
      // Pure wheels: py3, and py3X for X up to the target's minor (pip and uv accept py310 on 3.11).
      if (abi === 'none' && /^py\d+$/.test(py)) {
        const digits = py.slice(2);
        if (digits === String(major)) return true;
        return digits.startsWith(String(major)) && Number(digits.slice(String(major).length)) <= minor;
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
