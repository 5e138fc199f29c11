import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONTEXT_POST_INSTALL, CONTEXT_REQUIREMENTS_DIR, renderDockerfile } from '../template/dockerfile.js';
import type { BuildOptions } from '../image/options.js';
import { PIP_SECRET_ID } from '../image/secrets.js';
import { parseImageReference } from '../image/reference.js';
import { changesImage, customKeysSet, emptyCustomisation } from '../custom/customisation.js';
import { readRequirements, type RequirementsFacts } from '../custom/requirements.js';
import type { ReleaseData } from '../frameworks/index.js';
import { UserError, quote } from '../errors.js';
import type { MatrixEntry } from '../frameworks/index.js';
import { contextDigest } from './context-digest.js';
import { readInputFile } from './files.js';
import { RegistryError, type RegistryClient } from './registry.js';

/** What a build reads: the user's Dockerfile and context, or the embedded template. */
export interface BuildSource {
  /** the user's Dockerfile text; null for the embedded template (rendered per entry) */
  dockerfile: string | null;
  dockerfilePath: string | null;
  /** the user's context; for the template, each entry gets its own (see dockerfileFor) */
  context: string;
  contextDigest: string;
  /** where the team's files (requirements, post-install) are read from: the workspace */
  workspace: string;
  /** a build secret named pip is given (the template mounts it for the team's package steps) */
  pipSecret: boolean;
  /** the release data the plan was made with (a compat-file's releases, nightlies): the template renders from it */
  data?: ReleaseData;
}

export function readBuildSource(options: BuildOptions, baseDir: string, scratch: string): BuildSource {
  const pipSecret = options.secrets.some((s) => s.id === PIP_SECRET_ID);
  if (!options.dockerfile) {
    const context = path.join(scratch, 'context');
    mkdirSync(context);
    return { dockerfile: null, dockerfilePath: null, context, contextDigest: contextDigest(context), workspace: baseDir, pipSecret };
  }
  const context = path.resolve(baseDir, options.context);
  if (!existsSync(context)) throw new UserError(`context: ${quote(options.context)} does not exist (looked for ${context})`);
  const dockerfilePath = resolveDockerfile(baseDir, options.context, options.dockerfile);
  let text: string;
  try {
    text = readFileSync(dockerfilePath, 'utf8');
  } catch {
    throw new UserError(`dockerfile: ${quote(options.dockerfile)} could not be read (${dockerfilePath})`);
  }
  return { dockerfile: text, dockerfilePath, context, contextDigest: contextDigest(context), workspace: baseDir, pipSecret };
}

/**
 * Where input dockerfile is. Relative to the workspace, as `docker build -f` and
 * docker/build-push-action's `file` take it; or, where only that exists, relative to the context
 * (this action's first reading, kept working). When both name different files, the choice is not
 * guessed: the error says which two.
 */
export function resolveDockerfile(baseDir: string, context: string, dockerfile: string, field = 'dockerfile'): string {
  const fromWorkspace = path.resolve(baseDir, dockerfile);
  const fromContext = path.resolve(baseDir, context, dockerfile);
  const isFile = (p: string): boolean => existsSync(p) && statSync(p).isFile();
  const [atWorkspace, atContext] = [isFile(fromWorkspace), isFile(fromContext)];
  if (atWorkspace && atContext && fromWorkspace !== fromContext) {
    throw new UserError(
      `${field}: ${quote(dockerfile)} names two files: ${fromWorkspace} (relative to the workspace, as docker build -f reads it) ` +
        `and ${fromContext} (relative to the context); give the path from the workspace to the one you mean, e.g. ` +
        `${quote(path.relative(baseDir, fromContext))}`,
    );
  }
  if (atWorkspace) return fromWorkspace;
  if (atContext) return fromContext;
  throw new UserError(
    `${field}: ${quote(dockerfile)} does not exist ` +
      `(looked for ${fromWorkspace}${fromContext !== fromWorkspace ? ` and ${fromContext}` : ''})`,
  );
}

/**
 * Before anything runs: customisation is rendered by the embedded template (a Dockerfile of
 * one's own installs what it wants), and the files it names exist in the workspace and read well.
 */
export function checkCustomisationFits(source: BuildSource, entries: MatrixEntry[]): void {
  if (source.dockerfile === null) {
    const seen = new Set<string>();
    for (const e of entries) {
      const { requirements, postInstall } = e.customisation ?? {};
      if (requirements && !seen.has(`r:${requirements}`)) {
        seen.add(`r:${requirements}`);
        copyRequirements(requirements, source.workspace, null);
      }
      if (postInstall && !seen.has(`p:${postInstall}`)) {
        seen.add(`p:${postInstall}`);
        readInputFile(postInstall, source.workspace, 'post-install', true);
      }
    }
    return;
  }
  const customised = entries.find((e) => e.customisation && changesImage({ ...emptyCustomisation(), ...e.customisation }));
  if (customised) {
    const keys = customKeysSet(customised.customisation ?? {}).filter(
      (k) => !['tag-suffix', 'torch-index-url', 'cuda-arch-list'].includes(k),
    );
    throw new UserError(
      `${customised.tag}: ${keys.join(', ')} customise the embedded template, but input dockerfile names your own Dockerfile; ` +
        `install those in your Dockerfile (it gets every entry field as a build-arg), or leave dockerfile out`,
    );
  }
}

