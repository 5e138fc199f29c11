import { UserError, quote } from '../errors.js';
import { pipName } from '../repro/inventory.js';

/**
 * Reading a requirements file before the build: which other files it includes (they go into
 * the build context with it), whether it carries hashes (then pip runs with --require-hashes),
 * what it pins (recorded in the image's inventory, and checked by the smoke test), and lines
 * that cannot work inside a build (local paths). Pure: takes the text.
 */

export interface RequirementsFacts {
  /** files named by -r/-c, relative to this file's directory */
  includes: string[];
  hashes: boolean;
  /** name==version pins, names normalised */
  pins: string[];
}

export function readRequirements(text: string, origin: string): RequirementsFacts {
  const facts: RequirementsFacts = { includes: [], hashes: false, pins: [] };
  logicalLines(text).forEach(({ line, number }) => {
    const at = `${origin} line ${number}`;
    const include = /^(?:-r|--requirement|-c|--constraint)(?:\s+|=)(\S+)$/.exec(line);
    if (include) {
      const file = include[1] as string;
      if (/^[a-z+]+:\/\//i.test(file))
        throw new UserError(`${at}: ${quote(file)}: includes by URL are not followed; copy the file into the repository`);
      if (file.startsWith('/') || file.split('/').includes('..')) {
        throw new UserError(`${at}: ${quote(file)} is outside the requirements file's folder; keep included files beside it or below it`);
      }
      facts.includes.push(file);
      return;
    }
    if (/^(?:-e|--editable)\b/.test(line) || /^(?:\.{1,2}\/|\/|file:)/.test(line) || /@\s*file:/.test(line)) {
      throw new UserError(
        `${at}: ${quote(line)} installs from a local path, which the image build cannot see; ` +
          `publish the package to an index (pip-extra-index-url) or install it in post-install`,
      );
    }
    if (/--hash[=\s]/.test(line)) facts.hashes = true;
    if (line.startsWith('-')) return; // an option line: --index-url, --extra-index-url, --find-links, ...
    const pin = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*===?\s*([A-Za-z0-9.+!_-]+)\s*(?:;.*?)?(?:\s+--hash.*)?$/.exec(line);
    if (pin) facts.pins.push(`${pipName(pin[1] as string)}==${pin[2]}`);
  });
  return facts;
}

/** Lines with continuations joined and comments removed, with the number of their first line. */
function logicalLines(text: string): { line: string; number: number }[] {
  const out: { line: string; number: number }[] = [];
  let current = '';
  let start = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    if (current === '') start = i + 1;
    const withoutComment = raw.replace(/(^|\s)#.*$/, '');
    if (withoutComment.endsWith('\\')) {
      current += `${withoutComment.slice(0, -1)} `;
      return;
    }
    current += withoutComment;
    const line = current.trim().replace(/\s+/g, ' ');
    current = '';
    if (line) out.push({ line, number: start });
  });
  if (current.trim()) out.push({ line: current.trim(), number: start });
  return out;
}
