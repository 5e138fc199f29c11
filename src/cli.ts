#!/usr/bin/env node
// The command-line entry point (package.json bin): argv -> request -> the same commands as the action.
import { parseArgs } from 'node:util';
import pkg from '../package.json' with { type: 'json' };
import { runCommand } from './commands/index.js';
import { readInputFile, readStdin } from './effects/files.js';
import { UserError, listWords, quote } from './errors.js';
import { FORMATS, formatPlan, type Format } from './report/format.js';
import { parseCommand, parseMaxEntries, type Request } from './request.js';

const USAGE = `Usage: gpu-image-matrix <command> [options]

Commands:
  plan                 resolve a matrix spec against the release data
  build, smoke, repro, all
                       not implemented yet in this release

Options:
  --matrix FILE        the matrix spec, YAML or JSON ("-" reads standard input)
  --format FORMAT      json (default), table or markdown
  --compat-file FILE   release data to add or correct (same schema as the bundled data)
  --max-entries N      fail when the plan has more entries than N (default 256)
  -h, --help           show this help
  --version            show the version

Exit status: 0 on success, 2 for a mistake in the input, 1 for anything else.
`;

export function main(argv: string[]): number {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        matrix: { type: 'string' },
        format: { type: 'string' },
        'compat-file': { type: 'string' },
        'max-entries': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (values.version) {
      process.stdout.write(`${pkg.version}\n`);
      return 0;
    }
    if (positionals.length !== 1) {
      throw new UserError(positionals.length === 0 ? 'no command given' : `one command expected, got ${positionals.map((p) => quote(p)).join(' ')}`);
    }
    const format = parseFormat(values.format);
    const request = requestFromArgs(positionals[0] as string, values);
    const { plan } = runCommand(request);
    process.stdout.write(formatPlan(plan, format));
    if (format === 'json') for (const w of plan.warnings) process.stderr.write(`warning: ${w}\n`);
    return 0;
  } catch (err) {
    if (err instanceof UserError) {
      process.stderr.write(`gpu-image-matrix: ${err.message}\n`);
      return 2;
    }
    if (err instanceof TypeError && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`gpu-image-matrix: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`gpu-image-matrix failed unexpectedly (a bug; please report it):\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 1;
  }
}

function requestFromArgs(
  commandText: string,
  values: { matrix?: string | undefined; 'compat-file'?: string | undefined; 'max-entries'?: string | undefined },
): Request {
  const command = parseCommand(commandText, 'command');
  if (values.matrix === undefined) throw new UserError('--matrix is required: a YAML or JSON file, or - for standard input');
  const cwd = process.cwd();
  const matrix = values.matrix === '-' ? readStdin('--matrix') : readInputFile(values.matrix, cwd, '--matrix', false);
  const request: Request = { command, matrix, maxEntries: parseMaxEntries(values['max-entries'], '--max-entries') };
  const compat = values['compat-file'];
  if (compat !== undefined) request.compatFile = readInputFile(compat, cwd, '--compat-file', false);
  return request;
}

function parseFormat(text: string | undefined): Format {
  if (text === undefined) return 'json';
  if ((FORMATS as readonly string[]).includes(text)) return text as Format;
  throw new UserError(`--format: ${quote(text)} is not a format; accepted: ${listWords([...FORMATS])}`);
}

process.exitCode = main(process.argv.slice(2));
