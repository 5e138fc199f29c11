/**
 * The workflow commands the GitHub Actions runner would act on in a step's output, read the way
 * the runner reads them (actions/runner, ActionCommand.TryParseV2 / TryParse and
 * ActionCommandManager): lines end at \n, \r\n or a lone \r; `::name props::data` counts after
 * leading whitespace; the older `##[name props]data` counts anywhere in a line; between
 * `::stop-commands::TOKEN` and `::TOKEN::` nothing counts. A stand-in for the runner, which
 * cannot run here; the tests read the action's real output with it.
 */

export interface RunnerCommand {
  name: string;
  data: string;
  line: string;
}

/** The commands the runner registers (names compared without case, as it does). */
const REGISTERED = [
  'add-mask',
  'add-path',
  'set-env',
  'set-output',
  'save-state',
  'add-matcher',
  'remove-matcher',
  'echo',
  'error',
  'warning',
  'notice',
  'debug',
  'group',
  'endgroup',
  'stop-commands',
];

export function runnerCommands(output: string): RunnerCommand[] {
  const found: RunnerCommand[] = [];
  let stopToken: string | null = null;
  for (const line of output.split(/\r\n|\r|\n/)) {
    const names: string[] = stopToken === null ? REGISTERED : [...REGISTERED, stopToken.toLowerCase()];
    const command: RunnerCommand | null = parseV2(line, names) ?? parseLegacy(line, names);
    if (!command) continue;
    if (stopToken !== null) {
      if (command.name === stopToken.toLowerCase()) stopToken = null;
      continue;
    }
    if (command.name === 'stop-commands') stopToken = command.data;
    found.push(command);
  }
  return found;
}

function parseV2(line: string, names: string[]): RunnerCommand | null {
  const message = line.trimStart();
  if (!message.startsWith('::')) return null;
  const end = message.indexOf('::', 2);
  if (end < 0) return null;
  const name = message.slice(2, end).split(' ')[0]!.toLowerCase();
  return names.includes(name) ? { name, data: message.slice(end + 2), line } : null;
}

function parseLegacy(line: string, names: string[]): RunnerCommand | null {
  const start = line.indexOf('##[');
  if (start < 0) return null;
  const close = line.indexOf(']', start);
  if (close < 0) return null;
  const name = line
    .slice(start + 3, close)
    .split(' ')[0]!
    .toLowerCase();
  return names.includes(name) ? { name, data: line.slice(close + 1), line } : null;
}
