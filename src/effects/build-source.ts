import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderDockerfile } from '../build/dockerfile.js';
import type { BuildOptions } from '../build/options.js';
import { UserError, quote } from '../errors.js';
import type { MatrixEntry } from '../matrix/entry.js';
import { contextDigest } from './context-digest.js';

/** What a build reads: the user's Dockerfile and context, or the embedded template with an empty context. */
export interface BuildSource {
  /** the user's Dockerfile text; null for the embedded template (rendered per entry) */
  dockerfile: string | null;
  dockerfilePath: string | null;
  context: string;
  contextDigest: string;
}

export function readBuildSource(options: BuildOptions, baseDir: string, scratch: string): BuildSource {
  if (!options.dockerfile) {
    // The embedded template needs no context: an empty directory.
    const context = path.join(scratch, 'context');
    mkdirSync(context);
    return { dockerfile: null, dockerfilePath: null, context, contextDigest: contextDigest(context) };
  }
  const context = path.resolve(baseDir, options.context);
  const dockerfilePath = path.resolve(context, options.dockerfile);
  if (!existsSync(context)) throw new UserError(`context: ${quote(options.context)} does not exist (looked for ${context})`);
  let text: string;
  try {
    text = readFileSync(dockerfilePath, 'utf8');
  } catch {
    throw new UserError(`dockerfile: ${quote(options.dockerfile)} does not exist in the context (looked for ${dockerfilePath})`);
  }
  return { dockerfile: text, dockerfilePath, context, contextDigest: contextDigest(context) };
}

/** An entry's Dockerfile: its text, and a file to build it from (the template is written into `dir`). */
export function dockerfileFor(source: BuildSource, entry: MatrixEntry, dir: string): { text: string; file: string } {
  if (source.dockerfile !== null && source.dockerfilePath) return { text: source.dockerfile, file: source.dockerfilePath };
  const text = renderDockerfile(entry);
  const file = path.join(dir, 'Dockerfile');
  writeFileSync(file, text);
  return { text, file };
}
