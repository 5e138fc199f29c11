#!/usr/bin/env node
// The command-line entry point (package.json bin): argv -> request -> the same commands as the action.
import { randomUUID } from 'node:crypto';
import pkg from '../package.json' with { type: 'json' };
import { inertInline, inertJson, inertText } from './report/inert.js';
import { runCommand } from './commands/index.js';
import { planCommand, releaseDataFor } from './commands/plan.js';
import { readRequirementsTree } from './effects/build-source.js';
import { UserError, listWords, quote } from './errors.js';
import type { MatrixEntry } from './frameworks/index.js';
import { cliSurface, parseCliArgs, usage } from './inputs/cli-args.js';
import { readRequest } from './inputs/read-request.js';
import {
  FORMATS,
  buildMarkdown,
  buildTable,
  formatPlan,
  pruneMarkdown,
  pruneTable,
  reproMarkdown,
  smokeMarkdown,
  smokeTable,
  verifyMarkdown,
  verifyTable,
  type Format,
} from './report/format.js';
import { reproFails } from './repro/options.js';
import { parseCommand, type Command } from './request.js';
import { flushed, type Log, type Runtime } from './runtime.js';
import { renderDockerfile } from './template/dockerfile.js';
import { PIP_SECRET_ID } from './image/secrets.js';

