import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';

/**
 * A digest of a build context: every file's path, executable bit and content
 * (symlinks by their target), in sorted order. `.git` is left out: it changes
 * with every commit without changing what a Dockerfile can see when it is
 * dockerignored, as it should be. Files a .dockerignore excludes are still
 * hashed: that can only cause a rebuild too many, never a skip too many.
 */
export const MAX_CONTEXT_FILES = 200_000;

export function contextDigest(dir: string): string {
  const hash = createHash('sha256');
  let files = 0;
  const walk = (rel: string): void => {
    const names = readdirSync(path.join(dir, rel)).sort();
    for (const name of names) {
      const relPath = rel ? `${rel}/${name}` : name;
      if (!rel && name === '.git') continue;
      const full = path.join(dir, relPath);
      const st = lstatSync(full);
      if (++files > MAX_CONTEXT_FILES) {
        throw new UserError(`context ${dir} has more than ${MAX_CONTEXT_FILES} files; build from a smaller directory`);
      }
      if (st.isDirectory()) {
        hash.update(`d ${relPath}\n`);
        walk(relPath);
      } else if (st.isSymbolicLink()) {
        hash.update(`l ${relPath} ${readlinkSync(full)}\n`);
      } else if (st.isFile()) {
        const content = createHash('sha256').update(readFileSync(full)).digest('hex');
        hash.update(`f ${relPath} ${st.mode & 0o111 ? 'x' : '-'} ${content}\n`);
      }
    }
  };
  walk('');
  return hash.digest('hex');
}
