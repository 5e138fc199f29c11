import { UserError, listWords, quote } from './errors.js';
import type { BuildOptions } from './image/options.js';
import type { Platform } from './matrix/platform.js';
import type { Customisation } from './custom/customisation.js';
import type { ReproOptions } from './repro/options.js';
import type { SmokeOptions } from './smoke/options.js';
import type { VerifyOptions } from './verify/options.js';
import type { RefreshOptions } from './refresh/options.js';
import type { PruneOptions } from './prune/options.js';

/**
 * The one typed request both entry points (the action and the CLI) build
 * from their inputs; commands take nothing else.
 */

export const COMMANDS = ['plan', 'verify', 'build', 'merge', 'smoke', 'repro', 'all', 'refresh', 'prune'] as const;
export type Command = (typeof COMMANDS)[number];

/** What each command does, for --help. */
export const COMMAND_SUMMARIES: Record<Command, string> = {
  plan: 'resolve a matrix spec against the release data',
  verify: 'plan, then check that every wheel and image each entry needs exists (nothing is built)',
  build: 'plan, then build (and push) an image per entry',
  merge: "after a build per platform (--platform): write each entry's tags over an index of its platforms' images",
  smoke: "check each entry's image inside a container (GPU, or CPU with --expect-gpu false)",
  repro: 'build each entry twice and compare; with --baseline, what changed inside',
  all: 'plan, build, then smoke-test (--smoke auto: when the host has a GPU)',
  refresh: 'read the PyTorch index, PyPI and nvidia/cuda tags; write what is new as a compat-file (--out)',
  prune: "delete an image repository's old content tags (--image; a dry run unless --prune-apply)",
};

/** Text read from an input or a file, with where it came from for messages. */
export interface SourceText {
  text: string;
  origin: string;
  /** the real path, for files */
  path?: string;
}

export interface Request {
  command: Command;
  matrix: SourceText;
  /** one planned entry (JSON), for a fan-out job: the command works on that entry alone */
  entry?: SourceText;
  compatFile?: SourceText;
  maxEntries: number;
  /** the platforms input: what every entry is built for unless the spec says otherwise */
  platforms?: Platform[];
  /** the aliases input (YAML): moving tags over the plan, joined with the spec's */
  aliases?: SourceText;
  /** what every entry adds to its image (apt-packages, ..., base-image), from inputs; the spec may add more */
  customisation?: Customisation;
  /** for build and all */
  build?: BuildOptions;
  /** for smoke and all */
  smoke?: SmokeOptions;
  /** for repro */
  repro?: ReproOptions;
  /** for verify, build and all */
  verify?: VerifyOptions;
  /** for refresh */
  refresh?: RefreshOptions;
  /** for prune */
  prune?: PruneOptions;
  /** for smoke: where the images to check are named (a build's images output, or the repository) */
  smokeTargets?: { imagesJson?: string; image?: string; fields: { images: string; image: string } };
}

/** Commands that build images and so need the build settings. */
export function needsBuild(command: Command): boolean {
  return command === 'build' || command === 'all' || command === 'repro' || command === 'merge';
}

/**
 * Upper bound for max-entries itself. GitHub runs at most 256 jobs per matrix,
 * but one job may build many entries, so the input may go past that; not without bound.
 */
export const MAX_ENTRIES_CEILING = 10_000;

export function parseCommand(text: string, field: string): Command {
  const t = text.trim().toLowerCase();
  if ((COMMANDS as readonly string[]).includes(t)) return t as Command;
  throw new UserError(`${field}: ${quote(text)} is not a command; accepted: ${listWords([...COMMANDS])}`);
}

/** Commands that verify the plan's wheels and images (build and all first, unless input verify is false). */
export function needsVerify(command: Command): boolean {
  return command === 'verify' || command === 'build' || command === 'all';
}

export function needsSmoke(command: Command): boolean {
  return command === 'smoke' || command === 'all';
}