export async function main(argv: string[]): Promise<number> {
  try {
    const { command: commandText, extra, values } = parseCliArgs(argv);
    const command = commandText === undefined ? undefined : parseCommand(commandText, 'command');
    if (values.help || commandText === undefined) {
      // A bare gpu-image-matrix prints what it can do.
      out(values.version && !values.help ? `${pkg.version}\n` : usage(command));
      return 0;
    }
    if (values.version) {
      out(`${pkg.version}\n`);
      return 0;
    }
    if (extra.length) throw new UserError(`one command expected, got ${[commandText, ...extra].map((p) => quote(p)).join(' ')}`);
    const format = parseFormat(values.format as string | undefined);
    const request = readRequest(command as Command, cliSurface(values, process.cwd()));
    const runtime: Runtime = { log: cliLog, env: process.env, docker: 'docker', baseDir: process.cwd(), now: () => new Date() };
    if (values['print-dockerfile'] !== undefined) {
      const data = await releaseDataFor(request, runtime);
      const plan = planCommand(request, data);
      const entry = selectEntry(plan.include, values['print-dockerfile'] as string);
      const requirements = entry.customisation?.requirements;
      // As the build renders it, except FROM's digest, which the build looks up in the registry; written as
      // it is, for a file or docker build -f - (its values passed the input parsers).
      const pipSecret = request.build?.secrets.some((s) => s.id === PIP_SECRET_ID) ?? false;
      process.stdout.write(
        renderDockerfile(entry, {
          data,
          pipSecret,
          ...(requirements ? { requirements: { facts: readRequirementsTree(requirements, process.cwd()) } } : {}),
        }),
      );
      return 0;
    }
    const { plan, images, smoke, repro, verify, refresh, prune } = await runCommand(request, runtime);
    if (repro) {
      if (format === 'json') outJson({ repro });
      else out(reproMarkdown(repro));
      return reproFails(request.repro?.failOn ?? 'nondeterministic', repro).length ? 1 : 0;
    }
    if (prune) {
      if (format === 'json') outJson({ prune });
      else out(format === 'markdown' ? pruneMarkdown(prune) : pruneTable(prune));
      return prune.errors.length ? 1 : 0;
    }
    if (refresh) {
      if (format === 'json') outJson({ refresh: refresh.data, file: refresh.file });
      else out(refresh.markdown);
      return 0;
    }
    if (verify && !images) {
      for (const w of plan.warnings) errOut(`warning: ${w}\n`);
      if (format === 'json') outJson({ verify: verify.verdicts });
      else out(format === 'markdown' ? verifyMarkdown(verify) : verifyTable(verify));
      return verify.verdicts.some((v) => v.status === 'missing') ? 1 : 0;
    }
    if (!images && !smoke) {
      const text = formatPlan(plan, format);
      if (format !== 'json') out(text);
      else {
        process.stdout.write(inertJson(text));
        for (const w of plan.warnings) errOut(`warning: ${w}\n`);
      }
      return 0;
    }
    for (const w of plan.warnings) errOut(`warning: ${w}\n`);
    if (format === 'json')
      outJson({ ...(images ? { images } : {}), ...(smoke ? { smoke } : {}), ...(verify ? { verify: verify.verdicts } : {}) });
    else {
      if (images) out(format === 'markdown' ? buildMarkdown(images) : buildTable(images));
      if (smoke) out(format === 'markdown' ? smokeMarkdown(smoke) : smokeTable(smoke));
    }
    const failed =
      (images ?? []).some((r) => r.status === 'failed' || r.status === 'cancelled') || (smoke ?? []).some((r) => r.status === 'failed');
    return failed ? 1 : 0;
  } catch (err) {
    if (err instanceof UserError) {
      errOut(`gpu-image-matrix: ${err.message}\n`);
      return 2;
    }
    if (err instanceof TypeError && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      errOut(`gpu-image-matrix: ${err.message}\n\n${usage()}`);
      return 2;
    }
    errOut(
      `gpu-image-matrix failed unexpectedly (a bug; please report it):\n` +
        `${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return 1;
  }
}

/** An entry named by its tag, key or 1-based position. */
function selectEntry(entries: MatrixEntry[], which: string): MatrixEntry {
  const byPosition = /^\d+$/.test(which) ? entries[Number(which) - 1] : undefined;
  const found = byPosition ?? entries.find((e) => e.tag === which || e.key === which);
  if (!found) {
    const some = `${entries
      .slice(0, 5)
      .map((e) => e.tag)
      .join(', ')}${entries.length > 5 ? ', ...' : ''}`;
    throw new UserError(
      `--print-dockerfile: ${quote(which)} names no entry of the plan; ` +
        `give a tag, a key or a position from 1 to ${entries.length} (${some})`,
    );
  }
  return found;
}

/**
 * Inside a GitHub Actions step the runner reads this process's output for workflow commands, and
 * what the CLI prints quotes tools, images and indexes (src/report/inert.ts). There the log
 * (stderr) goes out inside stop-commands blocks; results on stdout, which may be piped into a
 * file or another tool, stay what they are: JSON written so no command can be read in it, text
 * and markdown with a zero-width space inside `::` and `##[`. A Dockerfile goes out as it is.
 */
const IN_ACTIONS = process.env.GITHUB_ACTIONS === 'true';
const STOP_TOKEN = randomUUID();

function out(text: string): void {
  process.stdout.write(IN_ACTIONS ? inertInline(text) : text);
}

function outJson(value: unknown): void {
  process.stdout.write(`${inertJson(JSON.stringify(value, null, 2))}\n`);
}

function errOut(text: string): void {
  if (!IN_ACTIONS) {
    process.stderr.write(text);
    return;
  }
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  process.stderr.write(`${inertText(body, STOP_TOKEN)}\n`);
}

const cliLog: Log = {
  info: (m) => errOut(`${m}\n`),
  warning: (m) => errOut(`warning: ${m}\n`),
  error: (m) => errOut(`error: ${m}\n`),
  group: async (name, fn) => {
    errOut(`== ${name}\n`);
    return fn();
  },
  untrusted: (line) => errOut(`   ${line}\n`),
};

function parseFormat(text: string | undefined): Format {
  if (text === undefined) return 'json';
  if ((FORMATS as readonly string[]).includes(text)) return text as Format;
  throw new UserError(`--format: ${quote(text)} is not a format; accepted: ${listWords([...FORMATS])}`);
}

process.exitCode = await main(process.argv.slice(2));
// Exit now, not when the event loop drains: a request that timed out may still hold a socket open.
// But only once stdout and stderr have handed everything to the OS: writes to a pipe are not
// synchronous here, and exiting earlier cut a large plan at 128 KiB (`plan ... | jq`).
await flushed();
process.exit();
