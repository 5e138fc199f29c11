import { FRAMEWORK_PACKAGES } from '../frameworks/index.js';

/**
 * Why a customised template step failed, from its own output (pip, uv, apt, useradd and the
 * template's own checks), as one sentence naming the culprit and what to do. Pure; tested as a
 * table over recorded outputs.
 */

/** The packages the matrix pins (every framework's), longest first so tensorflow-cpu is not read as tensorflow. */
const PINNED = [...FRAMEWORK_PACKAGES]
  .sort((a, b) => b.length - a.length)
  .map((p) => p.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'))
  .join('|');
const FRAMEWORK = new RegExp(`^(${PINNED})\\b`);
const CONSTRAINT = new RegExp(`The user requested \\(constraint\\) (${PINNED})==(\\S+)`);
const DEPENDS_ON = new RegExp(`^\\s*(\\S+) (\\S+) depends on ((?:${PINNED})\\b\\S*)`);
const REQUESTED = new RegExp(`The user requested ((?:${PINNED})\\S*)$`);
const UV_DEPENDS = new RegExp(`Because (\\S+?)==(\\S+) depends on ((?:${PINNED})[^\\s,]*)`);

export function explainStepLog(lines: string[]): string | null {
  const text = lines.join('\n');

  // The template's own checks print one line that already says it all.
  const own = lines.find((l) => l.startsWith('gpu-image-matrix: ') && !/: (pinned|inventory:) /.test(l));
  if (own) return own.replace(/^gpu-image-matrix: /, '');

  // pip's resolver: "The user requested (constraint) torch==X" beside "<pkg> <ver> depends on torch>=Y".
  const pinned = CONSTRAINT.exec(text);
  if (pinned) {
    const [, framework, version] = pinned;
    const culprit = lines.map((l) => DEPENDS_ON.exec(l)).find((m) => m && m[3]?.startsWith(framework as string));
    if (culprit) {
      return (
        `${culprit[1]} ${culprit[2]} asks for ${culprit[3]}, but ${framework} is pinned to ${version} for this entry: ` +
        `installing it would replace the entry's ${framework}. Choose a version of ${culprit[1]} ` +
        `that works with ${framework} ${version}, or build the entry with the ${framework} it needs`
      );
    }
    const asked = lines.map((l) => REQUESTED.exec(l.trim())).find((m) => m && FRAMEWORK.test(m[1] as string));
    if (asked) {
      return (
        `the requirements ask for ${asked[1]}, but ${framework} is pinned to ${version} for this ` +
        `entry (the matrix decides it); remove ${framework} from the requirements or make it match`
      );
    }
  }
  // uv: "Because evil==1.0 depends on torch>=2 and ... torch==2.4.1 ..."
  const uv = UV_DEPENDS.exec(text);
  if (uv) {
    return (
      `${uv[1]} ${uv[2]} asks for ${uv[3]}, which the entry's pinned ${FRAMEWORK.exec(uv[3] as string)?.[1]} does not meet: ` +
      `installing it would replace the entry's framework. Choose a version of ${uv[1]} that works with it`
    );
  }

  if (/DO NOT MATCH THE HASHES|Hash mismatch for/.test(text)) {
    const which = /^\s*(\S+==\S+) from /m.exec(text)?.[1] ?? /Hash mismatch for `([^`]+)`/.exec(text)?.[1] ?? 'a package';
    const expected = /Expected sha256 ([0-9a-f]{64})/.exec(text)?.[1] ?? /Expected:\s*\n\s*sha256:([0-9a-f]{64})/.exec(text)?.[1];
    const got = /Got\s+([0-9a-f]{64})/.exec(text)?.[1] ?? /Computed:\s*\n\s*sha256:([0-9a-f]{64})/.exec(text)?.[1];
    const detail =
      expected && got ? ` (the requirements file says sha256 ${expected.slice(0, 12)}…, the download is ${got.slice(0, 12)}…)` : '';
    return (
      `requirements: the file downloaded for ${which} does not match its hash in the requirements file${detail}. ` +
      `Either the requirements file is stale or the package on the index changed; find out which before regenerating the hashes`
    );
  }
  if (/Hashes are required in --require-hashes mode, but they are missing/.test(text)) {
    return (
      'requirements: the file has hashes, so every requirement, dependencies included, ' +
      'needs a --hash and an exact == pin; some have none (pip lists them above). Regenerate the file ' +
      'with hashes for all of them (pip-compile --generate-hashes, uv pip compile --generate-hashes)'
    );
  }
  if (/In --require-hashes mode, all requirements must have their versions pinned/.test(text)) {
    return 'requirements: with hashes, every requirement must be pinned with ==; pip lists the ones that are not';
  }
  const missing = /No matching distribution found for (\S+)/.exec(text) ?? /Because (\S+) was not found in the package registry/.exec(text);
  if (missing) {
    return (
      `${missing[1]} is not on the package index the build uses (PyPI, or pip-index-url / pip-extra-index-url when set): ` +
      `check the name and version, and that the index is reachable from the builder`
    );
  }
  if (/No module named pip/.test(text)) {
    return (
      'the base image has no pip for python3; base-image needs an image that brings pip with ' +
      'its torch (pytorch/pytorch and NGC images do), or install pip in a base of your own'
    );
  }
  const apt =
    /E: (?:Unable to locate package|Package '?)(\S+?)'? (?:has no installation candidate)?/.exec(text) ??
    /E: Unable to locate package (\S+)/.exec(text);
  if (apt) {
    return (
      `apt-packages: ${apt[1]} is not a package of the base image's distribution ` +
      `(or its version is not available there); check the name for that release`
    );
  }
  const uid = /useradd: UID (\d+) is not unique/.exec(text);
  if (uid)
    return `user: uid ${uid[1]} already belongs to another user of the base image; give another uid (user: name:uid) or leave the uid out`;
  if (/\/tmp\/gim-post-install: (?:Permission denied|not found)|exec format error/.test(text)) {
    return (
      'post-install could not be run: it needs a #! line naming an ' +
      'interpreter the image has (e.g. #!/bin/sh), or to be a plain sh script'
    );
  }
  return null;
}