export interface EntrySource {
  text: string;
  /** the Dockerfile to build */
  file: string;
  context: string;
  contextDigest: string;
}

/**
 * An entry's Dockerfile and context. For the user's Dockerfile: theirs. For the template: the
 * rendered text in `dir`, and a context of its own holding only the files the entry names
 * (requirements and what it includes, post-install), so that the content hash follows those
 * files and nothing else in the repository.
 */
export function dockerfileFor(source: BuildSource, entry: MatrixEntry, dir: string, baseDigest: string | null = null): EntrySource {
  if (source.dockerfile !== null && source.dockerfilePath) {
    return { text: source.dockerfile, file: source.dockerfilePath, context: source.context, contextDigest: source.contextDigest };
  }
  const custom = entry.customisation ?? {};
  const context = path.join(dir, 'context');
  mkdirSync(context, { recursive: true });
  let requirements: { facts: RequirementsFacts } | null = null;
  if (custom.requirements) {
    const target = path.join(context, CONTEXT_REQUIREMENTS_DIR);
    const facts = copyRequirements(custom.requirements, source.workspace, target);
    requirements = { facts };
  }
  if (custom.postInstall) {
    const file = readInputFile(custom.postInstall, source.workspace, `${entry.tag}: post-install`, true);
    const target = path.join(context, CONTEXT_POST_INSTALL);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(file.path as string, target);
    chmodSync(target, 0o755);
  }
  const text = renderDockerfile(entry, {
    baseDigest,
    requirements,
    pipSecret: source.pipSecret,
    ...(source.data ? { data: source.data } : {}),
  });
  const file = path.join(dir, 'Dockerfile');
  writeFileSync(file, text);
  return { text, file, context, contextDigest: contextDigest(context) };
}

/** What a requirements file (and the files it includes) says, read from the workspace. */
export function readRequirementsTree(rel: string, workspace: string): RequirementsFacts {
  return copyRequirements(rel, workspace, null);
}

/** Copy a requirements file and the files it includes (-r, -c), keeping their relative places (or only read them: no target). */
function copyRequirements(rel: string, workspace: string, targetDir: string | null): RequirementsFacts {
  const top = readInputFile(rel, workspace, 'requirements', true);
  const topDir = path.dirname(top.path as string);
  const seen = new Set<string>();
  const visit = (file: string, origin: string): RequirementsFacts => {
    const read = readInputFile(file, topDir, origin, true);
    const real = read.path as string;
    const facts = readRequirements(read.text, origin);
    const relToTop = path.relative(topDir, real);
    if (relToTop.startsWith('..'))
      throw new UserError(`${origin}: ${quote(file)} is outside the folder of ${rel}; keep included files beside it or below it`);
    if (seen.has(real)) return facts;
    seen.add(real);
    if (targetDir) {
      const dest = path.join(targetDir, relToTop);
      mkdirSync(path.dirname(dest), { recursive: true });
      copyFileSync(real, dest);
    }
    for (const inc of facts.includes) {
      const sub = visit(path.join(path.dirname(relToTop), inc), `${rel} (included ${inc})`);
      facts.hashes ||= sub.hashes;
      facts.pins.push(...sub.pins);
    }
    return facts;
  };
  return visit(path.basename(top.path as string), `requirements ${rel}`);
}

export type BaseLookup = { digest: string | null; warning?: string } | { error: string };

/**
 * The base image's digest, asked of its registry before anything builds: a tag that does not
 * exist is reported here, not after a failed pull; one that does is pinned in FROM (so the
 * content hash follows the base image). When the registry cannot be asked, the build goes on
 * from the tag.
 */
export async function lookUpBaseImage(reference: string, registry: RegistryClient): Promise<BaseLookup> {
  const ref = parseImageReference(reference, 'base image');
  if (ref.digest) return { digest: null };
  try {
    const found = await registry.head(ref.repo, ref.tag);
    if (found?.digest) return { digest: found.digest };
    if (found) return { digest: null };
    return {
      error:
        `the base image ${reference} does not exist: ${ref.repo.registry} has no tag ` +
        `${quote(ref.tag)} in ${ref.repo.path}. Check the tag (base-image placeholders are ` +
        `filled from the entry: torch, cuda, cudnnMajor, ...), or that the image was not removed`,
    };
  } catch (err) {
    const status = err instanceof RegistryError ? err.status : null;
    if (status === 401 || status === 403) {
      // Docker Hub answers 401 for a repository that does not exist too; the builder may still be
      // able to pull with credentials this client cannot use, so the build is left to decide.
      return {
        digest: null,
        warning:
          `could not look up the base image ${reference}: ${ref.repo.registry} answered ${status} (a private ` +
          `image without a login here, or a repository that does not exist); building from the tag, unpinned`,
      };
    }
    return {
      digest: null,
      warning: `could not look up the base image ${reference} (${(err as Error).message}); building from the tag, unpinned`,
    };
  }
}
