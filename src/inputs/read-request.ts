import { realpathSync } from 'node:fs';
import path from 'node:path';
import { parseCustomInputs } from '../custom/customisation.js';
import { resolveDockerfile } from '../effects/build-source.js';
import { insideWorkspace } from '../effects/files.js';
import { UserError, listWords } from '../errors.js';
import { parseBuildOptions } from '../image/options.js';
import { DEFAULT_MAX_ENTRIES } from '../matrix/resolve.js';
import { parseReproOptions } from '../repro/options.js';
import { parseVerifyOptions } from '../verify/options.js';
import { parseRefreshOptions } from '../refresh/options.js';
import { parsePruneOptions } from '../prune/options.js';
import { MAX_ENTRIES_CEILING, needsBuild, needsSmoke, needsVerify, type Command, type Request, type SourceText } from '../request.js';
import { parseSmokeOptions } from '../smoke/options.js';
import { inputRow, type InputName, type Inputs } from './table.js';
import { parseWholeNumber } from './values.js';
import { parsePlatforms } from '../matrix/platform.js';

/**
 * The one way from inputs to the typed request, for both surfaces: the action (its inputs) and
 * the CLI (its flags). A surface says how an input is read and named, and how files are read.
 */

export interface Surface {
  /** the action's paths must stay inside its workspace; the CLI has no inline matrix (it reads files) */
  kind: 'action' | 'cli';
  inputs: Inputs;
  /** where relative paths start: the workspace (action) or the working directory (CLI) */
  baseDir: string;
  /** read a file an input names (for the CLI, "-" is standard input) */
  readFile(file: string, name: InputName): SourceText;
}

export function readRequest(command: Command, surface: Surface): Request {
  const { inputs } = surface;
  if (command === 'refresh') {
    // refresh reads the indexes, not a matrix: it works on the release data (bundled, plus compat-file).
    const request: Request = { command, matrix: { text: '', origin: inputs.field('matrix') }, maxEntries: DEFAULT_MAX_ENTRIES };
    if (inputs.get('compat-file')?.trim())
      request.compatFile = surface.readFile(inputs.get('compat-file')?.trim() as string, 'compat-file');
    request.refresh = parseRefreshOptions(inputs);
    if (surface.kind === 'action' && request.refresh.out) insideWorkspace(surface.baseDir, request.refresh.out, inputs.field('out'));
    return request;
  }
  if (command === 'prune') {
    // prune reads the repository, not a matrix: what it keeps is decided from the tags there.
    return {
      command,
      matrix: { text: '', origin: inputs.field('matrix') },
      maxEntries: DEFAULT_MAX_ENTRIES,
      prune: parsePruneOptions(inputs),
    };
  }
  const value = (name: InputName): string => inputs.get(name)?.trim() ?? '';
  const sources = (['matrix', 'matrix-file', 'entry'] as const).filter((n) => available(n, surface));
  const given = sources.filter((n) => value(n) !== '');
  if (given.length > 1) {
    throw new UserError(
      `give one of ${listWords(sources.map((n) => inputs.field(n)))}, not several: ${listWords(
        given.map((n) => inputs.field(n)),
        'and',
      )} are set`,
    );
  }
  if (given.length === 0) {
    throw new UserError(`no matrix given: set ${listWords(sources.map((n) => `${inputs.field(n)} (${inputRow(n).summary})`))}`);
  }
  const request: Request = {
    command,
    matrix: value('matrix-file')
      ? surface.readFile(value('matrix-file'), 'matrix-file')
      : { text: inputs.get('matrix') ?? '', origin: inputs.field('matrix') },
    maxEntries: parseWholeNumber(inputs.get('max-entries'), inputs.field('max-entries'), {
      min: 1,
      max: MAX_ENTRIES_CEILING,
      fallback: DEFAULT_MAX_ENTRIES,
    }),
    customisation: parseCustomInputs(inputs),
  };
  if (value('platforms')) request.platforms = parsePlatforms(inputs.get('platforms'), inputs.field('platforms'));
  if (value('aliases')) request.aliases = { text: inputs.get('aliases') as string, origin: inputs.field('aliases') };
  if (value('entry')) request.entry = { text: inputs.get('entry') as string, origin: inputs.field('entry') };
  if (value('compat-file')) request.compatFile = surface.readFile(value('compat-file'), 'compat-file');

  if (needsBuild(command)) {
    request.build = parseBuildOptions(inputs);
    if (surface.kind === 'action') {
      insideWorkspace(surface.baseDir, request.build.context, inputs.field('context'));
      const { context, dockerfile } = request.build;
      if (dockerfile) {
        // Read from the workspace, or from the context (see resolveDockerfile): one of the two must
        // stay inside the workspace, and the file the build will read, symlinks resolved, too.
        const field = inputs.field('dockerfile');
        const inside = [dockerfile, path.join(context, dockerfile)].filter((p) => isInside(surface.baseDir, p, field));
        if (inside.length === 0) insideWorkspace(surface.baseDir, dockerfile, field);
        const chosen = resolveDockerfile(surface.baseDir, context, dockerfile, field);
        insideWorkspace(surface.baseDir, path.relative(surface.baseDir, chosen), field);
      }
    }
  }
  if (command === 'repro') request.repro = parseReproOptions(inputs);
  if (needsVerify(command)) request.verify = parseVerifyOptions(inputs, command);
  if (needsSmoke(command)) {
    const script = value('smoke-script');
    const scriptPath = script ? surface.readFile(script, 'smoke-script').path : undefined;
    request.smoke = parseSmokeOptions(inputs, scriptPath, realpathSync(surface.baseDir));
    request.smokeTargets = {
      ...(value('images') ? { imagesJson: inputs.get('images') as string } : {}),
      ...(value('image') ? { image: value('image') } : {}),
      fields: { images: inputs.field('images'), image: inputs.field('image') },
    };
  }
  return request;
}

function isInside(base: string, file: string, field: string): boolean {
  try {
    insideWorkspace(base, file, field);
    return true;
  } catch {
    return false;
  }
}

/** Whether a surface has an input: the action has all; the CLI all but the action-only ones. */
function available(name: InputName, surface: Surface): boolean {
  return surface.kind === 'action' || !('actionOnly' in inputRow(name).cli);
}
