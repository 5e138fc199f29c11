import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readInputFile, readStdin } from '../effects/files.js';
import { COMMANDS, COMMAND_SUMMARIES, type Command } from '../request.js';
import type { SourceText } from '../request.js';
import type { Surface } from './read-request.js';
import { CLI_ONLY, INPUTS, INPUT_GROUPS, inputRow, type InputGroup, type InputName, type InputRow } from './table.js';

/**
 * The CLI's surface: flags parsed from argv by the table of inputs (one flag per input, plus the
 * CLI's own), files read relative to the working directory, and --help written from the table.
 */

type FlagValues = Record<string, string | boolean | string[] | undefined>;

export interface CliArgs {
  /** the first positional argument, when there is one */
  command?: string;
  /** further positional arguments (a mistake: one command is expected) */
  extra: string[];
  values: FlagValues;
}

/** The flag of a row as parseArgs names it ("--build-arg" -> "build-arg"); none for action-only rows. */
function flagName(row: InputRow): string | null {
  return 'flag' in row.cli ? row.cli.flag.replace(/^--/, '') : null;
}

function parserOptions(): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {
    format: { type: 'string' },
    'print-dockerfile': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
  };
  for (const row of INPUTS as readonly InputRow[]) {
    const name = flagName(row);
    if (!name) continue;
    const cli = row.cli;
    if ('switch' in cli) options[name] = { type: 'boolean' };
    else options[name] = { type: 'string', ...('repeatable' in cli && cli.repeatable ? { multiple: true } : {}) };
  }
  return options;
}

/** argv parsed by the table's flags; an unknown flag is parseArgs' TypeError (code ERR_PARSE_ARGS_*). */
export function parseCliArgs(argv: string[]): CliArgs {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: parserOptions() });
  return {
    ...(positionals[0] !== undefined ? { command: positionals[0] } : {}),
    extra: positionals.slice(1),
    values: values as FlagValues,
  };
}

/** The CLI's flags as the inputs every surface gives; files (--images, --entry FILE) read relative to `cwd`. */
export function cliSurface(values: FlagValues, cwd: string): Surface {
  const read = new Map<string, string>();
  const field = (name: InputName): string => {
    const row = inputRow(name);
    return 'flag' in row.cli ? row.cli.flag : `input ${name}`;
  };
  const readFile = (file: string, name: InputName): SourceText =>
    file === '-' && name === 'matrix-file' ? readStdin(field(name)) : readInputFile(file, cwd, field(name), false);
  const get = (name: InputName): string | undefined => {
    const row = inputRow(name);
    const flag = flagName(row);
    if (!flag) return undefined;
    const value = values[flag];
    if (value === undefined) return undefined;
    if (typeof value === 'boolean') return value ? 'true' : undefined;
    if (Array.isArray(value)) return value.join('\n');
    const cli = row.cli;
    if ('file' in cli && cli.file) {
      // A file's text is the value: read once, however often it is asked for.
      if (cli.file === 'json-or-file' && value.trim().startsWith('{')) return value;
      if (!read.has(name)) read.set(name, readFile(value, name).text);
      return read.get(name);
    }
    return value;
  };
  return { kind: 'cli', baseDir: cwd, inputs: { get, field }, readFile };
}

const GROUP_TITLES: Record<InputGroup, string> = {
  Common: 'Options',
  Build: 'Build options',
  Publish: 'Publish options (attestations, tag aliases, retention)',
  Customise: 'What the images add (the matrix spec may set the same keys)',
  Smoke: 'Smoke options',
  Reproducibility: 'Reproducibility options',
};

/** One option line: "  --flag VALUE          summary", wrapped to the summary column. */
function optionLine(flag: string, summary: string): string {
  const width = 26;
  const head = `  ${flag}`;
  return head.length < width ? `${head.padEnd(width)}${summary}` : `${head}\n${' '.repeat(width)}${summary}`;
}

function rowLine(row: InputRow): string | null {
  const cli = row.cli;
  if (!('flag' in cli)) return null;
  const flag = 'switch' in cli ? cli.flag : `${cli.flag} ${cli.value}`;
  const repeat = 'repeatable' in cli && cli.repeatable ? ' (repeatable)' : '';
  const dflt = row.default && row.type !== 'boolean' ? ` (default ${row.default})` : '';
  return optionLine(flag, `${row.summary}${repeat}${dflt}`);
}

/** --help: every command and option, or one command's (`gpu-image-matrix build --help`). */
export function usage(command?: Command): string {
  const out: string[] = [];
  if (command) {
    out.push(`Usage: gpu-image-matrix ${command} [options]`, '', `${command}: ${COMMAND_SUMMARIES[command]}`);
  } else {
    out.push('Usage: gpu-image-matrix <command> [options]', '', 'Commands:');
    for (const c of COMMANDS) out.push(optionLine(c, COMMAND_SUMMARIES[c]));
    out.push('', 'gpu-image-matrix <command> --help shows the options of one command.');
  }
  for (const group of INPUT_GROUPS) {
    const rows = (INPUTS as readonly InputRow[]).filter((r) => r.group === group && (!command || r.commands.includes(command)));
    const lines = rows.map(rowLine).filter((l): l is string => l !== null);
    if (group === 'Common') lines.push(...CLI_ONLY.map((o) => optionLine(o.value ? `${o.flag} ${o.value}` : o.flag, o.summary)));
    if (lines.length === 0) continue;
    const commands = [...new Set(rows.flatMap((r) => r.commands))];
    const scope = command || group === 'Common' ? '' : ` (${commands.join(', ')})`;
    out.push('', `${GROUP_TITLES[group]}${scope}:`, ...lines);
  }
  out.push('', 'Exit status: 0 on success, 2 for a mistake in the input, 1 for anything else.', '');
  return out.join('\n');
}
