import * as core from '@actions/core';
import { readInputFile } from '../effects/files.js';
import { parseCommand, type Request } from '../request.js';
import { readRequest, type Surface } from './read-request.js';

/**
 * The action's surface: inputs as the runner passes them (INPUT_* variables, read by
 * @actions/core), files relative to the workspace and kept inside it.
 */
export function actionSurface(workspace: string): Surface {
  return {
    kind: 'action',
    baseDir: workspace,
    inputs: { get: (name) => core.getInput(name), field: (name) => `input ${name}` },
    readFile: (file, name) => readInputFile(file, workspace, `input ${name}`, true),
  };
}

/** The action's inputs turned into the typed request (files read, relative to the workspace). */
export function requestFromActionInputs(workspace: string): Request {
  const command = parseCommand(core.getInput('command') || 'plan', 'input command');
  return readRequest(command, actionSurface(workspace));
}
